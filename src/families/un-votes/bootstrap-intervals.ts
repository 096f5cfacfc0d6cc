/**
 * Bootstrap intervals for UN voting measures: resample the roll calls of each year with
 * replacement and recompute the measure for every pair (README.md, "Uncertainty": no peer
 * reports uncertainty per dyad-year).
 */
import { STRIDE, type PairYearComponents } from './pair-components.js';
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
  // the same resamples for every pair of a year, call-major and several draws to a number
  const byYear = new Map<number, { m: YearMatrix; packing: Packing; weights: Float64Array }>();
  years.forEach((m) => {
    const packing = packingFor(m.calls.length, draws);
    byYear.set(m.year, { m, packing, weights: drawWeights(m.calls.length, draws, packing, createRandom(streamSeed(seed, m.year))) });
  });
  const maxGroups = Math.max(0, ...[...byYear.values()].map((y) => y.packing.groups));
  const packed = new Float64Array(maxGroups * 16);
  // one draw's component sums, as the measure reads them
  const one = { k: 0, sx: 0, sy: 0, sxx: 0, syy: 0, ssd: 0, sad: 0, same: 0 };
  const values = new Float64Array(draws);
  const ws = new QuantileWorkspace(draws);
  const bounds = new Float64Array(2);
  const classSize = new Int32Array(16);
  const lanes = new Float64Array(STRIDE);
  let idx = new Uint8Array(0);
  for (let p = 0; p < pc.size; p++) {
    if ((p & 8191) === 8191) onProgress?.(p + 1, pc.size);
    if (present[p] === 0) continue;
    const year = byYear.get(pc.year[p]!);
    if (year === undefined) throw new RangeError(`no vote matrix for year ${pc.year[p]}`);
    const { m, weights } = year;
    const { lanes: L, groups: G, base: B } = year.packing;
    const inv = 1 / B;
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
    // Each draw's count of calls per (vote a, vote b) class, v = a·4 + b. Only the joint
    // votes (both codes ≥ 1) matter; every draw picks nc calls in all, so the largest class
    // can instead be had as nc minus the others — whichever adds fewer multiplicities.
    let joint = 0;
    let largest = 0;
    for (let v = 0; v < 16; v++) {
      if (v >= 4 && (v & 3) !== 0) joint += classSize[v]!;
      if (classSize[v]! > classSize[largest]!) largest = v;
    }
    const complement = largest >= 4 && (largest & 3) !== 0 && nc - classSize[largest]! < joint;
    packed.fill(0, 0, G * 16);
    for (let c = 0; c < nc; c++) {
      const v = idx[c]!;
      if (complement ? v === largest : v < 4 || (v & 3) === 0) continue;
      for (let g = 0, at = v, src = c * G; g < G; g++, at += 16) packed[at]! += weights[src + g]!;
    }
    const all = year.packing.all * nc;
    let n = 0;
    for (let g = 0, o = 0; g < G; g++, o += 16) {
      if (complement) {
        let others = 0;
        for (let v = 0; v < 16; v++) if (v !== largest) others += packed[o + v]!;
        packed[o + largest] = all - others;
      }
      // the component sums are linear in the counts, so they are summed for all the
      // group's draws at once, then split into draws (each lane stays below the base)
      packedSums(packed, o, lanes);
      let k = lanes[0]!;
      let sx = lanes[1]!;
      let sy = lanes[2]!;
      let sxx = lanes[3]!;
      let syy = lanes[4]!;
      let ssd = lanes[5]!;
      let sad = lanes[6]!;
      let same = lanes[7]!;
      for (let t = 0, d = g * L; t < L && d < draws; t++, d++) {
        // the lowest digit of each sum is this draw's, the rest moves down one digit
        const k1 = Math.floor(k * inv);
        one.k = k - k1 * B;
        k = k1;
        const sx1 = Math.floor(sx * inv);
        one.sx = sx - sx1 * B;
        sx = sx1;
        const sy1 = Math.floor(sy * inv);
        one.sy = sy - sy1 * B;
        sy = sy1;
        const sxx1 = Math.floor(sxx * inv);
        one.sxx = sxx - sxx1 * B;
        sxx = sxx1;
        const syy1 = Math.floor(syy * inv);
        one.syy = syy - syy1 * B;
        syy = syy1;
        const ssd1 = Math.floor(ssd * inv);
        one.ssd = ssd - ssd1 * B;
        ssd = ssd1;
        const sad1 = Math.floor(sad * inv);
        one.sad = sad - sad1 * B;
        sad = sad1;
        const same1 = Math.floor(same * inv);
        one.same = same - same1 * B;
        same = same1;
        if (one.k === 0) continue;
        const v = measure.compute(one);
        if (v !== null) values[n++] = v;
      }
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
 * How a year's resampled counts share a number: `lanes` draws to a float64, draw t of a
 * group in digit t of base `base` = 2^bits, where 9·nc < base (the largest component sum,
 * Σx² ≤ 9 per call) and lanes·bits ≤ 52 — so every sum of counts, and every component sum,
 * is an exact integer and no digit carries into the next.
 */
interface Packing {
  readonly lanes: number;
  readonly base: number;
  readonly groups: number;
  /** 1 in every lane: nc·all is the packed total of a group's draws. */
  readonly all: number;
}

function packingFor(nc: number, draws: number): Packing {
  const bits = Math.max(1, Math.ceil(Math.log2(9 * nc + 1)));
  if (bits > 52) throw new RangeError(`the bootstrap cannot take ${nc} roll calls in one year`);
  const lanes = Math.floor(52 / bits);
  const base = 2 ** bits;
  let all = 0;
  for (let t = lanes - 1; t >= 0; t--) all = all * base + 1;
  return { lanes, base, groups: Math.ceil(draws / lanes), all };
}

/**
 * The component sums K, Σx, Σy, Σx², Σy², SSD, SAD, same of one group of packed class
 * counts (`packed[o + a·4 + b]`, joint votes a, b ≥ 1), still packed.
 */
function packedSums(packed: Float64Array, o: number, out: Float64Array): void {
  out.fill(0);
  for (let x = 1; x <= 3; x++) {
    for (let y = 1; y <= 3; y++) {
      const n = packed[o + x * 4 + y]!;
      if (n === 0) continue;
      const d = x - y;
      out[0]! += n;
      out[1]! += n * x;
      out[2]! += n * y;
      out[3]! += n * x * x;
      out[4]! += n * y * y;
      out[5]! += n * d * d;
      out[6]! += n * (d < 0 ? -d : d);
      if (d === 0) out[7]! += n;
    }
  }
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
