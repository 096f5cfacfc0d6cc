/**
 * `entente sensitivity`: scores the configured panel, runs the Monte Carlo and Sobol' analysis
 * of the config's uncertain choices (on worker threads for large panels) and writes
 * `sensitivity.csv` and `sobol.csv` into the report folder, with the parameters in
 * `datapackage.json`.
 * @module
 */
import type { SensitivityResult, SensitivitySpec } from '../analysis/sensitivity.js';
import { sensitivityFile, sobolFile } from '../report/sensitivity-csv.js';
import type { ProgressFn } from './load-indicators.js';
import { defaultThreads, runSensitivityThreaded } from './sensitivity-threads.js';
import { scoreForToolkit, sensitivityCacheRefusal, sensitivityInputs, writeToolkitFiles, type ToolkitHooks, type ToolkitRun } from './toolkit.js';

/** The draws of `entente sensitivity` (each default from the config's `sensitivity:` block). */
export interface SensitivityRequest {
  readonly config: string;
  readonly out?: string | undefined;
  readonly draws?: number | undefined;
  readonly seed?: number | undefined;
  /** Worker threads; undefined = the number of cores for large panels. The results do not depend on it. */
  readonly threads?: number | undefined;
}

/** What `entente sensitivity` computed and wrote. */
export interface SensitivityOutcome {
  readonly tk: ToolkitRun;
  readonly spec: SensitivitySpec;
  readonly result: SensitivityResult;
  readonly files: readonly string[];
  readonly rescored: boolean;
}

/**
 * Runs `entente sensitivity`; `drawsProgress` reports the draws (the scoring reports to
 * `hooks.progress`).
 * @example const { result } = await runSensitivityReport({ config: 'entente.yaml', draws: 50 }, {});
 */
export async function runSensitivityReport(req: SensitivityRequest, hooks: ToolkitHooks, drawsProgress?: ProgressFn): Promise<SensitivityOutcome> {
  const tk = await scoreForToolkit(req.config, req.out, hooks, true, sensitivityCacheRefusal);
  const { model, spec, params } = sensitivityInputs(tk.run, { draws: req.draws, seed: req.seed });
  if ((tk.run.config.smoothIndex ?? 1) > 1) hooks.note?.('the analysis is of the unsmoothed index (smooth_index is not applied to the draws)');
  const threads = req.threads ?? defaultThreads(tk.run.table.keys.length, spec.draws);
  const result = await runSensitivityThreaded(tk.run.table, model, spec, threads, drawsProgress);
  const files = [sensitivityFile(tk.run.table, result, tk.run.config.precision), sobolFile(result, tk.run.config.precision)];
  const { rescored } = await writeToolkitFiles(tk, files, { sensitivity: { ...params, factors: result.factors.map((f) => f.name), runs_per_pair_year: result.runs } });
  return { tk, spec, result, files: files.map((f) => f.resource.path), rescored };
}
