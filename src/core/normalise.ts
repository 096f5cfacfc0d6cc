/**
 * Normalisers: each maps one indicator's raw values over the whole panel (pooled over all
 * pairs and years, so scores stay comparable across years) to [0, 1]. Missing values are NaN
 * in and NaN out. One implementation per method, in one named table (`fitNormaliser(name, …)`
 * looks it up): a normaliser is fitted on the pool, then maps any value, in the pool or not,
 * on the same footing. The scorer, the sensitivity analysis and {@link normalise} all use it.
 *
 * Two treatments fitted on the same pool go with any method: winsorising (values beyond the
 * pool's `lower`/`upper` quantiles are set to those quantiles before the method is fitted and
 * applied) and goalposts from pool quantiles (`goalposts` whose bounds are quantiles of the
 * pool instead of fixed numbers).
 */
import { lowerBound, upperBound } from './sorted-search.js';

/** Names accepted by `normalise:` in the config. */
export type NormaliserName = 'none' | 'minmax' | 'zscore' | 'rank' | 'rank_year' | 'goalposts' | 'log';

/** Quantile levels of the pool, each in [0, 1], lower < upper. */
export interface QuantileLevels {
  readonly lower: number;
  readonly upper: number;
}

/** Parameters some normalisers need. */
export interface NormaliseParams {
  /** Fixed bounds for `goalposts`: values at `min` map to 0, at `max` to 1, clipped outside. */
  readonly goalposts?: { readonly min: number; readonly max: number } | undefined;
  /** Bounds for `goalposts` taken from the pool: its `lower` and `upper` quantiles (type 7). */
  readonly goalpostQuantiles?: QuantileLevels | undefined;
  /** Winsorising before the method: values beyond the pool's quantiles set to them (type 7). */
  readonly winsorise?: QuantileLevels | undefined;
}

/** A normaliser fitted on a pool of raw values: maps any raw value to [0, 1] (NaN stays NaN). */
export type FittedNormaliser = (x: number, year?: number) => number;

const clip01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * The normalisers by name, each fitted on a pool of raw values (NaN = missing) and, for
 * `rank_year`, the year of each pool value:
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
 * - `rank_year`: the same percentile rank among the pool's values *of the same year* (every
 *   year's values spread over [0, 1]; a year with one value, or none, maps to 0.5). Without
 *   years every value is in one year: `rank`.
 * - `goalposts`: (x − min) / (max − min) with fixed bounds from the config, or with the pool's
 *   quantiles as bounds (`goalpostQuantiles`), clipped to [0, 1] (JRC/COINr practice).
 * - `log`: COINr's log_CT then min-max: with c = 0.01·(max − min) of the pool,
 *   n = ln((x − min + c)/c) / ln((max − min + c)/c), clipped to [0, 1]; it spreads a
 *   right-skewed indicator's bulk over the scale (a constant indicator maps to 0.5).
 */
const fitters: Readonly<Record<NormaliserName, (pool: Float64Array, params: NormaliseParams, years: ArrayLike<number> | undefined) => FittedNormaliser>> = {
  none: () => (x) => (x !== x ? NaN : clip01(x)),
  minmax: (pool) => {
    const { min, max } = extent(pool);
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
    const rankOf = percentileRank(sortedPresent(pool));
    return (x) => (x !== x ? NaN : rankOf(x));
  },
  rank_year: (pool, _params, years) => {
    if (years === undefined) return fitters.rank(pool, {}, undefined);
    const byYear = new Map<number, number[]>();
    for (let i = 0; i < pool.length; i++) {
      const x = pool[i]!;
      if (x !== x) continue;
      const y = years[i]!;
      const list = byYear.get(y);
      if (list) list.push(x);
      else byYear.set(y, [x]);
    }
    const ranks = new Map<number, (x: number) => number>();
    for (const [y, list] of byYear) ranks.set(y, percentileRank(Float64Array.from(list).sort()));
    return (x, year) => {
      if (x !== x) return NaN;
      const rankOf = year === undefined ? undefined : ranks.get(year);
      return rankOf ? rankOf(x) : 0.5;
    };
  },
  goalposts: (pool, params) => {
    const q = params.goalpostQuantiles;
    let g = params.goalposts;
    if (!g && q) {
      const sorted = sortedPresent(pool);
      g = { min: quantileSorted(sorted, q.lower), max: quantileSorted(sorted, q.upper) };
      if (!(g.max > g.min)) return (x) => (x !== x ? NaN : 0.5); // the pool's quantiles coincide: no spread
    }
    if (!g || !(g.max > g.min)) throw new RangeError('goalposts need { min, max } with max > min, or { min_quantile, max_quantile }');
    const { min, max } = g;
    const span = max - min;
    return (x) => (x !== x ? NaN : clip01((x - min) / span));
  },
  log: (pool) => {
    const { min, max } = extent(pool);
    const span = max - min;
    if (!(span > 0)) return (x) => (x !== x ? NaN : 0.5);
    const c = 0.01 * span;
    const top = Math.log((span + c) / c);
    // a span so small that 0.01 of it underflows (denormals): no room for a log, plain min-max
    if (!(c > 0 && top > 0 && Number.isFinite(top))) return (x) => (x !== x ? NaN : clip01((x - min) / span));
    return (x) => (x !== x ? NaN : x <= min ? 0 : clip01(Math.log((x - min + c) / c) / top));
  },
};

/** Names of the normalisers, for validation and help. */
export const NORMALISER_NAMES = Object.keys(fitters) as NormaliserName[];

/**
 * Fits a normaliser on a pool of raw values (NaN = missing) and returns the map it defines,
 * so values *outside* the pool are normalised on the same footing; a value beyond the pool's
 * range is clipped to [0, 1]. `years` (the year of each pool value) is used by `rank_year`,
 * whose fitted map then takes the value's year as its second argument. With
 * `params.winsorise`, the pool's values beyond its `lower`/`upper` quantiles are set to them
 * before the method is fitted, and every value mapped is clipped to the same bounds first.
 * @throws {RangeError} for `goalposts` without bounds or with max ≤ min, or quantile levels
 *   outside [0, 1] or not lower < upper.
 * @example fitNormaliser('minmax', Float64Array.of(2, 6), {})(4) // 0.5
 * @example fitNormaliser('minmax', Float64Array.of(0, 1, 2, 3, 100), { winsorise: { lower: 0, upper: 0.75 } })(100) // 1
 */
export function fitNormaliser(name: NormaliserName, pool: Float64Array, params: NormaliseParams, years?: ArrayLike<number>): FittedNormaliser {
  checkLevels(params.winsorise);
  checkLevels(params.goalpostQuantiles);
  const w = params.winsorise;
  if (!w) return fitters[name](pool, params, years);
  const sorted = sortedPresent(pool);
  const lo = quantileSorted(sorted, w.lower);
  const hi = quantileSorted(sorted, w.upper);
  const clamp = (x: number) => (x < lo ? lo : x > hi ? hi : x);
  const fitted = fitters[name](pool.map((x) => (x !== x ? x : clamp(x))), params, years);
  return (x, year) => (x !== x ? NaN : fitted(clamp(x), year));
}

/**
 * Normalises a pool of raw values with the named normaliser fitted on the pool itself. Range
 * [0, 1]; NaN stays NaN. `years` as for {@link fitNormaliser}.
 * @example normalise('minmax', Float64Array.of(2, 4, 6), {}) // [0, 0.5, 1]
 * @example normalise('rank', Float64Array.of(10, 30, 20, 20), {}) // [0, 1, 0.5, 0.5]
 * @example normalise('rank_year', Float64Array.of(1, 2, 50, 60), {}, [2000, 2000, 2001, 2001]) // [0, 1, 0, 1]
 */
export function normalise(name: NormaliserName, raw: Float64Array, params: NormaliseParams, years?: ArrayLike<number>): Float64Array {
  const fitted = fitNormaliser(name, raw, params, years);
  return raw.map((x, i) => fitted(x, years?.[i]));
}

/**
 * The type-7 quantile (Hyndman & Fan: linear interpolation between order statistics) of level
 * p ∈ [0, 1] of ascending values without NaN; NaN for none.
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const i = Math.floor(h);
  const f = h - i;
  return i + 1 < n ? sorted[i]! + f * (sorted[i + 1]! - sorted[i]!) : sorted[n - 1]!;
}

function checkLevels(q: QuantileLevels | undefined): void {
  if (q && !(q.lower >= 0 && q.upper <= 1 && q.lower < q.upper)) throw new RangeError(`quantile levels need 0 ≤ lower < upper ≤ 1, got ${q.lower} and ${q.upper}`);
}

function extent(pool: Float64Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const x of pool) {
    if (x !== x) continue;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { min, max };
}

function sortedPresent(pool: Float64Array): Float64Array {
  return pool.filter((x) => x === x).sort();
}

/** The percentile rank of `x` among sorted values (see `rank`). */
function percentileRank(sorted: Float64Array): (x: number) => number {
  const n = sorted.length;
  return (x) => {
    if (n <= 1) return 0.5;
    const below = lowerBound(sorted, x);
    const upTo = upperBound(sorted, x);
    // average 0-based rank of x among the pool's values equal to it (or its insertion point)
    const avg = upTo > below ? (below + upTo - 1) / 2 : below - 0.5;
    return clip01(avg / (n - 1));
  };
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
