/**
 * The latent index on the configured scale [lo, hi]: the posterior of z mapped through the
 * standard normal CDF,
 *
 *   index = lo + (hi − lo)·Φ(m̂),   index_lo/hi = lo + (hi − lo)·Φ(m̂ ∓ z_{(1+level)/2}·√P̂).
 *
 * Because z is identified with pooled mean 0 and variance 1, Φ(z) reads as the pair-year's
 * percentile in a normal distribution with the pool's mean and variance (50 = the average
 * pair-year). Φ is increasing, so the interval is the exact central `level` posterior
 * interval of the index and `index` its posterior median; the map never leaves [lo, hi].
 * Φ is `normalCdf` (relative error < 1.2e-7, i.e. ~1e-5 points on a 0–100 scale).
 */
import { normalCdf } from '../normalise.js';
import { normalQuantile } from './normal-quantile.js';

/** The default interval level: 90 %. */
export const DEFAULT_LEVEL = 0.9;

/** The index and its interval, per row (NaN where the posterior is NaN). */
export interface ScaledIndex {
  readonly index: Float64Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

/**
 * Maps posterior means and variances of z to the index scale with a central `level`
 * interval (see the module comment).
 * @example scaleIndex(Float64Array.of(0), Float64Array.of(1), [0, 100], 0.9) // index [50], lo [5], hi [95]
 */
export function scaleIndex(mean: Float64Array, variance: Float64Array, scale: readonly [number, number], level: number): ScaledIndex {
  if (!(level > 0 && level < 1)) throw new RangeError(`interval level must be in (0, 1), got ${level}`);
  const [lo, hi] = scale;
  const span = hi - lo;
  const zq = normalQuantile((1 + level) / 2);
  const n = mean.length;
  const index = new Float64Array(n);
  const low = new Float64Array(n);
  const high = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m = mean[i]!;
    const h = zq * Math.sqrt(variance[i]!);
    index[i] = lo + span * normalCdf(m);
    low[i] = lo + span * normalCdf(m - h);
    high[i] = lo + span * normalCdf(m + h);
  }
  return { index, lo: low, hi: high };
}
