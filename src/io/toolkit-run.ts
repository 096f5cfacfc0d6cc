import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExplainModel } from '../core/explain.js';
import { DEFAULT_SENSITIVITY_DRAWS, sensitivitySchema } from '../core/sensitivity-config.js';
import type { SensitivityModel, SensitivitySpec } from '../core/sensitivity.js';
import { scorePanel } from '../core/score.js';
import type { NormaliserName } from '../core/normalise.js';
import { UsageError } from '../errors.js';
import type { StochasticParams } from './datapackage.js';
import type { ProgressFn } from './load-indicators.js';
import { readConfig, type ResolvedConfig } from './read-config.js';
import { computeScore, reportContents, reportDir, scoreInputs, scoreOptions, type ScoreRun } from './run-score.js';
import { addCsvFiles, type CsvFile } from './update-datapackage.js';
import { writeFolderAtomically } from './write-folder.js';

/** A recomputed panel and the report folder the toolkit writes into. */
export interface ToolkitRun {
  readonly run: ScoreRun;
  readonly outDir: string;
}

/**
 * Reads the config and scores the whole configured panel (the toolkit always works on the
 * panel as configured: normalisation is pooled over it, so a subset would change it).
 * @example const { run, outDir } = await loadToolkitRun('entente.yaml');
 */
export async function loadToolkitRun(configFile: string, out: string | undefined, progress?: ProgressFn): Promise<ToolkitRun> {
  const config = await readConfig(configFile);
  const run = await computeScore(config, progress);
  return { run, outDir: reportDir(config, out) };
}

/**
 * Writes toolkit CSVs into the report folder and lists them in its `datapackage.json`.
 * When the folder has no report, or one made from another version of the config, the
 * score report of this run is written first, so every file in the folder comes from the
 * same config. Returns whether that happened.
 * @example const { rescored } = await writeToolkitFiles(tk, [auditFile(rows, 6)]);
 */
export async function writeToolkitFiles(tk: ToolkitRun, files: readonly CsvFile[], stochastic?: Readonly<Record<string, StochasticParams>>): Promise<{ rescored: boolean }> {
  const recorded = await recordedConfigHash(tk.outDir);
  const rescored = recorded !== tk.run.config.sha256;
  if (rescored) await writeFolderAtomically(tk.outDir, reportContents(tk.run).files);
  await addCsvFiles(tk.outDir, files, stochastic, { configSha256: tk.run.config.sha256 });
  return { rescored };
}

async function recordedConfigHash(dir: string): Promise<string | null> {
  try {
    const pkg = JSON.parse(await readFile(path.join(dir, 'datapackage.json'), 'utf8')) as { entente?: { config?: { sha256?: string } } };
    return pkg.entente?.config?.sha256 ?? null;
  } catch {
    return null;
  }
}

/**
 * How the config aggregates, for `explain`'s counterfactual indices.
 * @example explainModelOf(config).aggregation // 'arithmetic'
 */
export function explainModelOf(config: ResolvedConfig): ExplainModel {
  return {
    weights: Float64Array.from(config.indicators, (i) => i.weight),
    aggregation: config.aggregation,
    settings: {
      geometricFloor: config.geometricFloor,
      formula: config.formula ? { compiled: config.formula, ids: config.indicators.map((i) => i.id) } : null,
    },
    scale: config.scale,
    smoothed: (config.smoothIndex ?? 1) > 1,
  };
}

/** Command-line overrides of the `sensitivity:` block. */
export interface SensitivityOverrides {
  readonly draws?: number | undefined;
  readonly seed?: number | undefined;
}

/**
 * The nominal model and the spec of the sensitivity analysis from the config's
 * `sensitivity:` block (defaults when absent) and the command line, with the parameters
 * to record in `datapackage.json`.
 * @throws {UsageError} for `aggregation: formula` (no weights to vary) or a bad override.
 * @example sensitivityInputs(run, { draws: 1000 }).spec.draws // 1000
 */
export function sensitivityInputs(run: ScoreRun, o: SensitivityOverrides): { model: SensitivityModel; spec: SensitivitySpec; params: StochasticParams } {
  const config = run.config;
  if (config.aggregation === 'formula') {
    throw new UsageError('entente sensitivity varies weights and the aggregation rule; with `aggregation: formula` there are no weights to vary (use arithmetic or geometric)');
  }
  const block = sensitivitySchema.parse(config.raw.sensitivity ?? {});
  const draws = o.draws ?? block.draws ?? DEFAULT_SENSITIVITY_DRAWS;
  if (!Number.isInteger(draws) || draws < 2 || draws > 100_000) throw new UsageError(`--draws: need a whole number from 2 to 100000, got ${draws}`);
  const seed = o.seed ?? block.seed ?? config.seed;
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed: need a whole number ≥ 0, got ${seed}`);
  const model: SensitivityModel = {
    indicators: config.indicators.map((i) => ({ id: i.id, weight: i.weight, normalise: i.normalise, goalposts: i.goalposts, polarity: i.polarity })),
    aggregation: config.aggregation,
    scale: config.scale,
    minCoverage: config.minCoverage,
    geometricFloor: config.geometricFloor,
    pool: block.normalise.length > 0 ? poolRaw(run) : undefined,
  };
  const spec: SensitivitySpec = { draws, seed, weightRange: block.weight_range, aggregations: block.aggregation, normalisers: block.normalise as NormaliserName[] };
  const params: StochasticParams = {
    draws,
    seed,
    weight_range: block.weight_range,
    aggregation: block.aggregation,
    normalise: ['configured', ...block.normalise],
    design: 'Saltelli A/B/AB_i matrices of uniform draws (xoshiro128** seeded through splitmix32); N·(k + 2) runs per pair-year',
    estimators: "first order: Saltelli et al. 2010; total: Jansen 1999; aggregated over pair-years as Σ V·S / Σ V",
    quantiles: 'Hyndman & Fan type 7 over the N draws of matrix A',
    index: (config.smoothIndex ?? 1) > 1 ? 'unsmoothed (smooth_index not applied)' : 'as scored',
  };
  return { model, spec, params };
}

/**
 * The raw columns of every pair-year of the sources (the pool the configured normalisation
 * is fitted on), when the config scores a subset of it (`years`, `states` or `pairs`);
 * undefined otherwise (the table's own raw columns are the pool).
 */
function poolRaw(run: ScoreRun): Float64Array[] | undefined {
  const c = run.config;
  if (c.years === null && c.states === null && c.pairs === null) return undefined;
  // every pair-year of the sources: the run's options without its filters (raw columns only,
  // so the index smoothing is left out)
  const pool = scorePanel(scoreInputs(c, run.data), { ...scoreOptions(c, run.stateSystem), years: null, states: null, pairs: null, smoothIndex: undefined });
  return [...pool.raw];
}
