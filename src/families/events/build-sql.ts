/**
 * Writes the `events` family's aggregation as SQL, in pieces the DuckDB run executes one by one
 * and `entente sql` prints as one statement: the same text either way, so the printed query
 * gives the family's values.
 *
 * The query, for one source and one period kind (year, quarter, month):
 * 1. `src`: the used columns of the raw rows (what a columnar engine reads and bills), the day,
 *    the actor codes trimmed, the score, the quad class and whether the row is selected
 *    (`select:`); a `dates:` window is a WHERE on the scan.
 * 2. `raw_groups`: one pass over the rows, grouped by period (or day) and raw actor codes:
 *    rows, selected events, their summed score, absolute score and cooperative events; and the
 *    days the rows cover.
 * 3. `codes`: raw code → ISO3 (the crosswalk's table); `mapped` joins both actors (the inner
 *    joins drop every code that is not a state), canonicalises the pair (LEAST/GREATEST) and
 *    drops self-pairs.
 * 4. `observed`: the days the source covers per period (days with any row at all).
 * 5. `pair_day` → `pair`: per pair and period; `totals` per period; `seen` the states with a
 *    row in the period; `grid` every pair of them (a pair of observed states without rows has
 *    measured zeros, never a made-up value for a state the source does not observe).
 * 6. the measure; the partial-period rule (observed days ≥ `min_observed` × days), `min_days`,
 *    `min_events`; sorted by pair and period.
 * @module
 */
import { codeKeySql, type CodeMapping } from './actor-codes.js';
import { dayExpression, type EventFormat, type RowCheck, type SourceColumns } from './formats.js';
import { eventMeasures, type EventMeasureName } from './measures.js';
import type { Dialect } from './sql-dialect.js';
import type { PeriodKind } from '../../domain/period.js';

/** Row selection of a source (`select:`): CAMEO code prefixes, PLOVER event types, quad classes. */
export interface Selection {
  readonly cameo?: readonly string[] | undefined;
  readonly plover?: readonly string[] | undefined;
  readonly quad_class?: readonly number[] | undefined;
}

/** Everything a query depends on. */
export interface EventQuery {
  readonly format: EventFormat;
  readonly columns: SourceColumns;
  /** The FROM item of the raw rows: a DuckDB `read_csv(...)`/`read_parquet(...)` call or a table name. */
  readonly input: string;
  /** True when the engine reads the day column with the type the format declares (DuckDB on CSV). */
  readonly typedDay: boolean;
  /** True when the day column is known to hold integers (GDELT's dates in a Parquet file). */
  readonly integerDay?: boolean | undefined;
  readonly mapping: CodeMapping;
  readonly select: Selection;
  /** Only rows whose day lies in this window (ISO dates, inclusive). */
  readonly dates: { readonly from?: string | undefined; readonly to?: string | undefined } | undefined;
  readonly measure: EventMeasureName;
  readonly period: PeriodKind;
  readonly minDays: number;
  readonly minEvents: number;
  readonly minObserved: number;
  /** Decimals of the measure in the output, or null for full precision. */
  readonly round: number | null;
}

/** A column of the output, with its meaning. */
export interface OutputColumn {
  readonly name: string;
  readonly type: 'text' | 'integer' | 'double';
  readonly description: string;
}

/**
 * The output schema of a query (the columns `format: aggregated` reads back).
 * @example outputSchema('year', 'mean_daily').map((c) => c.name) // ['state_a','state_b','year','mean_daily','n','active_days','observed_days','period_days']
 */
export function outputSchema(period: PeriodKind, measure: EventMeasureName): OutputColumn[] {
  const m = eventMeasures[measure];
  return [
    { name: 'state_a', type: 'text', description: 'first state of the pair, ISO3 (alphabetically first)' },
    { name: 'state_b', type: 'text', description: 'second state of the pair, ISO3' },
    { name: 'year', type: 'integer', description: 'calendar year of the day' },
    ...(period === 'year' ? [] : [{ name: period, type: 'integer' as const, description: `${period} of the year (${period === 'month' ? '1–12' : '1–4'})` }]),
    { name: measure, type: 'double', description: `${m.description} (${m.unit})` },
    { name: 'n', type: 'integer', description: 'selected events of the pair in the period (edges: pair-day rows)' },
    { name: 'active_days', type: 'integer', description: 'days with at least one row for the pair (counted with min_days and for the edges\' coop_share; else empty)' },
    { name: 'observed_days', type: 'integer', description: 'days the source covers in the period (days with any row)' },
    { name: 'period_days', type: 'integer', description: 'calendar days of the period' },
  ];
}

const list = (xs: readonly string[]) => xs.map((x) => `'${x.split("'").join("''")}'`).join(', ');

/** The selection as a SQL condition over the source's columns, `1 = 1` when nothing is selected. */
function selectionSql(q: EventQuery, d: Dialect, quad: string): string {
  const parts: string[] = [];
  const c = q.columns;
  if (q.select.cameo && q.select.cameo.length > 0 && c.cameo) {
    parts.push(`(${q.select.cameo.map((code) => `TRIM(${d.ident(c.cameo!)}) LIKE '${code.replace(/[^0-9]/g, '')}%'`).join(' OR ')})`);
  }
  if (q.select.plover && q.select.plover.length > 0 && c.plover) parts.push(`LOWER(TRIM(${d.ident(c.plover)})) IN (${list(q.select.plover)})`);
  if (q.select.quad_class && q.select.quad_class.length > 0) parts.push(`${quad} IN (${q.select.quad_class.map((k) => String(Math.trunc(k))).join(', ')})`);
  return parts.length > 0 ? parts.join(' AND ') : '1 = 1';
}

/**
 * True when the query keeps one row per day and raw pair (`min_days`, and the edges'
 * `coop_share`, count a pair's days); otherwise rows are grouped by period and raw pair at once,
 * with the observed days as a second grouping of the same scan — far fewer groups for dense
 * event data.
 */
export function groupsByDay(q: EventQuery): boolean {
  return q.minDays > 0 || (q.format.kind === 'edges' && q.measure === 'coop_share');
}

/** The period columns of a day expression (`year`, and `sub` for quarters and months). */
function periodCols(q: EventQuery, day: string): string[] {
  return [`EXTRACT(YEAR FROM ${day}) AS year`, ...(q.period === 'year' ? [] : [`EXTRACT(${q.period === 'month' ? 'MONTH' : 'QUARTER'} FROM ${day}) AS sub`])];
}

/**
 * The `src` SELECT: the used columns of the raw rows; with `checks`, one 0/1 column per check
 * (DuckDB runs only).
 */
export function srcSql(q: EventQuery, d: Dialect, checks: readonly RowCheck[] = []): string {
  const c = q.columns;
  const day = dayExpression(d, d.ident(c.day), c.dayForm, q.typedDay, q.integerDay === true);
  const quad = c.quad ? q.format.quad(d, d.ident(c.quad)) : 'CAST(NULL AS INTEGER)';
  const cols = [
    `${day} AS day`,
    ...(groupsByDay(q) ? [] : periodCols(q, day)),
    `COALESCE(TRIM(${d.ident(c.actor1)}), '') AS a1`,
    `COALESCE(TRIM(${d.ident(c.actor2)}), '') AS a2`,
    `${d.exact(d.ident(c.score))} AS score`,
    ...(c.quad ? [`${quad} AS quad`] : []),
    ...(selectionSql(q, d, quad) === '1 = 1' ? [] : [`CASE WHEN ${selectionSql(q, d, quad)} THEN 1 ELSE 0 END AS sel`]),
    ...checks.map((k) => `CASE WHEN ${k.sql(d.ident(k.column))} THEN 1 ELSE 0 END AS bad_${k.id}`),
  ];
  const where: string[] = [];
  if (q.dates?.from) where.push(`${day} >= DATE '${q.dates.from}'`);
  if (q.dates?.to) where.push(`${day} <= DATE '${q.dates.to}'`);
  return `SELECT\n    ${cols.join(',\n    ')}\n  FROM ${q.input}${where.length > 0 ? `\n  WHERE ${where.join(' AND ')}` : ''}`;
}

/**
 * The aggregates of a group of raw rows (with `checks`, the count of bad rows per check). Counts
 * are COUNTs (8-byte integers, where a SUM of integers is 16 bytes in DuckDB), and only the
 * aggregates the measure reads are computed (the absolute total for the edges' `share`, the
 * cooperative events for `coop_share`): less state per group, so a grouping by day and pair of
 * 50 M events spills within its memory limit.
 */
function groupAggregates(q: EventQuery, d: Dialect, checks: readonly RowCheck[]): string[] {
  // without a selection every row is selected: the plain aggregates (fewer expressions per row)
  const all = selectionSql(q, d, 'quad') === '1 = 1';
  const when = (cond: string) => (all ? cond : `sel = 1 AND ${cond}`);
  const absolute = q.format.kind === 'edges' && q.measure === 'share';
  const coop = q.columns.quad !== null && q.measure === 'coop_share';
  return [
    'COUNT(*) AS n_rows',
    all ? 'COUNT(*) AS n' : 'COUNT(CASE WHEN sel = 1 THEN 1 END) AS n',
    all ? 'SUM(score) AS total' : 'SUM(CASE WHEN sel = 1 THEN score END) AS total',
    absolute ? (all ? 'SUM(ABS(score)) AS abs_total' : 'SUM(CASE WHEN sel = 1 THEN ABS(score) END) AS abs_total') : '0 AS abs_total',
    coop ? `COUNT(CASE WHEN ${when('quad IN (1, 2)')} THEN 1 END) AS coop` : '0 AS coop',
    ...checks.map((k) => `COUNT(CASE WHEN bad_${k.id} = 1 THEN 1 END) AS bad_${k.id}`),
  ];
}

/**
 * The `raw_groups` SELECT over `src`, one scan of the rows. By day: one row per day and raw
 * actor codes (`pair_set` = 1 on every row). By period: one row per period and raw actor codes
 * (`pair_set` = 1) plus one row per day (`pair_set` = 0: the days the source covers), from one
 * GROUPING SETS aggregation (BigQuery: the same as a UNION ALL of two, for the parsers of its
 * dialect).
 */
export function rawGroupsSql(q: EventQuery, d: Dialect, checks: readonly RowCheck[] = []): string {
  const agg = groupAggregates(q, d, checks);
  if (groupsByDay(q)) return `SELECT\n    day, a1, a2, 1 AS pair_set,\n    ${agg.join(',\n    ')}\n  FROM src\n  GROUP BY day, a1, a2`;
  const sub = q.period === 'year' ? '' : ', sub';
  if (d.groupingSets) {
    return `SELECT\n    day, year${sub}, a1, a2, GROUPING(day) AS pair_set,\n    ${agg.join(',\n    ')}\n  FROM src\n  GROUP BY GROUPING SETS ((year${sub}, a1, a2), (day))`;
  }
  const zeros = agg.map((a) => `0 AS ${a.slice(a.lastIndexOf(' AS ') + 4)}`);
  return [
    `SELECT\n    CAST(NULL AS DATE) AS day, year${sub}, a1, a2, 1 AS pair_set,\n    ${agg.join(',\n    ')}\n  FROM src\n  GROUP BY year${sub}, a1, a2`,
    `  UNION ALL\n  SELECT\n    day, NULL AS year${sub ? ', NULL AS sub' : ''}, NULL AS a1, NULL AS a2, 0 AS pair_set,\n    ${zeros.join(', ')}\n  FROM src\n  GROUP BY day`,
  ].join('\n');
}

/** The codes CTE body: the mapping as literal rows, sorted by key (deterministic text). */
export function codesSql(q: EventQuery, d: Dialect): string {
  const rows = [...q.mapping.entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return d.codesTable(rows.length > 0 ? rows : [['', 'XXX']]);
}

/** Days of the period `(year, sub)` as SQL over the columns `year` and `sub` of alias `g`. */
function periodDaysSql(kind: PeriodKind, g: string): string {
  const y = `${g}.year`;
  const leap = `(CASE WHEN (MOD(${y}, 4) = 0 AND MOD(${y}, 100) <> 0) OR MOD(${y}, 400) = 0 THEN 1 ELSE 0 END)`;
  if (kind === 'year') return `365 + ${leap}`;
  if (kind === 'quarter') return `CASE ${g}.sub WHEN 1 THEN 90 + ${leap} WHEN 2 THEN 91 ELSE 92 END`;
  return `CASE ${g}.sub WHEN 2 THEN 28 + ${leap} WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END`;
}

/** The CTEs after `raw_groups` (each `name AS (...)`), and the final SELECT. */
export function measureSql(q: EventQuery, d: Dialect): { ctes: string[]; select: string } {
  const sub = q.period !== 'year';
  const subCol = (a: string) => (sub ? `, ${a}.sub` : '');
  const subOf = (day: string) => (sub ? `, EXTRACT(${q.period === 'month' ? 'MONTH' : 'QUARTER'} FROM ${day}) AS sub` : '');
  const keys = (a: string) => `${a}.year${subCol(a)}`;
  const on = (a: string, b: string) => `${b}.year = ${a}.year${sub ? ` AND ${b}.sub = ${a}.sub` : ''}`;
  const group = sub ? 'year, sub' : 'year';
  const kind = q.format.kind;
  const measure = eventMeasures[q.measure];
  const key = (col: string) => codeKeySql(q.mapping.system, col);
  const daily = groupsByDay(q);
  const periodOf = (a: string) => (daily ? `EXTRACT(YEAR FROM ${a}.day) AS year${subOf(`${a}.day`)}` : `${a}.year${sub ? `, ${a}.sub` : ''}`);
  const ctes = [
    `codes AS (\n  ${codesSql(q, d)}\n)`,
    `mapped AS (\n  SELECT ${daily ? 'd.day, ' : ''}${periodOf('d')}, LEAST(c1.iso3, c2.iso3) AS state_a, GREATEST(c1.iso3, c2.iso3) AS state_b, d.n, d.total, d.abs_total, d.coop\n  FROM raw_groups AS d\n  JOIN codes AS c1 ON c1.raw = ${key('d.a1')}\n  JOIN codes AS c2 ON c2.raw = ${key('d.a2')}\n  WHERE d.pair_set = 1 AND d.n > 0 AND c1.iso3 <> c2.iso3\n)`,
    `observed AS (\n  SELECT ${group}, COUNT(*) AS observed_days\n  FROM (SELECT ${daily ? 'DISTINCT ' : ''}day, EXTRACT(YEAR FROM day) AS year${subOf('day')} FROM raw_groups WHERE ${daily ? '' : 'pair_set = 0 AND '}day IS NOT NULL) AS days\n  GROUP BY ${group}\n)`,
    ...(!daily
      ? [
          `pair AS (\n  SELECT ${group}, state_a, state_b, SUM(n) AS n, CAST(NULL AS ${d.types.integer}) AS active_days, SUM(total) AS total, SUM(abs_total) AS abs_total, SUM(coop) AS coop\n  FROM mapped\n  GROUP BY ${group}, state_a, state_b\n)`,
        ]
      : [
          // per pair and day first (plain aggregates, which spill), then per period: no COUNT(DISTINCT)
          `pair_day AS (\n  SELECT ${group}, state_a, state_b, day, SUM(n) AS n, SUM(total) AS total, SUM(abs_total) AS abs_total, SUM(coop) AS coop\n  FROM mapped\n  GROUP BY ${group}, state_a, state_b, day\n)`,
          `pair AS (\n  SELECT ${group}, state_a, state_b, SUM(n) AS n, COUNT(*) AS active_days, SUM(CASE WHEN total > 0 THEN 1 ELSE 0 END) AS positive_days, SUM(total) AS total, SUM(abs_total) AS abs_total, SUM(coop) AS coop\n  FROM pair_day\n  GROUP BY ${group}, state_a, state_b\n)`,
        ]),
    `totals AS (\n  SELECT ${group}, SUM(n) AS all_n, SUM(abs_total) AS all_abs\n  FROM pair\n  GROUP BY ${group}\n)`,
    `seen AS (\n  SELECT DISTINCT ${group}, state\n  FROM (SELECT ${group}, state_a AS state FROM pair UNION ALL SELECT ${group}, state_b AS state FROM pair) AS s\n)`,
    `grid AS (\n  SELECT ${keys('s1')}, s1.state AS state_a, s2.state AS state_b\n  FROM seen AS s1\n  JOIN seen AS s2 ON ${on('s1', 's2')} AND s1.state < s2.state\n)`,
    `measured AS (\n  SELECT g.state_a, g.state_b, ${keys('g')}, COALESCE(p.n, 0) AS n, ${daily ? 'COALESCE(p.active_days, 0)' : `CAST(NULL AS ${d.types.integer})`} AS active_days, o.observed_days, ${periodDaysSql(q.period, 'g')} AS period_days,\n    ${measure.sql(kind, d)} AS value\n  FROM grid AS g\n  JOIN observed AS o ON ${on('g', 'o')}\n  JOIN totals AS t ON ${on('g', 't')}\n  LEFT JOIN pair AS p ON ${on('g', 'p')} AND p.state_a = g.state_a AND p.state_b = g.state_b\n)`,
  ];
  const value = q.round === null ? 'value' : `ROUND(value, ${q.round})`;
  const subOut = sub ? `, sub AS ${q.period}` : '';
  const select = [
    `SELECT state_a, state_b, year${subOut}, ${value} AS ${q.measure}, n, active_days, observed_days, period_days`,
    'FROM measured',
    `WHERE ${['value IS NOT NULL', `observed_days >= ${q.minObserved} * period_days`, ...(q.minEvents > 0 ? [`n >= ${q.minEvents}`] : []), ...(q.minDays > 0 ? [`active_days >= ${q.minDays}`] : [])].join(' AND ')}`,
    `ORDER BY state_a, state_b, year${sub ? `, ${q.period}` : ''}`,
  ].join('\n');
  return { ctes, select };
}

/**
 * The whole aggregation as one statement: `WITH src, raw_groups, codes, … SELECT …`.
 * @example fullSql(query, DIALECTS.trino) // 'WITH\nsrc AS (\n  SELECT …'
 */
export function fullSql(q: EventQuery, d: Dialect): string {
  const m = measureSql(q, d);
  const ctes = [`src AS (\n  ${srcSql(q, d)}\n)`, `raw_groups AS (\n  ${rawGroupsSql(q, d)}\n)`, ...m.ctes];
  return `WITH\n${ctes.join(',\n')}\n${m.select}`;
}
