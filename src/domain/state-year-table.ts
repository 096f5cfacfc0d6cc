import { iso3FromIndex, iso3Index, type Iso3 } from './country.js';
import { yearOfKey, YEAR_SPAN as Y } from './dyad-year-key.js';

/**
 * One value of a {@link StateYearTable}.
 * @example table.sortedEntries()[0] // { state: 'IRN', year: 2011, value: 100000 }
 */
export interface StateYearValue {
  readonly state: Iso3;
  readonly year: number;
  readonly value: number;
}

/**
 * One number per (state, year) — a state's total trade or GDP. Missing is absence
 * (read back as `null`), never 0. Keys are packed integers `index(state)·4096 + year`.
 * @example
 * const t = new StateYearTable();
 * t.add('RUS' as Iso3, 2010, 5); t.add('RUS' as Iso3, 2010, 2);
 * t.get('RUS' as Iso3, 2010) // 7
 * t.get('RUS' as Iso3, 2011) // null
 */
export class StateYearTable {
  private readonly map = new Map<number, number>();

  /** Sets a value. @throws {RangeError} for a non-finite value. */
  set(state: Iso3, year: number, value: number): void {
    if (!Number.isFinite(value)) throw new RangeError(`non-finite value for ${state} ${year}: ${value}`);
    this.map.set(iso3Index(state) * Y + year, value);
  }

  /** Adds to the value (absent counts as 0). */
  add(state: Iso3, year: number, value: number): void {
    const k = iso3Index(state) * Y + year;
    this.map.set(k, (this.map.get(k) ?? 0) + value);
  }

  /** The value, or `null` when missing. */
  get(state: Iso3, year: number): number | null {
    const v = this.map.get(iso3Index(state) * Y + year);
    return v === undefined ? null : v;
  }

  /** True when a value (possibly 0) is present. */
  has(state: Iso3, year: number): boolean {
    return this.map.has(iso3Index(state) * Y + year);
  }

  /** Number of values present. */
  get size(): number {
    return this.map.size;
  }

  /** Every value, sorted by (state, year). */
  sortedEntries(): StateYearValue[] {
    return [...this.map.keys()]
      .sort((x, y) => x - y)
      .map((k) => ({ state: iso3FromIndex(Math.floor(k / Y)), year: yearOfKey(k), value: this.map.get(k)! }));
  }
}
