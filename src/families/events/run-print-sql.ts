/**
 * `entente sql`: the configured events indicator's aggregation as portable SQL for DuckDB,
 * Spark SQL, BigQuery or Trino, with its output schema and how to read the result back
 * (`source: { format: aggregated }`). DuckDB's text scans the configured files and runs here
 * as printed; the others read a table (`--table`, by default GDELT's public BigQuery table for
 * `gdelt_v2`). The BigQuery text carries a `maximum_bytes_billed` guard.
 * @module
 */
import { UsageError } from '../../domain/errors.js';
import type { Crosswalk } from '../../domain/crosswalk.js';
import { staticCodeMapping, type ActorCodeSystem } from './actor-codes.js';
import { fullSql, outputSchema, type EventQuery } from './build-sql.js';
import { DuckEngine, indicatorEngineSettings } from './run-duckdb.js';
import { eventsOptionsSchema, eventsSourceSchema } from './schema.js';
import { EVENT_FORMATS } from './formats.js';
import { eventMeasures, type EventMeasureName } from './measures.js';
import { prepareQuery, runEventsQuery, type RowSourceSpec } from './run-events-query.js';
import { DIALECTS } from './sql-dialect.js';
import type { IndicatorSpec, SqlPrintOptions } from '../family.js';

/** The default cap of `bq query --maximum_bytes_billed`: 100 GB (decimal). */
export const DEFAULT_MAX_BYTES_BILLED = 100_000_000_000;

/** What to print. */
export type PrintSqlOptions = SqlPrintOptions;

/**
 * The SQL text with its header comments (ends with `;` and a newline).
 * @throws {UsageError} for an `aggregated` source (there is nothing to aggregate).
 */
export async function printSql(spec: IndicatorSpec, crosswalk: Crosswalk, resolvePath: (p: string) => string, o: PrintSqlOptions): Promise<string> {
  const src = eventsSourceSchema.parse(spec.sources[0]);
  if (src.format === 'aggregated') throw new UsageError(`indicator "${spec.id}" reads an aggregated result already; \`entente sql\` prints the query for a source of events (edges, gdelt_v2, icews, polecat)`);
  const opts = eventsOptionsSchema.parse(spec.options);
  const measure = spec.measure as EventMeasureName;
  const settings = { measure, minDays: opts.min_days, minEvents: opts.min_events, minObserved: opts.min_observed };
  const d = DIALECTS[o.dialect];
  const format = EVENT_FORMATS[src.format];
  let query: EventQuery;
  let from: string;
  let text: string | null = null;
  if (o.dialect === 'duckdb') {
    const engine = await DuckEngine.open(indicatorEngineSettings(opts));
    try {
      // the run checks the files and adds the spellings of names found in them to the codes table
      const run = await runEventsQuery(engine, src as RowSourceSpec, settings, o.period, crosswalk, resolvePath, o.precision);
      query = (await prepareQuery(engine, src as RowSourceSpec, settings, o.period, crosswalk, resolvePath, { rejects: false, round: o.precision })).query;
      text = run.sql;
    } finally {
      await engine.close();
    }
    from = `the files of \`${src.path}\` (read_csv / read_parquet)`;
  } else {
    const table = o.table ?? format.defaultTable(d);
    const columns = format.columns({ actors: 'actors' in src ? src.actors : undefined, date: 'date' in src ? src.date : undefined });
    query = {
      format,
      columns,
      input: table,
      typedDay: false,
      mapping: staticCodeMapping((src.codes as ActorCodeSystem | undefined) ?? format.codes, crosswalk, src.aliases),
      select: 'select' in src ? (src.select ?? {}) : {},
      dates: src.dates,
      ...settings,
      period: o.period,
      round: o.precision,
    };
    from = `table ${table}`;
  }
  const schema = outputSchema(o.period, measure);
  const width = Math.max(...schema.map((c) => c.name.length));
  const m = eventMeasures[measure];
  const maxBytes = o.maxBytesBilled ?? DEFAULT_MAX_BYTES_BILLED;
  const lines = [
    `-- Entente ${o.toolVersion}: indicator "${spec.id}" (family events), measure ${measure}, one row per pair and ${o.period}`,
    `-- ${m.formula}`,
    `-- Dialect: ${d.title}. Source: ${src.format} (${format.title}), ${from}.`,
    `-- Rules: a ${o.period} observed on fewer than min_observed = ${opts.min_observed} of its days has no values; min_days = ${opts.min_days}, min_events = ${opts.min_events}.`,
    `-- Actor codes: ${query.mapping.system} (${query.mapping.entries.size} spellings of states from Entente's crosswalk; every other code is dropped by the joins).`,
    '-- Output columns (save the result as CSV and read it back with `source: { format: aggregated, path: <file> }`):',
    ...schema.map((c) => `--   ${c.name.padEnd(width)}  ${d.types[c.type === 'text' ? 'text' : c.type === 'integer' ? 'integer' : 'double']}  ${c.description}`),
    ...(o.dialect === 'bigquery'
      ? [
          `-- maximum_bytes_billed: ${maxBytes}`,
          '-- Guard: BigQuery bills the bytes of the columns a query reads. Run this with a cap, so a query that',
          '-- would read more fails before it costs anything:',
          `--   bq query --use_legacy_sql=false --maximum_bytes_billed=${maxBytes} < events.sql`,
          '-- (or set maximumBytesBilled in the job configuration of a client library; check first with --dry_run).',
        ]
      : []),
  ];
  if (query.mapping.system === 'name' && o.dialect !== 'duckdb') {
    lines.push('-- Names are matched after trimming and lower-casing; a spelling that differs in accents or punctuation is');
    lines.push('-- matched only by a local run (--dialect duckdb reads the files and adds the spellings it finds).');
  }
  return `${lines.join('\n')}\n${text ?? fullSql(query, d)};\n`;
}
