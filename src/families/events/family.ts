/**
 * The `events` family (default id `events`): daily event data — GDELT 2.0 exports, ICEWS and
 * POLECAT files, or daily pair scores such as the gdelt-graph-data product — aggregated by an
 * embedded DuckDB into one value per pair of states and year (or month, or quarter) with a
 * measure that does not grow with news volume. See README.md in this folder.
 * @module
 */
import { z } from 'zod';
import { iso3Index, type Iso3 } from '../../domain/country.js';
import { DyadYearTable } from '../../domain/dyad-year-table.js';
import { daysInPeriod, periodIndex, type PeriodKind } from '../../domain/period.js';
import { yearRanges } from '../../domain/year.js';
import type { DyadPeriodTable, ExtraColumn, Family, IndicatorData, IndicatorSpec, LoadContext, PeriodData, PeriodExtraColumn } from '../family.js';
import { ACTOR_CODE_SYSTEMS, NON_STATE } from './actor-codes.js';
import { DuckEngine, engineSettings, MEMORY_SIZE_PATTERN, type EngineSettings } from './duckdb-engine.js';
import { AppError } from '../../domain/errors.js';
import { PLOVER_TYPES } from './formats.js';
import { EVENT_MEASURE_NAMES, eventMeasures, type EventMeasureName } from './measures.js';
import { readAggregated } from './read-aggregated.js';
import { runEventsQuery, type EventsResult, type RowSourceSpec } from './run-events-query.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const path = z.string().min(1, 'give the path of the file (or a glob such as events/*.csv.gz)');
const aliases = z
  .record(z.string().min(1), z.union([z.string().regex(/^[A-Z]{3}$/, 'expected an ISO3 code (e.g. RUS) or non_state'), z.literal(NON_STATE)]))
  .default({});
const common = {
  path,
  /** Code system of the actor columns (default: the format's). */
  codes: z.enum(ACTOR_CODE_SYSTEMS as [string, ...string[]]).optional(),
  /** Extra spellings: raw code → ISO3, or `non_state`. */
  aliases,
  /** Only rows whose day lies in this window (inclusive). */
  dates: z.strictObject({ from: isoDate.optional(), to: isoDate.optional() }).optional(),
} as const;
const cameo = z.array(z.string().regex(/^\d{2,4}$/, 'expected a CAMEO event code or prefix of 2 to 4 digits, e.g. "04" or "190"')).min(1);
const quad = z.array(z.number().int().min(1).max(4)).min(1);

/**
 * Zod schema of one events source block, a union on `format`.
 * @example eventsSourceSchema.parse({ format: 'gdelt_v2', path: 'x.csv' }).actors // 'country'
 */
export const eventsSourceSchema = z.discriminatedUnion('format', [
  z.strictObject({ format: z.literal('edges'), ...common }),
  z.strictObject({
    format: z.literal('gdelt_v2'),
    ...common,
    /** Actor columns: the actors' country codes (`country`, default) or the full actor codes (`code`, as gdelt-graph-data). */
    actors: z.enum(['country', 'code']).default('country'),
    /** The day of an event: when GDELT added it (`dateadded`, default) or the event's own date (`sqldate`). */
    date: z.enum(['dateadded', 'sqldate']).default('dateadded'),
    select: z.strictObject({ cameo: cameo.optional(), quad_class: quad.optional() }).optional(),
  }),
  z.strictObject({ format: z.literal('icews'), ...common, select: z.strictObject({ cameo: cameo.optional(), quad_class: quad.optional() }).optional() }),
  z.strictObject({
    format: z.literal('polecat'),
    ...common,
    select: z.strictObject({ plover: z.array(z.enum(PLOVER_TYPES as [string, ...string[]])).min(1).optional(), quad_class: quad.optional() }).optional(),
  }),
  z.strictObject({ format: z.literal('aggregated'), path }),
]);

/** A validated source block. */
export type EventsSourceSpec = z.infer<typeof eventsSourceSchema>;

/**
 * Zod schema of the family's own keys of an indicator block.
 * @example eventsOptionsSchema.parse({}).min_observed // 0.5
 */
export const eventsOptionsSchema = z.strictObject({
  /** Pairs with fewer days with a row in the period are empty (default 0). */
  min_days: z.number().int().min(0).default(0),
  /** Pairs with fewer events in the period are empty (default 0; edges: pair-day rows). */
  min_events: z.number().int().min(0).default(0),
  /** Periods the source observed on a smaller share of their days are empty (default 0.5). */
  min_observed: z.number().min(0).max(1).default(0.5),
  /** The engine: threads, memory limit (e.g. `2GB`), spill folder; else ENTENTE_DUCKDB_* or defaults. */
  engine: z
    .strictObject({
      threads: z.number().int().min(1).max(256).optional(),
      memory_limit: z.string().regex(MEMORY_SIZE_PATTERN, 'expected a size such as 2GB or 512MB').optional(),
      temp_directory: z.string().min(1).optional(),
    })
    .default({}),
});

/** Validated family options. */
export type EventsOptions = z.infer<typeof eventsOptionsSchema>;

/**
 * An events indicator whose settings do not fit (several sources, a malformed ENTENTE_DUCKDB_*
 * value). Exit 2; the loader places it at the indicator in the config file.
 * @example new EventsConfigError('the events family reads one source per indicator').code // 'E_CONFIG'
 */
export class EventsConfigError extends AppError {
  readonly code = 'E_CONFIG';
}

/** The engine settings of an indicator (config, environment, defaults). @throws {EventsConfigError} for a malformed environment value. */
export function indicatorEngineSettings(opts: EventsOptions): EngineSettings {
  try {
    return engineSettings(opts.engine);
  } catch (e) {
    throw new EventsConfigError((e as Error).message);
  }
}

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

const N = 17576;

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
  direction: 'symmetric',
  formats: ['edges', 'gdelt_v2', 'icews', 'polecat', 'aggregated'],
  optionsSchema: eventsOptionsSchema,
  sourceSchema: eventsSourceSchema,
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
      const key = table.pairs[i]! * 4096 + table.periods[i]!;
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
