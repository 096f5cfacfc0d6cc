/**
 * The SQL dialects `entente sql` writes (DuckDB, Spark SQL, BigQuery GoogleSQL, Trino): the few
 * places where they differ, as a strategy table. Everything else the builder writes is the
 * common core of the four (CTEs, CASE, SUM, COUNT, LEAST/GREATEST, EXTRACT, MOD, LN).
 * @module
 */

/** A dialect name as given to `entente sql --dialect`. */
export type DialectName = 'duckdb' | 'spark' | 'bigquery' | 'trino';

/** Every dialect, in help order. */
export const DIALECT_NAMES: readonly DialectName[] = ['duckdb', 'spark', 'bigquery', 'trino'];

/** What differs between the dialects. */
export interface Dialect {
  readonly name: DialectName;
  /** Human name with the version the text is written for. */
  readonly title: string;
  /** A quoted identifier (column names with spaces, e.g. ICEWS's `Event Date`). */
  ident(name: string): string;
  /** A string literal. */
  literal(text: string): string;
  /** The body of a CTE with columns (raw, iso3) from literal pairs. */
  codesTable(rows: readonly (readonly [string, string])[]): string;
  /**
   * A score as an exact decimal with 10 decimals (NULL when it is not a finite number below
   * 10⁸ in magnitude): sums of decimals do not depend on the order rows are added in, so a
   * parallel engine gives the same result on every run.
   */
  exact(expr: string): string;
  /**
   * DuckDB only: an integer `YYYYMMDD` (or `YYYYMMDDhhmmss`) column as a DATE by arithmetic,
   * NULL when it is no date (five times faster than through text on 50 M rows).
   */
  ymdIntegerDate?(expr: string, digits: 8 | 14): string;
  /** An integer `YYYYMMDD` (or a longer `YYYYMMDDhhmmss`) value as a DATE, from its first 8 digits. */
  ymdDate(expr: string): string;
  /** A text value cast to an integer, NULL when it is not one. */
  tryInteger(expr: string): string;
  /** An expression cast to a double. */
  toDouble(expr: string): string;
  /** True when the dialect's parsers take GROUPING SETS (BigQuery runs them, node-sql-parser does not). */
  readonly groupingSets: boolean;
  /** Type names of the output schema. */
  readonly types: { readonly text: string; readonly integer: string; readonly double: string };
}

const q = (open: string, close: string) => (name: string) => `${open}${name.split(close).join(close + close)}${close}`;
const literal = (text: string) => `'${text.split("'").join("''")}'`;
const tuples = (rows: readonly (readonly [string, string])[]) => rows.map(([a, b]) => `(${literal(a)}, ${literal(b)})`).join(',\n    ');

/** The dialects by name (strategy table). */
export const DIALECTS: Readonly<Record<DialectName, Dialect>> = {
  duckdb: {
    name: 'duckdb',
    title: 'DuckDB 1.5',
    ident: q('"', '"'),
    literal,
    codesTable: (rows) => `SELECT * FROM (VALUES\n    ${tuples(rows)}\n  ) AS t(raw, iso3)`,
    exact: (e) => `TRY_CAST(${e} AS DECIMAL(18, 10))`,
    ymdIntegerDate: (e, digits) => {
      const d = digits === 14 ? `(${e} // 1000000)` : `(${e})`;
      return `TRY(make_date(CAST(${d} // 10000 AS INTEGER), CAST(${d} // 100 % 100 AS INTEGER), CAST(${d} % 100 AS INTEGER)))`;
    },
    ymdDate: (e) => `CAST(strptime(substr(CAST(${e} AS VARCHAR), 1, 8), '%Y%m%d') AS DATE)`,
    tryInteger: (e) => `TRY_CAST(${e} AS INTEGER)`,
    toDouble: (e) => `CAST(${e} AS DOUBLE)`,
    groupingSets: true,
    types: { text: 'VARCHAR', integer: 'BIGINT', double: 'DOUBLE' },
  },
  spark: {
    name: 'spark',
    title: 'Spark SQL 3.x',
    ident: q('`', '`'),
    literal,
    codesTable: (rows) => `SELECT * FROM VALUES\n    ${tuples(rows)}\n  AS t(raw, iso3)`,
    exact: (e) => `TRY_CAST(${e} AS DECIMAL(18, 10))`,
    ymdDate: (e) => `TO_DATE(SUBSTR(CAST(${e} AS STRING), 1, 8), 'yyyyMMdd')`,
    tryInteger: (e) => `TRY_CAST(${e} AS INT)`,
    toDouble: (e) => `CAST(${e} AS DOUBLE)`,
    groupingSets: true,
    types: { text: 'STRING', integer: 'BIGINT', double: 'DOUBLE' },
  },
  bigquery: {
    name: 'bigquery',
    title: 'BigQuery GoogleSQL',
    ident: q('`', '`'),
    literal,
    codesTable: (rows) => `SELECT raw, iso3 FROM UNNEST(ARRAY<STRUCT<raw STRING, iso3 STRING>>[\n    ${tuples(rows)}\n  ])`,
    exact: (e) => `SAFE_CAST(${e} AS NUMERIC)`, // 9 decimals (BIGNUMERIC has 38, but costs more)
    ymdDate: (e) => `PARSE_DATE('%Y%m%d', SUBSTR(CAST(${e} AS STRING), 1, 8))`,
    tryInteger: (e) => `SAFE_CAST(${e} AS INT64)`,
    toDouble: (e) => `CAST(${e} AS FLOAT64)`,
    groupingSets: false,
    types: { text: 'STRING', integer: 'INT64', double: 'FLOAT64' },
  },
  trino: {
    name: 'trino',
    title: 'Trino (and Presto, Athena)',
    ident: q('"', '"'),
    literal,
    codesTable: (rows) => `SELECT * FROM (VALUES\n    ${tuples(rows)}\n  ) AS t(raw, iso3)`,
    exact: (e) => `TRY_CAST(${e} AS DECIMAL(18, 10))`,
    ymdDate: (e) => `CAST(date_parse(SUBSTR(CAST(${e} AS VARCHAR), 1, 8), '%Y%m%d') AS DATE)`,
    tryInteger: (e) => `TRY_CAST(${e} AS INTEGER)`,
    toDouble: (e) => `CAST(${e} AS DOUBLE)`,
    groupingSets: true,
    types: { text: 'VARCHAR', integer: 'BIGINT', double: 'DOUBLE' },
  },
};
