/**
 * SIPRI TIV tables as read (names not yet resolved). Values are millions of TIV per calendar
 * year of delivery; an empty cell ("no deliveries identified") is absent from `values`, and
 * SIPRI's `0` (more than 0, less than 0.5) is read as {@link SMALL_TIV}.
 */

/** Which SIPRI TIV table a file is. */
export type TivTableKind = 'importers' | 'exporters' | 'pairs';

/** One row of an importer or exporter table: a country's total per year. */
export interface TivTotalsRow {
  readonly line: number;
  /** Recipient (importer table) or supplier (exporter table), SIPRI spelling. */
  readonly name: string;
  /** Year → TIV; only years with a non-empty cell. */
  readonly values: ReadonlyMap<number, number>;
}

/**
 * An importer table (TIV received by each recipient from all suppliers) or exporter table
 * (TIV delivered by each supplier to all recipients), per year.
 */
export interface TivTotalsTable {
  readonly kind: 'importers' | 'exporters';
  /** The year columns of the header. */
  readonly years: readonly number[];
  /** Year columns with at least one value (SIPRI leaves an unfinished year empty everywhere). */
  readonly coveredYears: readonly number[];
  readonly rows: readonly TivTotalsRow[];
  /** SIPRI's `Total world import` / `Total world export` row, when present. */
  readonly world: TivTotalsRow | null;
}

/** One supplier → recipient value of a pair table. */
export interface TivPairRow {
  readonly line: number;
  readonly supplier: string;
  readonly recipient: string;
  readonly year: number;
  readonly value: number;
}

/** A supplier's `Total exports from <Supplier>` row of a pair table. */
export interface TivSupplierTotal {
  readonly line: number;
  readonly supplier: string;
  readonly year: number;
  readonly value: number;
}

/**
 * A supplier → recipient TIV table by year (SIPRI's per-supplier export tables, one block per
 * supplier, or the cleaned single table with a `Supplier` column).
 */
export interface TivPairsTable {
  readonly years: readonly number[];
  /** Year columns with at least one value. */
  readonly coveredYears: readonly number[];
  readonly rows: readonly TivPairRow[];
  readonly supplierTotals: readonly TivSupplierTotal[];
}
