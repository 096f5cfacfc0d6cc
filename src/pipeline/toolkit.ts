import { DEFAULT_SENSITIVITY_DRAWS, sensitivitySchema } from '../config/sensitivity-config.js';
import type { SensitivityModel, SensitivitySpec } from '../analysis/sensitivity.js';
import { fitPool, scorePanel } from '../core/score.js';
import type { NormaliserName } from '../core/normalise.js';
import { DEFAULT_MAX_AGE, type ImputeMethod } from '../core/impute.js';
import { UsageError } from '../domain/errors.js';
import { packageSources, type PackageSource, type StochasticParams } from '../report/datapackage.js';
import type { ProgressFn } from './load-indicators.js';
import { readConfig, type ResolvedConfig } from '../config/read-config.js';
import { computeScore, reportContents, reportDir, runInputs, scoreInputs, scoreOptions, usedWeights } from './score.js';
import type { ScoreRun } from '../report/score-run.js';
import { addToReport, inspectFolder, prepareReport, type ReportPackage, type ReportTarget } from '../report/report-folder.js';
import { readCachedRun } from './toolkit-cache.js';
import { additionFiles, additionWithReport, csvAddition, type Addition, type CsvFile } from '../report/update-datapackage.js';
import { withRefreshedPage } from '../report/page/refresh-page.js';

/** A recomputed panel and the report folder the toolkit writes into. */
export interface ToolkitRun {
  readonly run: ScoreRun;
  readonly outDir: string;
  /** The report folder, as the write rules take it. */
  readonly target: ReportTarget;
}

/** Options of {@link loadToolkitRun}. */
export interface ToolkitOptions {
  /** False for a command that writes nothing (`rank`): the report folder is not checked. */
  readonly writes?: boolean;
  /** Notes for the user while checking and writing the folder. */
  readonly note?: (text: string) => void;
  /**
   * Read the run from the report folder's score cache when it stands for this config and
   * these inputs (see `toolkit-cache.ts`); false (the default) always scores. The command
   * says why it scores when the cache is not used. A function of the config decides per
   * config: null to read the cache, else why the command needs the panel scored again.
   */
  readonly cache?: boolean | ((config: ResolvedConfig) => string | null);
  /** `--rescore`: score even when the cache could be used. */
  readonly rescore?: boolean;
}

/** What a toolkit command tells its caller while it runs. */
export interface ToolkitHooks {
  readonly progress?: ProgressFn | undefined;
  /** Notes for the user while checking and writing the folder. */
  readonly note?: ((text: string) => void) | undefined;
  /** Called once the panel is scored, before anything is analysed or written (warnings, the sample note). */
  readonly loaded?: ((run: ScoreRun) => void) | undefined;
  /** `--rescore`: score the panel even when the report folder's score cache could be used. */
  readonly rescore?: boolean | undefined;
}

/**
 * {@link loadToolkitRun} with the caller's hooks: scores the configured panel (or, with
 * `cache`, reads it from the report folder's score cache when it may), then calls
 * `hooks.loaded`.
 * @example const tk = await scoreForToolkit('entente.yaml', undefined, { loaded: (run) => console.log(run.table.keys.length) });
 */
export async function scoreForToolkit(configFile: string, out: string | undefined, hooks: ToolkitHooks, writes = true, cache: ToolkitOptions['cache'] = false): Promise<ToolkitRun> {
  const tk = await loadToolkitRun(configFile, out, hooks.progress, { writes, note: hooks.note, cache, rescore: hooks.rescore === true });
  hooks.loaded?.(tk.run);
  return tk;
}

/**
 * Reads the config, checks the report folder the command will add to (before any work: it
 * must be absent, or a score report of this same config and version; see `report-folder.ts`)
 * and scores the whole configured panel (the toolkit always works on the panel as
 * configured) — or, with `options.cache`, reads it from the folder's score cache when that
 * stands for this config and these inputs (`toolkit-cache.ts`), saying through
 * `options.note` why it scores when it does not.
 * @throws {UsageError} for a folder the command may not add to.
 * @example const { run, outDir } = await loadToolkitRun('entente.yaml');
 */
export async function loadToolkitRun(configFile: string, out: string | undefined, progress?: ProgressFn, options: ToolkitOptions = {}): Promise<ToolkitRun> {
  const config = await readConfig(configFile);
  const target: ReportTarget = { dir: reportDir(config, out), configFile: config.file, note: options.note };
  if (options.writes !== false) await prepareReport(target, 'add', (pkg) => checkSameVersion(target.dir, pkg, config, null));
  const refusal = typeof options.cache === 'function' ? options.cache(config) : options.cache === true ? null : false;
  if (typeof refusal === 'string' && inspectFolder(target.dir).state === 'report') options.note?.(`scoring the panel again: ${refusal}`);
  const run = (refusal === null ? await fromCache(config, target.dir, options) : null) ?? (await computeScore(config, progress));
  return { run, outDir: target.dir, target };
}

/** The run from the folder's score cache, or null (after saying why the panel is scored again). */
async function fromCache(config: ResolvedConfig, dir: string, options: ToolkitOptions): Promise<ScoreRun | null> {
  if (options.rescore === true) {
    options.note?.('scoring the panel again (--rescore)');
    return null;
  }
  if (inspectFolder(dir).state !== 'report') return null; // nothing there yet: scored and written with the files
  const got = await readCachedRun(config, dir);
  if (got.run === null) {
    options.note?.(`scoring the panel again: ${got.why}`);
    return null;
  }
  return got.run;
}

/**
 * Refuses (exit 2) to add files to a report made from another version of the config (its
 * SHA-256) or, when `sources` are given, from other input files (another SHA-256 in one of
 * the roles; the same bytes elsewhere are the same input): the new files would sit next to
 * numbers they do not describe.
 * @throws {UsageError} saying what differs and to run `entente score` first.
 * @example checkSameVersion(dir, pkg, config, packageSources(config, data)); // throws when un.csv changed
 */
export function checkSameVersion(dir: string, pkg: ReportPackage, config: ResolvedConfig, sources: readonly PackageSource[] | null): void {
  const fix = 'run `entente score` first (it replaces the report and says which files it drops), or write elsewhere with --out DIR';
  const recorded = pkg.entente?.config?.sha256;
  if (recorded !== config.sha256) {
    throw new UsageError(`${dir} holds a report made from another version of ${config.file} (SHA-256 ${String(recorded).slice(0, 12)}…, now ${config.sha256.slice(0, 12)}…); ${fix}`);
  }
  if (sources === null) return;
  // the same bytes in the same roles (wherever they are: ENTENTE_DATA_DIR may differ) give the same numbers
  const key = (s: { title?: string | undefined; sha256?: string | undefined }) => `${s.title}\u0000${s.sha256}`;
  const before = (pkg.sources ?? []).map(key);
  const changed = sources.filter((s) => !before.includes(key(s))).map((s) => s.path);
  const gone = before.length !== sources.length;
  if (changed.length > 0 || gone) {
    const what = changed.length > 0 ? `input files that have changed since (${[...new Set(changed)].slice(0, 5).join(', ')})` : 'other input files';
    throw new UsageError(`${dir} holds a report made from ${what}; ${fix}`);
  }
}

/**
 * Adds files to the score report of a run in one committed step (see `addToReport`): into
 * the report of the same config and inputs, or — when the folder has none — with the score
 * report of `reportRun()` (default: the run itself), so every file in the folder comes from
 * the same config. The folder may hold none of the run's inputs nor `otherInputs`. Returns
 * whether the score report was written too.
 * @throws {UsageError} when the folder holds a report of another config, version or inputs.
 * @example const { rescored } = await addToScoreReport(tk.target, tk.run, csvAddition([file]));
 */
export async function addToScoreReport(
  target: ReportTarget,
  run: ScoreRun,
  addition: Addition,
  reportRun: () => ScoreRun = () => run,
  otherInputs: readonly string[] = [],
): Promise<{ rescored: boolean }> {
  const sources = packageSources(run.config, run.data);
  // the folder may hold none of the files read (`otherInputs`: e.g. validity's criterion data)
  const { created } = await addToReport(target, [...runInputs(run.config, run.data), ...otherInputs], {
    accept: (pkg) => checkSameVersion(target.dir, pkg, run.config, sources),
    // report.html is made again with the new files (validity tables, intervals)
    make: (pkgText) =>
      pkgText === null
        ? withRefreshedPage(additionWithReport(reportContents(reportRun()).files, addition), reportRun(), target.dir)
        : withRefreshedPage(additionFiles(pkgText, addition), run, target.dir),
  });
  return { rescored: created };
}

/**
 * Writes toolkit CSVs into the report folder and lists them in its `datapackage.json`, in
 * one committed step; into a folder without a report, with the score report of this run.
 * Returns whether the score report was written too.
 * @example const { rescored } = await writeToolkitFiles(tk, [auditFile(rows, 6)]);
 */
export async function writeToolkitFiles(tk: ToolkitRun, files: readonly CsvFile[], stochastic?: Readonly<Record<string, StochasticParams>>): Promise<{ rescored: boolean }> {
  return addToScoreReport(tk.target, tk.run, csvAddition(files, stochastic));
}

export { explainModelOf } from '../analysis/explain-model.js';

/** Command-line overrides of the `sensitivity:` block. */
export interface SensitivityOverrides {
  readonly draws?: number | undefined;
  readonly seed?: number | undefined;
}

/**
 * Whether `entente sensitivity` may read the score cache for a config: null when its
 * `sensitivity:` block varies only the weights and the aggregation (the scored table's raw,
 * imputed and normalised columns are all it reads), else why it needs the sources (an
 * alternative normalisation or imputation is fitted on the source values, which the cache
 * does not keep).
 * @example sensitivityCacheRefusal(config) // null for the default block
 */
export function sensitivityCacheRefusal(config: ResolvedConfig): string | null {
  const parsed = sensitivitySchema.safeParse(config.raw.sensitivity ?? {});
  if (!parsed.success) return null; // sensitivityInputs reports the bad block
  const block = parsed.data;
  if (block.normalise.length > 0) return 'the sensitivity block varies the normalisation, which is fitted on the source values the score cache does not keep';
  if (block.impute !== undefined) return 'the sensitivity block varies the imputation, which needs the source values the score cache does not keep';
  return null;
}

/** Aggregations `entente sensitivity` cannot vary, and why. */
const SENSITIVITY_REFUSED: Partial<Record<ResolvedConfig['aggregation'], string>> = {
  formula: 'with `aggregation: formula` there are no weights to vary (use arithmetic or geometric)',
  latent: 'with `aggregation: latent` the model estimates the weights and its index carries its own interval (index_lo, index_hi); run it on the same config with `aggregation: arithmetic` or `geometric` to compare',
};

/**
 * The nominal model and the spec of the sensitivity analysis from the config's
 * `sensitivity:` block (defaults when absent) and the command line, with the parameters
 * to record in `datapackage.json`.
 * @throws {UsageError} for `aggregation: formula` (no weights to vary), `latent` (no weights to vary) or a bad override.
 * @example sensitivityInputs(run, { draws: 1000 }).spec.draws // 1000
 */
export function sensitivityInputs(run: ScoreRun, o: SensitivityOverrides): { model: SensitivityModel; spec: SensitivitySpec; params: StochasticParams } {
  const config = run.config;
  const refused = SENSITIVITY_REFUSED[config.aggregation];
  if (refused !== undefined) throw new UsageError(`entente sensitivity varies weights and the aggregation rule; ${refused}`);
  const block = sensitivitySchema.parse(config.raw.sensitivity ?? {});
  const draws = o.draws ?? block.draws ?? DEFAULT_SENSITIVITY_DRAWS;
  if (!Number.isInteger(draws) || draws < 2 || draws > 100_000) throw new UsageError(`--draws: need a whole number from 2 to 100000, got ${draws}`);
  const seed = o.seed ?? block.seed ?? config.seed;
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed: need a whole number ≥ 0, got ${seed}`);
  const model: SensitivityModel = {
    indicators: config.indicators.map((i, k) => ({ id: i.id, weight: usedWeights(run)[k]!, normalise: i.normalise, goalposts: i.goalposts, goalpostQuantiles: i.goalpostQuantiles, winsorise: i.winsorise, polarity: i.polarity })),
    aggregation: config.aggregation as SensitivityModel['aggregation'], // formula and latent refused above
    scale: config.scale,
    minCoverage: config.minCoverage,
    minIndicators: config.minIndicators,
    geometricFloor: config.geometricFloor,
    ...(block.normalise.length > 0 || block.impute !== undefined ? poolRaw(run) : {}),
    imputations: block.impute === undefined ? undefined : imputationLevels(run, [...new Set(block.impute)]),
  };
  const spec: SensitivitySpec = { draws, seed, weightRange: block.weight_range, aggregations: block.aggregation, normalisers: block.normalise as NormaliserName[] };
  const params: StochasticParams = {
    draws,
    seed,
    weight_range: block.weight_range,
    aggregation: block.aggregation,
    normalise: ['configured', ...block.normalise],
    ...(block.impute === undefined ? {} : { impute: ['configured', ...new Set(block.impute)] }),
    design: 'Saltelli A/B/AB_i matrices of uniform draws (xoshiro128** seeded through splitmix32); N·(k + 2) runs per pair-year',
    estimators: "first order: Saltelli et al. 2010; total: Jansen 1999; aggregated over pair-years as Σ V·S / Σ V",
    quantiles: 'Hyndman & Fan type 7 over the N draws of matrix A',
    index: (config.smoothIndex ?? 1) > 1 ? 'unsmoothed (smooth_index not applied)' : 'as scored',
  };
  return { model, spec, params };
}

/**
 * The raw columns (observed and imputed values) of the run's rows under each alternative
 * imputation, applied to every indicator with its own `max_age` (default 3): the panel scored
 * again with that imputation.
 */
function imputationLevels(run: ScoreRun, methods: readonly ImputeMethod[]): { levels: string[]; raw: Float64Array[][] } {
  const c = run.config;
  const raw = methods.map((method) => {
    const inputs = scoreInputs(c, run.data).map((i) => ({ ...i, impute: { method, maxAge: i.impute?.method === 'none' || i.impute === undefined ? DEFAULT_MAX_AGE : i.impute.maxAge } }));
    const t = scorePanel(inputs, { ...scoreOptions(c, run.stateSystem), smoothIndex: undefined });
    if (t.keys.length !== run.table.keys.length) throw new Error('imputation changed the panel of the sensitivity analysis');
    return t.raw.map((col, i) => {
      const imp = t.imputed?.[i];
      return imp ? Float64Array.from(col, (x, r) => (x === x ? x : imp[r]!)) : col;
    });
  });
  return { levels: [...methods], raw };
}

/**
 * The raw columns of every pair-year of the sources (the pool the configured normalisation
 * is fitted on), when the config scores a subset of it (`years`, `states` or `pairs`);
 * undefined otherwise (the table's own raw columns are the pool).
 */
function poolRaw(run: ScoreRun): { pool?: Float64Array[]; poolKeys?: Float64Array } {
  const c = run.config;
  const inputs = scoreInputs(c, run.data);
  const excluding = inputs.some((i) => (i.poolExclude ?? []).length > 0);
  if (c.years === null && c.states === null && c.pairs === null) {
    // the table is the pool; flagged pair-years still leave it (`pool_exclude:`)
    return excluding ? { pool: inputs.map((ind, i) => fitPool(run.table.raw[i]!, run.table.keys, ind)), poolKeys: run.table.keys } : {};
  }
  // every pair-year of the sources: the run's options without its filters (raw columns only,
  // so the index smoothing is left out)
  const pool = scorePanel(inputs, { ...scoreOptions(c, run.stateSystem), years: null, states: null, pairs: null, smoothIndex: undefined });
  return { pool: inputs.map((ind, i) => fitPool(pool.raw[i]!, pool.keys, ind)), poolKeys: pool.keys };
}
