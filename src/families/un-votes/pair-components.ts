/**
 * Per-pair component sums for every pair of states in every year, in one pass over each
 * year's vote matrix (this family's README.md: Häge's replication code builds the same sums).
 */
import type { PairComponents } from './measures.js';
import type { YearMatrix } from './vote-matrix.js';

/** Fields per pair in {@link PairYearComponents.sums}: K, Σx, Σy, Σx², Σy², SSD, SAD, same. */
export const STRIDE = 8;

/**
 * The component sums of every pair-year with at least one joint vote, as flat arrays,
 * ordered by (a, b, year): pair-year `p` is states `a[p] < b[p]` (indices into the
 * alphabetical state list) in `year[p]`, with sums `sums[p*8 .. p*8+7]` = K, Σx, Σy, Σx², Σy², SSD, SAD, same
 * (x = state a's code, y = state b's).
 */
export interface PairYearComponents {
  readonly size: number;
  readonly a: Uint16Array;
  readonly b: Uint16Array;
  readonly year: Uint16Array;
  readonly sums: Int32Array;
}

/** Which pairs to compute: both states must pass (`null` = all). */
export type StateFilter = Uint8Array | null;

/**
 * A reusable, mutable {@link PairComponents} view of one pair-year of a
 * {@link PairYearComponents} (no object per pair on the hot path).
 * @example
 * const v = new ComponentsCursor(pc); v.at(0); UN_MEASURES.agree.compute(v);
 */
export class ComponentsCursor implements PairComponents {
  k = 0;
  sx = 0;
  sy = 0;
  sxx = 0;
  syy = 0;
  ssd = 0;
  sad = 0;
  same = 0;
  constructor(private readonly pc: PairYearComponents) {}

  /** Points the cursor at pair-year `p`. */
  at(p: number): this {
    const s = this.pc.sums;
    const o = p * STRIDE;
    this.k = s[o]!;
    this.sx = s[o + 1]!;
    this.sy = s[o + 2]!;
    this.sxx = s[o + 3]!;
    this.syy = s[o + 4]!;
    this.ssd = s[o + 5]!;
    this.sad = s[o + 6]!;
    this.same = s[o + 7]!;
    return this;
  }
}

/**
 * Turns a 4×4 contingency table of codes (index `from` + x·4 + y, code 0 = no vote) into
 * the component sums of the joint votes, written at `out[o..o+7]`.
 * @example
 * const t = new Float64Array(16); t[1 * 4 + 1] = 1; t[2 * 4 + 3] = 1;
 * sumsFromTable(t, out, 0) // out = [2, 3, 4, 5, 10, 1, 1, 1]
 */
export function sumsFromTable(t: ArrayLike<number>, out: { [i: number]: number }, o: number, from = 0): void {
  let k = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let ssd = 0;
  let sad = 0;
  let same = 0;
  for (let x = 1; x <= 3; x++) {
    for (let y = 1; y <= 3; y++) {
      const n = t[from + x * 4 + y]!;
      if (n === 0) continue;
      const d = x - y;
      k += n;
      sx += n * x;
      sy += n * y;
      sxx += n * x * x;
      syy += n * y * y;
      ssd += n * d * d;
      sad += n * (d < 0 ? -d : d);
      if (d === 0) same += n;
    }
  }
  out[o] = k;
  out[o + 1] = sx;
  out[o + 2] = sy;
  out[o + 3] = sxx;
  out[o + 4] = syy;
  out[o + 5] = ssd;
  out[o + 6] = sad;
  out[o + 7] = same;
}

/**
 * Counts the component sums of every pair of states in every year matrix and keeps the
 * pair-years with K ≥ 1, ordered by state a, then state b, then year — the order of the
 * packed dyad-year keys, since state indices are alphabetical.
 *
 * Each state's votes of a year become four bitsets over the year's roll calls (yes,
 * abstain, no, voted); a pair-year then needs seven popcounts per 32 roll calls:
 * K = |V_a ∧ V_b|, same = |Y_a∧Y_b ∨ A_a∧A_b ∨ N_a∧N_b|, yes–no = |Y_a∧N_b ∨ N_a∧Y_b|,
 * and each side's yes and abstain counts on joint votes, from which Σx, Σx², SAD and SSD
 * follow exactly. All years' bitsets together take under a megabyte, so the pair-major
 * loop stays in cache.
 *
 * Cost: Σ_years (active states² / 2) × ⌈roll calls / 32⌉ × 7 popcounts.
 * @param onProgress called after each state a (progress).
 * @example
 * const pc = computePairComponents(matrices.years, null);
 * pc.size // number of pair-years with at least one joint vote
 */
export function computePairComponents(years: readonly YearMatrix[], filter: StateFilter, onProgress?: (done: number, total: number) => void): PairYearComponents {
  const nYears = years.length;
  const nStates = years.length > 0 ? years[0]!.states : 0;
  // per year: words per state, offset of the year's block, active flags
  const words = new Int32Array(nYears);
  const base = new Int32Array(nYears + 1);
  years.forEach((m, y) => {
    if (m.states !== nStates) throw new RangeError('every year matrix must have the same states');
    words[y] = (m.calls.length + 31) >>> 5;
    base[y + 1] = base[y]! + nStates * words[y]!;
  });
  const total = base[nYears]!;
  const yes = new Int32Array(total);
  const abs = new Int32Array(total);
  const no = new Int32Array(total);
  const voted = new Int32Array(total);
  const active = new Uint8Array(nYears * nStates);
  years.forEach((m, y) => {
    const nc = m.calls.length;
    const w = words[y]!;
    for (let s = 0; s < nStates; s++) {
      if (filter !== null && filter[s] === 0) continue;
      const row = s * nc;
      const o = base[y]! + s * w;
      for (let c = 0; c < nc; c++) {
        const v = m.codes[row + c]!;
        if (v === 0) continue;
        const at = o + (c >>> 5);
        const bit = 1 << (c & 31);
        voted[at]! |= bit;
        if (v === 1) yes[at]! |= bit;
        else if (v === 2) abs[at]! |= bit;
        else no[at]! |= bit;
        active[y * nStates + s] = 1;
      }
    }
  });

  // at most every pair of states active in a year: allocate once, no growing
  let cap = 0;
  for (let y = 0; y < nYears; y++) {
    let n = 0;
    for (let s = 0; s < nStates; s++) n += active[y * nStates + s]!;
    cap += (n * (n - 1)) / 2;
  }
  const a = new Uint16Array(cap);
  const b = new Uint16Array(cap);
  const yr = new Uint16Array(cap);
  const sums = new Int32Array(cap * STRIDE);
  let size = 0;
  for (let i = 0; i < nStates; i++) {
    for (let j = i + 1; j < nStates; j++) {
      for (let y = 0; y < nYears; y++) {
        if (active[y * nStates + i] === 0 || active[y * nStates + j] === 0) continue;
        const w = words[y]!;
        const oi = base[y]! + i * w;
        const oj = base[y]! + j * w;
        let k = 0;
        let same = 0;
        let far = 0;
        let yx = 0;
        let ax = 0;
        let yy = 0;
        let ay = 0;
        for (let q = 0; q < w; q++) {
          const vi = voted[oi + q]!;
          const vj = voted[oj + q]!;
          const yi = yes[oi + q]!;
          const yj = yes[oj + q]!;
          const ai = abs[oi + q]!;
          const aj = abs[oj + q]!;
          const ni = no[oi + q]!;
          const nj = no[oj + q]!;
          k += popcount(vi & vj);
          same += popcount((yi & yj) | (ai & aj) | (ni & nj));
          far += popcount((yi & nj) | (ni & yj));
          yx += popcount(yi & vj);
          ax += popcount(ai & vj);
          yy += popcount(yj & vi);
          ay += popcount(aj & vi);
        }
        if (k === 0) continue;
        const nx = k - yx - ax; // joint votes where a voted no
        const ny = k - yy - ay;
        const near = k - same - far; // distance 1: one side abstained
        const o = size * STRIDE;
        a[size] = i;
        b[size] = j;
        yr[size] = years[y]!.year;
        sums[o] = k;
        sums[o + 1] = yx + 2 * ax + 3 * nx;
        sums[o + 2] = yy + 2 * ay + 3 * ny;
        sums[o + 3] = yx + 4 * ax + 9 * nx;
        sums[o + 4] = yy + 4 * ay + 9 * ny;
        sums[o + 5] = near + 4 * far;
        sums[o + 6] = near + 2 * far;
        sums[o + 7] = same;
        size++;
      }
    }
    onProgress?.(i + 1, nStates);
  }
  return { size, a: a.subarray(0, size), b: b.subarray(0, size), year: yr.subarray(0, size), sums: sums.subarray(0, size * STRIDE) };
}

/** Number of set bits of a 32-bit integer (SWAR). */
function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

