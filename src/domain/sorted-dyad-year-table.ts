import type { Iso3 } from './country.js';
import { DyadYearTable, type DyadYearValue } from './dyad-year-table.js';
import { unpackKey, yearOfKey } from './dyad-year-key.js';
import { PackedKeyMap } from './packed-key-map.js';

/** Key arrays already checked to be strictly ascending. */
const checkedKeys = new WeakSet<Float64Array>();

/**
 * A {@link DyadYearTable} built in one go from keys sorted ascending and their values, held
 * in two typed arrays with no hash index: building it costs one copy, reads are binary
 * searches (amortised O(1) when keys are read in ascending order, as the scorer does), and
 * the arrays are handed to the report writers as they are.
 *
 * It behaves exactly like a `DyadYearTable`: the first write (`set`, `add`, `setByKey`) —
 * or any use of the table's map by a method of the base class that this class does not
 * read from the arrays — first copies the arrays into that map and from then on the base
 * class answers everything.
 * @example
 * const t = SortedDyadYearTable.fromSorted(false, Float64Array.of(k1, k2), Float64Array.of(0.5, 0.7)); // k1 < k2
 * t.getByKey(k2) // 0.7
 */
export class SortedDyadYearTable extends DyadYearTable {
  private sortedKeys: Float64Array | null;
  private sortedValues: Float64Array | null;
  private cursor = 0;

  private constructor(directed: boolean, keys: Float64Array, values: Float64Array) {
    super(directed);
    const own = Object.getOwnPropertyDescriptor(this, 'map');
    if (!(own?.value instanceof PackedKeyMap)) throw new Error('SortedDyadYearTable: DyadYearTable no longer keeps its values in a PackedKeyMap `map`; update this class');
    this.sortedKeys = keys;
    this.sortedValues = values;
    // base-class methods reach the map through this accessor: the first use fills it
    Object.defineProperty(this, 'map', { configurable: true, enumerable: false, get: () => this.materialise() });
  }

  /**
   * Wraps keys (strictly ascending, canonical for an undirected table) and finite values.
   * The arrays are kept, not copied: do not change them afterwards. Several tables may
   * share one key array (it is checked once).
   * @throws {RangeError} when keys are not strictly ascending, lengths differ or a value is not finite.
   */
  static fromSorted(directed: boolean, keys: Float64Array, values: Float64Array): SortedDyadYearTable {
    if (keys.length !== values.length) throw new RangeError(`${keys.length} keys but ${values.length} values`);
    if (!checkedKeys.has(keys)) {
      for (let i = 1; i < keys.length; i++) if (!(keys[i]! > keys[i - 1]!)) throw new RangeError(`keys are not strictly ascending at ${i}`);
      checkedKeys.add(keys); // tables sharing one key array check it once
    }
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v - v !== 0) throw new RangeError(`non-finite value at ${i}: ${v}`);
    }
    return new SortedDyadYearTable(directed, keys, values);
  }

  /**
   * The keys (ascending) and values as typed arrays, for consumers that walk a table in key
   * order (merging panels, writing reports) — or null once the table has turned into a map (after a write).
   * Read-only: do not change the arrays.
   * @example const cols = t.columns(); if (cols) for (let i = 0; i < cols.keys.length; i++) use(cols.keys[i], cols.values[i]);
   */
  columns(): { readonly keys: Float64Array; readonly values: Float64Array } | null {
    return this.sortedKeys === null || this.sortedValues === null ? null : { keys: this.sortedKeys, values: this.sortedValues };
  }

  private materialise(): PackedKeyMap {
    const map = new PackedKeyMap(this.sortedKeys?.length ?? 16);
    const keys = this.sortedKeys;
    const values = this.sortedValues;
    if (keys !== null && values !== null) for (let i = 0; i < keys.length; i++) map.set(keys[i]!, values[i]!);
    Object.defineProperty(this, 'map', { configurable: true, enumerable: false, writable: false, value: map });
    this.sortedKeys = null;
    this.sortedValues = null;
    return map;
  }

  /** Position of a key, or −1; remembers the last position so ascending scans are O(1). */
  private find(keys: Float64Array, key: number): number {
    const c = this.cursor;
    if (c < keys.length && keys[c] === key) return c;
    if (c + 1 < keys.length && keys[c + 1] === key) return (this.cursor = c + 1);
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid]!;
      if (k < key) lo = mid + 1;
      else if (k > key) hi = mid - 1;
      else return (this.cursor = mid);
    }
    return -1;
  }

  override sortedColumns(): { readonly keys: Float64Array; readonly values: Float64Array } | null {
    return this.columns();
  }

  override sortedKeyArray(): Float64Array {
    return this.columns()?.keys ?? super.sortedKeyArray();
  }

  override getByKey(key: number): number | undefined {
    const keys = this.sortedKeys;
    if (keys === null) return super.getByKey(key);
    const i = this.find(keys, key);
    return i < 0 ? undefined : this.sortedValues![i];
  }

  override get(a: Iso3, b: Iso3, year: number): number | null {
    if (this.sortedKeys === null) return super.get(a, b, year);
    const v = this.getByKey(this.key(a, b, year));
    return v === undefined ? null : v;
  }

  override has(a: Iso3, b: Iso3, year: number): boolean {
    if (this.sortedKeys === null) return super.has(a, b, year);
    return this.getByKey(this.key(a, b, year)) !== undefined;
  }

  override get size(): number {
    return this.sortedKeys === null ? super.size : this.sortedKeys.length;
  }

  override keys(): IterableIterator<number> {
    return this.sortedKeys === null ? super.keys() : this.sortedKeys.values();
  }

  override *entries(): IterableIterator<DyadYearValue> {
    const keys = this.sortedKeys;
    const values = this.sortedValues;
    if (keys === null || values === null) {
      yield* super.entries();
      return;
    }
    for (let i = 0; i < keys.length; i++) yield { ...unpackKey(keys[i]!), value: values[i]! };
  }

  override sortedEntries(): DyadYearValue[] {
    const keys = this.sortedKeys;
    const values = this.sortedValues;
    if (keys === null || values === null) return super.sortedEntries();
    const out: DyadYearValue[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) out[i] = { ...unpackKey(keys[i]!), value: values[i]! };
    return out;
  }

  override years(): Set<number> {
    const keys = this.sortedKeys;
    if (keys === null) return super.years();
    const out = new Set<number>();
    for (let i = 0; i < keys.length; i++) out.add(yearOfKey(keys[i]!));
    return out;
  }
}
