/**
 * The scored panel as the core hands it on: one row per pair-year with the index, its
 * coverage and each indicator's raw, normalised, weight and contribution columns.
 * @module
 */

/** An extra column carried into the report. */
export interface ScoreExtra {
  readonly column: string;
  readonly values: Float64Array;
  readonly type: 'number' | 'integer';
  readonly description: string;
}

/** The scored panel, one row per pair-year sorted by (state_a, state_b, year). */
export interface ScoreTable {
  /** Packed canonical keys ((index(a)·26³ + index(b))·4096 + year), ascending. */
  readonly keys: Float64Array;
  readonly ids: readonly string[];
  readonly index: Float64Array;
  /**
   * The chain-linked index (see `chain-index.ts`): changes computed on the indicators present
   * in both years, anchored at {@link chainReferenceYear}. Absent in tables made without it.
   */
  readonly indexChained?: Float64Array | undefined;
  /** The year `indexChained` equals `index` in (null when the panel is empty). */
  readonly chainReferenceYear?: number | null | undefined;
  readonly coverage: Float64Array;
  /** Observed raw values (after temporal transforms); NaN where missing — also where imputed. */
  readonly raw: readonly Float64Array[];
  /**
   * Per indicator, the imputed raw value at each imputed cell (NaN elsewhere), null for an
   * indicator that imputes nothing; absent when none does (see `impute.ts`).
   */
  readonly imputed?: readonly (Float64Array | null)[] | undefined;
  readonly norm: readonly Float64Array[];
  readonly contrib: readonly Float64Array[];
  /** The weight each indicator had in the index of each row (renormalised, NaN when absent). */
  readonly weightUsed: readonly Float64Array[];
  readonly extras: readonly ScoreExtra[];
}

/**
 * The table with every per-row column (keys, index, chained index, coverage, raw, imputed,
 * normalised, contributions, weights used, extras) replaced by `f(column)`; ids and the chain's
 * reference year are kept. For slicing rows or moving columns to other memory.
 * @example mapColumns(t, (c) => c.slice(0, 10)) // the first ten rows
 */
export function mapColumns(t: ScoreTable, f: (column: Float64Array) => Float64Array): ScoreTable {
  return {
    ...t,
    keys: f(t.keys),
    index: f(t.index),
    ...(t.indexChained ? { indexChained: f(t.indexChained) } : {}),
    coverage: f(t.coverage),
    raw: t.raw.map(f),
    ...(t.imputed ? { imputed: t.imputed.map((c) => (c === null ? null : f(c))) } : {}),
    norm: t.norm.map(f),
    contrib: t.contrib.map(f),
    weightUsed: t.weightUsed.map(f),
    extras: t.extras.map((x) => ({ ...x, values: f(x.values) })),
  };
}

/**
 * A new zero-filled column of `n` rows in shared memory: the columns of a scored table are made
 * there, so the report writer thread (and other worker threads) read them without a copy.
 * 8·n bytes, like `new Float64Array(n)`.
 * @example newColumn(3) // Float64Array [0, 0, 0] on a SharedArrayBuffer
 */
export function newColumn(n: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(8 * n));
}

/**
 * True when a column's bytes are in shared memory (made by {@link newColumn}, or read from the
 * score cache).
 * @example isShared(newColumn(1)) // true; isShared(new Float64Array(1)) // false
 */
export function isShared(column: Float64Array): boolean {
  return column.buffer instanceof SharedArrayBuffer;
}

/**
 * A column in shared memory with the values of `column`: the column itself when it is there
 * already, else a copy.
 * @example toShared(Float64Array.of(1, 2)) // [1, 2] on a SharedArrayBuffer
 */
export function toShared(column: Float64Array): Float64Array {
  if (isShared(column)) return column;
  const out = newColumn(column.length);
  out.set(column);
  return out;
}
