/**
 * Pearson correlation over the pairs of values both present (pairwise-complete), the
 * coherence check of a JRC audit: indicators should correlate positively with each other
 * and with the index; r > 0.9 flags possible redundancy (COINr `get_corr_flags`), r < 0 a
 * trade-off or a polarity error.
 */

/** A correlation and the number of pairs it rests on. */
export interface Correlation {
  /** r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)²·Σ(y − ȳ)²), in [−1, 1]; NaN with < 3 pairs or no variation. */
  readonly r: number;
  readonly n: number;
}

/** Threshold above which two indicators are flagged as possibly redundant. */
export const REDUNDANT_CORRELATION = 0.9;

/**
 * Pearson's r of x and y at the positions `rows` (all positions when null) where both are present.
 * @example pearson(Float64Array.of(1, 2, 3, NaN), Float64Array.of(2, 4, 7, 1), null).r // ≈ 0.993
 */
export function pearson(x: Float64Array, y: Float64Array, rows: ArrayLike<number> | null): Correlation {
  const len = rows ? rows.length : x.length;
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let k = 0; k < len; k++) {
    const r = rows ? rows[k]! : k;
    const a = x[r]!;
    const b = y[r]!;
    if (a !== a || b !== b) continue;
    n++;
    sx += a;
    sy += b;
  }
  if (n < 3) return { r: NaN, n };
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let k = 0; k < len; k++) {
    const r = rows ? rows[k]! : k;
    const a = x[r]!;
    const b = y[r]!;
    if (a !== a || b !== b) continue;
    sxx += (a - mx) * (a - mx);
    syy += (b - my) * (b - my);
    sxy += (a - mx) * (b - my);
  }
  const d = Math.sqrt(sxx * syy);
  return { r: d > 0 ? Math.max(-1, Math.min(1, sxy / d)) : NaN, n };
}
