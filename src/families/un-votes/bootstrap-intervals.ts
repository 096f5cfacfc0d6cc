/**
 * Bootstrap intervals for UN voting measures: resample the roll calls of each year with
 * replacement and recompute the measure for every pair (README.md, "Uncertainty": no peer
 * reports uncertainty per dyad-year).
 */
import { STRIDE, sumsFromTable, ComponentsCursor, type PairYearComponents } from './pair-components.js';
import type { UnMeasure } from './measures.js';
import type { YearMatrix } from './vote-matrix.js';
import { createRandom, streamSeed } from '../../core/random.js';

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
  // the same resamples for every pair of a year
  const byYear = new Map<number, { m: YearMatrix; weights: Uint16Array }>();
  years.forEach((m) => {
    byYear.set(m.year, { m, weights: drawWeights(m.calls.length, draws, createRandom(streamSeed(seed, m.year))) });
  });
  const table = new Float64Array(16);
  const scratch: PairYearComponents = { size: 1, a: new Uint16Array(1), b: new Uint16Array(1), year: new Uint16Array(1), sums: new Int32Array(STRIDE) };
  const cursor = new ComponentsCursor(scratch);
  const values = new Float64Array(draws);
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
    for (let c = 0; c < nc; c++) idx[c] = m.codes[ra + c]! * 4 + m.codes[rb + c]!;
    let n = 0;
    for (let d = 0; d < draws; d++) {
      table.fill(0);
      const w = d * nc;
      for (let c = 0; c < nc; c++) table[idx[c]!]! += weights[w + c]!;
      sumsFromTable(table, scratch.sums, 0);
      if (scratch.sums[0] === 0) continue;
      const v = measure.compute(cursor.at(0));
      if (v !== null) values[n++] = v;
    }
    if (n === 0) continue;
    const sorted = values.subarray(0, n).sort();
    lo[p] = quantile(sorted, pLo);
    hi[p] = quantile(sorted, pHi);
  }
  onProgress?.(pc.size, pc.size);
  return { lo, hi };
}

/** Multiplicities of each of `n` roll calls in each of `draws` resamples of size n. */
function drawWeights(n: number, draws: number, random: () => number): Uint16Array {
  const w = new Uint16Array(n * draws);
  for (let d = 0; d < draws; d++) {
    const o = d * n;
    for (let i = 0; i < n; i++) w[o + Math.floor(random() * n)]!++;
  }
  return w;
}

/**
 * Quantile of sorted values by linear interpolation between order statistics (type 7).
 * @example quantile(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  const lower = sorted[i]!;
  const upper = sorted[Math.min(i + 1, sorted.length - 1)]!;
  return lower + (h - i) * (upper - lower);
}
