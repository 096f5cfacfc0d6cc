/**
 * The `sensitivity:` block of the config: the uncertain choices the Monte Carlo analysis of
 * `entente sensitivity` varies, and how many draws it makes. Every key has a default, so
 * the block may be left out.
 *
 * ```yaml
 * sensitivity:
 *   draws: 1000                         # N base draws (N·(k+2) model runs for k factors)
 *   weight_range: 0.25                  # each weight uniform on [w·(1 − r), w·(1 + r)]
 *   aggregation: [arithmetic, geometric]  # rules drawn with equal probability
 *   normalise: [rank]                   # alternative normalisers (besides the configured ones)
 *   impute: [none, latest]              # alternative imputations, each applied to every indicator
 *   seed: 7                             # default: the config's `seed`
 * ```
 */
import { z } from 'zod';
import { NORMALISER_NAMES } from '../core/normalise.js';
import { IMPUTE_METHODS } from '../core/impute.js';

/** Aggregation rules the sensitivity analysis can draw (a formula has no weights to vary). */
export const SENSITIVITY_AGGREGATIONS = ['arithmetic', 'geometric'] as const;

/** Default relative range of the weights: each weight uniform on [w·(1 − r), w·(1 + r)]. */
export const DEFAULT_WEIGHT_RANGE = 0.25;

/** Default number of base draws. */
export const DEFAULT_SENSITIVITY_DRAWS = 1000;

/** Schema of the `sensitivity:` block (strict: a typo is an error). */
export const sensitivitySchema = z.strictObject({
  draws: z.number().int().min(2).max(100_000).default(DEFAULT_SENSITIVITY_DRAWS),
  weight_range: z.number().min(0).max(1).default(DEFAULT_WEIGHT_RANGE),
  aggregation: z.array(z.enum(SENSITIVITY_AGGREGATIONS)).min(1).default([...SENSITIVITY_AGGREGATIONS]),
  normalise: z.array(z.enum(NORMALISER_NAMES as [string, ...string[]])).default([]),
  /** Alternative imputations (besides the configured ones), each applied to every indicator with its own `max_age`. */
  impute: z.array(z.enum(IMPUTE_METHODS)).min(1).optional(),
  seed: z.number().int().min(0).max(0xffffffff, 'a seed is a whole number from 0 to 4,294,967,295 (32 bits)').optional(),
});

/** The parsed `sensitivity:` block. */
export type SensitivityConfig = z.infer<typeof sensitivitySchema>;
