/**
 * `entente explain A B`: scores the configured panel, explains one pair (each indicator's
 * raw, normalised, weight and contribution per year, and what moved the index) and writes
 * `explain_<A>_<B>.csv` into the report folder.
 * @module
 */
import { explainPair, type ExplainYear } from '../analysis/explain.js';
import type { Iso3 } from '../domain/country.js';
import { UsageError } from '../domain/errors.js';
import { explainFile } from '../report/explain-csv.js';
import { usedWeights } from './score.js';
import { explainLatentPair } from '../analysis/explain-latent.js';
import type { LatentExplanation } from '../core/latent/latent-explain.js';
import { latentExplainFile } from '../report/explain-latent-csv.js';
import { explainModelOf, scoreForToolkit, writeToolkitFiles, type ToolkitHooks, type ToolkitRun } from './toolkit.js';

/** What to explain. */
export interface ExplainRequest {
  readonly config: string;
  readonly out?: string | undefined;
  readonly a: Iso3;
  readonly b: Iso3;
  /** Only this year (its change is from the previous scored year); null = every year. */
  readonly year: number | null;
}

/** What `entente explain` computed and wrote. */
export interface ExplainOutcome {
  readonly tk: ToolkitRun;
  readonly years: readonly ExplainYear[];
  /** Under `aggregation: latent`: the latent model's explanation of each year with an estimate. */
  readonly latent: readonly LatentExplanation[];
  /** The files written, relative to the report folder. */
  readonly files: readonly string[];
  /** True when the report folder had no score report and one was written first. */
  readonly rescored: boolean;
}

/**
 * Runs `entente explain`.
 * @throws {UsageError} when the panel has no row of the pair (in the year asked for).
 * @example const { years } = await runExplain({ config: 'entente.yaml', a: 'RUS' as Iso3, b: 'IRN' as Iso3, year: 2016 }, {});
 */
export async function runExplain(req: ExplainRequest, hooks: ToolkitHooks): Promise<ExplainOutcome> {
  const { a, b, year } = req;
  const tk = await scoreForToolkit(req.config, req.out, hooks, true, true);
  const range = year === null ? null : { from: year, to: year };
  const years = explainPair(tk.run.table, a, b, explainModelOf(tk.run.config, usedWeights(tk.run)), range);
  const noData = () => new UsageError(`no data for ${a}-${b}${year === null ? '' : ` in ${year}`} in ${tk.run.config.file}`);
  if (years.length === 0) throw noData();
  const fit = tk.run.latent;
  // under `aggregation: latent` the model explains its own index
  const latent = fit ? explainLatentPair(fit, a, b, range) : [];
  if (fit && latent.length === 0) throw noData();
  const file = fit ? latentExplainFile(a, b, latent, fit, tk.run.config.precision) : explainFile(a, b, years, tk.run.table.ids, tk.run.config.precision);
  const { rescored } = await writeToolkitFiles(tk, [file]);
  return { tk, years, latent, files: [file.resource.path], rescored };
}
