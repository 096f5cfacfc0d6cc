/**
 * What a family hands to the core for one indicator: its values per dyad-year (or per
 * dyad-period for dated families), the years its sources cover, extra report columns, and
 * the provenance of its input files. Shared by the families (which produce it), the core
 * (which scores it) and the reports (which describe it).
 * @module
 */
import type { DyadYearTable } from './dyad-year-table.js';
import type { YearRange } from './year.js';
import type { PeriodKind } from './period.js';

/** An input file the indicator read, for provenance (`datapackage.json`). */
export interface InputFile {
  readonly path: string;
  readonly sha256: string;
  /** What the file is for this indicator, e.g. `votes`, `rollcalls`, `path`. */
  readonly role: string;
}

/** An extra per-pair-year column an indicator adds to the report as `<id>_<suffix>`. */
export interface ExtraColumn {
  readonly suffix: string;
  readonly table: DyadYearTable;
  readonly description: string;
  readonly type: 'number' | 'integer';
}

/** Pair-years a source flags (see {@link IndicatorData.flags}). */
export interface PairYearFlag {
  readonly kind: string;
  readonly table: DyadYearTable;
  /** What the flag means and the rule that sets it, for `validate` and `summary.md`. */
  readonly description: string;
}

/** What a family hands to the core for one indicator. */
export interface IndicatorData {
  /** The measure per dyad-year; directed tables are combined by the indicator's `combine` rule. */
  readonly values: DyadYearTable;
  /**
   * The years the source covers. Inside them, a pair-year in the panel without a value is
   * `0` when `zeroInsideCoverage` is true (the source records absence as "none"), else
   * missing. Outside them every value is missing, whatever the source says.
   */
  readonly coverage: readonly YearRange[];
  readonly zeroInsideCoverage: boolean;
  readonly extras: readonly ExtraColumn[];
  readonly inputs: readonly InputFile[];
  /** Lines for `entente validate` (e.g. skipped non-state entities with counts). */
  readonly notes: readonly string[];
  /**
   * Longer listings that only `entente validate` prints, one item a line, after the notes
   * (e.g. every correction applied to a source); kept out of `summary.md` and
   * `datapackage.json`, which carry the notes. Optional: absent means none.
   */
  readonly details?: readonly string[];
  /**
   * Pair-years the source flags, by kind (e.g. `gap_artefacts`: values that rest on a gap of
   * the source rather than on what they measure); the keys of `table` (undirected) are the
   * pair-years flagged. Optional: absent means none. An indicator's `pool_exclude:` leaves them
   * out of the pool its normaliser is fitted on.
   */
  readonly flags?: readonly PairYearFlag[];
  /**
   * How the values were computed, for `datapackage.json` (e.g. the SQL run, the engine and
   * its version); plain JSON data, identical on a rerun.
   */
  readonly provenance?: Readonly<Record<string, unknown>>;
}

/**
 * Values of a dated family per pair of states and period (month, quarter or year), in columns
 * sorted by (pair, period). `pairs` holds packed pairs `iso3Index(a)·26³ + iso3Index(b)` with
 * `a < b`; `periods` the period index `year·k + sub − 1` of `domain/period.ts`.
 */
export interface DyadPeriodTable {
  readonly kind: PeriodKind;
  readonly pairs: Float64Array;
  readonly periods: Float64Array;
  readonly values: Float64Array;
}

/** An extra per-pair-period column (`<id>_<suffix>`), aligned with the table's rows; NaN = missing. */
export interface PeriodExtraColumn {
  readonly suffix: string;
  readonly values: Float64Array;
  readonly description: string;
  readonly type: 'number' | 'integer';
}

/** What a dated family hands over for one indicator at one period kind. */
export interface PeriodData {
  readonly table: DyadPeriodTable;
  readonly extras: readonly PeriodExtraColumn[];
  readonly inputs: readonly InputFile[];
  readonly notes: readonly string[];
  readonly provenance?: Readonly<Record<string, unknown>>;
}
