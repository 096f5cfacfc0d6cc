import type { z } from 'zod';
import type { Crosswalk } from '../domain/crosswalk.js';
import type { StateSystem } from '../domain/state-system.js';
import type { PeriodKind } from '../domain/period.js';
import type { Warning } from '../core/warnings.js';
import type { IndicatorData, PeriodData } from '../domain/indicator-data.js';

/** The data types of the contract, re-exported so a family reads its whole contract here. */
export type { DyadPeriodTable, ExtraColumn, IndicatorData, InputFile, PeriodData, PeriodExtraColumn } from '../domain/indicator-data.js';

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

/** One measure of a family as its README's measure table lists it. */
export interface MeasureInfo {
  /** Unit of the raw value, e.g. `share`, `TIV millions`. */
  readonly unit: string;
  /** Range of the raw value as the README writes it, e.g. `0–1`, `≥ 0`, `−1–1` (see {@link rangeText}). */
  readonly range: string;
}

/** A key that names an input file: in every source block (`source`) or in the indicator's options (`options`). */
export interface InputFileKey {
  readonly key: string;
  readonly in: 'source' | 'options';
  /**
   * `data`: a relative path is resolved against `data_dir:` / `ENTENTE_DATA_DIR`, else the
   * config's folder; `config`: always against the config's folder (a project-owned file kept
   * beside the config, such as the Security Council's corrections).
   */
  readonly relativeTo: 'data' | 'config';
}

/**
 * A numeric range as the READMEs write it: `lo–hi`, `≥ lo` when unbounded above, with a true
 * minus sign.
 * @example rangeText([0, 1]) // '0–1'
 * @example rangeText([-1, 1]) // '−1–1'
 * @example rangeText([0, Infinity]) // '≥ 0'
 */
export function rangeText(range: readonly [number, number | null]): string {
  const n = (x: number) => String(x).replace('-', '−');
  const [lo, hi] = range;
  return hi === null || hi === Infinity ? `≥ ${n(lo)}` : `${n(lo)}–${n(hi)}`;
}

/**
 * The measure table of a family from its own measures table (unit and numeric range per name).
 * @example measureTableOf({ share: { unit: 'share', range: [0, 1] } }) // { share: { unit: 'share', range: '0–1' } }
 */
export function measureTableOf(measures: Readonly<Record<string, { readonly unit: string; readonly range: readonly [number, number | null] }>>): Record<string, MeasureInfo> {
  return Object.fromEntries(Object.entries(measures).map(([name, m]) => [name, { unit: m.unit, range: rangeText(m.range) }]));
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
 * Families are registered in `families/registry.ts` (the strategy table).
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
  /**
   * Unit and range of every measure, as the family's README lists them in its measure table
   * (a contract test compares the two).
   */
  readonly measureTable: Readonly<Record<string, MeasureInfo>>;
  /**
   * The keys that name input files, in the source blocks or the indicator's options, and what
   * their relative paths are relative to. The up-front check of a config's files
   * (`config/config-inputs.ts`) reads them: a family's files are checked without touching it.
   */
  readonly inputFiles: readonly InputFileKey[];
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
  /** Present when the family can print its aggregation as SQL for another engine (`entente sql`). */
  readonly sql?: SqlExport;
}

/** The SQL dialects `entente sql` prints. */
export type SqlDialectName = 'duckdb' | 'spark' | 'bigquery' | 'trino';

/** What `entente sql` asks a family to print. */
export interface SqlPrintOptions {
  readonly dialect: SqlDialectName;
  readonly period: PeriodKind;
  /** The table the non-DuckDB dialects read (default: the format's). */
  readonly table?: string | undefined;
  /** Decimals of the measure in the output (the config's `precision`). */
  readonly precision: number;
  /** BigQuery's cap on billed bytes. */
  readonly maxBytesBilled?: number | undefined;
  readonly toolVersion: string;
}

/**
 * The optional part of a family whose aggregation runs as SQL: the statement for another
 * engine, with its output schema in header comments, so the aggregation can run where the raw
 * rows live (`entente sql`).
 */
export interface SqlExport {
  /** The SQL text (ends with `;` and a newline). */
  print(spec: IndicatorSpec, crosswalk: Crosswalk, resolvePath: (path: string) => string, options: SqlPrintOptions): Promise<string>;
}
