/**
 * Normalisers: each maps one indicator's raw values over the whole panel (pooled over all
 * pairs and years, so scores stay comparable across years) to [0, 1]. Missing values are NaN
 * in and NaN out. One implementation per method, in one named table (`fitNormaliser(name, …)`
 * looks it up): a normaliser is fitted on the pool, then maps any value, in the pool or not,
 * on the same footing. The scorer, the sensitivity analysis and {@link normalise} all use it.
 */

/** Names accepted by `normalise:` in the config. */
export type NormaliserName = 'none' | 'minmax' | 'zscore' | 'rank' | 'goalposts';

/** Parameters some normalisers need. */
export interface NormaliseParams {
  /** Fixed bounds for `goalposts`: values at `min` map to 0, at `max` to 1, clipped outside. */
  readonly goalposts?: { readonly min: number; readonly max: number };
}

/** A normaliser fitted on a pool of raw values: maps any raw value to [0, 1] (NaN stays NaN). */
export type FittedNormaliser = (x: number) => number;

const clip01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * The normalisers by name, each fitted on a pool of raw values (NaN = missing):
 *
 * - `none`: the raw value as it is, clipped to [0, 1] (for measures already on 0–1, such as
 *   UN agreement).
 * - `minmax`: (x − min) / (max − min), min and max pooled over the panel, clipped to [0, 1];
 *   a constant indicator maps to 0.5 (no information either way).
 * - `zscore`: z = (x − mean) / sd (population sd, pooled), mapped to [0, 1] with the standard
 *   normal CDF Φ(z), so 0.5 is the panel mean; a constant indicator maps to 0.5.
 * - `rank`: percentile rank (r − 1) / (n − 1) with ties given their average rank; a value not
 *   in the pool takes its average rank among the pool's values (its insertion point − ½);
 *   a pool of one value maps to 0.5.
 * - `goalposts`: (x − min) / (max − min) with fixed bounds from the config, clipped to [0, 1]
 *   (JRC/COINr practice: comparable across years and across panels).
 */
const fitters: Readonly<Record<NormaliserName, (pool: Float64Array, params: NormaliseParams) => FittedNormaliser>> = {
  none: () => (x) => (x !== x ? NaN : clip01(x)),
  minmax: (pool) => {
    let min = Infinity;
    let max = -Infinity;
    for (const x of pool) {
      if (x !== x) continue;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    const span = max - min;
    return (x) => (x !== x ? NaN : span > 0 ? clip01((x - min) / span) : 0.5);
  },
  zscore: (pool) => {
    let n = 0;
    let sum = 0;
    for (const x of pool) if (x === x) { n++; sum += x; }
    const mean = n > 0 ? sum / n : 0;
    let ss = 0;
    for (const x of pool) if (x === x) ss += (x - mean) * (x - mean);
    const sd = n > 0 ? Math.sqrt(ss / n) : 0;
    return (x) => (x !== x ? NaN : sd > 0 ? normalCdf((x - mean) / sd) : 0.5);
  },
  rank: (pool) => {
    const sorted = Float64Array.from(Array.from(pool).filter((x) => x === x));
    sorted.sort();
    const n = sorted.length;
    return (x) => {
      if (x !== x) return NaN;
      if (n <= 1) return 0.5;
      const below = lowerBound(sorted, x);
      const upTo = upperBound(sorted, x);
      // average 0-based rank of x among the pool's values equal to it (or its insertion point)
      const avg = upTo > below ? (below + upTo - 1) / 2 : below - 0.5;
      return clip01(avg / (n - 1));
    };
  },
  goalposts: (_pool, params) => {
    const g = params.goalposts;
    if (!g || !(g.max > g.min)) throw new RangeError('goalposts need { min, max } with max > min');
    const span = g.max - g.min;
    return (x) => (x !== x ? NaN : clip01((x - g.min) / span));
  },
};

/** Names of the normalisers, for validation and help. */
export const NORMALISER_NAMES = Object.keys(fitters) as NormaliserName[];

/**
 * Fits a normaliser on a pool of raw values (NaN = missing) and returns the map it defines,
 * so values *outside* the pool are normalised on the same footing; a value beyond the pool's
 * range is clipped to [0, 1].
 * @throws {RangeError} for `goalposts` without `{ min, max }` or with max ≤ min.
 * @example fitNormaliser('minmax', Float64Array.of(2, 6), {})(4) // 0.5
 */
export function fitNormaliser(name: NormaliserName, pool: Float64Array, params: NormaliseParams): FittedNormaliser {
  return fitters[name](pool, params);
}

/**
 * Normalises a pool of raw values with the named normaliser fitted on the pool itself. Range
 * [0, 1]; NaN stays NaN.
 * @example normalise('minmax', Float64Array.of(2, 4, 6), {}) // [0, 0.5, 1]
 * @example normalise('rank', Float64Array.of(10, 30, 20, 20), {}) // [0, 1, 0.5, 0.5]
 */
export function normalise(name: NormaliserName, raw: Float64Array, params: NormaliseParams): Float64Array {
  const fitted = fitNormaliser(name, raw, params);
  return raw.map(fitted);
}

/**
 * Standard normal CDF Φ(z), via the complementary error function (Numerical Recipes erfc,
 * relative error < 1.2e-7). Range (0, 1).
 * @example normalCdf(0) // 0.5
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const y =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - y / 2 : y / 2;
}

function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
