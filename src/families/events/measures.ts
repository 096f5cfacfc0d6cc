/**
 * The measures of the `events` family: the table of names, units, ranges, formulas and
 * descriptions (the README's measure table is checked against it), and each measure's SQL
 * expression over the per-pair aggregates of a period. None is a raw sum: raw sums grow with
 * news volume and push every large pair to the top of any normaliser.
 * @module
 */
import type { Dialect } from './sql-dialect.js';

/** The measure names (part of the config contract); the first is the default. */
export const EVENT_MEASURE_NAMES = ['mean_daily', 'mean_event', 'coop_share', 'share', 'log_count'] as const;

/** A measure name. */
export type EventMeasureName = (typeof EVENT_MEASURE_NAMES)[number];

/**
 * The aggregates of one pair in one period the measures are computed from (SQL column names):
 * `p.n` events (edges: pair-day rows), `p.active_days` days with a row for the pair,
 * `p.positive_days` days with a positive daily total, `p.total` the summed score, `p.abs_total`
 * the summed absolute score, `p.coop` cooperative events (quad class 1 or 2); `o.observed_days`
 * the days the source covers in the period; `t.all_n` and `t.all_abs` the period's totals over
 * every pair. Columns of `p` are NULL for a pair without rows.
 */
export type MeasureSql = (kind: 'edges' | 'events', d: Dialect) => string;

/** One measure: what the README and the data package say about it, and its SQL. */
export interface EventMeasure {
  readonly name: EventMeasureName;
  readonly unit: string;
  /** The range of the raw value, as printed in the README's table. */
  readonly range: string;
  /** The formula, as printed in the README's table. */
  readonly formula: string;
  readonly description: string;
  /** True when a pair without rows in a covered period has a value (0); false when it is empty. */
  readonly definedWithoutRows: (kind: 'edges' | 'events') => boolean;
  readonly sql: MeasureSql;
}

/**
 * The measure table.
 * @example eventMeasures.mean_daily.range // 'any real number'
 */
export const eventMeasures: Readonly<Record<EventMeasureName, EventMeasure>> = {
  mean_daily: {
    name: 'mean_daily',
    unit: 'score per covered day',
    range: 'any real number',
    formula: 'Σ score / days the source covers in the period (a covered day without a row counts 0)',
    description: "the pair's total score (Goldstein, intensity or edge weight) divided by the number of days the source covers in the period",
    definedWithoutRows: () => true,
    sql: (_k, d) => `${d.toDouble('COALESCE(p.total, 0)')} / ${d.toDouble('o.observed_days')}`,
  },
  mean_event: {
    name: 'mean_event',
    unit: 'score per event',
    range: '−10–10 (events); any real number (edges: per pair-day row)',
    formula: 'Σ score / events (edges: / pair-day rows); empty without events',
    description: 'the mean score of the pair\'s events (edges: of its days with a row)',
    definedWithoutRows: () => false,
    sql: (_k, d) => `CASE WHEN p.n > 0 THEN ${d.toDouble('p.total')} / ${d.toDouble('p.n')} END`,
  },
  coop_share: {
    name: 'coop_share',
    unit: 'share',
    range: '0–1',
    formula: '(QC1 + QC2) / events; edges: days with a positive score / covered days',
    description: 'the share of cooperative events (quad classes 1 and 2: verbal and material cooperation); for edges the share of covered days with a positive score',
    definedWithoutRows: (k) => k === 'edges',
    sql: (k, d) =>
      k === 'edges' ? `${d.toDouble('COALESCE(p.positive_days, 0)')} / ${d.toDouble('o.observed_days')}` : `CASE WHEN p.n > 0 THEN ${d.toDouble('p.coop')} / ${d.toDouble('p.n')} END`,
  },
  share: {
    name: 'share',
    unit: 'share',
    range: '0–1',
    formula: 'events of the pair / events of all pairs; edges: Σ|weight| of the pair / Σ|weight| of all pairs',
    description: "the pair's share of all state-to-state events of the period (edges: of the period's absolute total score)",
    definedWithoutRows: () => true,
    sql: (k, d) =>
      k === 'edges' ? `${d.toDouble('COALESCE(p.abs_total, 0)')} / ${d.toDouble('NULLIF(t.all_abs, 0)')}` : `${d.toDouble('COALESCE(p.n, 0)')} / ${d.toDouble('NULLIF(t.all_n, 0)')}`,
  },
  log_count: {
    name: 'log_count',
    unit: 'log events',
    range: '≥ 0',
    formula: 'ln(1 + events); edges: ln(1 + pair-day rows)',
    description: 'the natural log of one plus the number of events of the pair (edges: of its days with a row)',
    definedWithoutRows: () => true,
    sql: (_k, d) => `LN(1 + ${d.toDouble('COALESCE(p.n, 0)')})`,
  },
};
