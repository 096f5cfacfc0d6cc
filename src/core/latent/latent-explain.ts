/**
 * Explanation of one pair-year of the latent index: which indicators its posterior mean rests
 * on, and what moved it since the pair's previous row.
 *
 * The smoothed mean is linear in the prior mean and the observations: with ỹ_{s,k} = y_{s,k} − a_k,
 * the filter gives m_i = (P_i/P⁻_i)·m_{i−1} + Σ_k G_{i,k}·ỹ_{i,k} (G_{i,k} = P_i·b_k/σ_k², the
 * Kalman gain of column k; m_{−1} = μ₀) and the smoother m̂_i = (1 − C_i)·m_i + C_i·m̂_{i+1},
 * so m̂_t = w₀·μ₀ + Σ_{s,k} W_{t,s,k}·ỹ_{s,k} for smoothed gains W that depend only on the
 * parameters and on which values are observed. Running the same recursions on one group of
 * sources at a time splits m̂_t exactly (up to rounding) into:
 *
 * - the prior's contribution w₀·μ₀ and, per column, its contribution Σ_s W_{t,s,k}·ỹ_{s,k};
 * - weights that add up to 1 with the prior's w₀: column k's weight Σ_s W_{t,s,k}·b_k (the
 *   share of the mean that rests on k, all years) and its gain W_{t,t,k}·b_k (the share that
 *   rests on k's value of this very year) — m̂_t is the weighted average of μ₀ and the values'
 *   implied z's ỹ_{s,k}/b_k;
 * - the change since the previous row, m̂_t − m̂_{t'}, into the part due to the observations
 *   of year t (new) and the part due to everything else — the prior and the other years,
 *   before and after (carried).
 *
 * All on the latent scale (z, standard deviations of the pool); the index is Φ of the mean.
 */
import { yearOfKey } from '../../domain/dyad-year-key.js';
import type { LatentFit } from './latent-model.js';
import { pairGains, pairOfRow, smoothedFrom } from './smoothed-gains.js';

/** One model column's part in the explanation. */
export interface ColumnExplanation {
  readonly id: string;
  readonly indicator: string;
  /** The column's value in this row (NaN when missing). */
  readonly value: number;
  /** Σ_s W_{t,s,k}·(y_{s,k} − a_k): its contribution to the posterior mean. */
  readonly contribution: number;
  /** Σ_s W_{t,s,k}·b_k: the share of the mean resting on this column (all years). */
  readonly weight: number;
  /** W_{t,t,k}·b_k: the share resting on this row's value (0 when missing). */
  readonly gain: number;
  /** Change of its contribution since the previous row (NaN without one). */
  readonly change: number;
  /** The part of that change due to this row's value. */
  readonly changeFromNew: number;
}

/** The explanation of one row. */
export interface LatentExplanation {
  readonly row: number;
  readonly year: number;
  /** Posterior mean and variance of z. */
  readonly mean: number;
  readonly variance: number;
  readonly index: number;
  readonly indexLo: number;
  readonly indexHi: number;
  /** w₀·μ₀ and w₀. */
  readonly priorContribution: number;
  readonly priorWeight: number;
  readonly columns: readonly ColumnExplanation[];
  /** The change since the pair's previous row, or null for its first fitted row. */
  readonly change: null | {
    readonly previousYear: number;
    /** m̂_t − m̂_{t'}. */
    readonly total: number;
    /** Due to the observations of year t. */
    readonly fromNew: number;
    /** Due to the prior and the observations of the other years. */
    readonly carried: number;
  };
}

/**
 * Explains row `row` of a fitted latent model (see the module comment).
 * @throws {RangeError} for a row outside the panel or before its pair's first observation.
 * @example const e = explainLatent(fit, 1234); e.columns.map((c) => [c.id, c.weight]); e.change?.fromNew
 */
export function explainLatent(fit: LatentFit, row: number): LatentExplanation {
  const { panel, params } = fit;
  if (!(row >= 0 && row < panel.rows)) throw new RangeError(`row ${row} is not in the panel (0 … ${panel.rows - 1})`);
  const g = pairGains(panel, params, pairOfRow(panel.runStart, row));
  if (g.rows === 0 || row < g.first) throw new RangeError(`row ${row} comes before its pair's first observation: it has no latent estimate`);
  const K = panel.columns;
  const fs = g.first;
  const t = row - fs;
  // the smoothed mean at rows t and t − 1 from one group of sources
  const m = new Float64Array(g.rows);
  const part = (prior: number, source: (i: number, k: number) => number): [number, number] => {
    smoothedFrom(g, prior, source, m);
    return [m[t]!, t > 0 ? m[t - 1]! : NaN];
  };
  const yt = (i: number, k: number) => panel.y[(fs + i) * K + k]! - params.a[k]!;
  const none = () => 0;
  const [priorNow, priorBefore] = part(params.mu0, none);
  const [priorWeight] = part(1, none);
  const columns = fit.columns.map((c, k) => {
    const [all, allBefore] = part(0, (i, j) => (j === k ? yt(i, j) : 0));
    const [now, nowBefore] = part(0, (i, j) => (j === k && i === t ? yt(i, j) : 0));
    const [weight] = part(0, (i, j) => (j === k ? params.b[j]! : 0));
    const [gain] = part(0, (i, j) => (j === k && i === t ? params.b[j]! : 0));
    return { id: c.id, indicator: c.indicator, value: panel.y[row * K + k]!, contribution: all, weight, gain, change: all - allBefore, changeFromNew: now - nowBefore };
  });
  const mean = fit.mean[row]!;
  const change =
    t === 0
      ? null
      : (() => {
          const fromNew = columns.reduce((s, c) => s + c.changeFromNew, 0);
          const carried = priorNow - priorBefore + columns.reduce((s, c) => s + (c.change - c.changeFromNew), 0);
          return { previousYear: yearOf(fit, row - 1), total: mean - fit.mean[row - 1]!, fromNew, carried };
        })();
  return {
    row,
    year: yearOf(fit, row),
    mean,
    variance: fit.variance[row]!,
    index: fit.index[row]!,
    indexLo: fit.indexLo[row]!,
    indexHi: fit.indexHi[row]!,
    priorContribution: priorNow,
    priorWeight,
    columns,
    change,
  };
}

function yearOf(fit: LatentFit, row: number): number {
  return yearOfKey(fit.keys[row]!);
}
