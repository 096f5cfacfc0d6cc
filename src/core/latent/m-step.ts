/**
 * The M-step of the latent model's EM: the closed-form maximisers of the expected
 * complete-data log-likelihood given the E-step's statistics (see `e-step.ts`), each block
 * on its own:
 *
 * - per column k, the regression of y on z with the posterior second moments:
 *     [n, Σm̂; Σm̂, ΣE[z²]]·[a; b] = [Σy; Σy·m̂],
 *     σ² = (Σy² − 2aΣy − 2bΣy·m̂ + n·a² + 2ab·Σm̂ + b²·ΣE[z²]) / n;
 * - the random walk: τ² = (1/T)·Σ E[(z_r − z_{r'})²] / (t_r − t_{r'});
 * - the first-row prior: μ₀ = Σm̂₀ / P,  P₀ = ΣE[z₀²] / P − μ₀².
 *
 * Variances are kept above floors (σ_k² ≥ 10⁻⁶ × the column's variance; τ², P₀ ≥ 10⁻¹⁰) so a
 * column that fits perfectly cannot collapse the likelihood.
 */
import { PER_COLUMN, STAT } from './e-step.js';
import type { LatentParams } from './kalman.js';

/** Lower bounds of the variances. */
export interface VarianceFloors {
  /** Per column. */
  readonly s2: Float64Array;
  readonly tau2: number;
  readonly p0: number;
}

/**
 * The parameters maximising the expected complete-data log-likelihood. Blocks without data
 * (no transitions, say) keep their value from `previous`.
 * @example mStep(stats, K, floors, previous).b // the new loadings
 */
export function mStep(stats: Float64Array, K: number, floors: VarianceFloors, previous: LatentParams): LatentParams {
  const a = new Float64Array(K);
  const b = new Float64Array(K);
  const s2 = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const o = PER_COLUMN * k;
    const n = stats[o]!;
    const sy = stats[o + 1]!;
    const syy = stats[o + 2]!;
    const sz = stats[o + 3]!;
    const szz = stats[o + 4]!;
    const syz = stats[o + 5]!;
    const det = n * szz - sz * sz;
    if (!(n > 0 && det > 0)) {
      a[k] = previous.a[k]!;
      b[k] = previous.b[k]!;
      s2[k] = previous.s2[k]!;
      continue;
    }
    const bk = (n * syz - sy * sz) / det;
    const ak = (sy - bk * sz) / n;
    const v = (syy - 2 * ak * sy - 2 * bk * syz + n * ak * ak + 2 * ak * bk * sz + bk * bk * szz) / n;
    a[k] = ak;
    b[k] = bk;
    s2[k] = Math.max(v, floors.s2[k]!);
  }
  const t = PER_COLUMN * K;
  const transitions = stats[t + STAT.transitions]!;
  const tau2 = transitions > 0 ? Math.max(stats[t + STAT.stepSquares]! / transitions, floors.tau2) : previous.tau2;
  const first = stats[t + STAT.firstCount]!;
  const mu0 = first > 0 ? stats[t + STAT.firstSum]! / first : previous.mu0;
  const p0 = first > 0 ? Math.max(stats[t + STAT.firstSquares]! / first - mu0 * mu0, floors.p0) : previous.p0;
  return { a, b, s2, tau2, mu0, p0 };
}
