/**
 * Binary search in an ascending Float64Array: the first position whose value is ≥ x
 * ({@link lowerBound}) or > x ({@link upperBound}). Between them lie the values equal to x, so
 * `upperBound − lowerBound` counts ties and `lowerBound` counts the values below x.
 * @module
 */

/**
 * The first index i with a[i] ≥ x (a.length when none); range 0 … a.length.
 * @example lowerBound(Float64Array.of(1, 2, 2, 5), 2) // 1
 */
export function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first index i with a[i] > x (a.length when none); range 0 … a.length.
 * @example upperBound(Float64Array.of(1, 2, 2, 5), 2) // 3
 */
export function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
