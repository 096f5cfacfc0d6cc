/**
 * Bootstrap intervals for UN voting measures: resample the roll calls of each year with
 * replacement and recompute the measure for every pair (README.md, "Uncertainty": no peer
 * reports uncertainty per dyad-year).
 */
import type { PairYearComponents } from './pair-components.js';
import type { UnMeasure } from './measures.js';
import type { YearMatrix } from './vote-matrix.js';
import { createRandom, streamSeed } from '../../core/random.js';
import { QuantileWorkspace } from '../../core/quantile.js';
import { tailQuantiles, TailWorkspace } from '../../core/tail-quantiles.js';

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
  readonly tail = new TailWorkspace(32);
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

/** Slots of the class counts: joint votes (x, y) → 3·(x − 1) + (y − 1); any other call → 9. */
const SLOTS = 10;
const OTHER = 9;
const SLOT_OF = Uint8Array.from({ length: 16 }, (_, v) => (v >> 2 >= 1 && (v & 3) >= 1 ? 3 * ((v >> 2) - 1) + (v & 3) - 1 : OTHER));

/**
 * The bootstrap bounds of the pair-years `pairs` (all of year `m`, present), written to
 * `lo[p]` and `hi[p]`. Each draw's counts of calls per class (x, y) of joint votes are formed
 * for several draws at once, packed in the digits of one float64 (see {@link Packing}): one
 * addition per call and group of draws; the largest class may instead be had as C minus the
 * others, whichever adds fewer calls. Pairs whose two states cast the same votes as an earlier
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
  const nc = m.calls.length;
  const packing = packingFor(nc, draws);
  const { lanes: L, groups: G, base: B } = packing;
  const inv = 1 / B;
  const allCalls = packing.all * nc;
  const weights = drawWeights(nc, draws, packing, createRandom(streamSeed(seed, m.year)));
  const { values, one, bounds, tail, ws, size } = scratch;
  if (scratch.slot.length < nc) scratch.slot = new Uint8Array(nc);
  if (scratch.packed.length < SLOTS * G) scratch.packed = new Float64Array(SLOTS * G);
  const slot = scratch.slot;
  const packed = scratch.packed;
  const { profile, profiles } = votingProfiles(m);
  const seen = new Int32Array(profiles * profiles).fill(-1);
  const codes = m.codes;
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
      const s = SLOT_OF[codes[ra + c]! * 4 + codes[rb + c]!]!;
      slot[c] = s;
      size[s]!++;
    }
    let largest = 0;
    for (let s = 1; s < OTHER; s++) if (size[s]! > size[largest]!) largest = s;
    const joint = nc - size[OTHER]!;
    // add the joint calls, or every call but the largest class's when those are fewer
    const skip = nc - size[largest]! < joint ? largest : OTHER;
    packed.fill(0, 0, SLOTS * G);
    for (let c = 0; c < nc; c++) {
      const s = slot[c]!;
      if (s === skip) continue;
      for (let g = 0, at = s * G, src = c * G; g < G; g++) packed[at + g]! += weights[src + g]!;
    }
    if (skip !== OTHER) {
      const o = skip * G;
      for (let g = 0; g < G; g++) {
        let others = 0;
        for (let s = 0; s < SLOTS; s++) if (s !== skip) others += packed[s * G + g]!;
        packed[o + g] = allCalls - others;
      }
    }
    let n = 0;
    for (let g = 0; g < G; g++) {
      let n11 = packed[g]!;
      let n12 = packed[G + g]!;
      let n13 = packed[2 * G + g]!;
      let n21 = packed[3 * G + g]!;
      let n22 = packed[4 * G + g]!;
      let n23 = packed[5 * G + g]!;
      let n31 = packed[6 * G + g]!;
      let n32 = packed[7 * G + g]!;
      let n33 = packed[8 * G + g]!;
      for (let t = 0, d = g * L; t < L && d < draws; t++, d++) {
        // the lowest digit of each count is this draw's, the rest moves down one digit
        const q11 = Math.floor(n11 * inv);
        const c11 = n11 - q11 * B;
        n11 = q11;
        const q12 = Math.floor(n12 * inv);
        const c12 = n12 - q12 * B;
        n12 = q12;
        const q13 = Math.floor(n13 * inv);
        const c13 = n13 - q13 * B;
        n13 = q13;
        const q21 = Math.floor(n21 * inv);
        const c21 = n21 - q21 * B;
        n21 = q21;
        const q22 = Math.floor(n22 * inv);
        const c22 = n22 - q22 * B;
        n22 = q22;
        const q23 = Math.floor(n23 * inv);
        const c23 = n23 - q23 * B;
        n23 = q23;
        const q31 = Math.floor(n31 * inv);
        const c31 = n31 - q31 * B;
        n31 = q31;
        const q32 = Math.floor(n32 * inv);
        const c32 = n32 - q32 * B;
        n32 = q32;
        const q33 = Math.floor(n33 * inv);
        const c33 = n33 - q33 * B;
        n33 = q33;
        // the component sums from the nine counts (exact integers)
        const r1 = c11 + c12 + c13;
        const r2 = c21 + c22 + c23;
        const r3 = c31 + c32 + c33;
        const k = r1 + r2 + r3;
        if (k === 0) continue;
        const k1 = c11 + c21 + c31;
        const k2 = c12 + c22 + c32;
        const k3 = c13 + c23 + c33;
        const d1 = c12 + c21 + c23 + c32;
        const d2 = c13 + c31;
        one.k = k;
        one.sx = r1 + 2 * r2 + 3 * r3;
        one.sy = k1 + 2 * k2 + 3 * k3;
        one.sxx = r1 + 4 * r2 + 9 * r3;
        one.syy = k1 + 4 * k2 + 9 * k3;
        one.ssd = d1 + 4 * d2;
        one.sad = d1 + 2 * d2;
        one.same = c11 + c22 + c33;
        const v = measure.compute(one);
        if (v !== null) values[n++] = v;
      }
    }
    if (n === 0) continue;
    tailQuantiles(values, n, pLo, pHi, bounds, tail, ws);
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
