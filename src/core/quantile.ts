/**
 * Sample quantiles, R's default definition (Hyndman & Fan type 7): with the n values in
 * ascending order x_(0) ≤ … ≤ x_(n−1) and h = (n − 1)·p,
 * Q(p) = x_(⌊h⌋) + (h − ⌊h⌋)·(x_(⌊h⌋+1) − x_(⌊h⌋)). Q(0) is the minimum, Q(1) the maximum,
 * Q(0.5) the median.
 */

/**
 * Type-7 quantile of values already sorted ascending (the first `n`).
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 4, 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, n: number, p: number): number {
  if (n <= 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  return a + (h - lo) * (sorted[hi]! - a);
}

const MAX_BINS = 256;
const SMALL = 40;
const MAX_DEPTH = 8;

/** Reusable work space of {@link quantilesOf} for samples of up to `size` values. */
export class QuantileWorkspace {
  /** One gather buffer per recursion depth. */
  readonly buffers: Float64Array[];
  readonly counts: Uint32Array[];
  /** Per depth: where each needed bin's segment starts in the buffer (−1: not needed), and its fill pointer. */
  readonly slots: Int32Array[];
  readonly next: Int32Array[];
  readonly ranks = new Float64Array(16);
  readonly found = new Float64Array(16);
  /** Counts for {@link quantilesOfIntegers}. */
  readonly tally: Uint32Array;
  /** Positions and exact values of the values tied with a selected proxy ({@link quantilesByProxy}). */
  readonly tied: Int32Array;
  readonly exact: Float64Array;
  /** Per depth: the positions (in the caller's array) of the values in `buffers` ({@link quantilesByProxy}). */
  readonly positions: Int32Array[];
  /** 0, 1, …, size − 1: the positions of the values at depth 0. */
  readonly identity: Int32Array;
  /**
   * Per needed rank (as `ranks`): how many values are below the selected one (`less`), and
   * where the positions of the values equal to it start in `tied` and how many there are.
   */
  readonly less = new Float64Array(16);
  readonly tieAt = new Int32Array(16);
  readonly tieCount = new Int32Array(16);
  /** Fill pointer of `tied`. */
  tieFill = 0;

  constructor(readonly size: number) {
    this.tally = new Uint32Array(4 * size + 1);
    this.tied = new Int32Array(size);
    this.exact = new Float64Array(size);
    this.identity = Int32Array.from({ length: size }, (_, i) => i);
    this.positions = Array.from({ length: MAX_DEPTH + 1 }, () => new Int32Array(size));
    this.buffers = Array.from({ length: MAX_DEPTH + 1 }, () => new Float64Array(size));
    this.counts = Array.from({ length: MAX_DEPTH + 1 }, () => new Uint32Array(MAX_BINS + 1));
    this.slots = Array.from({ length: MAX_DEPTH + 1 }, () => new Int32Array(MAX_BINS));
    this.next = Array.from({ length: MAX_DEPTH + 1 }, () => new Int32Array(MAX_BINS));
  }
}

/**
 * Type-7 interpolation from the selected order statistics: Q(p) = x_(lo) + (h − lo)·(x_(lo+1) − x_(lo)),
 * h = (n − 1)·p, lo = ⌊h⌋ (ranks from 0), `found[i]` the value of rank `ranks[i]`.
 * @example interpolateQuantiles(5, [0.5], Float64Array.of(2, 3), 2, Float64Array.of(3, 4), out) // out = [3]
 */
function interpolateQuantiles(n: number, probs: readonly number[], ranks: Float64Array, u: number, found: Float64Array, out: Float64Array): Float64Array {
  for (let q = 0; q < probs.length; q++) {
    const h = (n - 1) * probs[q]!;
    const lo = Math.floor(h);
    const a = found[indexOf(ranks, u, lo)]!;
    const b = found[indexOf(ranks, u, Math.min(lo + 1, n - 1))]!;
    out[q] = a + (h - lo) * (b - a);
  }
  return out;
}

/**
 * The order statistics type-7 quantiles of `n` values need: for each p, ⌊(n − 1)·p⌋ and the
 * next rank (capped at n − 1), written ascending and distinct to the start of `ranks`.
 * Returns how many there are (at most 2 × probs.length).
 * @example neededRanks(5, [0.5, 0.95], ranks) // 3: ranks starts [2, 3, 4]
 */
function neededRanks(n: number, probs: readonly number[], ranks: Float64Array): number {
  let k = 0;
  for (const p of probs) {
    const lo = Math.floor((n - 1) * p);
    ranks[k++] = lo;
    ranks[k++] = Math.min(lo + 1, n - 1);
  }
  const sorted = ranks.subarray(0, k).sort();
  let u = 0;
  for (let i = 0; i < k; i++) if (i === 0 || sorted[i] !== sorted[u - 1]) sorted[u++] = sorted[i]!;
  return u;
}

/**
 * Type-7 quantiles of the first `n` values of `values` (all finite) at the probabilities
 * `probs` (at most 8), written to `out`, by selection instead of sorting: a histogram of up
 * to 256 equal-width bins between the minimum and maximum tells which bins hold the order
 * statistics needed; only those bins are examined again, recursively, until they are small
 * enough to sort. Expected O(n); exact (the same numbers as sorting). `values` is left
 * unchanged.
 * @example quantilesOf(Float64Array.of(5, 1, 4, 2, 3), 5, [0.05, 0.5, 0.95], out, new QuantileWorkspace(5)) // out = [1.2, 3, 4.8]
 */
export function quantilesOf(values: Float64Array, n: number, probs: readonly number[], out: Float64Array, ws: QuantileWorkspace): Float64Array {
  if (n <= 0) {
    out.fill(NaN, 0, probs.length);
    return out;
  }
  const { ranks, found } = ws;
  const u = neededRanks(n, probs, ranks);
  select(values, n, ranks, 0, u, 0, found, ws, 0, null);
  return interpolateQuantiles(n, probs, ranks, u, found, out);
}

/**
 * Type-7 quantiles of `n` exact values known first through proxies: `approx[i]` is a rounding
 * of the exact value `exact(i)` that never reverses an order (x ≤ y ⇒ approx(x) ≤ approx(y),
 * as rounding a double to float32 with `Math.fround`). The order statistics are selected
 * among the proxies (as {@link quantilesOf} does); each is then the exact value of rank
 * r − L among the values whose proxy equals the selected one (L: the values whose proxy is
 * smaller), so `exact` is called only for those — usually one value per order statistic.
 * The same numbers as {@link quantilesOf} on the exact values, with the n values held at the
 * proxies' precision (a quarter less memory per draw in the sensitivity analysis' store).
 * @example quantilesByProxy(Float64Array.of(1, 2, 2), 3, [0.5], out, ws, (i) => [1, 2.2, 2.1][i]) // out = [2.1]
 */
export function quantilesByProxy(approx: Float64Array, n: number, probs: readonly number[], out: Float64Array, ws: QuantileWorkspace, exact: (i: number) => number): Float64Array {
  if (n <= 0) {
    out.fill(NaN, 0, probs.length);
    return out;
  }
  const { ranks, found, less, tieAt, tieCount, tied } = ws;
  const u = neededRanks(n, probs, ranks);
  // the selection also tells, per selected proxy, how many proxies are smaller and which are equal
  ws.tieFill = 0;
  select(approx, n, ranks, 0, u, 0, found, ws, 0, ws.identity);
  const values = ws.exact;
  for (let a = 0; a < u; ) {
    const v = found[a]!;
    let b = a + 1;
    while (b < u && found[b] === v) b++;
    const nt = tieCount[a]!;
    for (let e = 0, at = tieAt[a]!; e < nt; e++, at++) values[e] = exact(tied[at]!);
    if (nt > 1) values.subarray(0, nt).sort();
    for (let r = a; r < b; r++) found[r] = values[ranks[r]! - less[a]!]!;
    a = b;
  }
  return interpolateQuantiles(n, probs, ranks, u, found, out);
}

/**
 * Finds the order statistics ranks[from, to) (relative to `base`) of src[0, n) and writes
 * them to found[from, to). With `pos` (the position of each value of `src` in the caller's
 * array) it also records, once per distinct selected value v, how many values are below v
 * (`ws.less`) and the positions of the values equal to v (`ws.tied`, from `ws.tieAt`,
 * `ws.tieCount`): equal values always fall in the same bin, so the segment that holds v
 * holds every copy of it.
 */
function select(src: Float64Array, n: number, ranks: Float64Array, from: number, to: number, base: number, found: Float64Array, ws: QuantileWorkspace, depth: number, pos: Int32Array | null): void {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = src[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min)) {
    for (let r = from; r < to; r++) found[r] = min;
    if (pos) recordTies(ws, from, to, base, pos, 0, n);
    return;
  }
  if (n <= SMALL || depth >= MAX_DEPTH) {
    const buf = ws.buffers[depth]!;
    if (pos) {
      const at = ws.positions[depth]!;
      for (let i = 0; i < n; i++) {
        buf[i] = src[i]!;
        at[i] = pos[i]!;
      }
      sortWithPositions(buf, at, n);
      for (let r = from; r < to; ) {
        const p = ranks[r]! - base;
        const v = buf[p]!;
        let end = r + 1;
        while (end < to && buf[ranks[end]! - base] === v) end++;
        let lo = p;
        while (lo > 0 && buf[lo - 1] === v) lo--;
        let hi = p + 1;
        while (hi < n && buf[hi] === v) hi++;
        for (let e = r; e < end; e++) found[e] = v;
        recordTies(ws, r, end, base + lo, at, lo, hi);
        r = end;
      }
      return;
    }
    for (let i = 0; i < n; i++) buf[i] = src[i]!;
    if (n <= SMALL) insertionSort(buf, n);
    else buf.subarray(0, n).sort();
    for (let r = from; r < to; r++) found[r] = buf[ranks[r]! - base]!;
    return;
  }
  const bins = Math.max(4, Math.min(MAX_BINS, n >> 2));
  const counts = ws.counts[depth]!;
  counts.fill(0, 0, bins + 1);
  const scale = bins / (max - min);
  for (let i = 0; i < n; i++) {
    let b = ((src[i]! - min) * scale) | 0;
    if (b >= bins) b = bins - 1;
    counts[b + 1]!++;
  }
  for (let b = 1; b <= bins; b++) counts[b]! += counts[b - 1]!;
  // the bins holding wanted ranks get a segment of the buffer each (at their cumulative
  // offsets, compacted), gathered in one pass, then each is searched recursively
  const buf = ws.buffers[depth]!;
  const at = ws.positions[depth]!;
  const slot = ws.slots[depth]!;
  slot.fill(-1, 0, bins);
  let used = 0;
  for (let r = from; r < to; r++) {
    const b = binOf(counts, bins, ranks[r]! - base);
    if (slot[b]! >= 0) continue;
    slot[b] = used;
    used += counts[b + 1]! - counts[b]!;
  }
  const next = ws.next[depth]!;
  next.set(slot.subarray(0, bins));
  for (let i = 0; i < n; i++) {
    const v = src[i]!;
    let b = ((v - min) * scale) | 0;
    if (b >= bins) b = bins - 1;
    const dst = next[b]!;
    if (dst < 0) continue;
    buf[dst] = v;
    if (pos) at[dst] = pos[i]!;
    next[b] = dst + 1;
  }
  let r = from;
  while (r < to) {
    const b = binOf(counts, bins, ranks[r]! - base);
    let end = r + 1;
    while (end < to && ranks[end]! - base < counts[b + 1]!) end++;
    const size = counts[b + 1]! - counts[b]!;
    const s0 = slot[b]!;
    select(buf.subarray(s0, s0 + size), size, ranks, r, end, base + counts[b]!, found, ws, depth + 1, pos ? at.subarray(s0, s0 + size) : null);
    r = end;
  }
}

/** Records for ranks [from, to) (one selected value) the values below it and the positions pos[a, b) of its copies. */
function recordTies(ws: QuantileWorkspace, from: number, to: number, less: number, pos: Int32Array, a: number, b: number): void {
  const start = ws.tieFill;
  ws.tied.set(pos.subarray(a, b), start);
  ws.tieFill = start + (b - a);
  for (let r = from; r < to; r++) {
    ws.less[r] = less;
    ws.tieAt[r] = start;
    ws.tieCount[r] = b - a;
  }
}

/** Sorts x[0, n) ascending, moving pos[0, n) along (insertion sort: the segments are small). */
function sortWithPositions(x: Float64Array, pos: Int32Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = x[i]!;
    const p = pos[i]!;
    let j = i - 1;
    while (j >= 0 && x[j]! > v) {
      x[j + 1] = x[j]!;
      pos[j + 1] = pos[j]!;
      j--;
    }
    x[j + 1] = v;
    pos[j + 1] = p;
  }
}

/** The bin holding order statistic `r`, from cumulative counts. */
function binOf(cum: Uint32Array, bins: number, r: number): number {
  let lo = 0;
  let hi = bins - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (cum[mid]! <= r) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function indexOf(x: Float64Array, n: number, v: number): number {
  for (let i = 0; i < n; i++) if (x[i] === v) return i;
  return -1;
}

function insertionSort(x: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = x[i]!;
    let j = i - 1;
    while (j >= 0 && x[j]! > v) {
      x[j + 1] = x[j]!;
      j--;
    }
    x[j + 1] = v;
  }
}

/**
 * Type-7 quantiles of the first `n` values of `values` when they are whole numbers (ranks):
 * counts each value between the minimum and maximum and walks the counts — two passes,
 * no sorting. Falls back to {@link quantilesOf} when the values span more than 4n.
 * @example quantilesOfIntegers(Float64Array.of(3, 1, 2, 2), 4, [0.5], out, ws) // out = [2]
 */
export function quantilesOfIntegers(values: Float64Array, n: number, probs: readonly number[], out: Float64Array, ws: QuantileWorkspace): Float64Array {
  if (n <= 0) {
    out.fill(NaN, 0, probs.length);
    return out;
  }
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min + 1;
  if (span > 4 * n || span > ws.tally.length) return quantilesOf(values, n, probs, out, ws);
  const tally = ws.tally;
  tally.fill(0, 0, span);
  for (let i = 0; i < n; i++) tally[values[i]! - min]!++;
  // one walk of the counts finds every order statistic needed (ranks ascending)
  const { ranks, found } = ws;
  const u = neededRanks(n, probs, ranks);
  let c = 0;
  let v = 0;
  for (let a = 0; a < u; a++) {
    const r = ranks[a]!;
    while (c + tally[v]! <= r) c += tally[v++]!;
    found[a] = v + min;
  }
  return interpolateQuantiles(n, probs, ranks, u, found, out);
}
