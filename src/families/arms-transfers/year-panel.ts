/**
 * Yearly series keyed by `K` (a packed supplier→recipient pair, or a state) over one fixed,
 * inclusive year range; a key without a series is all zeros. The working structure of the
 * arms computation (dense per key, so windows and stocks are simple loops).
 * @example
 * const p = new YearPanel<string>(2000, 2002);
 * p.add('RUS', 2001, 5);
 * p.get('RUS', 2001) // 5
 * p.get('RUS', 1999) // 0 (outside the range)
 */
export class YearPanel<K> {
  readonly from: number;
  readonly to: number;
  private readonly map = new Map<K, Float64Array>();

  constructor(from: number, to: number) {
    if (!(Number.isInteger(from) && Number.isInteger(to) && from <= to)) throw new RangeError(`bad year range ${from}–${to}`);
    this.from = from;
    this.to = to;
  }

  /** Number of years in the range. */
  get length(): number {
    return this.to - this.from + 1;
  }

  /** True when `year` lies in the range. */
  covers(year: number): boolean {
    return year >= this.from && year <= this.to;
  }

  /** Adds to a key's value in a year. @returns false (nothing added) when the year is outside the range. */
  add(key: K, year: number, value: number): boolean {
    if (!this.covers(year)) return false;
    this.series(key)[year - this.from]! += value;
    return true;
  }

  /** Sets a key's value in a year (ignored outside the range). */
  set(key: K, year: number, value: number): void {
    if (!this.covers(year)) return;
    this.series(key)[year - this.from] = value;
  }

  /** A key's value in a year; 0 when absent or outside the range. */
  get(key: K, year: number): number {
    if (!this.covers(year)) return 0;
    return this.map.get(key)?.[year - this.from] ?? 0;
  }

  /** A key's series (index 0 = `from`), created on first use. */
  series(key: K): Float64Array {
    let s = this.map.get(key);
    if (!s) {
      s = new Float64Array(this.length);
      this.map.set(key, s);
    }
    return s;
  }

  /** A key's series, or undefined when the key has none. */
  peek(key: K): Float64Array | undefined {
    return this.map.get(key);
  }

  /** Puts a whole series (its length must match the range). */
  put(key: K, series: Float64Array): void {
    if (series.length !== this.length) throw new RangeError(`series of ${series.length} years for a ${this.length}-year panel`);
    this.map.set(key, series);
  }

  /** Keys with a series, in insertion order. */
  keys(): IterableIterator<K> {
    return this.map.keys();
  }

  /** Keys and series, in insertion order. */
  entries(): IterableIterator<[K, Float64Array]> {
    return this.map.entries();
  }

  /** Number of keys with a series. */
  get size(): number {
    return this.map.size;
  }

  /** A new panel with `fn` applied to every series. */
  mapSeries(fn: (series: Float64Array, key: K) => Float64Array): YearPanel<K> {
    const out = new YearPanel<K>(this.from, this.to);
    for (const [k, s] of this.map) out.put(k, fn(s, k));
    return out;
  }
}
