/**
 * Normalisers: each maps one indicator's raw values over the whole panel (pooled over all
 * pairs and years, so scores stay comparable across years) to [0, 1]. Missing values are NaN
 * in and NaN out. A named table, not an if-chain: `normalisers[name]`.
 */

/** Names accepted by `normalise:` in the config. */
export type NormaliserName = 'none' | 'minmax' | 'zscore' | 'rank' | 'goalposts';

/** Parameters some normalisers need. */
export interface NormaliseParams {
  /** Fixed bounds for `goalposts`: values at `min` map to 0, at `max` to 1, clipped outside. */
  readonly goalposts?: { readonly min: number; readonly max: number };
}

/** A normaliser: raw values (NaN = missing) → values in [0, 1] (NaN kept). */
export type Normaliser = (raw: Float64Array, params: NormaliseParams) => Float64Array;

/**
 * `none`: the raw value as it is, clipped to [0, 1] (for measures already on 0–1, such as UN
 * agreement). Range [0, 1].
 * @example normaliseNone(Float64Array.of(0.2, NaN, 1.3), {}) // [0.2, NaN, 1]
 */
export function normaliseNone(raw: Float64Array): Float64Array {
  const out = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const x = raw[i]!;
    out[i] = x !== x ? NaN : x < 0 ? 0 : x > 1 ? 1 : x;
  }
  return out;
}

/**
 * `minmax`: (x − min) / (max − min), min and max pooled over the panel. Range [0, 1]; a
 * constant indicator maps to 0.5 (no information either way).
 * @example normaliseMinMax(Float64Array.of(2, 4, 6), {}) // [0, 0.5, 1]
 */
export function normaliseMinMax(raw: Float64Array): Float64Array {
  let min = Infinity;
  let max = -Infinity;
  for (const x of raw) {
    if (x !== x) continue;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const out = new Float64Array(raw.length);
  const span = max - min;
  for (let i = 0; i < raw.length; i++) {
    const x = raw[i]!;
    out[i] = x !== x ? NaN : span > 0 ? (x - min) / span : 0.5;
  }
  return out;
}

/**
 * `zscore`: z = (x − mean) / sd (population sd, pooled), mapped to [0, 1] with the standard
 * normal CDF Φ(z), so 0.5 is the panel mean. A constant indicator maps to 0.5.
 * @example normaliseZScore(Float64Array.of(1, 2, 3), {})[1] // 0.5
 */
export function normaliseZScore(raw: Float64Array): Float64Array {
  let n = 0;
  let sum = 0;
  for (const x of raw) if (x === x) { n++; sum += x; }
  const mean = n > 0 ? sum / n : 0;
  let ss = 0;
  for (const x of raw) if (x === x) ss += (x - mean) * (x - mean);
  const sd = n > 0 ? Math.sqrt(ss / n) : 0;
  const out = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const x = raw[i]!;
    out[i] = x !== x ? NaN : sd > 0 ? normalCdf((x - mean) / sd) : 0.5;
  }
  return out;
}

/**
 * `rank`: percentile rank (r − 1) / (n − 1) with ties given their average rank, pooled.
 * Range [0, 1]; a single value maps to 0.5.
 * @example normaliseRank(Float64Array.of(10, 30, 20, 20), {}) // [0, 1, 0.5, 0.5]
 */
export function normaliseRank(raw: Float64Array): Float64Array {
  const idx: number[] = [];
  for (let i = 0; i < raw.length; i++) if (raw[i] === raw[i]) idx.push(i);
  idx.sort((p, q) => raw[p]! - raw[q]! || p - q);
  const out = new Float64Array(raw.length).fill(NaN);
  const n = idx.length;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && raw[idx[j + 1]!] === raw[idx[i]!]) j++;
    const avg = (i + j) / 2; // 0-based average rank
    const v = n > 1 ? avg / (n - 1) : 0.5;
    for (let k = i; k <= j; k++) out[idx[k]!] = v;
    i = j + 1;
  }
  return out;
}

/**
 * `goalposts`: (x − min) / (max − min) with fixed bounds from the config, clipped to [0, 1]
 * (JRC/COINr practice: comparable across years and across panels).
 * @throws {RangeError} without `goalposts` or when max ≤ min.
 * @example normaliseGoalposts(Float64Array.of(-1, 0, 2), { goalposts: { min: -1, max: 1 } }) // [0, 0.5, 1]
 */
export function normaliseGoalposts(raw: Float64Array, params: NormaliseParams): Float64Array {
  const g = params.goalposts;
  if (!g || !(g.max > g.min)) throw new RangeError('goalposts need { min, max } with max > min');
  const span = g.max - g.min;
  const out = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const x = raw[i]!;
    if (x !== x) { out[i] = NaN; continue; }
    const v = (x - g.min) / span;
    out[i] = v < 0 ? 0 : v > 1 ? 1 : v;
  }
  return out;
}

/** The normalisers by name. */
export const normalisers: Readonly<Record<NormaliserName, Normaliser>> = {
  none: normaliseNone,
  minmax: normaliseMinMax,
  zscore: normaliseZScore,
  rank: normaliseRank,
  goalposts: normaliseGoalposts,
};

/** Names of the normalisers, for validation and help. */
export const NORMALISER_NAMES = Object.keys(normalisers) as NormaliserName[];

/**
 * Normalises with polarity: for `negative` indicators (a higher raw value means *less*
 * aligned) the result is 1 − n.
 */
export function normaliseWithPolarity(
  raw: Float64Array,
  name: NormaliserName,
  params: NormaliseParams,
  polarity: 'positive' | 'negative',
): Float64Array {
  const out = normalisers[name](raw, params);
  if (polarity === 'negative') for (let i = 0; i < out.length; i++) out[i] = 1 - out[i]!;
  return out;
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

/** A normaliser fitted on a pool of raw values: maps any raw value to [0, 1] (NaN stays NaN). */
export type FittedNormaliser = (x: number) => number;

const clip01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * Fits a normaliser on a pool of raw values (NaN = missing) and returns the map it defines,
 * so values *outside* the pool can be normalised on the same footing. Applied to the pool
 * itself it gives exactly what `normalisers[name]` gives; a value beyond the pool's range is
 * clipped to [0, 1]; `rank` places a new value at its average rank among the pool's values.
 * @example fitNormaliser('minmax', Float64Array.of(2, 6), {})(4) // 0.5
 */
export function fitNormaliser(name: NormaliserName, pool: Float64Array, params: NormaliseParams): FittedNormaliser {
  return fitters[name](pool, params);
}

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
