/**
 * Temporal transforms of one pair's yearly series (index 0 = first year; NaN = missing,
 * i.e. outside the source's coverage). Applied per indicator in the order
 * lag → window → half_life, before normalisation. None of them invents a value where the
 * source has none: a year that is missing stays missing.
 */

/**
 * `lag`: y_t = x_{t−k}; missing when t − k is before the series or missing, or x_t itself is
 * missing (outside coverage stays empty).
 * @example lagSeries(Float64Array.of(1, 2, 3), 1) // [NaN, 1, 2]
 */
export function lagSeries(x: Float64Array, k: number): Float64Array {
  const out = new Float64Array(x.length).fill(NaN);
  for (let t = 0; t < x.length; t++) {
    if (x[t] !== x[t] || t - k < 0) continue;
    out[t] = x[t - k]!;
  }
  return out;
}

/**
 * `window`: trailing moving average over the w years ending at t (the current included),
 * over the values present; missing when x_t is missing. SIPRI uses w = 5 for arms.
 * @example windowSeries(Float64Array.of(2, 4, 6), 2) // [2, 3, 5]
 */
export function windowSeries(x: Float64Array, w: number): Float64Array {
  const out = new Float64Array(x.length).fill(NaN);
  for (let t = 0; t < x.length; t++) {
    if (x[t] !== x[t]) continue;
    let s = 0;
    let n = 0;
    for (let u = Math.max(0, t - w + 1); u <= t; u++) {
      const v = x[u]!;
      if (v === v) { s += v; n++; }
    }
    out[t] = s / n;
  }
  return out;
}

/**
 * `half_life`: decayed stock S_t = (1 − δ)·S_{t−1} + x_t with δ = 1 − 2^(−1/h), so a
 * year's value has half its weight after h years. The stock restarts (S = 0) after a missing
 * year; missing years stay missing.
 * @example decaySeries(Float64Array.of(8, 0, 0), 1) // [8, 4, 2]
 */
export function decaySeries(x: Float64Array, halfLife: number): Float64Array {
  const keep = Math.pow(2, -1 / halfLife);
  const out = new Float64Array(x.length).fill(NaN);
  let s = 0;
  for (let t = 0; t < x.length; t++) {
    const v = x[t]!;
    if (v !== v) { s = 0; continue; }
    s = keep * s + v;
    out[t] = s;
  }
  return out;
}

/** The transforms of one indicator, as configured. */
export interface TemporalSpec {
  readonly lag?: number | undefined;
  readonly window?: number | undefined;
  readonly halfLife?: number | undefined;
}

/** True when the spec asks for any transform. */
export function hasTemporal(spec: TemporalSpec): boolean {
  return spec.lag !== undefined || spec.window !== undefined || spec.halfLife !== undefined;
}

/** Applies lag → window → half_life to a series. */
export function applyTemporal(x: Float64Array, spec: TemporalSpec): Float64Array {
  let y = x;
  if (spec.lag !== undefined && spec.lag > 0) y = lagSeries(y, spec.lag);
  if (spec.window !== undefined && spec.window > 1) y = windowSeries(y, spec.window);
  if (spec.halfLife !== undefined) y = decaySeries(y, spec.halfLife);
  return y;
}
