/**
 * The Kalman filter and Rauch–Tung–Striebel smoother for one pair's series under the latent
 * model
 *
 *   y_{t,k} = a_k + b_k·z_t + e_{t,k},   e_{t,k} ~ N(0, σ_k²)   (the observed k of year t)
 *   z_t     = z_{t'} + u_t,              u_t ~ N(0, τ²·(t − t'))  (t' the pair's previous row)
 *   z_{t₀}  ~ N(μ₀, P₀)                                          (the pair's first fitted row)
 *
 * Filter (scalar state, all observed columns of a row at once, information form):
 *   m⁻ = m_{t'} (μ₀ at t₀),  P⁻ = P_{t'} + τ²·(t − t') (P₀ at t₀)
 *   J = Σ_k b_k²/σ_k²,  h = Σ_k b_k·(y_k − a_k − b_k·m⁻)/σ_k²
 *   P = P⁻ / (1 + P⁻·J),  m = m⁻ + P·h
 * log-likelihood (prediction-error decomposition; the matrix determinant lemma for
 * Σ = diag(σ²) + P⁻·b·bᵀ):
 *   ℓ_t = −½ [n·log 2π + Σ_k log σ_k² + log(1 + P⁻J) + Σ_k e_k²/σ_k² − P⁻·h²/(1 + P⁻J)],
 *   e_k = y_k − a_k − b_k·m⁻.
 * Smoother (backwards): C = P_t / P⁻_{t+1},  m̂_t = m_t + C·(m̂_{t+1} − m_t),
 *   P̂_t = P_t + C²·(P̂_{t+1} − P⁻_{t+1}),  Cov(z_{t+1}, z_t | all) = C·P̂_{t+1}.
 * Rauch, Tung & Striebel (1965), AIAA Journal 3(8); the lag-one covariance as in Shumway &
 * Stoffer (1982), J. Time Series Analysis 3(4).
 */

/** The parameters of the latent model (on one identification). */
export interface LatentParams {
  /** Intercepts a_k, one per model column. */
  readonly a: Float64Array;
  /** Loadings b_k. */
  readonly b: Float64Array;
  /** Noise variances σ_k² (> 0). */
  readonly s2: Float64Array;
  /** Variance of the random walk's yearly step, τ² (> 0). */
  readonly tau2: number;
  /** Mean of z at a pair's first fitted row, μ₀. */
  readonly mu0: number;
  /** Variance of z at a pair's first fitted row, P₀ (> 0). */
  readonly p0: number;
}

/** The per-column constants the filter needs, computed once per E-step. */
export interface KalmanModel {
  readonly K: number;
  readonly a: Float64Array;
  readonly b: Float64Array;
  /** b_k / σ_k². */
  readonly bOverS2: Float64Array;
  /** b_k² / σ_k². */
  readonly b2OverS2: Float64Array;
  /** 1 / σ_k². */
  readonly invS2: Float64Array;
  /** log σ_k² + log 2π. */
  readonly logNorm: Float64Array;
  readonly tau2: number;
  readonly mu0: number;
  readonly p0: number;
}

/**
 * The filter's constants for a set of parameters.
 * @example kalmanModel({ a: Float64Array.of(0), b: Float64Array.of(2), s2: Float64Array.of(4), tau2: 0.1, mu0: 0, p0: 1 }).b2OverS2 // [1]
 */
export function kalmanModel(params: LatentParams): KalmanModel {
  const K = params.a.length;
  const bOverS2 = new Float64Array(K);
  const b2OverS2 = new Float64Array(K);
  const invS2 = new Float64Array(K);
  const logNorm = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const s2 = params.s2[k]!;
    const b = params.b[k]!;
    invS2[k] = 1 / s2;
    bOverS2[k] = b / s2;
    b2OverS2[k] = (b * b) / s2;
    logNorm[k] = Math.log(s2) + LOG_2PI;
  }
  return { K, a: params.a, b: params.b, bOverS2, b2OverS2, invS2, logNorm, tau2: params.tau2, mu0: params.mu0, p0: params.p0 };
}

const LOG_2PI = Math.log(2 * Math.PI);

/** Work space of the filter: filtered means and variances of one run (length ≥ its rows). */
export interface KalmanWork {
  readonly mf: Float64Array;
  readonly pf: Float64Array;
}

/**
 * Work space for runs of up to `rows` rows.
 * @example kalmanWork(80).mf.length // 80
 */
export function kalmanWork(rows: number): KalmanWork {
  return { mf: new Float64Array(rows), pf: new Float64Array(rows) };
}

/** Where the smoother writes: per panel row. */
export interface Posterior {
  /** Posterior mean of z (smoothed). */
  readonly mean: Float64Array;
  /** Posterior variance of z. */
  readonly variance: Float64Array;
  /** Cov(z_r, z_{r−1} | all data) for r after the run's first row; 0 at the first row. */
  readonly lagCov: Float64Array;
}

/**
 * Filters and smooths rows `start … end − 1` of a panel (one pair, years ascending, `gap[r]`
 * the years since row r − 1; the first row takes the prior N(μ₀, P₀) whatever its gap),
 * writes the smoothed moments into `out` and returns the log-likelihood of the observed
 * values. No allocation. `y` is row-major with `model.K` columns, NaN = missing; a row with
 * nothing observed is only predicted.
 * @example
 * const out = { mean: new Float64Array(2), variance: new Float64Array(2), lagCov: new Float64Array(2) };
 * smoothRun(Float64Array.of(1, NaN), Uint16Array.of(0, 1), 0, 2, kalmanModel(params), kalmanWork(2), out);
 */
export function smoothRun(y: Float64Array, gap: Uint16Array, start: number, end: number, model: KalmanModel, work: KalmanWork, out: Posterior): number {
  const { K, a, b, bOverS2, b2OverS2, invS2, logNorm, tau2 } = model;
  const { mf, pf } = work;
  const { mean, variance, lagCov } = out;
  let m = model.mu0;
  let p = model.p0;
  let ll = 0;
  for (let r = start; r < end; r++) {
    const i = r - start;
    const pPred = i === 0 ? model.p0 : p + tau2 * gap[r]!;
    const mPred = m;
    let J = 0;
    let h = 0;
    let q = 0;
    let norm = 0;
    let seen = 0;
    const base = r * K;
    for (let k = 0; k < K; k++) {
      const v = y[base + k]!;
      if (v !== v) continue;
      const e = v - a[k]! - b[k]! * mPred;
      J += b2OverS2[k]!;
      h += bOverS2[k]! * e;
      q += e * e * invS2[k]!;
      norm += logNorm[k]!;
      seen++;
    }
    const d = 1 + pPred * J;
    p = pPred / d;
    m = mPred + p * h;
    if (seen > 0) ll -= 0.5 * (norm + Math.log(d) + q - (pPred * h * h) / d);
    mf[i] = m;
    pf[i] = p;
  }
  const last = end - 1;
  if (last < start) return ll;
  let ms = mf[last - start]!;
  let ps = pf[last - start]!;
  mean[last] = ms;
  variance[last] = ps;
  for (let r = last - 1; r >= start; r--) {
    const i = r - start;
    const pNext = pf[i]! + tau2 * gap[r + 1]!;
    const c = pf[i]! / pNext;
    lagCov[r + 1] = c * ps;
    ms = mf[i]! + c * (ms - mf[i]!);
    ps = pf[i]! + c * c * (ps - pNext);
    mean[r] = ms;
    variance[r] = ps;
  }
  lagCov[start] = 0;
  return ll;
}
