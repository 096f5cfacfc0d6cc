/**
 * Bootstrap intervals for UN voting measures: resample the roll calls of each year with
 * replacement and recompute the measure for every pair (README.md, "Uncertainty": no peer
 * reports uncertainty per dyad-year).
 */
import type { PairYearComponents } from './pair-components.js';
import type { UnMeasure } from './measures.js';
import type { YearMatrix } from './vote-matrix.js';
import { createRandom, streamSeed } from '../../core/random.js';
import { quantilesOf, QuantileWorkspace } from '../../core/quantile.js';

/** Bootstrap settings: number of resamples and the central interval's coverage. */
export interface BootstrapOptions {
  /** Resamples per year (default 200). */
  readonly draws: number;
  /** Coverage of the interval, e.g. 0.9 → the 5th and 95th percentiles (default 0.9). */
  readonly level: number;
}

/** Lower and upper interval bounds per pair-year of a {@link PairYearComponents} (NaN = absent). */
export interface BootstrapBounds {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

/**
 * Percentile bootstrap over roll calls within each year. For year t with C kept roll calls,
 * each draw picks C roll calls with replacement (the same draws for every pair of the year,
 * so pairs stay comparable); the measure is recomputed from the resampled component sums.
 * Draws where the measure is undefined (no joint vote drawn, or a zero κ/π denominator) are
 * left out. Bounds are the (1 − level)/2 and (1 + level)/2 quantiles of the defined draws
 * (linear interpolation, "type 7"); absent when no draw is defined or `present[p]` is 0.
 *
 * Deterministic: the generator is seeded with `seed` and the year, so a year's intervals do
 * not depend on which other years are computed, nor on the order years are computed in (the
 * years can be shared out among threads: {@link bootstrapPlan}, {@link bootstrapYear}). The
 * point estimates are not touched. Cost: per distinct pair of voting records in a year,
 * C × ⌈draws / lanes⌉ additions (see {@link bootstrapYear}).
 * @example
 * const { lo, hi } = bootstrapIntervals(matrices, pc, present, UN_MEASURES.agree, { draws: 200, level: 0.9 }, 42);
 */
export function bootstrapIntervals(
  years: readonly YearMatrix[],
  pc: PairYearComponents,
  present: Uint8Array,
  measure: UnMeasure,
  options: BootstrapOptions,
  seed: number,
  onProgress?: (done: number, total: number) => void,
): BootstrapBounds {
  const lo = new Float64Array(pc.size).fill(NaN);
  const hi = new Float64Array(pc.size).fill(NaN);
  const plan = bootstrapPlan(years, pc, present);
  const scratch = new BootstrapScratch(options.draws);
  const total = plan.start[plan.years.length]!;
  for (let y = 0; y < plan.years.length; y++) {
    bootstrapYear(plan.years[y]!, plan.order.subarray(plan.start[y]!, plan.start[y + 1]!), pc.a, pc.b, measure, options, seed, lo, hi, scratch);
    onProgress?.(plan.start[y + 1]!, total);
  }
  if (total === 0) onProgress?.(0, 0);
  return { lo, hi };
}

/**
 * The present pair-years grouped by year: those of `years[y]` are
 * `order[start[y] … start[y + 1] − 1]` (ascending). Only years with a present pair-year are kept.
 * @example
 * const plan = bootstrapPlan(matrices, pc, present); plan.order.subarray(plan.start[0], plan.start[1]) // pair-years of plan.years[0]
 */
export interface BootstrapPlan {
  readonly years: readonly YearMatrix[];
  readonly start: Int32Array;
  readonly order: Int32Array;
}

/**
 * Groups the present pair-years of `pc` by year (a counting sort; see {@link BootstrapPlan}).
 * Throws a RangeError when a present pair-year's year has no vote matrix.
 * @example bootstrapPlan(matrices, pc, present).years.length // years with a present pair-year
 */
export function bootstrapPlan(years: readonly YearMatrix[], pc: PairYearComponents, present: Uint8Array): BootstrapPlan {
  const slot = new Map<number, number>();
  years.forEach((m, i) => slot.set(m.year, i));
  const count = new Int32Array(years.length + 1);
  const which = new Int32Array(pc.size);
  for (let p = 0; p < pc.size; p++) {
    if (present[p] === 0) continue;
    const i = slot.get(pc.year[p]!);
    if (i === undefined) throw new RangeError(`no vote matrix for year ${pc.year[p]}`);
    which[p] = i;
    count[i + 1]!++;
  }
  const kept: number[] = [];
  for (let i = 0; i < years.length; i++) if (count[i + 1]! > 0) kept.push(i);
  const start = new Int32Array(kept.length + 1);
  const at = new Int32Array(years.length);
  kept.forEach((i, y) => {
    at[i] = start[y]!;
    start[y + 1] = start[y]! + count[i + 1]!;
  });
  const order = new Int32Array(start[kept.length]!);
  for (let p = 0; p < pc.size; p++) if (present[p] !== 0) order[at[which[p]!]!++] = p;
  return { years: kept.map((i) => years[i]!), start, order };
}

/** Reusable buffers of {@link bootstrapYear} for a number of draws. */
export class BootstrapScratch {
  readonly values: Float64Array;
  readonly ws: QuantileWorkspace;
  readonly bounds = new Float64Array(2);
  /** One draw's component sums, as the measure reads them. */
  readonly one = { k: 0, sx: 0, sy: 0, sxx: 0, syy: 0, ssd: 0, sad: 0, same: 0 };
  readonly size = new Int32Array(SLOTS);
  slot = new Uint8Array(0);
  packed = new Float64Array(0);
  constructor(readonly draws: number) {
    this.values = new Float64Array(draws);
    this.ws = new QuantileWorkspace(draws);
  }
}

/**
 * Slots of the class counts, by (vote a)·4 + (vote b): joint votes (x, y) → 3·(x − 1) + (y − 1)
 * when the measure reads the margins (Σx, Σy, …), any other call → 9; else joint votes →
 * |x − y| (0, 1 or 2: fewer and larger classes), any other call → 3. The last slot is the
 * calls that are not joint votes.
 */
const SLOTS = 10;
const joint = (v: number) => v >> 2 >= 1 && (v & 3) >= 1;
const SLOT_BY_VOTES = Uint8Array.from({ length: 16 }, (_, v) => (joint(v) ? 3 * ((v >> 2) - 1) + (v & 3) - 1 : 9));
const SLOT_BY_DISTANCE = Uint8Array.from({ length: 16 }, (_, v) => (joint(v) ? Math.abs((v >> 2) - (v & 3)) : 3));

/**
 * The bootstrap bounds of the pair-years `pairs` (all of year `m`, present), written to
 * `lo[p]` and `hi[p]`. Each draw's counts of calls per class of joint votes — (x, y), or
 * |x − y| alone when the measure reads no margin — are formed
 * for several draws at once, packed in the digits of one float64 (see {@link Packing}): one
 * addition per call and group of draws; the largest class may instead be had as C minus the
 * others, whichever adds fewer calls. The component sums are linear in the counts: the
 * counts they are made of are summed still packed, then split into draws — only those the
 * measure reads ({@link UnMeasure.reads}). Pairs whose two states cast the same votes as an earlier
 * pair's two states (voting blocs) reuse its bounds — the same class of every call, so the same
 * numbers. The results do not depend on which other years are computed, or where.
 * @example bootstrapYear(m, plan.order.subarray(0, 10), pc.a, pc.b, UN_MEASURES.agree, { draws: 200, level: 0.9 }, 42, lo, hi, new BootstrapScratch(200))
 */
export function bootstrapYear(
  m: YearMatrix,
  pairs: Int32Array,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  measure: UnMeasure,
  options: BootstrapOptions,
  seed: number,
  lo: Float64Array,
  hi: Float64Array,
  scratch: BootstrapScratch,
): void {
  const draws = options.draws;
  if (scratch.draws !== draws) throw new RangeError(`the scratch space is for ${scratch.draws} draws, not ${draws}`);
  const pLo = (1 - options.level) / 2;
  const pHi = (1 + options.level) / 2;
  const probs = [pLo, pHi];
  const nc = m.calls.length;
  const packing = packingFor(nc, draws);
  const { lanes: L, groups: G, base: B } = packing;
  const inv = 1 / B;
  const allCalls = packing.all * nc;
  const weights = drawWeights(nc, draws, packing, createRandom(streamSeed(seed, m.year)));
  const { values, one, bounds, ws, size } = scratch;
  if (scratch.slot.length < nc) scratch.slot = new Uint8Array(nc);
  if (scratch.packed.length < SLOTS * G) scratch.packed = new Float64Array(SLOTS * G);
  const slot = scratch.slot;
  const packed = scratch.packed;
  const { profile, profiles } = votingProfiles(m);
  const seen = new Int32Array(profiles * profiles).fill(-1);
  const codes = m.codes;
  // only the component sums the measure reads are formed
  const reads = new Set<string>(measure.reads);
  const rows = reads.has('sx') || reads.has('sxx');
  const cols = reads.has('sy') || reads.has('syy');
  const same = reads.has('same');
  const dist = reads.has('sad') || reads.has('ssd');
  const byVotes = rows || cols;
  const slotOf = byVotes ? SLOT_BY_VOTES : SLOT_BY_DISTANCE;
  const other = byVotes ? 9 : 3; // the last slot
  const slots = other + 1;
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i]!;
    const pa = profile[a[p]!]!;
    const pb = profile[b[p]!]!;
    const earlier = seen[pa * profiles + pb]!;
    if (earlier >= 0) {
      lo[p] = lo[earlier]!;
      hi[p] = hi[earlier]!;
      continue;
    }
    seen[pa * profiles + pb] = p;
    const ra = a[p]! * nc;
    const rb = b[p]! * nc;
    size.fill(0);
    for (let c = 0; c < nc; c++) {
      const s = slotOf[codes[ra + c]! * 4 + codes[rb + c]!]!;
      slot[c] = s;
      size[s]!++;
    }
    let largest = 0;
    for (let s = 1; s < other; s++) if (size[s]! > size[largest]!) largest = s;
    // add the joint calls, or every call but the largest class's when those are fewer
    const skip = nc - size[largest]! < nc - size[other]! ? largest : other;
    packed.fill(0, 0, slots * G);
    for (let c = 0; c < nc; c++) {
      const s = slot[c]!;
      if (s === skip) continue;
      for (let g = 0, at = s * G, src = c * G; g < G; g++) packed[at + g]! += weights[src + g]!;
    }
    if (skip !== other) {
      const o = skip * G;
      for (let g = 0; g < G; g++) {
        let others = 0;
        for (let s = 0; s < slots; s++) if (s !== skip) others += packed[s * G + g]!;
        packed[o + g] = allCalls - others;
      }
    }
    let n = 0;
    for (let g = 0; g < G; g++) {
      // per group, the packed counts of calls the component sums are made of (each ≤ C per
      // draw, so they stay packed): all joint votes K; x = 2, x = 3; y = 2, y = 3; x = y;
      // |x − y| = 1; |x − y| = 2
      let pk: number;
      let px2 = 0;
      let px3 = 0;
      let py2 = 0;
      let py3 = 0;
      let psame: number;
      let pd1: number;
      let pd2: number;
      if (byVotes) {
        const n11 = packed[g]!;
        const n12 = packed[G + g]!;
        const n13 = packed[2 * G + g]!;
        const n21 = packed[3 * G + g]!;
        const n22 = packed[4 * G + g]!;
        const n23 = packed[5 * G + g]!;
        const n31 = packed[6 * G + g]!;
        const n32 = packed[7 * G + g]!;
        const n33 = packed[8 * G + g]!;
        pk = n11 + n12 + n13 + n21 + n22 + n23 + n31 + n32 + n33;
        px2 = n21 + n22 + n23;
        px3 = n31 + n32 + n33;
        py2 = n12 + n22 + n32;
        py3 = n13 + n23 + n33;
        psame = n11 + n22 + n33;
        pd1 = n12 + n21 + n23 + n32;
        pd2 = n13 + n31;
      } else {
        psame = packed[g]!;
        pd1 = packed[G + g]!;
        pd2 = packed[2 * G + g]!;
        pk = psame + pd1 + pd2;
      }
      for (let t = 0, d = g * L; t < L && d < draws; t++, d++) {
        // the lowest digit of each packed count is this draw's, the rest moves down one digit
        const qk = Math.floor(pk * inv);
        const k = pk - qk * B;
        pk = qk;
        if (rows) {
          const q2 = Math.floor(px2 * inv);
          const x2 = px2 - q2 * B;
          px2 = q2;
          const q3 = Math.floor(px3 * inv);
          const x3 = px3 - q3 * B;
          px3 = q3;
          one.sx = k + x2 + 2 * x3;
          one.sxx = k + 3 * x2 + 8 * x3;
        }
        if (cols) {
          const q2 = Math.floor(py2 * inv);
          const y2 = py2 - q2 * B;
          py2 = q2;
          const q3 = Math.floor(py3 * inv);
          const y3 = py3 - q3 * B;
          py3 = q3;
          one.sy = k + y2 + 2 * y3;
          one.syy = k + 3 * y2 + 8 * y3;
        }
        if (same) {
          const q = Math.floor(psame * inv);
          one.same = psame - q * B;
          psame = q;
        }
        if (dist) {
          const q1 = Math.floor(pd1 * inv);
          const d1 = pd1 - q1 * B;
          pd1 = q1;
          const q2 = Math.floor(pd2 * inv);
          const d2 = pd2 - q2 * B;
          pd2 = q2;
          one.sad = d1 + 2 * d2;
          one.ssd = d1 + 4 * d2;
        }
        if (k === 0) continue;
        one.k = k;
        const v = measure.compute(one);
        if (v !== null) values[n++] = v;
      }
    }
    if (n === 0) continue;
    quantilesOf(values, n, probs, bounds, ws);
    lo[p] = bounds[0]!;
    hi[p] = bounds[1]!;
  }
}

/**
 * Voting records of a year: `profile[s]` numbers state s's row of votes, equal rows getting
 * equal numbers (0 … profiles − 1, in order of first appearance).
 */
function votingProfiles(m: YearMatrix): { profile: Int32Array; profiles: number } {
  const nc = m.calls.length;
  const ids = new Map<string, number>();
  const profile = new Int32Array(m.states);
  for (let s = 0; s < m.states; s++) {
    let key = '';
    for (let c = s * nc, end = c + nc; c < end; c += 4096) key += String.fromCharCode(...m.codes.subarray(c, Math.min(end, c + 4096)));
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    profile[s] = id;
  }
  return { profile, profiles: ids.size };
}

/**
 * How a year's resampled counts share a number: `lanes` draws to a float64, draw t of a
 * group in digit t of base `base` = 2^bits, where nc < base (no class count of a draw
 * exceeds the nc calls drawn) and lanes·bits ≤ 52 — so every sum of counts is an exact
 * integer and no digit carries into the next.
 */
interface Packing {
  readonly lanes: number;
  readonly base: number;
  readonly groups: number;
  /** 1 in every lane: nc·all is the packed total of a group's draws. */
  readonly all: number;
}

function packingFor(nc: number, draws: number): Packing {
  const bits = Math.max(1, Math.ceil(Math.log2(nc + 1)));
  if (bits > 52) throw new RangeError(`the bootstrap cannot take ${nc} roll calls in one year`);
  const lanes = Math.floor(52 / bits);
  const base = 2 ** bits;
  let all = 0;
  for (let t = lanes - 1; t >= 0; t--) all = all * base + 1;
  return { lanes, base, groups: Math.ceil(draws / lanes), all };
}

/**
 * Multiplicities of each of `n` roll calls in each of `draws` resamples of size n (the
 * draws made in draw order), call-major and packed: call c's count in draw d is digit
 * d mod lanes of number c·groups + ⌊d / lanes⌋.
 */
function drawWeights(n: number, draws: number, packing: Packing, random: () => number): Float64Array {
  const { lanes, base, groups } = packing;
  const w = new Float64Array(n * groups);
  for (let d = 0; d < draws; d++) {
    const one = base ** (d % lanes);
    const g = Math.floor(d / lanes);
    for (let i = 0; i < n; i++) w[Math.floor(random() * n) * groups + g]! += one;
  }
  return w;
}
