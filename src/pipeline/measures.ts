import path from 'node:path';
import { measurePanel, type MeasureTable } from '../core/measure-panel.js';
import { AsciiWriter } from '../format/ascii-writer.js';
import { buildDataPackage, type CsvResource, type SchemaField } from '../report/datapackage.js';
import { hashedChunks, type ReportContent } from '../report/report-content.js';
import { loadIndicators, type ProgressFn } from './load-indicators.js';
import { readConfig, type ResolvedConfig } from '../config/read-config.js';
import { applyOverrides, checkYearsCovered, isSampleOnly, runInputs, scoreInputs, scoreOptions, type RunOverrides } from './score.js';
import { prepareReport, replaceReport } from '../report/report-folder.js';
import type { IndicatorData, PeriodData } from '../families/family.js';
import { loadPeriodIndicators } from './load-indicators.js';
import { mergePeriodData, periodMeasuresFields, writePeriodMeasuresCsv } from '../report/period-measures-csv.js';
import type { PeriodKind } from '../domain/period.js';
import { DyadYearTable } from '../domain/dyad-year-table.js';
import { UsageError } from '../domain/errors.js';

/**
 * Writes a measure table as CSV: `state_a,state_b,year`, then `<id>_raw` per indicator and
 * the families' extra columns (e.g. `un_joint_votes`); empty cells for missing values. The
 * bytes go to `sink` in chunks of about 1 MB (a view valid only during the call), so the
 * file is never held whole.
 * @example writeMeasuresCsvChunks(table, 6, (chunk) => hash.update(chunk)); // header: 'state_a,state_b,year,un_raw,un_joint_votes'
 */
export function writeMeasuresCsvChunks(table: MeasureTable, precision: number, sink: (chunk: Uint8Array) => void): void {
  const w = AsciiWriter.streaming(sink);
  writeMeasuresCsv(table, precision, w);
  w.flush();
}

function writeMeasuresCsv(table: MeasureTable, precision: number, w: AsciiWriter): void {
  const n = table.keys.length;
  w.text(['state_a', 'state_b', 'year', ...table.ids.map((id) => `${id}_raw`), ...table.extras.map((x) => x.column)].join(','));
  w.byte(10);
  const keys = table.keys;
  const raw = table.raw;
  const extras = table.extras.map((x) => x.values);
  const integer = table.extras.map((x) => x.type === 'integer');
  for (let r = 0; r < n; r++) {
    w.pairYear(keys[r]!);
    for (let c = 0; c < raw.length; c++) {
      w.byte(44);
      w.fixed(raw[c]![r]!, precision);
    }
    for (let c = 0; c < extras.length; c++) {
      w.byte(44);
      if (integer[c]) w.integer(extras[c]![r]!);
      else w.fixed(extras[c]![r]!, precision);
    }
    w.byte(10);
  }
}

/** The Table Schema fields of `measures.csv`. */
export function measuresFields(table: MeasureTable, config: ResolvedConfig): SchemaField[] {
  const byId = new Map(config.indicators.map((i) => [i.id, i]));
  return [
    { name: 'state_a', type: 'string', description: 'first state of the pair, ISO3 (alphabetically first)', constraints: { required: true, pattern: '^[A-Z]{3}$' } },
    { name: 'state_b', type: 'string', description: 'second state of the pair, ISO3 (alphabetically second)', constraints: { required: true, pattern: '^[A-Z]{3}$' } },
    { name: 'year', type: 'integer', description: 'year', constraints: { required: true } },
    ...table.ids.map((id) => {
      const ind = byId.get(id)!;
      return { name: `${id}_raw`, type: 'number' as const, description: `${id}: ${ind.family.name} measure "${ind.spec.measure}" — ${ind.family.describeMeasure(ind.spec.measure)}` };
    }),
    ...table.extras.map((x) => ({ name: x.column, type: x.type, description: x.description })),
  ];
}

/** The folder `entente measures` writes to: `--out`, else `reports/<name>-measures/` (`-measures-month/`, `-measures-quarter/` with `--period`) beside the config. */
export function measuresDir(config: ResolvedConfig, out?: string, period: PeriodKind = 'year'): string {
  return path.resolve(out ?? path.join(config.dir, 'reports', `${config.name}-measures${period === 'year' ? '' : `-${period}`}`));
}

/**
 * `entente measures --period month|quarter`: the raw measures of the dated indicators (event
 * data) per pair and period, in `measures_<period>.csv` with its data package; the indicators of
 * yearly families are left out (and named on stderr by the command).
 * @throws {UsageError} when no indicator of the config is dated.
 */
async function runPeriodMeasures(configFile: string, period: PeriodKind, overrides: RunOverrides, progress?: ProgressFn) {
  const config = applyOverrides(await readConfig(configFile), overrides);
  const target = { dir: measuresDir(config, overrides.out, period), configFile: config.file, force: overrides.force, note: overrides.note };
  const dated = config.indicators.filter((i) => i.family.periods?.kinds.includes(period));
  const skipped = config.indicators.filter((i) => !dated.includes(i)).map((i) => i.id);
  if (dated.length === 0) {
    throw new UsageError(`--period ${period}: no indicator of ${config.file} has dated sources (the events family has; ${config.indicators.map((i) => `${i.id} is ${i.family.name}`).join(', ')}); use --period year`);
  }
  await prepareReport(target, 'replace');
  const loaded = await loadPeriodIndicators(config, period, progress);
  const byId = new Map(dated.map((i) => [i.id, i]));
  const table = mergePeriodData(period, loaded.data, config, (id) => {
    const ind = byId.get(id)!;
    return `${id}: ${ind.family.name} measure "${ind.spec.measure}" per ${period} — ${ind.family.describeMeasure(ind.spec.measure)}`;
  });
  const name = `measures_${period}.csv`;
  const csv = hashedChunks((sink) => writePeriodMeasuresCsv(table, config.precision, sink));
  const asData = new Map<string, IndicatorData>(
    [...loaded.data].map(([id, d]: [string, PeriodData]) => [id, { values: new DyadYearTable(false), coverage: [], zeroInsideCoverage: false, extras: [], inputs: d.inputs, notes: d.notes, ...(d.provenance ? { provenance: d.provenance } : {}) }]),
  );
  const sample = config.sampleDeclared || isSampleOnly(asData);
  const datedConfig = { ...config, indicators: dated };
  const resource = (): CsvResource => ({
    name: `measures_${period}`,
    path: name,
    description: `One row per pair of states and ${period}: the raw measure of each dated indicator and its extra columns (the index itself stays yearly).`,
    fields: periodMeasuresFields(table),
    primaryKey: ['state_a', 'state_b', 'year', period],
    hash: csv.sha256(),
  });
  const files = new Map<string, ReportContent>([
    [name, csv.content],
    ['datapackage.json', { kind: 'deferred', make: () => buildDataPackage({ config: datedConfig, data: asData, resources: [resource()], sample }) }],
  ]);
  const { dropped } = await replaceReport(target, 'measures', files, runInputs(datedConfig, asData));
  return { outDir: target.dir, file: name, rows: table.keys.length, sha256: csv.sha256(), sample, warnings: loaded.warnings, skipped, dropped };
}

/**
 * `entente measures`: the raw measure of every indicator for every pair-year (no
 * normalisation, no index), written as `measures.csv` with its `datapackage.json`, replacing
 * the folder `reports/<name>-measures/` in one committed step (same rules as `score`).
 */
export async function runMeasures(configFile: string, overrides: RunOverrides & { readonly period?: PeriodKind | undefined } = {}, progress?: ProgressFn) {
  if (overrides.period !== undefined && overrides.period !== 'year') return runPeriodMeasures(configFile, overrides.period, overrides, progress);
  const config = applyOverrides(await readConfig(configFile), overrides);
  const target = { dir: measuresDir(config, overrides.out), configFile: config.file, force: overrides.force, note: overrides.note };
  await prepareReport(target, 'replace');
  const loaded = await loadIndicators(config, progress);
  const inputs = scoreInputs(config, loaded.data);
  checkYearsCovered(config, inputs);
  const table = measurePanel(inputs, scoreOptions(config, loaded.stateSystem));
  // measures.csv is written in chunks and hashed as it goes; datapackage.json after it
  const csv = hashedChunks((sink) => writeMeasuresCsvChunks(table, config.precision, sink));
  const sample = config.sampleDeclared || isSampleOnly(loaded.data as ReadonlyMap<string, IndicatorData>);
  const resource = (): CsvResource => ({
    name: 'measures',
    path: 'measures.csv',
    description: 'One row per pair of states and year: the raw measure of each indicator (before normalisation) and the families\' extra columns.',
    fields: measuresFields(table, config),
    primaryKey: ['state_a', 'state_b', 'year'],
    hash: csv.sha256(),
  });
  const files = new Map<string, ReportContent>([
    ['measures.csv', csv.content],
    ['datapackage.json', { kind: 'deferred', make: () => buildDataPackage({ config, data: loaded.data, resources: [resource()], sample }) }],
  ]);
  const { dropped } = await replaceReport(target, 'measures', files, runInputs(config, loaded.data));
  const sha256 = csv.sha256();
  return { outDir: target.dir, file: 'measures.csv', rows: table.keys.length, sha256, sample, warnings: loaded.warnings, dropped, skipped: [] as string[] };
}
