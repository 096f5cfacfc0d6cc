/**
 * The config keys of `aggregation: latent`: the `latent:` block and each indicator's
 * `latent:` entry.
 *
 * ```yaml
 * aggregation: latent
 * latent:
 *   sign: un              # the indicator whose loading is positive (default: the first in the model)
 *   level: 0.9            # central posterior interval of index_lo/index_hi
 *   max_iterations: 2000  # EM stops here at the latest (the run then says it did not converge)
 *   tolerance: 1e-9       # EM stops when the log-likelihood rises by less than this per observed value
 * indicators:
 *   arms:
 *     latent: two_part    # linear (default) | rank_normal | two_part | none (not in the model)
 * ```
 */
import { z } from 'zod';
import { EM_DEFAULTS } from '../core/latent/em.js';
import { DEFAULT_LEVEL } from '../core/latent/index-scale.js';
import type { LatentEntry } from '../core/latent/latent-score.js';
import { TREATMENT_NAMES } from '../core/latent/transform.js';

/** The values of an indicator's `latent:` key: a treatment, or `none`. */
export const LATENT_ENTRIES = [...TREATMENT_NAMES, 'none'] as unknown as [LatentEntry, ...LatentEntry[]];

/** Schema of the `latent:` block (strict: a typo is an error). */
export const latentSchema = z.strictObject({
  sign: z.string().min(1).optional(),
  level: z.number().gt(0).lt(1).default(DEFAULT_LEVEL),
  max_iterations: z.number().int().min(1).max(100_000).default(EM_DEFAULTS.maxIterations),
  tolerance: z.number().gt(0).max(1).default(EM_DEFAULTS.tolerance),
});

/** The `latent:` settings as a run uses them. */
export interface LatentSettings {
  /** The indicator whose loading is positive (null: the first indicator in the model). */
  readonly sign: string | null;
  readonly level: number;
  readonly maxIterations: number;
  readonly tolerance: number;
}

/**
 * The settings of a parsed `latent:` block (defaults when absent).
 * @example latentSettings(undefined).level // 0.9
 */
export function latentSettings(block: z.infer<typeof latentSchema> | undefined): LatentSettings {
  return {
    sign: block?.sign ?? null,
    level: block?.level ?? DEFAULT_LEVEL,
    maxIterations: block?.max_iterations ?? EM_DEFAULTS.maxIterations,
    tolerance: block?.tolerance ?? EM_DEFAULTS.tolerance,
  };
}
