import { iso3Index, type Iso3 } from './country.js';
import { CODE_SPAN, unpackKey, YEAR_SPAN, yearOfKey } from './dyad-year-key.js';
import { PackedKeyMap } from './packed-key-map.js';

/** One value of a dyad-year table. For a directed table `a` is the origin, `b` the target. */
export interface DyadYearValue {
  readonly a: Iso3;
  readonly b: Iso3;
  readonly year: number;
  readonly value: number;
}

/**
 * A table of one number per (pair, year). Missing is *absence* (read back as `null`),
 * never 0: zero means "observed, none".
 *
 * Undirected tables store every pair in canonical order (`a < b`), so `get(a,b)` and
 * `get(b,a)` agree; directed tables keep the order (`a` → `b`). Keys are packed integers
 * ((index(a)·26³ + index(b))·4096 + year), exact below 2^53, so lookups stay fast on
 * millions of dyad-years.
 *
 * @example
 * const t = new DyadYearTable(false);
 * t.set('RUS' as Iso3, 'IRN' as Iso3, 2016, 0.7);
 * t.get('IRN' as Iso3, 'RUS' as Iso3, 2016) // 0.7
 * t.get('IRN' as Iso3, 'RUS' as Iso3, 2017) // null
 */
export class DyadYearTable {
  readonly directed: boolean;
  private readonly map: PackedKeyMap;

  /** `expected`: the number of values the table will hold, when known (saves regrowing). */
  constructor(directed: boolean, expected?: number) {
    this.directed = directed;
    this.map = new PackedKeyMap(expected);
  }

  /** The packed key of a pair-year (canonicalised for undirected tables). */
  key(a: Iso3, b: Iso3, year: number): number {
    let ia = iso3Index(a);
    let ib = iso3Index(b);
    if (!this.directed && ia > ib) {
      const t = ia;
      ia = ib;
      ib = t;
    }
    return (ia * CODE_SPAN + ib) * YEAR_SPAN + year;
  }

  /** Sets a value. @throws {RangeError} for a self-pair or a non-finite value. */
  set(a: Iso3, b: Iso3, year: number, value: number): void {
    if (a === b) throw new RangeError(`self-pair ${a}-${b}`);
    if (!Number.isFinite(value)) throw new RangeError(`non-finite value for ${a}-${b} ${year}: ${value}`);
    this.map.set(this.key(a, b, year), value);
  }

  /** Adds to the value (absent counts as 0). */
  add(a: Iso3, b: Iso3, year: number, value: number): void {
    if (a === b) throw new RangeError(`self-pair ${a}-${b}`);
    const k = this.key(a, b, year);
    this.map.set(k, (this.map.get(k) ?? 0) + value);
  }

  /** The value, or `null` when missing. */
  get(a: Iso3, b: Iso3, year: number): number | null {
    const v = this.map.get(this.key(a, b, year));
    return v === undefined ? null : v;
  }

  /** True when a value (possibly 0) is present. */
  has(a: Iso3, b: Iso3, year: number): boolean {
    return this.map.has(this.key(a, b, year));
  }

  /** Value by packed key, `undefined` when missing. */
  getByKey(key: number): number | undefined {
    return this.map.get(key);
  }

  /** Sets by packed key (the caller guarantees canonical order for undirected tables). */
  setByKey(key: number, value: number): void {
    this.map.set(key, value);
  }

  /** Number of values present. */
  get size(): number {
    return this.map.size;
  }

  /** Packed keys in insertion order. */
  keys(): IterableIterator<number> {
    return this.map.keys();
  }

  /** Every value, unpacked, in insertion order. */
  *entries(): IterableIterator<DyadYearValue> {
    for (const [k, value] of this.map) yield { ...unpackKey(k), value };
  }

  /** Every value sorted by (a, b, year) — deterministic whatever the insertion order. */
  sortedEntries(): DyadYearValue[] {
    const keys = [...this.map.keys()].sort((x, y) => x - y);
    return keys.map((k) => ({ ...unpackKey(k), value: this.map.get(k)! }));
  }

  /** Packed keys sorted ascending, as a new typed array (subclasses with sorted storage return theirs). */
  sortedKeyArray(): Float64Array {
    const out = this.map.keyArray();
    out.sort();
    return out;
  }

  /** Keys (ascending) and values as parallel typed arrays when the table is stored that way, else null. */
  sortedColumns(): { readonly keys: Float64Array; readonly values: Float64Array } | null {
    return null;
  }

  /** The set of years that have at least one value. */
  years(): Set<number> {
    const out = new Set<number>();
    for (const k of this.map.keys()) out.add(yearOfKey(k));
    return out;
  }
}
