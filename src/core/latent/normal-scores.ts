/**
 * Normal scores (van der Waerden): each value replaced by the standard normal quantile of its
 * pooled rank, Φ⁻¹(r / (n + 1)), ties sharing their average rank. A monotone transform that
 * makes any continuous marginal standard normal and leaves a point mass (such as the zeros
 * of a mostly-zero indicator) a single value; invariant to any increasing transform of the
 * input (log, min-max, …). van der Waerden, B. L. (1952), "Order tests for the two-sample
 * problem and their power", Indagationes Mathematicae 14, 453–458.
 */
import { normalQuantile } from './normal-quantile.js';
import { lowerBound, upperBound } from '../sorted-search.js';

/**
 * The normal score of every value of `values` (NaN stays NaN; so does any value for which
 * `include` is false — it is left out of the pool). Range: (−∞, ∞), symmetric around 0 for
 * distinct values.
 * @example normalScores(Float64Array.of(3, 1, NaN, 2)) // [0.674…, −0.674…, NaN, 0]
 */
export function normalScores(values: Float64Array, include: (v: number) => boolean = () => true): Float64Array {
  const n0 = values.length;
  const pool = new Float64Array(n0);
  let n = 0;
  for (let i = 0; i < n0; i++) {
    const v = values[i]!;
    if (v === v && include(v)) pool[n++] = v;
  }
  const sorted = pool.subarray(0, n).sort();
  const out = new Float64Array(n0).fill(NaN);
  let lastValue = NaN;
  let lastScore = NaN;
  for (let i = 0; i < n0; i++) {
    const v = values[i]!;
    if (!(v === v && include(v))) continue;
    if (v !== lastValue) {
      const lo = lowerBound(sorted, v);
      const hi = upperBound(sorted, v);
      // 1-based ranks lo+1 … hi share their average (lo + 1 + hi) / 2
      lastScore = normalQuantile((lo + 1 + hi) / 2 / (n + 1));
      lastValue = v;
    }
    out[i] = lastScore;
  }
  return out;
}
