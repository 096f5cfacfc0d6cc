import type { z } from 'zod';
import type { Crosswalk } from '../domain/crosswalk.js';
import type { DyadYearTable } from '../domain/dyad-year-table.js';
import type { StateSystem } from '../domain/state-system.js';
import type { YearRange } from '../domain/year.js';
import type { PeriodKind } from '../domain/period.js';
import type { Warning } from '../core/warnings.js';

/** A source block of an indicator as written in the config (validated by the family's schema). */
export type SourceSpec = Readonly<Record<string, unknown>> & { readonly format: string };

/**
 * One indicator as configured, after validation. `options` holds the family-specific keys of
 * the indicator block (validated by {@link Family.optionsSchema}); `sources` always has at
 * least one entry (a single `source:` becomes a one-element list).
 */
export interface IndicatorSpec<O = Record<string, unknown>> {
  readonly id: string;
  readonly family: string;
  readonly sources: readonly SourceSpec[];
  readonly measure: string;
  readonly options: O;
}

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

/**
 * The optional part of a family whose sources are dated (event data; UN roll calls have vote
 * dates too): values per month or quarter as well as per year, for
 * `entente measures --period`. The index stays yearly and uses {@link Family.load}.
 */
export interface DatedFamily {
  /** The period kinds the family can compute (always including `year`). */
  readonly kinds: readonly PeriodKind[];
  /** Reads the sources and computes the measure per pair and period of `kind`. */
  load(spec: IndicatorSpec, ctx: LoadContext, kind: PeriodKind): Promise<PeriodData>;
}

/**
 * Everything a family may use while loading; no global state. Deliberately without the
 * config's `years`/`states`/`pairs`: a family loads and computes every year and state of its
 * sources, so a pair-year's value never depends on which subset a run asks for (the filters
 * select rows after normalisation and temporal transforms, in the core).
 */
export interface LoadContext {
  readonly crosswalk: Crosswalk;
  /** Which states exist in which year, under the crosswalk's succession rules. */
  readonly stateSystem: StateSystem;
  /** Resolves a path from the config (relative to the config file, or the data prefix). */
  resolvePath(path: string): string;
  /**
   * Resolves a path relative to the config file's folder, never the data prefix: for
   * project-owned files a source names beside its data (e.g. a corrections file kept with the
   * config while the data live under `data_dir`). Optional; families fall back to
   * {@link resolvePath}.
   */
  resolveConfigPath?(path: string): string;
  /** Seed for any stochastic step (bootstrap), from the config. */
  readonly seed: number;
  warn(w: Warning): void;
  /** Reports progress of a long step; a no-op off a terminal. */
  progress(label: string, done: number, total: number): void;
}

/** Whether a measure gives one value per pair (`symmetric`) or one per direction A → B (`directed`). */
export type MeasureDirection = 'symmetric' | 'directed';

/**
 * The direction of one measure of a family: its entry in `measureDirections`, else the
 * family's `direction`.
 * @example directionOf(unscFamily, 'shield') // 'directed'
 * @example directionOf(unVotesFamily, 'agree') // 'symmetric'
 */
export function directionOf(family: Pick<Family, 'direction' | 'measureDirections'>, measure: string): MeasureDirection {
  return family.measureDirections?.[measure] ?? family.direction;
}

/**
 * An indicator family: reads one kind of source and turns it into dyad-year values.
 * Families are registered in `indicators/registry.ts` (the strategy table).
 */
export interface Family {
  /** The `family:` value in the config, e.g. `un_votes`. */
  readonly name: string;
  /** The default indicator id, e.g. `un`. */
  readonly defaultId: string;
  /** One-line description for help and the data package. */
  readonly title: string;
  /** Names accepted by `measure:`; the first is the default. */
  readonly measures: readonly string[];
  /** Whether values are `symmetric` or `directed` (then `combine:` applies). */
  readonly direction: MeasureDirection;
  /**
   * Direction of the measures that differ from {@link direction} (a family with symmetric and
   * directed measures, e.g. the Security Council's `agree` and `shield`). Optional.
   */
  readonly measureDirections?: Readonly<Record<string, MeasureDirection>>;
  /** Accepted `source.format:` values. */
  readonly formats: readonly string[];
  /** Zod schema of the family-specific keys of an indicator block (strict object). */
  readonly optionsSchema: z.ZodType;
  /** Zod schema of one source block (a discriminated union on `format`). */
  readonly sourceSchema: z.ZodType;
  /** Citations of the sources and methods, for the data package and the README. */
  readonly citations: readonly string[];
  /** Unit and meaning of each measure's raw value, for the data package. */
  describeMeasure(measure: string): string;
  /**
   * The `polarity:` an indicator of this measure gets when its block does not set one (a
   * distance, where more means less aligned, is `negative`). Absent: `positive`.
   */
  defaultPolarity?(measure: string): 'positive' | 'negative';
  /** Reads the sources and computes the measure. Throws {@link InputError} for bad rows. */
  load(spec: IndicatorSpec, ctx: LoadContext): Promise<IndicatorData>;
  /** Present when the family's sources are dated: values per month or quarter ({@link DatedFamily}). */
  readonly periods?: DatedFamily;
}
