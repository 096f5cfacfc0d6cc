/**
 * Bootstrap intervals for UN voting measures: resample the roll calls of each year with
 * replacement and recompute the measure for every pair (METHODS.md §6 gap 2: no peer
 * reports uncertainty per dyad-year).
 */
import { STRIDE, sumsFromTable, ComponentsCursor, type PairYearComponents } from './pair-components.js';
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
 * not depend on which other years are computed. The point estimates are not touched.
 * Cost: draws × the cost of the point estimates.
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
  const draws = options.draws;
  const pLo = (1 - options.level) / 2;
  const pHi = (1 + options.level) / 2;
  // the same resamples for every pair of a year, call-major (a call's multiplicities in
  // every draw side by side, two draws to a 32-bit word)
  const half = (draws + 1) >> 1;
  const byYear = new Map<number, { m: YearMatrix; weights: Int32Array }>();
  years.forEach((m) => {
    if (m.calls.length >= 32768) throw new RangeError(`the bootstrap takes at most 32,767 roll calls a year, ${m.year} has ${m.calls.length}`);
    byYear.set(m.year, { m, weights: drawWeights(m.calls.length, draws, createRandom(streamSeed(seed, m.year))) });
  });
  const packed = new Int32Array(half * 16);
  const counts = new Float64Array(draws * 16);
  const scratch: PairYearComponents = { size: 1, a: new Uint16Array(1), b: new Uint16Array(1), year: new Uint16Array(1), sums: new Int32Array(STRIDE) };
  const cursor = new ComponentsCursor(scratch);
  const values = new Float64Array(draws);
  const ws = new QuantileWorkspace(draws);
  const bounds = new Float64Array(2);
  const classSize = new Int32Array(16);
  let idx = new Uint8Array(0);
  for (let p = 0; p < pc.size; p++) {
    if ((p & 8191) === 8191) onProgress?.(p + 1, pc.size);
    if (present[p] === 0) continue;
    const year = byYear.get(pc.year[p]!);
    if (year === undefined) throw new RangeError(`no vote matrix for year ${pc.year[p]}`);
    const { m, weights } = year;
    const nc = m.calls.length;
    if (idx.length < nc) idx = new Uint8Array(nc);
    const ra = pc.a[p]! * nc;
    const rb = pc.b[p]! * nc;
    classSize.fill(0);
    for (let c = 0; c < nc; c++) {
      const v = m.codes[ra + c]! * 4 + m.codes[rb + c]!;
      idx[c] = v;
      classSize[v]!++;
    }
    // Each draw's count of calls per (vote a, vote b) class. Only the joint votes (both
    // codes ≥ 1) matter; every draw picks nc calls in all, so the largest class can instead
    // be had as nc minus the others — whichever adds fewer multiplicities. Two draws are
    // added at once, one per 16-bit half of a word (a count stays below 32,768). Integer
    // sums: exact.
    let joint = 0;
    let largest = 0;
    for (let v = 0; v < 16; v++) {
      if (v >= 4 && (v & 3) !== 0) joint += classSize[v]!;
      if (classSize[v]! > classSize[largest]!) largest = v;
    }
    const complement = largest >= 4 && (largest & 3) !== 0 && nc - classSize[largest]! < joint;
    packed.fill(0);
    for (let c = 0; c < nc; c++) {
      const v = idx[c]!;
      if (complement ? v === largest : v < 4 || (v & 3) === 0) continue;
      for (let h = 0, at = v, src = c * half; h < half; h++, at += 16) packed[at] = packed[at]! + weights[src + h]!;
    }
    if (complement) {
      const all = nc | (nc << 16);
      for (let h = 0, o = 0; h < half; h++, o += 16) {
        let others = 0;
        for (let v = 0; v < 16; v++) if (v !== largest) others += packed[o + v]!;
        packed[o + largest] = all - others;
      }
    }
    for (let d = 0; d < draws; d++) {
      const shift = (d & 1) << 4;
      for (let v = 5, from = (d >> 1) * 16; v < 16; v++) counts[d * 16 + v] = (packed[from + v]! >>> shift) & 0xffff;
    }
    let n = 0;
    for (let d = 0; d < draws; d++) {
      sumsFromTable(counts, scratch.sums, 0, d * 16);
      if (scratch.sums[0] === 0) continue;
      const v = measure.compute(cursor.at(0));
      if (v !== null) values[n++] = v;
    }
    if (n === 0) continue;
    quantilesOf(values, n, [pLo, pHi], bounds, ws);
    lo[p] = bounds[0]!;
    hi[p] = bounds[1]!;
  }
  onProgress?.(pc.size, pc.size);
  return { lo, hi };
}

/**
 * Multiplicities of each of `n` roll calls in each of `draws` resamples of size n (the
 * draws made in draw order), call-major and two draws to a word: call c's counts in draws
 * 2h and 2h + 1 are the low and high 16 bits of word c·⌈draws/2⌉ + h.
 */
function drawWeights(n: number, draws: number, random: () => number): Int32Array {
  const half = (draws + 1) >> 1;
  const w = new Int32Array(n * half);
  for (let d = 0; d < draws; d++) {
    const one = 1 << ((d & 1) << 4);
    const h = d >> 1;
    for (let i = 0; i < n; i++) w[Math.floor(random() * n) * half + h]! += one;
  }
  return w;
}
