/**
 * Trailing moving average over the `window` years ending at t (the current year included),
 * restricted to the series: near its start the average is over the years available.
 * MA_t = (1/k) Σ_{u=max(0, t−w+1)}^{t} x_u with k the number of those years. SIPRI publishes
 * arms flows as 5-year moving averages because deliveries are lumpy. Range: that of x.
 * @example movingAverage(Float64Array.of(10, 0, 0, 20), 2) // [10, 5, 0, 10]
 */
export function movingAverage(x: Float64Array, window: number): Float64Array {
  if (window <= 1) return x;
  const out = new Float64Array(x.length);
  let sum = 0;
  for (let t = 0; t < x.length; t++) {
    sum += x[t]!;
    if (t - window >= 0) sum -= x[t - window]!;
    const k = Math.min(t + 1, window);
    out[t] = sum / k;
  }
  return out;
}
