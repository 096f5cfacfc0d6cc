/**
 * The source formats of the `events` family as declarations: the published column layout,
 * how the file is delimited and quoted, which columns hold the day, the two actors (and in
 * which code system), the score and the quad class, how CAMEO / PLOVER / quad-class selection
 * reads, and the row checks. The SQL builder, the DuckDB reader and the locator of bad rows
 * all work from these tables.
 * @module
 */
import type { ActorCodeSystem } from './actor-codes.js';
import type { Dialect } from './sql-dialect.js';

/** Names of the formats that carry rows of a source (`aggregated` is read separately). */
export type EventFormatName = 'edges' | 'gdelt_v2' | 'icews' | 'polecat';

/** Every row format, for the config schema. */
export const EVENT_FORMAT_NAMES: readonly EventFormatName[] = ['edges', 'gdelt_v2', 'icews', 'polecat'];

/** A column type as DuckDB reads it from CSV. */
export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'DATE' | 'TIMESTAMP';

/** The columns one source reads, by role (published column names). */
export interface SourceColumns {
  readonly day: string;
  /** How the day column is written: an ISO date `YYYY-MM-DD`, GDELT's integer `YYYYMMDD`, or `YYYYMMDDhhmmss`. */
  readonly dayForm: 'iso' | 'ymd' | 'ymdhms';
  readonly actor1: string;
  readonly actor2: string;
  readonly score: string;
  /** The column quad classes come from (QuadClass, a CAMEO code or a PLOVER event type), if any. */
  readonly quad: string | null;
  /** The column CAMEO selection reads, if the format has CAMEO codes. */
  readonly cameo: string | null;
  /** The column PLOVER selection reads, if the format has PLOVER event types. */
  readonly plover: string | null;
}

/** A row check: the SQL predicate that finds bad rows in DuckDB and its JavaScript twin that locates them. */
export interface RowCheck {
  readonly id: string;
  /** The column the check reads (a published name). */
  readonly column: string;
  /** True for a bad value, over the typed column in DuckDB. */
  sql(column: string): string;
  /** True for a bad cell, over its text. */
  js(cell: string): boolean;
  /** What was wrong and how to fix it. */
  message(cell: string): string;
}

/** The options of a source block that change which columns are read. */
export interface ColumnOptions {
  /** GDELT: the actors' country codes (`country`, default) or the full actor codes (`code`). */
  readonly actors?: 'country' | 'code';
  /** GDELT: the day an event was added (`dateadded`, default) or the event's own date (`sqldate`). */
  readonly date?: 'dateadded' | 'sqldate';
}

/** A source format. */
export interface EventFormat {
  readonly name: EventFormatName;
  readonly title: string;
  /** `edges`: one row per day and pair with a score; `events`: one row per coded event. */
  readonly kind: 'edges' | 'events';
  readonly delimiter: ',' | '\t';
  /** The quote character, or null when fields are never quoted (a `"` is then an ordinary character). */
  readonly quote: '"' | null;
  /** True when the first line names the columns; false for GDELT's header-less export. */
  readonly header: boolean;
  /** The published columns, in file order. */
  readonly layout: readonly string[];
  readonly codes: ActorCodeSystem;
  /** The selections (`select:` keys) the format supports. */
  readonly selections: readonly ('cameo' | 'plover' | 'quad_class')[];
  columns(o: ColumnOptions): SourceColumns;
  /** The quad class 1–4 of a row (1 verbal and 2 material cooperation, 3 verbal and 4 material conflict), or NULL. */
  quad(d: Dialect, column: string): string;
  /** Types DuckDB reads the used columns with (other columns are read as text). */
  types(c: SourceColumns): Readonly<Record<string, ColumnType>>;
  /** Checks of the values (beyond the types). */
  checks(c: SourceColumns): readonly RowCheck[];
  /** The table the non-DuckDB dialects read by default. */
  defaultTable(d: Dialect): string;
}

/** The 61 columns of a GDELT 2.0 event export file (`*.export.CSV`), tab-separated, no header. */
export const GDELT_V2_LAYOUT: readonly string[] = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1KnownGroupCode', 'Actor1EthnicCode',
  'Actor1Religion1Code', 'Actor1Religion2Code', 'Actor1Type1Code', 'Actor1Type2Code', 'Actor1Type3Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2KnownGroupCode', 'Actor2EthnicCode',
  'Actor2Religion1Code', 'Actor2Religion2Code', 'Actor2Type1Code', 'Actor2Type2Code', 'Actor2Type3Code',
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass',
  'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  'Actor1Geo_Type', 'Actor1Geo_FullName', 'Actor1Geo_CountryCode', 'Actor1Geo_ADM1Code', 'Actor1Geo_ADM2Code',
  'Actor1Geo_Lat', 'Actor1Geo_Long', 'Actor1Geo_FeatureID',
  'Actor2Geo_Type', 'Actor2Geo_FullName', 'Actor2Geo_CountryCode', 'Actor2Geo_ADM1Code', 'Actor2Geo_ADM2Code',
  'Actor2Geo_Lat', 'Actor2Geo_Long', 'Actor2Geo_FeatureID',
  'ActionGeo_Type', 'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_ADM1Code', 'ActionGeo_ADM2Code',
  'ActionGeo_Lat', 'ActionGeo_Long', 'ActionGeo_FeatureID', 'DATEADDED', 'SOURCEURL',
];

/** The 20 columns of the ICEWS Coded Event Data files (Harvard Dataverse, tab-separated, header row). */
export const ICEWS_LAYOUT: readonly string[] = [
  'Event ID', 'Event Date', 'Source Name', 'Source Sectors', 'Source Country', 'Event Text', 'CAMEO Code',
  'Intensity', 'Target Name', 'Target Sectors', 'Target Country', 'Story ID', 'Sentence Number', 'Publisher',
  'City', 'District', 'Province', 'Country', 'Latitude', 'Longitude',
];

/** The 40 columns of the POLECAT weekly and yearly files (Harvard Dataverse, tab-separated, header row). */
export const POLECAT_LAYOUT: readonly string[] = [
  'Event ID', 'Event Date', 'Event Type', 'Event Mode', 'Intensity', 'Quad Code', 'Contexts', 'Actor Name',
  'Actor Country', 'Actor COW', 'Primary Actor Sector', 'Actor Sectors', 'Actor Title', 'Actor Name Raw',
  'Wikipedia Actor ID', 'Recipient Name', 'Recipient Country', 'Recipient COW', 'Primary Recipient Sector',
  'Recipient Sectors', 'Recipient Title', 'Recipient Name Raw', 'Wikipedia Recipient ID', 'Placename', 'City',
  'District', 'Province', 'Country', 'Latitude', 'Longitude', 'GeoNames ID', 'Raw Placename', 'Feature Type',
  'Source', 'Publication Date', 'Story People', 'Story Organizations', 'Story Locations', 'Language', 'Version',
];

/** The edges layout: one row per day and pair (the gdelt-graph-data product's long form). */
export const EDGES_LAYOUT: readonly string[] = ['date', 'actor1', 'actor2', 'weight'];

/**
 * PLOVER event types by quad class (the PLOVER ontology's grouping): agree, consult, support,
 * concede are verbal cooperation; cooperate, aid, retreat material cooperation; request,
 * accuse, reject, threaten verbal conflict; protest, sanction, mobilize, coerce, assault
 * material conflict.
 */
export const PLOVER_QUAD: Readonly<Record<string, 1 | 2 | 3 | 4>> = {
  agree: 1, consult: 1, support: 1, concede: 1,
  cooperate: 2, aid: 2, retreat: 2,
  request: 3, accuse: 3, reject: 3, threaten: 3,
  protest: 4, sanction: 4, mobilize: 4, coerce: 4, assault: 4,
};

/** Every PLOVER event type, for `select: { plover: [...] }`. */
export const PLOVER_TYPES: readonly string[] = Object.keys(PLOVER_QUAD);

/** A check id usable inside a SQL column name. */
const idOf = (kind: string, column: string) => `${kind}_${column.replace(/[^A-Za-z0-9]+/g, '_')}`;

const num = (cell: string): number => (cell.trim() === '' ? NaN : Number(cell.trim()));

/** Largest magnitude of a score (scores are summed as exact decimals of 8 integer and 10 fraction digits). */
export const MAX_SCORE = 1e8;

/** The value is present and a finite number below 10⁸ in magnitude. */
function finiteCheck(column: string, what: string): RowCheck {
  return {
    id: idOf('finite', column),
    column,
    sql: (c) => `(${c} IS NULL OR NOT isfinite(${c}) OR ABS(${c}) >= 1e8)`,
    js: (cell) => !(Math.abs(num(cell)) < MAX_SCORE),
    message: (cell) => `expected ${what} (a finite number below 1e8 in magnitude), got ${cell.trim() === '' ? 'an empty cell' : `"${cell}"`}; fix or remove the row`,
  };
}

/** The value is a number from −10 to 10 (Goldstein's scale, and ICEWS's intensity). */
function goldsteinCheck(column: string): RowCheck {
  return {
    id: idOf('range', column),
    column,
    sql: (c) => `(isfinite(${c}) AND (${c} < -10 OR ${c} > 10))`,
    js: (cell) => Number.isFinite(num(cell)) && (num(cell) < -10 || num(cell) > 10),
    message: (cell) => `expected a score from -10 to 10 (the Goldstein scale), got "${cell}"; fix or remove the row`,
  };
}

/** The day is present (a malformed one is a cast error DuckDB reports with its line). */
function dayCheck(column: string): RowCheck {
  return {
    id: idOf('day', column),
    column,
    sql: (c) => `(${c} IS NULL)`,
    js: (cell) => cell.trim() === '',
    message: () => 'the date is empty (or, in a Parquet file, not a date); every row needs its day',
  };
}

/** The formats by name (strategy table). */
export const EVENT_FORMATS: Readonly<Record<EventFormatName, EventFormat>> = {
  edges: {
    name: 'edges',
    title: 'daily pair scores: date,actor1,actor2,weight (header row, comma-separated)',
    kind: 'edges',
    delimiter: ',',
    quote: '"',
    header: true,
    layout: EDGES_LAYOUT,
    codes: 'iso3',
    selections: [],
    columns: () => ({ day: 'date', dayForm: 'iso', actor1: 'actor1', actor2: 'actor2', score: 'weight', quad: null, cameo: null, plover: null }),
    quad: () => 'CAST(NULL AS INTEGER)',
    types: () => ({ date: 'DATE', weight: 'DOUBLE' }),
    checks: (c) => [dayCheck(c.day), finiteCheck(c.score, 'a weight')],
    defaultTable: () => 'edges',
  },
  gdelt_v2: {
    name: 'gdelt_v2',
    title: 'GDELT 2.0 event export (61 columns, tab-separated, no header)',
    kind: 'events',
    delimiter: '\t',
    quote: null,
    header: false,
    layout: GDELT_V2_LAYOUT,
    codes: 'cameo',
    selections: ['cameo', 'quad_class'],
    columns: (o) => ({
      day: o.date === 'sqldate' ? 'SQLDATE' : 'DATEADDED',
      dayForm: o.date === 'sqldate' ? 'ymd' : 'ymdhms',
      actor1: o.actors === 'code' ? 'Actor1Code' : 'Actor1CountryCode',
      actor2: o.actors === 'code' ? 'Actor2Code' : 'Actor2CountryCode',
      score: 'GoldsteinScale',
      quad: 'QuadClass',
      cameo: 'EventCode',
      plover: null,
    }),
    quad: (_d, c) => c,
    types: (c) => ({ [c.day]: c.dayForm === 'ymd' ? 'DATE' : 'TIMESTAMP', GoldsteinScale: 'DOUBLE', QuadClass: 'INTEGER' }),
    checks: (c) => [
      dayCheck(c.day),
      finiteCheck('GoldsteinScale', 'a Goldstein score'),
      goldsteinCheck('GoldsteinScale'),
      {
        id: 'quad_QuadClass',
        column: 'QuadClass',
        sql: (col) => `(${col} IS NULL OR ${col} NOT IN (1, 2, 3, 4))`,
        js: (cell) => !/^\s*[1-4]\s*$/.test(cell),
        message: (cell) => `expected a quad class 1, 2, 3 or 4, got ${cell.trim() === '' ? 'an empty cell' : `"${cell}"`}; fix or remove the row`,
      },
    ],
    defaultTable: (d) => (d.name === 'bigquery' ? '`gdelt-bq.gdeltv2.events`' : 'gdelt_events'),
  },
  icews: {
    name: 'icews',
    title: 'ICEWS Coded Event Data (20 columns, tab-separated, header row)',
    kind: 'events',
    delimiter: '\t',
    quote: '"',
    header: true,
    layout: ICEWS_LAYOUT,
    codes: 'name',
    selections: ['cameo', 'quad_class'],
    columns: () => ({ day: 'Event Date', dayForm: 'iso', actor1: 'Source Country', actor2: 'Target Country', score: 'Intensity', quad: 'CAMEO Code', cameo: 'CAMEO Code', plover: null }),
    quad: (d, c) => {
      const root = d.tryInteger(`SUBSTR(TRIM(${c}), 1, 2)`);
      return `CASE WHEN ${root} BETWEEN 1 AND 5 THEN 1 WHEN ${root} BETWEEN 6 AND 8 THEN 2 WHEN ${root} BETWEEN 9 AND 13 THEN 3 WHEN ${root} BETWEEN 14 AND 20 THEN 4 END`;
    },
    types: (c) => ({ [c.day]: 'DATE', Intensity: 'DOUBLE' }),
    checks: (c) => [
      dayCheck(c.day),
      finiteCheck('Intensity', 'an intensity'),
      goldsteinCheck('Intensity'),
      {
        id: 'cameo_code',
        column: 'CAMEO Code',
        sql: (col) => `(${col} IS NULL OR NOT regexp_full_match(TRIM(${col}), '[0-9]{2,4}'))`,
        js: (cell) => !/^\d{2,4}$/.test(cell.trim()),
        message: (cell) => `expected a CAMEO event code of 2 to 4 digits (e.g. 042), got ${cell.trim() === '' ? 'an empty cell' : `"${cell}"`}; keep the leading zero`,
      },
    ],
    defaultTable: () => 'icews_events',
  },
  polecat: {
    name: 'polecat',
    title: 'POLECAT event data (40 columns, tab-separated, header row)',
    kind: 'events',
    delimiter: '\t',
    quote: '"',
    header: true,
    layout: POLECAT_LAYOUT,
    codes: 'iso3',
    selections: ['plover', 'quad_class'],
    columns: () => ({ day: 'Event Date', dayForm: 'iso', actor1: 'Actor Country', actor2: 'Recipient Country', score: 'Intensity', quad: 'Event Type', cameo: null, plover: 'Event Type' }),
    quad: (_d, c) => `CASE LOWER(TRIM(${c}))${Object.entries(PLOVER_QUAD).map(([t, k]) => ` WHEN '${t}' THEN ${k}`).join('')} END`,
    types: (c) => ({ [c.day]: 'DATE', Intensity: 'DOUBLE' }),
    checks: (c) => [dayCheck(c.day), finiteCheck('Intensity', 'an intensity')],
    defaultTable: () => 'polecat_events',
  },
};

/**
 * The SQL expression of a source's day as a DATE, over the column as the engine sees it:
 * DuckDB reading CSV with the declared types (`typed`), or a table with the published types
 * (GDELT's integers, ISO date text or DATE elsewhere).
 * `integer` says the column is known to hold integers (a Parquet file's schema).
 * @example dayExpression(DIALECTS.bigquery, '`DATEADDED`', 'ymdhms', false, false) // "PARSE_DATE('%Y%m%d', SUBSTR(CAST(`DATEADDED` AS STRING), 1, 8))"
 */
export function dayExpression(d: Dialect, column: string, form: SourceColumns['dayForm'], typed: boolean, integer: boolean): string {
  if (typed || form === 'iso') return `CAST(${column} AS DATE)`;
  if (integer && d.ymdIntegerDate) return d.ymdIntegerDate(column, form === 'ymd' ? 8 : 14);
  return d.ymdDate(column);
}
