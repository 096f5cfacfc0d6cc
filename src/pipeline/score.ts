import path from 'node:path';
import type { Iso3 } from '../domain/country.js';
import { scorePanel, sourceYears, type ScoreIndicator, type ScoreOptions } from '../core/score.js';
import { createCrosswalk } from '../domain/crosswalk.js';
import { lookupPair, lookupState } from '../domain/state-lookup.js';
import { stateSystemOf, type StateSystem } from '../domain/state-system.js';
import type { YearRange } from '../domain/year.js';
import { ConfigError, UsageError } from '../domain/errors.js';
import type { IndicatorData } from '../families/family.js';
import { alignmentWideCsv, csvTable, writeAlignmentCsvChunks } from '../report/alignment-csv.js';
import { alignmentFields, buildDataPackage, type CsvResource } from '../report/datapackage.js';
import { hashText } from '../format/hash-file.js';
import { addReportExtras } from '../report/report-extras.js';
import { weightsJson } from '../report/weights-report.js';
import { scorePageData, scoreReportPage } from '../report/page/score-page.js';
import type { PageData } from '../report/page/page-data.js';
import { bibtex, runReferences } from '../report/references.js';
import { hashedChunks, materialise, type ReportContent, type ReportFiles } from '../report/report-content.js';
import { loadIndicators, type ProgressFn } from './load-indicators.js';
import { readConfig, type ResolvedConfig } from '../config/read-config.js';
import { prepareReport, replaceReport } from '../report/report-folder.js';
import { yearOfKey } from '../domain/dyad-year-key.js';
import type { ScoreRun } from '../report/score-run.js';
import { calibrateWeights, type WeightCalibration } from '../analysis/weight-calibration.js';
import { scoreLatent } from './latent-score.js';
import { latentPackage } from '../report/latent-report.js';
import { SCORE_CACHE_FILE } from '../report/score-cache.js';
import { scoreCacheContent } from '../report/score-cache-record.js';
import { ReportWriter } from '../report/report-writer.js';

/** Command-line overrides of the config for one run. */
export interface RunOverrides {
  readonly out?: string | undefined;
  /** Replace a report of another config, or one holding files Entente did not write (`--force`). */
  readonly force?: boolean | undefined;
  /** Notes for the user while writing (an interrupted run completed, waiting for a lock). */
  readonly note?: ((text: string) => void) | undefined;
  readonly pairs?: string | undefined;
  readonly states?: string | undefined;
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  /** `--columns lean`: alignment.csv with the keys, index and coverage only. */
  readonly columns?: 'full' | 'lean' | undefined;
}

/**
 * Applies `--pairs`, `--states`, `--from`, `--to` to a config (`--pairs RUS-*`: Russia against
 * every state of the state system). States are read as
 * {@link lookupState} says (ISO3 codes, or unambiguous names such as `Iran`), reported under the
 * config's succession rules.
 * @throws {UsageError} for malformed values and unknown states, all listed, with the closest spellings.
 */
export function applyOverrides(config: ResolvedConfig, o: RunOverrides): ResolvedConfig {
  let { years, states, pairs } = config;
  const problems: string[] = [];
  if (o.states !== undefined || o.pairs !== undefined) {
    const crosswalk = createCrosswalk({ succession: config.succession });
    const system = stateSystemOf(crosswalk);
    if (o.states !== undefined) {
      const found: Iso3[] = [];
      for (const x of o.states.split(',')) {
        const r = lookupState(x, crosswalk, system);
        if (r.ok) found.push(r.state);
        else problems.push(`--states: ${r.message}`);
      }
      states = [...new Set(found)];
      if (states.length === 1 && found.length > 1) {
        problems.push(`--states: every state named is ${states[0]} after the succession rules; a pair needs two different states`);
      }
    }
    if (o.pairs !== undefined) {
      const found: (readonly [Iso3, Iso3])[] = [];
      for (const x of o.pairs.split(',')) {
        // `RUS-*` (or `*-RUS`): the state against every state of the state system
        const wild = /^\s*(?:(.+?)\s*-\s*\*|\*\s*-\s*(.+?))\s*$/.exec(x);
        if (wild) {
          const r = lookupState((wild[1] ?? wild[2])!, crosswalk, system);
          if (r.ok) found.push(...system.states.filter((s) => s !== r.state).map((s) => [r.state, s] as const));
          else problems.push(`--pairs: ${r.message}`);
          continue;
        }
        const r = lookupPair(x, crosswalk, system);
        if (r.ok) found.push(r.pair);
        else problems.push(`--pairs: ${r.message}`);
      }
      // a pair named twice (RUS-*,RUS-IRN) counts once
      const seen = new Set<string>();
      pairs = found.filter(([a, b]) => {
        const k = a < b ? `${a}-${b}` : `${b}-${a}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    }
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  if (o.from !== undefined || o.to !== undefined) {
    const from = o.from ?? years?.from ?? 1000;
    const to = o.to ?? years?.to ?? 4095;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) throw new UsageError(`--from/--to: need whole years with from ≤ to, got ${from}..${to}`);
    years = { from, to };
  }
  const lean = o.columns === 'lean' || (o.columns === undefined && config.columns === 'lean');
  // `--columns full` is the default and leaves no trace in the record (reports stay byte-identical)
  const given: Record<string, string | number> = Object.fromEntries((['pairs', 'states', 'from', 'to'] as const).filter((k) => o[k] !== undefined).map((k) => [k, o[k]!]));
  if (o.columns === 'lean') given['columns'] = 'lean';
  const base = o.columns === 'full' && config.commandLine?.['columns'] !== undefined ? withoutKey(config.commandLine, 'columns') : config.commandLine;
  const commandLine = Object.keys(given).length > 0 ? { ...base, ...given } : base;
  const { columns: _columns, commandLine: _commandLine, ...rest } = config;
  void _columns;
  void _commandLine;
  return { ...rest, years, states, pairs, ...(lean ? { columns: 'lean' as const } : {}), ...(commandLine && Object.keys(commandLine).length > 0 ? { commandLine } : {}) };
}

function withoutKey(record: Readonly<Record<string, string | number>>, key: string): Record<string, string | number> {
  const out = { ...record };
  delete out[key];
  return out;
}

/** The report folder of a config: `--out`, else `reports/<name>/` next to the config. */
export function reportDir(config: ResolvedConfig, out?: string): string {
  return path.resolve(out ?? path.join(config.dir, 'reports', config.name));
}

/**
 * Every file a run read: the config and each indicator's inputs (a report folder must hold
 * none of them).
 * @example runInputs(run) // ['/p/entente.yaml', '/p/indicators/sample/un_votes.csv', …]
 */
export function runInputs(config: ResolvedConfig, data: ReadonlyMap<string, IndicatorData>): string[] {
  return [path.resolve(config.file), ...[...data.values()].flatMap((d) => d.inputs.map((f) => f.path))];
}

/**
 * Aggregations fitted on the whole panel rather than row by row (`aggregators` gives them no
 * row index): each scores the run's panel itself.
 */
const panelModels: Partial<Record<ResolvedConfig['aggregation'], typeof scoreLatent>> = { latent: scoreLatent };

/**
 * Loads and scores (no writing).
 * @throws {UsageError|ConfigError} when the years asked for lie outside every source's years.
 */
export async function computeScore(config: ResolvedConfig, progress?: ProgressFn): Promise<ScoreRun> {
  const loaded = await loadIndicators(config, progress);
  const inputs = scoreInputs(config, loaded.data);
  checkYearsCovered(config, inputs);
  progress?.('scoring', 0, 1);
  const options = scoreOptions(config, loaded.stateSystem);
  const model = panelModels[config.aggregation];
  const calibration = !model && config.weightsCalibration === 'effective' ? calibrate(inputs, options) : undefined;
  const used = calibration ? inputs.map((ind, i) => ({ ...ind, weight: calibration.indicators[i]!.calibrated, nominalWeight: ind.weight })) : inputs;
  const scored = model ? await model(inputs, options, config) : { table: scorePanel(used, options), latent: undefined };
  progress?.('scoring', 1, 1);
  const sample = config.sampleDeclared || isSampleOnly(loaded.data);
  return { config, data: loaded.data, table: scored.table, latent: scored.latent, sample, warnings: loaded.warnings, stateSystem: loaded.stateSystem, calibration };
}

/**
 * `weights_calibration: effective`: the weights calibrated on every pair-year of the sources
 * (the pool, before the run's filters, so a row does not depend on the subset scored).
 */
function calibrate(inputs: readonly ScoreIndicator[], options: ScoreOptions): WeightCalibration {
  const pool = scorePanel(inputs, { ...options, years: null, states: null, pairs: null, smoothIndex: undefined });
  const settings = { geometricFloor: options.geometricFloor, formula: null };
  return calibrateWeights(pool.ids, pool.norm, inputs.map((i) => i.weight), { scale: options.scale, aggregation: options.aggregation, minCoverage: options.minCoverage, settings });
}

/**
 * The weights a run's index used by indicator position: the calibrated ones under
 * `weights_calibration: effective`, else the configured ones.
 * @example usedWeights(run) // [0.25, 0.2, …]
 */
export function usedWeights(run: Pick<ScoreRun, 'config' | 'calibration'>): number[] {
  return run.config.indicators.map((ind, i) => run.calibration?.indicators[i]?.calibrated ?? ind.weight);
}

/**
 * Refuses a `years` range (from `--from`/`--to` or the config's `years:`) that shares no year
 * with the sources: such a run would write an empty report. Called after loading, before any
 * work is written.
 * @throws {UsageError} for `--from`/`--to`, {@link ConfigError} at the config's `years:` line.
 * @example checkYearsCovered({ ...config, years: { from: 20, to: 201 } }, inputs) // throws: "… the sources cover 1946–2024 …"
 */
export function checkYearsCovered(config: ResolvedConfig, inputs: readonly ScoreIndicator[]): void {
  const asked = config.years;
  if (asked === null) return;
  const covered = sourceYears(inputs, inputs.map((i) => i.data.values));
  if (covered.some((r) => r.from <= asked.to && r.to >= asked.from)) return;
  const text = (rs: readonly YearRange[]) => (rs.length === 0 ? 'no year' : rs.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`)).join(', '));
  const per = inputs.map((i) => `${i.id} ${text(sourceYears([i], [i.data.values]))}`).join('; ');
  const what = `the years ${asked.from}–${asked.to} lie outside every source: the sources cover ${text(covered)} (${per}); ask for years inside them`;
  const raw = config.raw.years;
  if (raw !== undefined && raw.from === asked.from && raw.to === asked.to) {
    const at = /^years\s*:/m.exec(config.text);
    const line = at === null ? 0 : config.text.slice(0, at.index).split('\n').length;
    throw new ConfigError([{ file: config.file, line, path: 'years', message: what }]);
  }
  throw new UsageError(`--from/--to: ${what}`);
}

/** The indicators of a config with their loaded data, as the core takes them. */
export function scoreInputs(config: ResolvedConfig, data: ReadonlyMap<string, IndicatorData>): ScoreIndicator[] {
  return config.indicators.map((ind) => ({
    id: ind.id,
    weight: ind.weight,
    normalise: ind.normalise,
    goalposts: ind.goalposts,
    goalpostQuantiles: ind.goalpostQuantiles,
    winsorise: ind.winsorise,
    poolExclude: ind.poolExclude,
    polarity: ind.polarity,
    combine: ind.combine,
    temporal: { lag: ind.lag, window: ind.window, halfLife: ind.halfLife },
    data: data.get(ind.id)!,
    impute: ind.impute,
  }));
}

/** The core's options from a config and the state system of its succession rules. */
export function scoreOptions(config: ResolvedConfig, stateSystem: StateSystem): ScoreOptions {
  return {
    scale: config.scale,
    aggregation: config.aggregation,
    formula: config.formula,
    minCoverage: config.minCoverage,
    minIndicators: config.minIndicators,
    geometricFloor: config.geometricFloor,
    years: config.years,
    states: config.states,
    pairs: config.pairs,
    smoothIndex: config.smoothIndex,
    chainReferenceYear: config.chainReferenceYear,
    panel: config.panel,
    stateSystem,
  };
}

/** True when every input of a run lies under `indicators/sample/` (the bundled synthetic data). */
export function isSampleOnly(data: ReadonlyMap<string, IndicatorData>): boolean {
  const files = [...data.values()].flatMap((d) => d.inputs.map((f) => f.path.split(path.sep).join('/')));
  return files.length > 0 && files.every((f) => f.includes('/indicators/sample/'));
}

/** The files of a score report, by name, held whole in memory (for tests and in-process callers). */
export function reportFiles(run: ScoreRun): Map<string, string | Uint8Array> {
  return materialise(reportContents(run).files);
}

/**
 * The files of a score report as they are written: `alignment.csv` in chunks, hashed while it
 * is written (never held whole: 97 MB for every UN pair-year), and `datapackage.json` made
 * after it with that hash. `sha256()` gives the hash of `alignment.csv` once it is written.
 * With a `writer`, `alignment.csv` and the score cache are written on its thread while the
 * other files are made.
 */
export function reportContents(run: ScoreRun, writer?: ReportWriter | null): { files: ReportFiles; sha256(): string } {
  const { config, table, data } = run;
  const written = csvTable(table, config.columns);
  const csv = hashedChunks(
    (sink) => writeAlignmentCsvChunks(written, config.precision, sink),
    writer ? async (file) => (await writer.write(file, { kind: 'alignment', table: csvTable(writer.share(table), config.columns), precision: config.precision }, true))! : undefined,
  );
  const files = new Map<string, ReportContent>([['alignment.csv', csv.content]]);
  const alignment = (): CsvResource => ({
    name: 'alignment',
    path: 'alignment.csv',
    description:
      config.columns === 'lean'
        ? 'One row per pair of states and year: the alignment index and its coverage (written with --columns lean: the indicators\' raw values, normalised values and contributions are left out).'
        : 'One row per pair of states and year: the alignment index, its coverage, and each indicator\'s raw value, normalised value and contribution.',
    fields: alignmentFields(written, config, data),
    primaryKey: ['state_a', 'state_b', 'year'],
    hash: csv.sha256(),
  });
  const resources: CsvResource[] = [];
  if (config.wide) {
    const wide = alignmentWideCsv(table, config.precision);
    files.set('alignment_wide.csv', wide);
    const years = [...new Set(Array.from(table.keys, (k) => yearOfKey(k)))].sort((a, b) => a - b);
    resources.push({
      name: 'alignment_wide',
      path: 'alignment_wide.csv',
      description: 'The index in wide form: one row per pair, one column per year.',
      fields: [
        { name: 'state_a', type: 'string', description: 'first state (ISO3)' },
        { name: 'state_b', type: 'string', description: 'second state (ISO3)' },
        ...years.map((y) => ({ name: `y${y}`, type: 'number' as const, description: `index in ${y}` })),
      ],
      primaryKey: ['state_a', 'state_b'],
      hash: hashText(wide),
    });
  }
  addReportExtras(run, files, resources);
  // what the toolkit commands read instead of scoring again (not for a latent run: its model is not kept)
  if (!run.latent) files.set(SCORE_CACHE_FILE, scoreCacheContent(run, writer));
  const warnings = Object.fromEntries([...run.warnings.countsByKind()].sort(([a], [b]) => (a < b ? -1 : 1)));
  let pkg: string | null = null;
  const pkgText = () => (pkg ??= buildDataPackage({ config, data, resources: [alignment(), ...resources], sample: run.sample, warnings, weights: weightsJson(run), ...(run.latent ? { latent: latentPackage(run.latent) } : {}) }));
  files.set('datapackage.json', { kind: 'deferred', make: pkgText });
  // written after datapackage.json (deferred files go by name): the page shows its provenance
  const references = runReferences(config, data);
  files.set('references.bib', bibtex(references));
  let page: PageData | null = null;
  const pageData = () => (page ??= scorePageData(run));
  files.set('report.html', { kind: 'deferred', prepare: pageData, make: () => scoreReportPage(run, pkgText(), { citations: { text: references, bibtex: bibtex(references) }, data: pageData() }) });
  return { files, sha256: () => csv.sha256() };
}

/**
 * The main job: reads the config, checks the report folder (see `report-folder.ts`: only a
 * report folder of this config is replaced), loads every indicator, scores, and replaces the
 * report folder in one committed step. Returns where it went, the row count, the SHA-256 of
 * alignment.csv and the files of the old report that the new one dropped.
 */
export async function runScore(configFile: string, overrides: RunOverrides = {}, progress?: ProgressFn) {
  const config = applyOverrides(await readConfig(configFile), overrides);
  const target = { dir: reportDir(config, overrides.out), configFile: config.file, force: overrides.force, note: overrides.note };
  await prepareReport(target, 'replace');
  // started now, the writer thread is ready when the scoring is done
  const writer = ReportWriter.start();
  try {
    const run = await computeScore(config, progress);
    const report = reportContents(run, writer);
    progress?.('writing', 0, 1);
    const { dropped } = await replaceReport(target, 'score', report.files, runInputs(config, run.data));
    progress?.('writing', 1, 1);
    return { run, outDir: target.dir, rows: run.table.keys.length, sha256: report.sha256(), dropped };
  } finally {
    await writer?.close();
  }
}
