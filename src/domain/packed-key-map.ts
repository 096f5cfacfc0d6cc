/**
 * A map from packed dyad-year keys (whole numbers below 2^53, see `DyadYearTable`) to numbers,
 * in typed arrays: the keys and values in insertion order, and an open-addressing index of
 * slots (linear probing, at most half full). A `Map<number, number>` keeps each key above 2^31
 * as a heap number: 1.56 M pair-years cost it ~100 MB and ~1.4 s to fill; here 40 MB and a
 * fraction of the time. Iteration is in insertion order, as a `Map`'s. No deletion (no caller
 * needs it).
 * @example
 * const m = new PackedKeyMap();
 * m.set(2_913_451_938_784, 0.7);
 * m.get(2_913_451_938_784) // 0.7
 * m.get(1) // undefined
 */
export class PackedKeyMap {
  private keyAt: Float64Array;
  private valueAt: Float64Array;
  private count = 0;
  /** slot → 1 + position in keyAt, 0 when empty. */
  private slots: Int32Array;
  private mask: number;

  constructor(expected = 16) {
    const capacity = Math.max(16, expected);
    this.keyAt = new Float64Array(capacity);
    this.valueAt = new Float64Array(capacity);
    let slots = 32;
    while (slots < 2 * capacity) slots *= 2;
    this.slots = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /** Number of keys. */
  get size(): number {
    return this.count;
  }

  /** The value of a key, `undefined` when absent. */
  get(key: number): number | undefined {
    const p = this.find(key);
    return p < 0 ? undefined : this.valueAt[p];
  }

  /** True when the key is present. */
  has(key: number): boolean {
    return this.find(key) >= 0;
  }

  /** Sets (or replaces) the value of a key. */
  set(key: number, value: number): void {
    const mask = this.mask;
    let s = hash(key) & mask;
    for (;;) {
      const e = this.slots[s]!;
      if (e === 0) break;
      if (this.keyAt[e - 1] === key) {
        this.valueAt[e - 1] = value;
        return;
      }
      s = (s + 1) & mask;
    }
    if (this.count === this.keyAt.length) this.growEntries();
    const p = this.count++;
    this.keyAt[p] = key;
    this.valueAt[p] = value;
    this.slots[s] = p + 1;
    if (2 * this.count > this.slots.length) this.rehash(this.slots.length * 2);
  }

  /** Keys in insertion order. */
  *keys(): IterableIterator<number> {
    for (let p = 0; p < this.count; p++) yield this.keyAt[p]!;
  }

  /** [key, value] pairs in insertion order. */
  *[Symbol.iterator](): IterableIterator<[number, number]> {
    for (let p = 0; p < this.count; p++) yield [this.keyAt[p]!, this.valueAt[p]!];
  }

  /** The keys in insertion order as a new typed array. */
  keyArray(): Float64Array {
    return this.keyAt.slice(0, this.count);
  }

  /** Position of a key in insertion order, −1 when absent. */
  private find(key: number): number {
    const mask = this.mask;
    let s = hash(key) & mask;
    for (;;) {
      const e = this.slots[s]!;
      if (e === 0) return -1;
      if (this.keyAt[e - 1] === key) return e - 1;
      s = (s + 1) & mask;
    }
  }

  private growEntries(): void {
    const size = this.keyAt.length * 2;
    const keys = new Float64Array(size);
    keys.set(this.keyAt);
    const values = new Float64Array(size);
    values.set(this.valueAt);
    this.keyAt = keys;
    this.valueAt = values;
  }

  private rehash(slotCount: number): void {
    const slots = new Int32Array(slotCount);
    const mask = slotCount - 1;
    for (let p = 0; p < this.count; p++) {
      let s = hash(this.keyAt[p]!) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = p + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/**
 * Mixes a whole number below 2^53 into 32 bits (its low and high words through a
 * multiply–xorshift finaliser): neighbouring years and pairs land far apart.
 */
function hash(key: number): number {
  const lo = key >>> 0;
  const hi = (key / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
