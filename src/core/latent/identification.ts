/**
 * Identification of the latent scale. The model's likelihood does not change when z is
 * replaced by (z − c)/s for any c and s ≠ 0 (with a_k + b_k·c, b_k·s, τ/|s|, (μ₀ − c)/s,
 * P₀/s² in place of a_k, b_k, τ, μ₀, P₀), so the scale is fixed by convention, after every
 * E-step: over the pooled pair-years with at least one observation, the posterior mean of z
 * has mean 0 and the posterior second moment variance 1,
 *
 *   c = Σ m̂ / N,   s² = Σ (m̂² + P̂) / N − c²,
 *
 * and the sign of s makes the loading of a named column (the sign column) positive.
 * The same change of variable is applied to the E-step's statistics (so the M-step works on
 * the identified scale) and to the reported posterior.
 */
import { PER_COLUMN, STAT } from './e-step.js';
import type { LatentParams } from './kalman.js';

/** A change of variable z = shift + scale·z′ (z the old scale, z′ the new). */
export interface Rescaling {
  readonly shift: number;
  /** Non-zero; negative when the sign flips. */
  readonly scale: number;
}

/**
 * The rescaling that gives the pooled posterior mean 0 and variance 1 and a positive loading
 * to column `signColumn` under `params`.
 * @throws {RangeError} when the pool is empty or has no spread.
 * @example identifyingRescaling(stats, 4, 0, params) // { shift: 0.12, scale: 0.87 }
 */
export function identifyingRescaling(stats: Float64Array, K: number, signColumn: number, params: LatentParams): Rescaling {
  const t = PER_COLUMN * K;
  const n = stats[t + STAT.poolCount]!;
  const c = stats[t + STAT.poolSum]! / n;
  const v = stats[t + STAT.poolSquares]! / n - c * c;
  if (!(n > 0 && v > 0)) throw new RangeError('the latent model needs pair-years with observations and some spread in them');
  const sign = params.b[signColumn]! < 0 ? -1 : 1;
  return { shift: c, scale: sign * Math.sqrt(v) };
}

/**
 * The parameters on the new scale: a′ = a + b·shift, b′ = b·scale, τ′² = τ²/scale²,
 * μ₀′ = (μ₀ − shift)/scale, P₀′ = P₀/scale²; σ² unchanged. The likelihood is unchanged.
 * @example rescaleParams(params, { shift: 1, scale: 2 }).tau2 // params.tau2 / 4
 */
export function rescaleParams(params: LatentParams, r: Rescaling): LatentParams {
  const K = params.a.length;
  const a = new Float64Array(K);
  const b = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    a[k] = params.a[k]! + params.b[k]! * r.shift;
    b[k] = params.b[k]! * r.scale;
  }
  const s2 = r.scale * r.scale;
  return { a, b, s2: Float64Array.from(params.s2), tau2: params.tau2 / s2, mu0: (params.mu0 - r.shift) / r.scale, p0: params.p0 / s2 };
}

/**
 * Rewrites E-step statistics (see `e-step.ts`) for the new scale, in place: for sums of m̂,
 * (Σm̂ − n·shift)/scale; for sums of E[z²], (ΣE[z²] − 2·shift·Σm̂ + n·shift²)/scale²; for
 * Σy·m̂, (Σy·m̂ − shift·Σy)/scale; step squares / scale². Counts, sums of y and the
 * log-likelihood stay.
 * @example rescaleStats(stats, K, { shift: 0.1, scale: 0.9 });
 */
export function rescaleStats(stats: Float64Array, K: number, r: Rescaling): Float64Array {
  const { shift, scale } = r;
  const moments = (countAt: number, sumAt: number, squaresAt: number) => {
    const n = stats[countAt]!;
    const sum = stats[sumAt]!;
    stats[squaresAt] = (stats[squaresAt]! - 2 * shift * sum + n * shift * shift) / (scale * scale);
    stats[sumAt] = (sum - n * shift) / scale;
  };
  for (let k = 0; k < K; k++) {
    const o = PER_COLUMN * k;
    stats[o + 5] = (stats[o + 5]! - shift * stats[o + 1]!) / scale;
    moments(o, o + 3, o + 4);
  }
  const t = PER_COLUMN * K;
  stats[t + STAT.stepSquares] = stats[t + STAT.stepSquares]! / (scale * scale);
  moments(t + STAT.firstCount, t + STAT.firstSum, t + STAT.firstSquares);
  moments(t + STAT.poolCount, t + STAT.poolSum, t + STAT.poolSquares);
  return stats;
}

/**
 * Rewrites a posterior (means and variances per row) for the new scale, in place:
 * m′ = (m − shift)/scale, P′ = P/scale². NaN stays NaN.
 * @example rescalePosterior(Float64Array.of(3), Float64Array.of(4), { shift: 1, scale: 2 }) // mean [1], variance [1]
 */
export function rescalePosterior(mean: Float64Array, variance: Float64Array, r: Rescaling): void {
  const s2 = r.scale * r.scale;
  for (let i = 0; i < mean.length; i++) {
    mean[i] = (mean[i]! - r.shift) / r.scale;
    variance[i] = variance[i]! / s2;
  }
}
