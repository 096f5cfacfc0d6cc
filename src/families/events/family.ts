/**
 * The `events` family (default id `events`): daily event data — GDELT 2.0 exports, ICEWS and
 * POLECAT files, or daily pair scores such as the gdelt-graph-data product — aggregated by an
 * embedded DuckDB into one value per pair of states and year (or month, or quarter) with a
 * measure that does not grow with news volume. See README.md in this folder.
 * @module
 */
import { iso3Index, type Iso3 } from '../../domain/country.js';
import { DyadYearTable } from '../../domain/dyad-year-table.js';
import { daysInPeriod, periodIndex, type PeriodKind } from '../../domain/period.js';
import { yearRanges } from '../../domain/year.js';
import type { DyadPeriodTable, ExtraColumn, Family, IndicatorData, IndicatorSpec, LoadContext, PeriodData, PeriodExtraColumn } from '../family.js';
import { DuckEngine, indicatorEngineSettings } from './run-duckdb.js';
import { eventsOptionsSchema, eventsSourceSchema, EventsConfigError, type EventsSourceSpec } from './schema.js';
import { EVENT_MEASURE_NAMES, eventMeasures, type EventMeasureName } from './measures.js';
import { readAggregated } from './read-aggregated.js';
import { runEventsQuery, type EventsResult, type RowSourceSpec } from './run-events-query.js';
import { CODE_SPAN as N, YEAR_SPAN } from '../../domain/dyad-year-key.js';

function oneSource(spec: IndicatorSpec): void {
  if (spec.sources.length !== 1) throw new EventsConfigError(`the events family reads one source per indicator (got ${spec.sources.length}); give several files as one glob, e.g. \`path: events/*.export.CSV.gz\``);
}

/** The result of one source at one period kind, as loaded by the family (engine closed). */
export interface EventsLoad {
  readonly result: EventsResult;
  readonly engineVersion: string;
}

/** Runs the indicator's single source through a fresh DuckDB database. */
async function compute(spec: IndicatorSpec, ctx: LoadContext, period: PeriodKind): Promise<EventsLoad> {
  const opts = eventsOptionsSchema.parse(spec.options);
  const src = eventsSourceSchema.parse(spec.sources[0]);
  oneSource(spec);
  const engine = await DuckEngine.open(indicatorEngineSettings(opts));
  try {
    ctx.progress('aggregating events (DuckDB)', 0, 1);
    const measure = spec.measure as EventMeasureName;
    const result =
      src.format === 'aggregated'
        ? await readAggregated(engine, ctx.resolvePath(src.path), measure, period, ctx.crosswalk)
        : await runEventsQuery(engine, src as RowSourceSpec, { measure, minDays: opts.min_days, minEvents: opts.min_events, minObserved: opts.min_observed }, period, ctx.crosswalk, ctx.resolvePath);
    ctx.progress('aggregating events (DuckDB)', 1, 1);
    return { result, engineVersion: engine.version };
  } finally {
    await engine.close();
  }
}

/** The rows of a result as typed columns: pair keys, period indexes, values, and the extras. */
function periodTable(r: EventsResult, kind: PeriodKind, measure: string): { table: DyadPeriodTable; n: Float64Array; observed: Float64Array } {
  const col = (name: string) => r.columns[r.names.indexOf(name)]!;
  const a = col('state_a');
  const b = col('state_b');
  const year = col('year');
  const sub = kind === 'year' ? null : col(kind);
  const value = col(measure);
  const n = col('n');
  const obs = col('observed_days');
  const days = col('period_days');
  const keep: number[] = [];
  for (let i = 0; i < value.length; i++) if (value[i] !== null && a[i] !== b[i]) keep.push(i);
  const out = { pairs: new Float64Array(keep.length), periods: new Float64Array(keep.length), values: new Float64Array(keep.length), n: new Float64Array(keep.length), observed: new Float64Array(keep.length) };
  keep.forEach((i, j) => {
    let ia = iso3Index(String(a[i]) as Iso3);
    let ib = iso3Index(String(b[i]) as Iso3);
    if (ia > ib) [ia, ib] = [ib, ia];
    out.pairs[j] = ia * N + ib;
    out.periods[j] = periodIndex(kind, Number(year[i]), sub ? Number(sub[i]) : 1);
    out.values[j] = Number(value[i]);
    out.n[j] = Number(n[i]);
    out.observed[j] = Number(obs[i]) / Number(days[i]);
  });
  return { table: { kind, pairs: out.pairs, periods: out.periods, values: out.values }, n: out.n, observed: out.observed };
}

/** The years with values: those the source observed on at least `min_observed` of their days. */
function coveredYears(r: EventsResult, minObserved: number): number[] {
  if (r.observedByYear.size === 0) return [...new Set(r.columns[r.names.indexOf('year')]!.map(Number))];
  return [...r.observedByYear].filter(([y, d]) => d >= minObserved * daysInPeriod('year', y, 1)).map(([y]) => y);
}

function provenance(l: EventsLoad, src: EventsSourceSpec): Record<string, unknown> {
  return { engine: 'DuckDB', engine_version: l.engineVersion, engine_package: '@duckdb/node-api', format: src.format, sql: l.result.sql };
}

const N_DESCRIPTION = 'selected events of the pair in the year (edges: days with a row)';
const OBSERVED_DESCRIPTION = 'share of the period\'s days the source observed (days with any row / calendar days)';

/**
 * The event-data family.
 * @example
 * // entente.yaml
 * // events:
 * //   family: events
 * //   source: { format: edges, path: events/gdelt_graph_daily_edges_2018-2024.csv.gz }
 * //   measure: mean_daily
 */
export const eventsFamily: Family = {
  name: 'events',
  defaultId: 'events',
  title: 'Event data (GDELT, ICEWS, POLECAT, daily pair scores) aggregated by an embedded DuckDB',
  measures: EVENT_MEASURE_NAMES,
  measureTable: Object.fromEntries(EVENT_MEASURE_NAMES.map((m) => [m, { unit: eventMeasures[m].unit, range: eventMeasures[m].range }])),
  inputFiles: [{ key: 'path', in: 'source', relativeTo: 'data' }],
  direction: 'symmetric',
  formats: ['edges', 'gdelt_v2', 'icews', 'polecat', 'aggregated'],
  optionsSchema: eventsOptionsSchema,
  sourceSchema: eventsSourceSchema,
  // loaded on demand: `entente sql` is the only caller
  sql: { print: async (spec, crosswalk, resolvePath, options) => (await import('./run-print-sql.js')).printSql(spec, crosswalk, resolvePath, options) },
  citations: [
    'Leetaru, Kalev, and Philip A. Schrodt. 2013. "GDELT: Global Data on Events, Location, and Tone, 1979–2012." ISA Annual Convention. The GDELT Project, https://www.gdeltproject.org/',
    'Goldstein, Joshua S. 1992. "A Conflict-Cooperation Scale for WEIS Events Data." Journal of Conflict Resolution 36(2): 369–385.',
    'Schrodt, Philip A. 2012. CAMEO: Conflict and Mediation Event Observations Event and Actor Codebook, version 1.1b3. Pennsylvania State University.',
    'Boschee, Elizabeth, et al. 2015. ICEWS Coded Event Data. Harvard Dataverse, doi:10.7910/DVN/28075.',
    'Halterman, Andrew, et al. 2023. "PLOVER and POLECAT: A New Political Event Ontology and Dataset." ISA Annual Convention; POLECAT, Harvard Dataverse, doi:10.7910/DVN/AJGVIT.',
    'gzemo. 2024. GDELT Graph Data (gdelt-graph-data), daily country-by-country scores from GDELT 2.0, commit 8b71911 (GPL-3.0).',
  ],
  describeMeasure(measure: string): string {
    const m = eventMeasures[measure as EventMeasureName];
    if (!m) throw new RangeError(`unknown events measure: ${measure}`);
    return `${m.description} (${m.unit}; ${m.formula})`;
  },
  async load(spec: IndicatorSpec, ctx: LoadContext): Promise<IndicatorData> {
    const opts = eventsOptionsSchema.parse(spec.options);
    const l = await compute(spec, ctx, 'year');
    const { table, n, observed } = periodTable(l.result, 'year', spec.measure);
    const values = new DyadYearTable(false);
    const nTable = new DyadYearTable(false);
    const obsTable = new DyadYearTable(false);
    for (let i = 0; i < table.values.length; i++) {
      const key = table.pairs[i]! * YEAR_SPAN + table.periods[i]!;
      values.setByKey(key, table.values[i]!);
      nTable.setByKey(key, n[i]!);
      obsTable.setByKey(key, observed[i]!);
    }
    const extras: ExtraColumn[] = [
      { suffix: 'n', table: nTable, description: N_DESCRIPTION, type: 'integer' },
      { suffix: 'observed', table: obsTable, description: OBSERVED_DESCRIPTION, type: 'number' },
    ];
    const src = eventsSourceSchema.parse(spec.sources[0]);
    return {
      values,
      coverage: yearRanges(coveredYears(l.result, opts.min_observed)),
      zeroInsideCoverage: false,
      extras,
      inputs: l.result.inputs,
      notes: l.result.notes,
      provenance: provenance(l, src),
    };
  },
  periods: {
    kinds: ['year', 'quarter', 'month'],
    async load(spec: IndicatorSpec, ctx: LoadContext, kind: PeriodKind): Promise<PeriodData> {
      const l = await compute(spec, ctx, kind);
      const { table, n, observed } = periodTable(l.result, kind, spec.measure);
      const extras: PeriodExtraColumn[] = [
        { suffix: 'n', values: n, description: N_DESCRIPTION.replace('year', kind), type: 'integer' },
        { suffix: 'observed', values: observed, description: OBSERVED_DESCRIPTION, type: 'number' },
      ];
      return { table, extras, inputs: l.result.inputs, notes: l.result.notes, provenance: provenance(l, eventsSourceSchema.parse(spec.sources[0])) };
    },
  },
};
