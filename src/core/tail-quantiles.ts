/**
 * Type-7 quantiles near the two ends of a sample (e.g. the 5th and 95th percentiles of a
 * bootstrap), by keeping only the few smallest and largest values seen: no sort, no pass per
 * quantile.
 */
import { quantilesOf, type QuantileWorkspace } from './quantile.js';

/** Reusable work space of {@link tailQuantiles}: two small sorted buffers of `size` values. */
export class TailWorkspace {
  readonly low: Float64Array;
  readonly high: Float64Array;
  readonly out = new Float64Array(2);
  constructor(readonly size: number) {
    this.low = new Float64Array(size);
    this.high = new Float64Array(size);
  }
}

/**
 * The type-7 quantiles at `pLo` and `pHi` (pLo ≤ pHi) of the first `n` values of `values`
 * (all finite), written to `out[0]` and `out[1]` — the same numbers as {@link quantilesOf},
 * to the bit. The order statistics needed, r = ⌊(n − 1)·p⌋ and r + 1, lie among the
 * r_lo + 2 smallest and the n − r_hi largest values; one pass keeps each of the two sets in a
 * small sorted buffer (a value enters only when it beats the buffer's worst, so most values
 * cost one comparison per end). Expected cost O(n + k·log(n/k)·k) for k kept values; when
 * a tail needs more than `tail.size` values, falls back to {@link quantilesOf}.
 * @example
 * tailQuantiles(Float64Array.of(5, 1, 4, 2, 3), 5, 0.05, 0.95, out, new TailWorkspace(8), new QuantileWorkspace(5)) // out = [1.2, 4.8]
 */
export function tailQuantiles(values: Float64Array, n: number, pLo: number, pHi: number, out: Float64Array, tail: TailWorkspace, ws: QuantileWorkspace): Float64Array {
  if (n <= 0) {
    out[0] = NaN;
    out[1] = NaN;
    return out;
  }
  const hLo = (n - 1) * pLo;
  const rLo = Math.floor(hLo);
  const hHi = (n - 1) * pHi;
  const rHi = Math.floor(hHi);
  const kLo = Math.min(rLo + 2, n); // ranks 0 … rLo + 1 (capped at n − 1)
  const kHi = n - rHi; // ranks rHi … n − 1
  if (kLo > tail.size || kHi > tail.size) {
    return quantilesOf(values, n, [pLo, pHi], out, ws);
  }
  const low = tail.low; // ascending: low[i] = order statistic i
  const high = tail.high; // descending: high[i] = order statistic n − 1 − i
  // the first values fill both buffers; once kLo + kHi values are in, no value can enter
  // both (the kLo-th smallest is at most the kHi-th largest), so one test usually settles it
  const m = Math.min(n, kLo + kHi);
  let nl = 0;
  let nh = 0;
  for (let i = 0; i < m; i++) {
    const v = values[i]!;
    if (nl < kLo) nl = insertAscending(low, nl, v);
    else if (v < low[kLo - 1]!) insertAscending(low, kLo - 1, v);
    if (nh < kHi) nh = insertDescending(high, nh, v);
    else if (v > high[kHi - 1]!) insertDescending(high, kHi - 1, v);
  }
  let lowMax = low[kLo - 1]!;
  let highMin = high[kHi - 1]!;
  for (let i = m; i < n; i++) {
    const v = values[i]!;
    if (v < lowMax) {
      insertAscending(low, kLo - 1, v);
      lowMax = low[kLo - 1]!;
    } else if (v > highMin) {
      insertDescending(high, kHi - 1, v);
      highMin = high[kHi - 1]!;
    }
  }
  const a = low[rLo]!;
  const b = low[Math.min(rLo + 1, n - 1)]!;
  out[0] = a + (hLo - rLo) * (b - a);
  const c = high[n - 1 - rHi]!;
  const d = high[n - 1 - Math.min(rHi + 1, n - 1)]!;
  out[1] = c + (hHi - rHi) * (d - c);
  return out;
}

/** Puts v into the ascending buffer x[0 … j − 1] at or before slot j (the value in slot j, if any, is dropped); returns j + 1. */
function insertAscending(x: Float64Array, j: number, v: number): number {
  const end = j + 1;
  while (j > 0 && x[j - 1]! > v) {
    x[j] = x[j - 1]!;
    j--;
  }
  x[j] = v;
  return end;
}

/** As {@link insertAscending}, for a descending buffer. */
function insertDescending(x: Float64Array, j: number, v: number): number {
  const end = j + 1;
  while (j > 0 && x[j - 1]! < v) {
    x[j] = x[j - 1]!;
    j--;
  }
  x[j] = v;
  return end;
}
