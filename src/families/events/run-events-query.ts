/**
 * One events source through DuckDB: probe the files, scan them once into the daily table
 * (`raw_groups`, with rejected rows and failed checks counted), report every problem located,
 * classify the actor codes, then run the measure query. Returns the rows of the output schema
 * (see `build-sql.ts`), the notes for `entente validate` and the provenance.
 * @module
 */
import { InputError, type Problem } from '../../domain/errors.js';
import { DEFAULTS } from '../../domain/defaults.js';
import type { Crosswalk } from '../../domain/crosswalk.js';
import { COUNTRIES } from '../../domain/crosswalk-data.js';
import type { Iso3 } from '../../domain/country.js';
import type { PeriodKind } from '../../domain/period.js';
import { hashFile } from '../../format/hash-file.js';
import type { InputFile } from '../family.js';
import { classifyUnmapped, codeKey, staticCodeMapping, type ActorAliases, type ActorCodeSystem, type CodeMapping, type SkipReason } from './actor-codes.js';
import { fullSql, measureSql, rawGroupsSql, srcSql, type EventQuery, type Selection } from './build-sql.js';
import type { DuckEngine, Cell } from './run-duckdb.js';
import { EVENT_FORMATS, type EventFormatName, type RowCheck } from './formats.js';
import { duckInput, expandPath, firstLine, integerColumn, probeFile, typedDay, type ProbedFile } from './read-input-files.js';
import { checkTest, locateRows, type CellTest } from './read-row-locations.js';
import type { EventMeasureName } from './measures.js';
import { DIALECTS } from './sql-dialect.js';

/** A row-format source block, validated. */
export interface RowSourceSpec {
  readonly format: EventFormatName;
  readonly path: string;
  readonly codes?: ActorCodeSystem | undefined;
  readonly aliases: ActorAliases;
  readonly dates?: { readonly from?: string | undefined; readonly to?: string | undefined } | undefined;
  readonly actors?: 'country' | 'code' | undefined;
  readonly date?: 'dateadded' | 'sqldate' | undefined;
  readonly select?: Selection | undefined;
}

/** The measure settings of an indicator. */
export interface MeasureSettings {
  readonly measure: EventMeasureName;
  readonly minDays: number;
  readonly minEvents: number;
  readonly minObserved: number;
}

/** The output of one source: columns of the output schema, plus what validate and the data package say. */
export interface EventsResult {
  readonly names: readonly string[];
  readonly columns: readonly Cell[][];
  /** Days observed per year (for the partial-period notes and the coverage). */
  readonly observedByYear: ReadonlyMap<number, number>;
  readonly notes: readonly string[];
  readonly inputs: readonly InputFile[];
  readonly sql: string;
}

const duck = DIALECTS.duckdb;
const TERRITORY = new Set(COUNTRIES.filter((r) => r.kind === 'territory').map((r) => r.iso3));

/** The query of a source (shared by the run and by `entente sql --dialect duckdb`). */
export async function prepareQuery(
  engine: DuckEngine,
  src: RowSourceSpec,
  m: MeasureSettings,
  period: PeriodKind,
  crosswalk: Crosswalk,
  resolvePath: (p: string) => string,
  o: { rejects: boolean; round: number | null },
): Promise<{ query: EventQuery; files: ProbedFile[]; checks: readonly RowCheck[] }> {
  const format = EVENT_FORMATS[src.format];
  const columns = format.columns({ actors: src.actors, date: src.date });
  const needed = [...new Set([columns.day, columns.actor1, columns.actor2, columns.score, columns.quad, columns.cameo, columns.plover].filter((c): c is string => c !== null))];
  const paths = await expandPath(engine, resolvePath(src.path));
  const files: ProbedFile[] = [];
  for (const p of paths) files.push(await probeFile(engine, p, format, needed));
  if (files.some((f) => f.form === 'parquet') && files.some((f) => f.form !== 'parquet')) {
    throw new InputError([{ file: src.path, line: 0, message: 'the pattern matches both Parquet and CSV files; point it at one kind' }]);
  }
  const system = src.codes ?? format.codes;
  const query: EventQuery = {
    format,
    columns,
    input: duckInput(files, format, columns, { rejects: o.rejects }),
    typedDay: typedDay(files),
    integerDay: integerColumn(files, columns.day),
    mapping: staticCodeMapping(system, crosswalk, src.aliases),
    select: src.select ?? {},
    dates: src.dates,
    measure: m.measure,
    period,
    minDays: m.minDays,
    minEvents: m.minEvents,
    minObserved: m.minObserved,
    round: o.round,
  };
  return { query, files, checks: format.checks(columns) };
}

/**
 * Runs one row-format source: scan, checks, codes, measure.
 * @throws {InputError} with every problem located (rejected rows, failed checks, unknown state-like codes).
 */
export async function runEventsQuery(
  engine: DuckEngine,
  src: RowSourceSpec,
  m: MeasureSettings,
  period: PeriodKind,
  crosswalk: Crosswalk,
  resolvePath: (p: string) => string,
  printRound: number | null = null,
): Promise<EventsResult> {
  const prepared = await prepareQuery(engine, src, m, period, crosswalk, resolvePath, { rejects: true, round: null });
  const { files, checks } = prepared;
  let query = prepared.query;
  const csv = files.some((f) => f.form !== 'parquet');
  try {
    await engine.run(`CREATE OR REPLACE TEMP TABLE raw_groups AS WITH src AS (\n  ${srcSql(query, duck, checks)}\n)\n${rawGroupsSql(query, duck, checks)}`);
  } catch (e) {
    throw engineError(e, files);
  }
  // every problem of the files together: rows DuckDB rejected, values failing a check, unknown state-like codes
  const found = [...(csv ? await rejected(engine, files) : []), await failedChecks(engine, files, query, checks)];
  const codes = await engine.rows(`SELECT code, SUM(n_rows) AS n FROM (SELECT a1 AS code, n_rows FROM raw_groups WHERE pair_set = 1 UNION ALL SELECT a2 AS code, n_rows FROM raw_groups WHERE pair_set = 1) AS c GROUP BY code ORDER BY code`);
  const { mapping, skipped, stateLike } = classifyCodes(codes, query.mapping, crosswalk, src.aliases);
  if (stateLike.length > 0) found.push(await unknownCodes(files, query, stateLike));
  throwFound(found);
  query = { ...query, mapping };
  const m2 = measureSql(query, duck);
  let out: { names: string[]; columns: Cell[][] };
  try {
    out = await engine.columns(`WITH\n${m2.ctes.join(',\n')}\n${m2.select}`);
  } catch (e) {
    throw engineError(e, files);
  }
  const observed = await engine.rows(`SELECT EXTRACT(YEAR FROM day) AS year, COUNT(DISTINCT day) AS days FROM raw_groups WHERE day IS NOT NULL GROUP BY 1 ORDER BY 1`);
  const selfPairs = await engine.rows(
    `SELECT c1.iso3 AS state, SUM(d.n) AS n FROM raw_groups AS d JOIN (${duck.codesTable([...mapping.entries].sort())}) AS c1 ON c1.raw = ${mapping.system === 'name' ? 'LOWER(d.a1)' : 'UPPER(d.a1)'} JOIN (${duck.codesTable([...mapping.entries].sort())}) AS c2 ON c2.raw = ${mapping.system === 'name' ? 'LOWER(d.a2)' : 'UPPER(d.a2)'} WHERE d.pair_set = 1 AND c1.iso3 = c2.iso3 AND d.n > 0 GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  const observedByYear = new Map(observed.map((r) => [Number(r['year']), Number(r['days'])]));
  const notes = [
    ...observedNotes(observedByYear, m.minObserved),
    ...skippedNotes(skipped, src.format === 'gdelt_v2' && src.actors === 'code'),
    ...(selfPairs.length > 0 ? [`self-pairs skipped (both actors the same state): ${selfPairs.slice(0, 8).map((r) => `${r['state']}-${r['state']} ${fmt(Number(r['n']))}`).join(', ')}${selfPairs.length > 8 ? ', …' : ''}`] : []),
  ];
  const inputs: InputFile[] = [];
  for (const f of files) inputs.push({ path: f.path, sha256: await hashFile(f.path), role: 'path' });
  const printable: EventQuery = { ...query, input: duckInput(files, query.format, query.columns, { rejects: false }), round: printRound };
  return { names: out.names, columns: out.columns, observedByYear, notes, inputs, sql: fullSql(printable, duck) };
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Partial-period notes: the share of each year the source observed, and which years are empty for it. */
function observedNotes(byYear: ReadonlyMap<number, number>, minObserved: number): string[] {
  const parts: string[] = [];
  const partial: string[] = [];
  for (const [y, days] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const all = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365;
    parts.push(`${y} ${(days / all).toFixed(3)} (${days}/${all} days)`);
    if (days < minObserved * all) partial.push(`${y} (${days} of ${all} days)`);
  }
  const out = parts.length > 0 ? [`share of each year the source observed: ${parts.join(', ')}`] : [];
  if (partial.length > 0) out.push(`partial years, observed on fewer than min_observed = ${minObserved} of their days, have no values: ${partial.join(', ')}`);
  return out;
}

const REASON_TEXT: Readonly<Record<SkipReason, string>> = {
  empty: 'empty actor code',
  'declared non-state': 'declared non_state in aliases',
  territory: 'territory',
  'territory or historical': 'territory or historical code',
  region: 'region',
  'role or organisation': 'role, organisation or religion',
  'role-suffixed': 'role-suffixed',
  unknown: 'unknown',
};

/** Notes listing the codes that are not states, with the rows they had, by reason. */
function skippedNotes(skipped: readonly { code: string; n: number; reason: SkipReason }[], actorCodes: boolean): string[] {
  if (skipped.length === 0) return [];
  const total = skipped.reduce((s, x) => s + x.n, 0);
  const byReason = new Map<SkipReason, { code: string; n: number }[]>();
  for (const s of skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s]);
  const lines = [`actor codes that are not states (their rows are skipped): ${fmt(total)} actor mentions in ${fmt(skipped.length)} codes`];
  for (const [reason, list] of [...byReason].sort((a, b) => REASON_TEXT[a[0]].localeCompare(REASON_TEXT[b[0]]))) {
    const top = [...list].sort((a, b) => b.n - a.n || (a.code < b.code ? -1 : 1)).slice(0, 12);
    const hint = reason === 'role-suffixed' && actorCodes ? ' (a state with a role, e.g. RUSGOV; `actors: country` counts them for their state)' : '';
    lines.push(`  ${REASON_TEXT[reason]}${hint}: ${top.map((x) => `${x.code === '' ? '(empty)' : x.code} ${fmt(x.n)}`).join(', ')}${list.length > top.length ? `, … ${list.length - top.length} more` : ''}`);
  }
  return lines;
}

/** Classifies the codes the data hold: mapped, resolved by the crosswalk's folding (added), skipped, or unknown and state-like. */
function classifyCodes(codes: readonly Record<string, Cell>[], base: CodeMapping, crosswalk: Crosswalk, aliases: ActorAliases) {
  const entries = new Map(base.entries);
  const skipped: { code: string; n: number; reason: SkipReason }[] = [];
  const stateLike: string[] = [];
  for (const r of codes) {
    const code = String(r['code'] ?? '');
    const n = Number(r['n']);
    const key = codeKey(base.system, code);
    if (entries.has(key)) continue;
    if (base.system === 'name' && key !== '') {
      const iso3 = crosswalk.tryResolve('name', code);
      if (iso3 !== null && !TERRITORY.has(iso3)) {
        entries.set(key, iso3 as Iso3);
        continue;
      }
    }
    const c = classifyUnmapped(code, base.system, crosswalk, base, aliases);
    if (c.looksLikeState) stateLike.push(code);
    else skipped.push({ code, n, reason: c.reason });
  }
  return { mapping: { system: base.system, entries } as CodeMapping, skipped, stateLike };
}

/** Problems found in the files: the ones kept (located) and how many there are in all. */
interface Found {
  readonly problems: readonly Problem[];
  readonly total: number;
}

/** Throws every problem found, sorted by file and line, capped; nothing when all is well. */
function throwFound(found: readonly Found[]): void {
  const total = found.reduce((s, f) => s + f.total, 0);
  if (total === 0) return;
  // a row DuckDB rejected is also found again by the locator's checks: one problem per line, the first kept
  const seen = new Set<string>();
  const all = found
    .flatMap((f) => f.problems)
    .filter((p) => p.line === 0 || (!seen.has(`${p.file}\u0000${p.line}`) && seen.add(`${p.file}\u0000${p.line}`)))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const kept = all.slice(0, DEFAULTS.maxErrors);
  throw new InputError(kept, Math.max(0, Math.min(total, total - (found.flatMap((f) => f.problems).length - all.length)) - kept.length), `${total} problem(s) in the event data; nothing was written`);
}

/** Rows DuckDB rejected (wrong column count, a value of the wrong type, bad quoting, invalid UTF-8), located. */
async function rejected(engine: DuckEngine, files: readonly ProbedFile[]): Promise<Found[]> {
  const count = await engine.rows('SELECT COUNT(*) AS n FROM reject_errors');
  const n = Number(count[0]?.['n'] ?? 0);
  if (n === 0) return [];
  const rows = await engine.rows(
    `SELECT s.file_path AS file, e.line, e.column_name, e.error_type, e.error_message FROM reject_errors AS e JOIN reject_scans AS s ON s.scan_id = e.scan_id AND s.file_id = e.file_id ORDER BY s.file_path, e.line LIMIT ${DEFAULTS.maxErrors}`,
  );
  const problems: Problem[] = rows.map((r) => ({
    file: String(r['file']),
    line: Number(r['line']),
    ...(r['column_name'] && r['error_type'] === 'CAST' ? { column: String(r['column_name']) } : {}),
    message: rejectMessage(String(r['error_type']), String(r['error_message'] ?? ''), files),
  }));
  return [{ problems, total: n }];
}

function rejectMessage(type: string, message: string, files: readonly ProbedFile[]): string {
  const width = files[0]?.columns.length ?? 0;
  switch (type) {
    case 'CAST': {
      const m = /Could not convert string "(.*)" to '(\w+)'/s.exec(message);
      const want = m?.[2] === 'DATE' || m?.[2] === 'TIMESTAMP' ? 'a date' : m?.[2] === 'INTEGER' ? 'a whole number' : 'a number';
      return `expected ${want}, got ${m ? `"${m[1]}"` : 'a value that is not one'}; fix or remove the row`;
    }
    case 'MISSING COLUMNS':
    case 'TOO MANY COLUMNS':
      return `${message.replace(/^Expected Number of Columns: (\d+) Found: (\d+)$/, 'expected $1 columns, found $2')}; every row needs the ${width} columns of the layout (a tab or comma inside a field must be quoted)`;
    case 'UNQUOTED VALUE':
      return 'a quote inside an unquoted field, or text after a closing quote; quote the whole field and double inner quotes ("")';
    case 'INVALID UNICODE':
      return 'the line is not valid UTF-8; save the file as UTF-8';
    case 'LINE SIZE OVER MAXIMUM':
      return 'the line is longer than 2 MB; the file is probably not this format';
    default:
      return `${type.toLowerCase()}: ${message.split('\n')[0]}`;
  }
}

/** Rows that parsed but fail a check (a non-finite score, a Goldstein score outside −10…10, …): counted by DuckDB, located here. */
async function failedChecks(engine: DuckEngine, files: readonly ProbedFile[], q: EventQuery, checks: readonly RowCheck[]): Promise<Found> {
  if (checks.length === 0) return { problems: [], total: 0 };
  const sums = await engine.rows(`SELECT ${checks.map((k) => `COALESCE(SUM(bad_${k.id}), 0) AS bad_${k.id}`).join(', ')} FROM raw_groups WHERE pair_set = 1`);
  const failing = checks.filter((k) => Number(sums[0]?.[`bad_${k.id}`] ?? 0) > 0);
  if (failing.length === 0) return { problems: [], total: 0 };
  const total = failing.reduce((s, k) => s + Number(sums[0]![`bad_${k.id}`]), 0);
  const problems = await locateRows(files, q.format, failing.map(checkTest));
  if (problems.length === 0) {
    for (const k of failing) problems.push({ file: files[0]!.path, line: 0, column: k.column, message: `${fmt(Number(sums[0]![`bad_${k.id}`]))} row(s) fail: ${k.message('…')}` });
  }
  return { problems, total: Math.max(total, problems.length) };
}

/** Unknown codes that look like state codes: located errors, with how to declare them. */
async function unknownCodes(files: readonly ProbedFile[], q: EventQuery, codes: readonly string[]): Promise<Found> {
  const keys = new Set(codes.map((c) => codeKey(q.mapping.system, c)));
  const test = (column: string): CellTest => ({
    column,
    bad: (cell) => keys.has(codeKey(q.mapping.system, cell)),
    message: (cell) =>
      `unknown country code "${cell.trim()}": not a state the crosswalk knows, nor a known region, organisation or territory code; if it is a state, map it with the source's \`aliases: { ${cell.trim()}: ISO3 }\`, else declare it \`aliases: { ${cell.trim()}: non_state }\``,
  });
  const problems = await locateRows(files, q.format, [test(q.columns.actor1), test(q.columns.actor2)]);
  if (problems.length === 0) {
    for (const c of codes) problems.push({ file: files[0]!.path, line: 0, message: test(q.columns.actor1).message(c) });
  }
  return { problems, total: problems.length };
}

/** An engine error during the scan (corrupt gzip, a row DuckDB refuses outright) as a located input error. */
export function engineError(e: unknown, files: readonly ProbedFile[]): InputError {
  if (e instanceof InputError) return e;
  const text = String((e as Error)?.message ?? e);
  const line = /Line:\s*(\d+)/.exec(text);
  const file = files.find((f) => text.includes(f.path))?.path ?? files[0]?.path ?? '(input)';
  const what = /gzip|zlib|compress/i.test(text) ? 'corrupt gzip data; re-download the file' : `the engine could not read the data: ${firstLine(e)}`;
  return new InputError([{ file, line: line ? Number(line[1]) : 0, message: what }]);
}
