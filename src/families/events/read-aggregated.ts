/**
 * The `aggregated` source format: the output of `entente sql` run elsewhere (BigQuery, Spark,
 * Trino, DuckDB), read back as the family's values — `state_a,state_b,year[,quarter|month],
 * <measure>,n,active_days,observed_days,period_days` with ISO3 codes, one row per pair and
 * period, the rules (partial periods, minimums) already applied by the query.
 * @module
 */
import { InputError } from '../../domain/errors.js';
import type { Crosswalk } from '../../domain/crosswalk.js';
import type { PeriodKind } from '../../domain/period.js';
import { hashFile } from '../../format/hash-file.js';
import type { InputFile } from '../family.js';
import type { DuckEngine } from './run-duckdb.js';
import { expandPath, firstLine, type ProbedFile } from './read-input-files.js';
import { locateRows } from './read-row-locations.js';
import type { EventMeasureName } from './measures.js';
import type { EventsResult } from './run-events-query.js';
import { open } from 'node:fs/promises';
import { checkTextBytes, isGzip } from '../../format/open-text.js';
import { withCsvRows } from '../../format/read-csv.js';
import type { EventFormat } from './formats.js';

const lit = (s: string) => `'${s.split("'").join("''")}'`;

/** The aggregated layout as a pseudo-format for the locator (comma-separated, header, quoted). */
const AGGREGATED: EventFormat = {
  name: 'edges',
  title: 'aggregated output of `entente sql`',
  kind: 'edges',
  delimiter: ',',
  quote: '"',
  header: true,
  layout: [],
  codes: 'iso3',
  selections: [],
  columns: () => ({ day: '', dayForm: 'iso', actor1: 'state_a', actor2: 'state_b', score: '', quad: null, cameo: null, plover: null }),
  quad: () => 'NULL',
  types: () => ({}),
  checks: () => [],
  defaultTable: () => '',
};

/**
 * Reads an aggregated result for `measure` at `period`.
 * @throws {InputError} for a missing column, another period kind, unknown state codes or bad rows.
 */
export async function readAggregated(engine: DuckEngine, pattern: string, measure: EventMeasureName, period: PeriodKind, crosswalk: Crosswalk): Promise<EventsResult> {
  const paths = await expandPath(engine, pattern);
  const needed = ['state_a', 'state_b', 'year', ...(period === 'year' ? [] : [period]), measure, 'n', 'active_days', 'observed_days', 'period_days'];
  const files: ProbedFile[] = [];
  const calls: string[] = [];
  for (const p of paths) {
    const fh = await open(p, 'r').catch((e: Error) => {
      throw new InputError([{ file: p, line: 0, message: `cannot read the file: ${e.message}` }]);
    });
    const head = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(head, 0, 4096, 0).finally(() => fh.close());
    const bytes = head.subarray(0, bytesRead);
    const parquet = bytes.subarray(0, 4).toString('latin1') === 'PAR1';
    let columns: string[];
    if (parquet) {
      columns = (await engine.rows(`DESCRIBE SELECT * FROM read_parquet(${lit(p)})`).catch((e) => {
        throw new InputError([{ file: p, line: 0, message: `not a readable Parquet file: ${firstLine(e)}` }]);
      })).map((r) => String(r['column_name']));
    } else {
      if (!isGzip(bytes)) checkTextBytes(bytes, p);
      columns = (((await withCsvRows(p, async (rows) => (await rows.next()).value?.cells)) ?? []) as readonly string[]).map((c: string, i: number) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim());
    }
    const other = (['quarter', 'month'] as const).find((k) => k !== period && columns.includes(k));
    if (other || (period !== 'year' && !columns.includes(period))) {
      throw new InputError([{ file: p, line: 1, message: `the file holds ${other ?? 'year'} values, this run needs ${period} values; print the query with \`entente sql --period ${period}\` and run it again` }]);
    }
    const missing = needed.filter((c) => !columns.includes(c));
    if (missing.length > 0) throw new InputError([{ file: p, line: 1, message: `no column ${missing.map((c) => `"${c}"`).join(', ')}; an aggregated file has the columns ${needed.join(',')} (the output of \`entente sql\` for measure ${measure})` }]);
    files.push({ path: p, form: parquet ? 'parquet' : isGzip(bytes) ? 'csv-gzip' : 'csv', columns });
    const types: Record<string, string> = { state_a: 'VARCHAR', state_b: 'VARCHAR', year: 'INTEGER', [measure]: 'DOUBLE', n: 'BIGINT', active_days: 'BIGINT', observed_days: 'BIGINT', period_days: 'BIGINT', ...(period === 'year' ? {} : { [period]: 'INTEGER' }) };
    const cols = columns.map((c) => `${lit(c)}: '${types[c] ?? 'VARCHAR'}'`).join(', ');
    calls.push(
      parquet
        ? `SELECT ${needed.map((c) => `"${c}"`).join(', ')} FROM read_parquet(${lit(p)})`
        : `SELECT ${needed.map((c) => `"${c}"`).join(', ')} FROM read_csv(${lit(p)}, header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, strict_mode = true, compression = '${isGzip(bytes) ? 'gzip' : 'none'}', columns = {${cols}}, store_rejects = true)`,
    );
  }
  const sub = period === 'year' ? '' : `, "${period}"`;
  const sql = `SELECT UPPER(TRIM(state_a)) AS state_a, UPPER(TRIM(state_b)) AS state_b, year${sub}, "${measure}", n, active_days, observed_days, period_days FROM (${calls.join(' UNION ALL ')}) AS a ORDER BY 1, 2, 3${period === 'year' ? '' : ', 4'}`;
  let out: Awaited<ReturnType<DuckEngine['columns']>>;
  try {
    await engine.run(`CREATE OR REPLACE TABLE aggregated AS ${sql}`);
    const rejects = Number((await engine.rows('SELECT COUNT(*) AS n FROM reject_errors'))[0]?.['n'] ?? 0);
    if (rejects > 0) {
      const rows = await engine.rows(`SELECT s.file_path AS file, e.line, e.column_name, e.error_message FROM reject_errors AS e JOIN reject_scans AS s ON s.scan_id = e.scan_id AND s.file_id = e.file_id ORDER BY 1, 2 LIMIT 50`);
      throw new InputError(rows.map((r) => ({ file: String(r['file']), line: Number(r['line']), message: `${String(r['error_message']).split('\n')[0]}; the file must be the unchanged output of \`entente sql\`` })), Math.max(0, rejects - rows.length));
    }
    out = await engine.columns('SELECT * FROM aggregated');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError([{ file: paths[0]!, line: 0, message: `cannot read the aggregated file: ${firstLine(e)}` }]);
  }
  const bad = new Set<string>();
  for (const col of [out.columns[0]!, out.columns[1]!]) for (const v of col) if (v === null || crosswalk.tryResolve('iso3', String(v)) !== String(v)) bad.add(String(v ?? ''));
  const measureCol = out.columns[period === 'year' ? 3 : 4]!;
  if (bad.size > 0 || measureCol.some((v) => v !== null && !Number.isFinite(v as number))) {
    const problems = await locateRows(files, AGGREGATED, [
      ...['state_a', 'state_b'].map((column) => ({ column, bad: (cell: string) => bad.has(cell.trim().toUpperCase()), message: (cell: string) => `expected an ISO3 code of a state, got "${cell}"` })),
      { column: measure, bad: (cell: string) => cell.trim() !== '' && !Number.isFinite(Number(cell)), message: (cell: string) => `expected a finite number or an empty cell, got "${cell}"` },
    ]);
    throw new InputError(problems.length > 0 ? problems : [{ file: paths[0]!, line: 0, message: `unknown state codes ${[...bad].slice(0, 5).join(', ')}` }]);
  }
  const observedByYear = new Map<number, number>();
  const inputs: InputFile[] = [];
  for (const f of files) inputs.push({ path: f.path, sha256: await hashFile(f.path), role: 'path' });
  return { names: out.names, columns: out.columns, observedByYear, notes: [`values as computed elsewhere by \`entente sql\` (${out.columns[0]!.length} pair-${period}s)`], inputs, sql };
}
