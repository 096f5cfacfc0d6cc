/**
 * Each indicator's part of the latent index in every row at once — the panel-wide twin of
 * one row's explanation (`latent-explain.ts`), from the same smoothed gains
 * (`smoothed-gains.ts`). For row t of a pair, on the latent scale:
 *
 *   m̂_t = w₀·μ₀ + Σ_j c_{t,j},   c_{t,j} = Σ_{k∈j} Σ_s W_{t,s,k}·(y_{s,k} − a_k),
 *   weight_{t,j} = Σ_{k∈j} Σ_s W_{t,s,k}·b_k,   w₀ + Σ_j weight_{t,j} = 1,
 *
 * with j an indicator and k its model columns. On the index scale (index = lo + (hi − lo)·Φ(m̂))
 * the parts are mapped by the secant of Φ between the prior's part p = w₀·μ₀ and m̂:
 *
 *   prior part = lo + (hi − lo)·Φ(p),   contribution_j = (hi − lo)·(Φ(m̂) − Φ(p))/(m̂ − p)·c_{t,j}
 *
 * (the slope (hi − lo)·φ(m̂) when m̂ = p), so prior part + Σ_j contribution_j = index exactly.
 * Cost: 2·(columns + 1) passes of the gain recursions over the panel.
 */
import { normalCdf } from '../normalise.js';
import type { LatentFit } from './latent-model.js';
import { pairGains, smoothedFrom } from './smoothed-gains.js';

/** Per row of the fit: the prior's part and each indicator's weight and contribution. */
export interface LatentAttribution {
  /** w₀·μ₀ per row, latent scale (NaN before a pair's first observation). */
  readonly prior: Float64Array;
  /** Per indicator (the fit's order), per row: Σ over its columns of the smoothed gain weights. */
  readonly weight: readonly Float64Array[];
  /** Per indicator, per row: its contribution to the posterior mean, latent scale. */
  readonly contribution: readonly Float64Array[];
}

/**
 * The attribution of every row of a fit (see the module comment).
 * @example const a = latentAttribution(fit); a.prior[r] + a.contribution.reduce((s, c) => s + c[r], 0) // ≈ fit.mean[r]
 */
export function latentAttribution(fit: LatentFit): LatentAttribution {
  const { panel, params } = fit;
  const K = panel.columns;
  const ids = fit.indicators.map((i) => i.id);
  const indicatorOf = fit.columns.map((c) => ids.indexOf(c.indicator));
  const rows = panel.rows;
  const prior = new Float64Array(rows).fill(NaN);
  const weight = ids.map(() => new Float64Array(rows).fill(NaN));
  const contribution = ids.map(() => new Float64Array(rows).fill(NaN));
  const m = new Float64Array(panel.maxRun);
  const none = () => 0;
  for (let p = 0; p < panel.pairs; p++) {
    const g = pairGains(panel, params, p);
    if (g.rows === 0) continue;
    const first = g.first;
    smoothedFrom(g, params.mu0, none, m);
    for (let i = 0; i < g.rows; i++) prior[first + i] = m[i]!;
    for (let j = 0; j < ids.length; j++) {
      weight[j]!.fill(0, first, first + g.rows);
      contribution[j]!.fill(0, first, first + g.rows);
    }
    for (let k = 0; k < K; k++) {
      const j = indicatorOf[k]!;
      const bk = params.b[k]!;
      const ak = params.a[k]!;
      smoothedFrom(g, 0, (i, c) => (c === k ? panel.y[(first + i) * K + c]! - ak : 0), m);
      for (let i = 0; i < g.rows; i++) contribution[j]![first + i]! += m[i]!;
      smoothedFrom(g, 0, (_i, c) => (c === k ? bk : 0), m);
      for (let i = 0; i < g.rows; i++) weight[j]![first + i]! += m[i]!;
    }
  }
  return { prior, weight, contribution };
}

/**
 * The secant slope that maps latent-scale parts to index points (see the module comment):
 * (hi − lo)·(Φ(m) − Φ(p))/(m − p), or (hi − lo)·φ(m) when m and p are within 1e-9.
 * @example secantSlope(0, 0, [0, 100]) // 39.894… = 100·φ(0)
 */
export function secantSlope(m: number, p: number, scale: readonly [number, number]): number {
  const span = scale[1] - scale[0];
  if (Math.abs(m - p) < 1e-9) return (span * Math.exp(-0.5 * m * m)) / Math.sqrt(2 * Math.PI);
  return (span * (normalCdf(m) - normalCdf(p))) / (m - p);
}
