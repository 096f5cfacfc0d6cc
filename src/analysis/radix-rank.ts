/**
 * Fast competition ranking (1 = highest value, ties share the lower rank number, NaN
 * unranked = 0) of a vector, for the thousands of rankings a sensitivity analysis needs.
 * Same result as sorting ({@link competitionRanks} in `rank.ts`), computed by a least
 * significant digit radix sort on the top 32 bits of each number (sign, exponent and 20
 * bits of mantissa, mapped so that unsigned order is numeric order), less the smallest and
 * shifted right until they fit 24 bits, in two passes of 12 bits, then an exact fix-up of
 * the short runs that share those bits (values within about 0.0001 % of each other when the
 * values span a few binades; mostly exact ties). O(n) for values within a few dozen binades
 * of each other, as indices on a bounded scale are; wider spreads (exact zeros among them,
 * say) shift more bits off and leave longer runs to the comparison fix-up.
 */

/** Reusable work space for {@link radixRanks} (grows as needed). */
export class RankWorkspace {
  keys = new Uint32Array(0);
  keySwap = new Uint32Array(0);
  order = new Uint32Array(0);
  swap = new Uint32Array(0);
  readonly counts = new Uint32Array(2 * 4096);

  /** Makes room for n values. */
  ensure(n: number): void {
    if (this.keys.length < n) {
      this.keys = new Uint32Array(n);
      this.keySwap = new Uint32Array(n);
      this.order = new Uint32Array(n);
      this.swap = new Uint32Array(n);
    }
  }
}

/**
 * Writes the competition rank of each of the first n `values` into `ranks` (0 for NaN).
 * @example radixRanks(Float64Array.of(5, 9, 5, NaN), 4, new Uint32Array(4), new RankWorkspace()) // [2, 1, 2, 0]
 */
export function radixRanks(values: Float64Array, n: number, ranks: Uint32Array, ws: RankWorkspace): Uint32Array {
  ws.ensure(n);
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * values.length);
  const { counts } = ws;
  let keys = ws.keys;
  let keySwap = ws.keySwap;
  let order = ws.order;
  let swap = ws.swap;
  let m = 0;
  let lowest = 0xffffffff;
  let highest = 0;
  for (let r = 0; r < n; r++) {
    const v = values[r]!;
    if (v !== v) {
      ranks[r] = 0;
      continue;
    }
    const hi = words[2 * r + 1]!; // little-endian: the high word holds sign, exponent, top mantissa
    const asc = hi & 0x80000000 ? ~hi >>> 0 : (hi | 0x80000000) >>> 0;
    const key = ~asc >>> 0; // descending values = ascending keys
    keys[m] = key;
    if (key < lowest) lowest = key;
    if (key > highest) highest = key;
    order[m++] = r;
  }
  if (m === 0) return ranks;
  if (m > 64) {
    // sort on the keys less the lowest, shifted right until they fit 24 bits: one counting
    // pass for two digits of 12 bits, then two stable scatter passes; runs of equal shifted
    // keys are put in exact order below
    const range = highest - lowest;
    const shift = Math.max(0, 32 - Math.clz32(range) - 24);
    counts.fill(0);
    for (let i = 0; i < m; i++) {
      const k = ((keys[i]! - lowest) >>> shift) >>> 0;
      keys[i] = k;
      counts[k & 4095]!++;
      counts[4096 + (k >>> 12)]!++;
    }
    for (let d = 0; d < 2; d++) {
      let sum = 0;
      for (let b = d * 4096; b < (d + 1) * 4096; b++) {
        const c = counts[b]!;
        counts[b] = sum;
        sum += c;
      }
    }
    for (let d = 0; d < 2; d++) {
      const shiftD = 12 * d;
      const base = 4096 * d;
      for (let i = 0; i < m; i++) {
        const k = keys[i]!;
        const at = counts[base + ((k >>> shiftD) & 4095)]!++;
        keySwap[at] = k;
        swap[at] = order[i]!;
      }
      let t = order;
      order = swap;
      swap = t;
      t = keys;
      keys = keySwap;
      keySwap = t;
    }
  } else {
    insertionByKey(order, keys, m);
  }
  // runs sharing a key: order them exactly (descending), then rank
  let i = 0;
  while (i < m) {
    let j = i + 1;
    const k = keys[i]!;
    while (j < m && keys[j] === k) j++;
    if (j - i > 1) sortRunDescending(order, i, j, values);
    i = j;
  }
  let rank = 0;
  for (let p = 0; p < m; p++) {
    const r = order[p]!;
    if (p === 0 || values[r] !== values[order[p - 1]!]) rank = p + 1;
    ranks[r] = rank;
  }
  return ranks;
}

/** Sorts the first m (key, row) pairs by key, ascending (stable). */
function insertionByKey(order: Uint32Array, keys: Uint32Array, m: number): void {
  for (let i = 1; i < m; i++) {
    const r = order[i]!;
    const k = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > k) {
      order[j + 1] = order[j]!;
      keys[j + 1] = keys[j]!;
      j--;
    }
    order[j + 1] = r;
    keys[j + 1] = k;
  }
}

/** Sorts order[begin, end) by value, highest first (stable; a run of ties costs one pass). */
function sortRunDescending(order: Uint32Array, begin: number, end: number, values: Float64Array): void {
  if (end - begin > 32) {
    const first = values[order[begin]!]!;
    let tied = true;
    for (let i = begin + 1; i < end && tied; i++) if (values[order[i]!] !== first) tied = false;
    if (tied) return;
    const part = Array.from(order.subarray(begin, end));
    part.sort((p, q) => values[q]! - values[p]! || p - q);
    order.set(part, begin);
    return;
  }
  for (let i = begin + 1; i < end; i++) {
    const r = order[i]!;
    const v = values[r]!;
    let j = i - 1;
    while (j >= begin && values[order[j]!]! < v) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = r;
  }
}
