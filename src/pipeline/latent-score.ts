/**
 * `aggregation: latent` in the scoring pipeline: scores the pool (every pair-year of the
 * sources, before the `years`/`states`/`pairs` selection) for its normalised and raw values,
 * fits the latent model on it with the E-step on worker threads (`latent-pool.ts`), then fills
 * the run's panel with the fit (`core/latent/latent-score.ts`). Fitting on the pool keeps a
 * pair-year's estimate independent of the subset scored: the smoother uses the pair's other
 * years and the parameters use every pair.
 * @module
 */
import { latentIndicators, withLatentIndex } from '../core/latent/latent-score.js';
import type { LatentFit } from '../core/latent/latent-model.js';
import { scorePanel, type ScoreIndicator, type ScoreOptions, type ScoreTable } from '../core/score.js';
import type { ResolvedConfig } from '../config/read-config.js';
import { ConfigError } from '../domain/errors.js';
import { fitLatentModelThreaded, latentThreads } from './latent-pool.js';

/** A panel scored with the latent model, and the fit. */
export interface LatentScored {
  readonly table: ScoreTable;
  readonly latent: LatentFit;
}

/**
 * Scores the run's panel with the latent model (see the module comment).
 * @throws {ConfigError} when an indicator's values do not suit its treatment (a negative value
 *   under `two_part`) or a model column has too few distinct values to estimate.
 * @example const { table, latent } = await scoreLatent(inputs, options, config); latent.indicators // [{ id: 'un', weight: 0.97 }, …]
 */
export async function scoreLatent(inputs: readonly ScoreIndicator[], options: ScoreOptions, config: ResolvedConfig): Promise<LatentScored> {
  const filtered = options.years !== null || options.states !== null || options.pairs !== null;
  const panel = scorePanel(inputs, options);
  const pool = filtered ? scorePanel(inputs, { ...options, years: null, states: null, pairs: null }) : panel;
  const entries = inputs.map((i) => config.indicators.find((c) => c.id === i.id)?.latent ?? 'linear');
  const settings = config.latent;
  const sign = settings.sign ?? inputs.find((_, i) => entries[i] !== 'none')?.id;
  let fit: LatentFit;
  try {
    fit = await fitLatentModelThreaded(
      pool.keys,
      latentIndicators(pool, entries),
      { scale: options.scale, level: settings.level, maxIterations: settings.maxIterations, tolerance: settings.tolerance, ...(sign ? { signIndicator: sign } : {}) },
      latentThreads(pool.keys.length),
    );
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new ConfigError([{ file: config.file, line: 0, path: 'aggregation', message: `the latent model cannot be fitted on these data: ${e.message}; change the indicators' \`latent:\` treatments or leave the indicator out with \`latent: none\`` }]);
  }
  return { table: withLatentIndex(panel, fit), latent: fit };
}
