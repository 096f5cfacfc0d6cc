import { windowSeries } from '../../core/temporal.js';

/**
 * Trailing moving average over the `window` years ending at t (the current year included),
 * restricted to the series: near its start the average is over the years available.
 * MA_t = (1/k) Σ_{u=max(0, t−w+1)}^{t} x_u with k the number of those years. SIPRI publishes
 * arms flows as 5-year moving averages because deliveries are lumpy. Range: that of x.
 * @example movingAverage(Float64Array.of(10, 0, 0, 20), 2) // [10, 5, 0, 10]
 */
export function movingAverage(x: Float64Array, window: number): Float64Array {
  // arms series are dense (0 for no deliveries), so the core's window over the values present is exactly this
  return window <= 1 ? x : windowSeries(x, window);
}
