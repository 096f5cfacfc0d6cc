/**
 * Weights calibrated so that the indicators' effective weights match their nominal ones
 * (`weights_calibration: effective`). A nominal weight says how much an indicator should
 * count; what it actually moves in the index depends on its spread and its correlation with
 * the others, so a well-spread indicator with a small weight can dominate the index and a
 * nearly constant one with a large weight can count for nothing (Paruolo, Saisana &
 * Saltelli 2013). Becker, Saisana, Paruolo & Vandecasteele (2017), "Weights and importance
 * in composite indicators: Closing the gap" (Ecological Indicators 80: 12–22; JRC), measure
 * each indicator's importance by a correlation-based statistic and find, by iterative
 * optimisation, the weights whose importances match the target ones; COINr's
 * `get_opt_weights` does the same with Pearson correlations.
 *
 * The effective weight matched here is the audit's: the covariance share
 * e_i = Cov(c_i, I) / Var(I) = corr(c_i, I)·sd(c_i)/sd(I), c_i the indicator's contribution,
 * over every pair-year of the sources with an index (the shares add up to 1, so matching
 * them is a well-posed target, and an indicator's share goes to 0 with its weight). The
 * target is the nominal share t_i = w_i / Σ w. Starting from the nominal weights, each step
 * re-aggregates the index and updates v_i ← v_i·(t_i / max(e_i, t_i/20))^½ (a damped
 * multiplicative fixed-point step: the square root keeps it from overshooting, the floor
 * bounds the step of an indicator whose share is negative or near 0), then rescales v to the
 * nominal total and bounds each within a factor `maxFactor` (4) of its configured weight (so an
 * infeasible target never collapses the index onto one or two indicators; the total may then
 * differ slightly from the nominal one, which does not matter: only ratios count). It stops when every |e_i / t_i − 1| ≤ `tolerance` or after `maxIterations`
 * steps, and keeps the step with the smallest largest deviation. The coverage rule
 * (`min_coverage`) keeps the configured weights, so calibration never changes which
 * pair-years have an index. Indicators of weight 0 stay
 * at 0; an indicator whose share is undefined (a constant index) keeps its weight. The
 * η² shares (correlation ratios, the measure of Becker et al.) are reported before and after.
 * Deterministic: no random start.
 * @module
 */
import { aggregateColumns, type AggregateColumnsOptions } from '../core/aggregate-columns.js';
import { covarianceShares, effectiveWeights, type EffectiveWeight } from './effective-weights.js';

/** Stopping rules of the calibration. */
export interface CalibrationLimits {
  /** Largest accepted relative deviation |e_i / t_i − 1| (default 0.02). */
  readonly tolerance: number;
  /** Steps at most (default 40). */
  readonly maxIterations: number;
  /**
   * Each calibrated weight stays within [w_i / maxFactor, w_i · maxFactor] of its configured
   * weight (default 4), so an infeasible target (a sparse indicator cannot carry its share of
   * the variance) never collapses the index onto one or two indicators.
   */
  readonly maxFactor: number;
}

/** The default stopping rules. */
export const CALIBRATION_LIMITS: CalibrationLimits = { tolerance: 0.02, maxIterations: 40, maxFactor: 4 };

/** One indicator before and after calibration. */
export interface CalibratedIndicator {
  readonly id: string;
  /** The configured weight. */
  readonly nominal: number;
  /** w_i / Σ w: the target share. */
  readonly nominalShare: number;
  /** The weight used after calibration (same total as the configured weights). */
  readonly calibrated: number;
  readonly before: EffectiveWeight;
  readonly after: EffectiveWeight;
}

/** What a calibration did: for `summary.md` and `datapackage.json`. */
export interface WeightCalibration {
  readonly method: 'effective';
  readonly indicators: readonly CalibratedIndicator[];
  /** Steps taken. */
  readonly iterations: number;
  /** Every indicator within the tolerance. */
  readonly converged: boolean;
  readonly tolerance: number;
  /** Largest |covariance share / nominal share − 1| before and after. */
  readonly maxDeviationBefore: number;
  readonly maxDeviationAfter: number;
  /** Pair-years with an index the effective weights were measured on (after). */
  readonly rows: number;
}

/**
 * Calibrates the weights on the normalised columns of the pool (one per indicator, NaN =
 * missing) — see the module comment.
 * @example calibrateWeights(['un', 'arms'], norm, [0.5, 0.5], aggOptions).indicators[1].calibrated // e.g. 0.81
 */
export function calibrateWeights(
  ids: readonly string[],
  norm: readonly Float64Array[],
  weights: readonly number[],
  options: AggregateColumnsOptions,
  limits: CalibrationLimits = CALIBRATION_LIMITS,
): WeightCalibration {
  const m = ids.length;
  const total = weights.reduce((s, w) => s + w, 0);
  // the coverage rule keeps the configured weights: calibration never changes which pair-years have an index
  options = { ...options, coverageWeights: Float64Array.from(weights) };
  const target = weights.map((w) => (total > 0 ? w / total : 0));
  const shares = (v: Float64Array): { share: number[] } => {
    const { index, contrib } = aggregateColumns(norm, v, options);
    return { share: covarianceShares(index, contrib) };
  };
  const deviation = (share: readonly number[]): number => {
    let worst = 0;
    for (let i = 0; i < m; i++) if (target[i]! > 0 && share[i] === share[i]) worst = Math.max(worst, Math.abs(share[i]! / target[i]! - 1));
    return worst;
  };
  let v = Float64Array.from(weights);
  let current = shares(v);
  const devBefore = deviation(current.share);
  let best = { v, dev: devBefore };
  let steps = 0;
  while (best.dev > limits.tolerance && steps < limits.maxIterations) {
    const next = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const e = current.share[i]!;
      next[i] = target[i]! > 0 && e === e ? v[i]! * Math.sqrt(target[i]! / Math.max(e, target[i]! / 20)) : v[i]!;
    }
    const sum = next.reduce((s, w) => s + w, 0);
    for (let i = 0; i < m; i++) {
      const w = (next[i]! * total) / sum;
      next[i] = Math.min(weights[i]! * limits.maxFactor, Math.max(weights[i]! / limits.maxFactor, w));
    }
    v = next;
    current = shares(v);
    steps++;
    const dev = deviation(current.share);
    if (dev < best.dev) best = { v, dev };
  }
  const beforeIndex = aggregateColumns(norm, Float64Array.from(weights), options);
  const afterIndex = aggregateColumns(norm, best.v, options);
  const before = effectiveWeights(ids, weights, beforeIndex.index, beforeIndex.contrib, norm);
  // nominal shares are the targets: the `after` figures compare with them
  const after = effectiveWeights(ids, weights, afterIndex.index, afterIndex.contrib, norm);
  let rows = 0;
  for (const x of afterIndex.index) if (x === x) rows++;
  return {
    method: 'effective',
    indicators: ids.map((id, i) => ({ id, nominal: weights[i]!, nominalShare: target[i]!, calibrated: best.v[i]!, before: before[i]!, after: after[i]! })),
    iterations: steps,
    converged: best.dev <= limits.tolerance,
    tolerance: limits.tolerance,
    maxDeviationBefore: devBefore,
    maxDeviationAfter: best.dev,
    rows,
  };
}
