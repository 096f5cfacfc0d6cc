/**
 * How a config aggregates, as `explain`'s counterfactual indices (and the coverage-free
 * changes of `summary.md` and `trends`) need it.
 * @module
 */
import type { ResolvedConfig } from '../config/read-config.js';
import type { ExplainModel } from './explain.js';

/**
 * The aggregation of a config with the weights its index used (`weights`: the calibrated
 * ones under `weights_calibration: effective`; default the configured ones).
 * @example explainModelOf(config).aggregation // 'arithmetic'
 */
export function explainModelOf(config: ResolvedConfig, weights: readonly number[] = config.indicators.map((i) => i.weight)): ExplainModel {
  return {
    weights: Float64Array.from(weights),
    aggregation: config.aggregation,
    settings: {
      geometricFloor: config.geometricFloor,
      formula: config.formula ? { compiled: config.formula, ids: config.indicators.map((i) => i.id) } : null,
    },
    scale: config.scale,
    smoothed: (config.smoothIndex ?? 1) > 1,
  };
}
