/**
 * The smoothed Kalman gains of one pair: the coefficients that make the smoothed mean a
 * linear function of the prior mean and the observations. With ỹ_{i,k} = y_{i,k} − a_k, the
 * filter gives m_i = R_i·m_{i−1} + Σ_k G_{i,k}·ỹ_{i,k} (R_i = P_i/P⁻_i the share of the
 * prediction retained, G_{i,k} = P_i·b_k/σ_k² the Kalman gain of column k, m_{−1} = μ₀) and
 * the smoother m̂_i = (1 − C_i)·m_i + C_i·m̂_{i+1} (C_i = P_i/(P_i + τ²·gap_{i+1})). The
 * coefficients depend only on the parameters and on which values are observed, so the
 * recursions run on any "source" — one column's values, one year's, the loadings — split the
 * smoothed mean into exact parts (`latent-explain.ts`, `latent-attribution.ts`).
 */
import type { LatentParams } from './kalman.js';
import type { LatentPanel } from './panel.js';

/** The coefficients of one pair's rows from its first observation to the end of its run. */
export interface PairGains {
  /** The pair's first fitted row (its first row with an observation). */
  readonly first: number;
  /** Rows covered: first … first + rows − 1 (to the end of the pair's run). */
  readonly rows: number;
  /** Number of model columns. */
  readonly columns: number;
  /** R_i, per row. */
  readonly retain: Float64Array;
  /** G_{i,k}, row-major; 0 for a missing value. */
  readonly gains: Float64Array;
  /** C_i, per row (0 at the last). */
  readonly smooth: Float64Array;
}

/**
 * The coefficients of pair `pair` (see the module comment); `rows` 0 when the pair has no
 * observation.
 * @example pairGains(panel, params, 0).gains[0] // the Kalman gain of column 0 in the pair's first year
 */
export function pairGains(panel: LatentPanel, params: LatentParams, pair: number): PairGains {
  const K = panel.columns;
  const first = panel.fitStart[pair]!;
  const end = panel.runStart[pair + 1]!;
  const n = panel.fitEnd[pair]! > first ? end - first : 0;
  const retain = new Float64Array(n);
  const gains = new Float64Array(n * K);
  const smooth = new Float64Array(n);
  const filtered = new Float64Array(n);
  let p = params.p0;
  for (let i = 0; i < n; i++) {
    const r = first + i;
    const pPred = i === 0 ? params.p0 : p + params.tau2 * panel.gap[r]!;
    let J = 0;
    for (let k = 0; k < K; k++) if (panel.y[r * K + k] === panel.y[r * K + k]) J += (params.b[k]! * params.b[k]!) / params.s2[k]!;
    p = pPred / (1 + pPred * J);
    filtered[i] = p;
    retain[i] = p / pPred;
    for (let k = 0; k < K; k++) if (panel.y[r * K + k] === panel.y[r * K + k]) gains[i * K + k] = (p * params.b[k]!) / params.s2[k]!;
  }
  for (let i = 0; i < n - 1; i++) smooth[i] = filtered[i]! / (filtered[i]! + params.tau2 * panel.gap[first + i + 1]!);
  return { first, rows: n, columns: K, retain, gains, smooth };
}

/**
 * The smoothed mean of every covered row computed from one "source": prior mean `prior` and
 * the value `source(i, k)` in place of ỹ_{i,k} (called only where column k of row i is
 * observed). Writes into `out` (length ≥ rows) and returns it.
 * @example smoothedFrom(g, params.mu0, (i, k) => y(i, k) - params.a[k], m) // the posterior means
 */
export function smoothedFrom(g: PairGains, prior: number, source: (i: number, k: number) => number, out: Float64Array): Float64Array {
  const { rows: n, columns: K, retain, gains, smooth } = g;
  let prev = prior;
  for (let i = 0; i < n; i++) {
    let v = retain[i]! * prev;
    for (let k = 0; k < K; k++) {
      const gk = gains[i * K + k]!;
      if (gk !== 0) v += gk * source(i, k);
    }
    out[i] = v;
    prev = v;
  }
  for (let i = n - 2; i >= 0; i--) out[i] = (1 - smooth[i]!) * out[i]! + smooth[i]! * out[i + 1]!;
  return out;
}

/**
 * The pair of row `row`: the last pair whose run starts at or before it.
 * @example pairOfRow(Uint32Array.of(0, 3, 7), 4) // 1
 */
export function pairOfRow(runStart: Uint32Array, row: number): number {
  let lo = 0;
  let hi = runStart.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (runStart[mid]! <= row) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
