/**
 * The latent model's view of a panel: the model columns packed row-major in one typed
 * array, the years between a row and the previous row of its pair (the random walk bridges
 * gaps), and, per pair, its run of rows and the part of it the model is fitted on (its first
 * to its last row with at least one observed column). Rows are sorted by (pair, year) as the
 * pipeline's packed keys `pair·4096 + year` are.
 */
import { pairOfKey, yearOfKey } from '../../domain/dyad-year-key.js';

/**
 * Pairs per chunk: the E-step's sums are formed per chunk of this many consecutive pairs and
 * then added in chunk order, so they do not depend on how chunks are shared among threads.
 */
export const PAIRS_PER_CHUNK = 64;

/** A panel prepared for the latent model. */
export interface LatentPanel {
  /** Number of rows. */
  readonly rows: number;
  /** Number of model columns K. */
  readonly columns: number;
  /** y[r·K + k]: column k of row r, NaN = missing. */
  readonly y: Float64Array;
  /** Years since the previous row of the same pair (≥ 1); 0 at a pair's first row. */
  readonly gap: Uint16Array;
  /** Number of columns observed in each row (0 … K). */
  readonly observed: Uint8Array;
  /** Number of pairs. */
  readonly pairs: number;
  /** First row of each pair, plus a final sentinel `rows` (length pairs + 1). */
  readonly runStart: Uint32Array;
  /** Per pair: its first row with an observation (its run's end when it has none). */
  readonly fitStart: Uint32Array;
  /** Per pair: one past its last row with an observation (= fitStart when it has none). */
  readonly fitEnd: Uint32Array;
  /** The longest run of a pair, in rows (the size of the per-thread work space). */
  readonly maxRun: number;
}

/**
 * Prepares a panel: `keys` packed `(pair)·4096 + year`, strictly ascending; one column per
 * model column, as long as `keys`, NaN = missing.
 * @throws {RangeError} when the keys are not strictly ascending, a column's length differs or
 *   holds an infinite value, or there are more than 255 columns.
 * @example latentPanel(Float64Array.of(5 * 4096 + 2000, 5 * 4096 + 2003), [Float64Array.of(0.2, NaN)]).gap // [0, 3]
 */
export function latentPanel(keys: Float64Array, columns: readonly Float64Array[]): LatentPanel {
  const n = keys.length;
  const K = columns.length;
  if (K > 255) throw new RangeError(`the latent model takes at most 255 columns, got ${K}`);
  columns.forEach((c, k) => {
    if (c.length !== n) throw new RangeError(`model column ${k} has ${c.length} values for ${n} rows`);
  });
  const y = new Float64Array(n * K);
  const observed = new Uint8Array(n);
  for (let k = 0; k < K; k++) {
    const c = columns[k]!;
    for (let r = 0; r < n; r++) {
      const v = c[r]!;
      if (v === Infinity || v === -Infinity) throw new RangeError(`model column ${k} has ${v} in row ${r}; values must be finite or NaN (missing)`);
      y[r * K + k] = v;
      if (v === v) observed[r]!++;
    }
  }
  const gap = new Uint16Array(n);
  const starts: number[] = [];
  for (let r = 0; r < n; r++) {
    if (r > 0 && !(keys[r]! > keys[r - 1]!)) throw new RangeError(`panel keys must be strictly ascending (row ${r})`);
    if (r === 0 || pairOfKey(keys[r]!) !== pairOfKey(keys[r - 1]!)) starts.push(r);
    else gap[r] = yearOfKey(keys[r]!) - yearOfKey(keys[r - 1]!);
  }
  starts.push(n);
  const runStart = Uint32Array.from(starts);
  const pairs = runStart.length - 1;
  const fitStart = new Uint32Array(pairs);
  const fitEnd = new Uint32Array(pairs);
  let maxRun = 0;
  for (let p = 0; p < pairs; p++) {
    const s = runStart[p]!;
    const e = runStart[p + 1]!;
    maxRun = Math.max(maxRun, e - s);
    let first = s;
    while (first < e && observed[first] === 0) first++;
    let last = e;
    while (last > first && observed[last - 1] === 0) last--;
    fitStart[p] = first === e ? e : first;
    fitEnd[p] = first === e ? e : last;
  }
  return { rows: n, columns: K, y, gap, observed, pairs, runStart, fitStart, fitEnd, maxRun };
}

/**
 * Number of chunks of {@link PAIRS_PER_CHUNK} pairs.
 * @example chunkCount({ pairs: 130 } as LatentPanel) // 3
 */
export function chunkCount(panel: Pick<LatentPanel, 'pairs'>): number {
  return Math.ceil(panel.pairs / PAIRS_PER_CHUNK);
}
