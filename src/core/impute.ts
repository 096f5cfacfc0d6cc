/**
 * Panel imputation with provenance, per indicator (`impute:` with `max_age:`): a missing value of
 * a pair-year is filled from the same pair's own observed values in nearby years, and every
 * filled cell records the year it came from, so an imputed value is never taken for an observed
 * one. Observed values are never changed; a pair-year in which one of the states did not exist
 * gets nothing (and information never crosses such a year).
 *
 * - `none` (default): nothing is filled.
 * - `latest`: last observation carried forward — x̂_t = x_s, s the latest observed year before t
 *   with t − s ≤ max_age; provenance s.
 * - `linear`: linear interpolation between the observed years around the gap —
 *   x̂_t = x_s + (x_u − x_s)·(t − s)/(u − s), s < t < u the nearest observed years with
 *   t − s ≤ max_age and u − t ≤ max_age (no extrapolation past the last observation); provenance s.
 * - `nearest`: the observation of the nearest year within max_age, before or after — x̂_t = x_s
 *   with |t − s| ≤ max_age minimal (the earlier year on a tie); provenance s. It fills the first
 *   years of a series (a state's first sessions, before it cast enough votes) and gaps up to
 *   2·max_age years, half from each side (the "nearest available year" rule of composite
 *   indices); past the last observation it is `latest`.
 *
 * Imputation works on the indicator's values after its temporal transforms (lag, window,
 * half-life), before normalisation; the normaliser is fitted on observed values only, so turning
 * imputation on changes no observed cell's normalised value either.
 * (Missing-data practice of composite indicators: the OECD/JRC Handbook, Nardo et al. 2008,
 * step 3 "imputation of missing data", single imputation with the imputed cells flagged; COINr's
 * `Impute()`, Becker et al. 2022.)
 * @module
 */
import { pairRuns } from './panel-keys.js';
import { newColumn } from './score-table.js';
import { yearOfKey, YEAR_SPAN as Y } from '../domain/dyad-year-key.js';

/** The imputation methods by name. */
export const IMPUTE_METHODS = ['none', 'latest', 'linear', 'nearest'] as const;

/** An imputation method. */
export type ImputeMethod = (typeof IMPUTE_METHODS)[number];

/** Default `max_age` in years. */
export const DEFAULT_MAX_AGE = 3;

/** The imputation of one indicator. */
export interface ImputeSpec {
  readonly method: ImputeMethod;
  /** How many years away an observation may be and still fill a cell (≥ 1). */
  readonly maxAge: number;
}

/** Imputed cells of a column: the value used and its source year (NaN at observed and at missing cells). */
export interface ImputedColumn {
  readonly values: Float64Array;
  readonly from: Float64Array;
}

/** How a method fills row r, given the nearest observed rows before (`s`) and after (`u`) it within max_age (−1 when none). */
interface Filler {
  /** The observed row the imputed cell is attributed to (its year is the provenance), or −1 to leave it missing. */
  source(r: number, s: number, u: number, years: ArrayLike<number>): number;
  /** The imputed value, given the source row. */
  value(r: number, s: number, u: number, source: number, years: ArrayLike<number>, values: Float64Array): number;
}

const copy = (_r: number, _s: number, _u: number, source: number, _y: ArrayLike<number>, values: Float64Array): number => values[source]!;

/** The imputation methods' strategies (`none` fills nothing). */
const FILLERS: Record<ImputeMethod, Filler> = {
  none: { source: () => -1, value: copy },
  latest: { source: (_r, s) => s, value: copy },
  // x_s + (x_u − x_s)·(t − s)/(u − s), attributed to s
  linear: {
    source: (_r, s, u) => (s >= 0 && u >= 0 ? s : -1),
    value: (r, s, u, _src, years, values) => values[s]! + ((values[u]! - values[s]!) * (years[r]! - years[s]!)) / (years[u]! - years[s]!),
  },
  // the closer of s and u, the earlier on a tie
  nearest: { source: (r, s, u, years) => (u < 0 || (s >= 0 && years[r]! - years[s]! <= years[u]! - years[r]!) ? s : u), value: copy },
};

/**
 * Imputes one pair's series. `years` ascending; a year gap between two rows means the pair did
 * not exist in between, and nothing is carried across it. Returns only the imputed cells.
 * @example imputeSeries([2000, 2001, 2002], Float64Array.of(4, NaN, NaN), { method: 'latest', maxAge: 1 }).values // [NaN, 4, NaN]
 */
export function imputeSeries(years: ArrayLike<number>, values: Float64Array, spec: ImputeSpec): ImputedColumn {
  const n = values.length;
  const out = new Float64Array(n).fill(NaN);
  const from = new Float64Array(n).fill(NaN);
  if (spec.method === 'none') return { values: out, from };
  // previous and next observed rows within the same unbroken run, for every row
  const prev = new Int32Array(n).fill(-1);
  const next = new Int32Array(n).fill(-1);
  for (let r = 0, last = -1; r < n; r++) {
    if (r > 0 && years[r]! !== years[r - 1]! + 1) last = -1;
    prev[r] = last;
    if (values[r] === values[r]) last = r;
  }
  for (let r = n - 1, last = -1; r >= 0; r--) {
    if (r < n - 1 && years[r + 1]! !== years[r]! + 1) last = -1;
    next[r] = last;
    if (values[r] === values[r]) last = r;
  }
  const fill = FILLERS[spec.method];
  for (let r = 0; r < n; r++) {
    if (values[r] === values[r]) continue;
    // the nearest observed rows before and after, −1 when none is within max_age
    const s = prev[r]! >= 0 && years[r]! - years[prev[r]!]! <= spec.maxAge ? prev[r]! : -1;
    const u = next[r]! >= 0 && years[next[r]!]! - years[r]! <= spec.maxAge ? next[r]! : -1;
    const source = fill.source(r, s, u, years);
    if (source < 0) continue;
    out[r] = fill.value(r, s, u, source, years, values);
    from[r] = years[source]!;
  }
  return { values: out, from };
}

/**
 * The keys (sorted by pair, then year) with, for each, the same pair's years up to `k` before and
 * after it in which the pair exists: the neighbourhood imputation reads. Sorted, without repeats.
 * @example withNeighbours(keys, 3, system) // every existing year within 3 of a key, per pair
 */
export function withNeighbours(keys: Float64Array, k: number, pairExists: (key: number) => boolean): Float64Array {
  const out: number[] = [];
  let last = -1;
  for (const key of keys) {
    const year = yearOfKey(key);
    const base = key - year;
    const first = Math.max(key - Math.min(k, year), last + 1, base);
    const end = Math.min(key + k, base + Y - 1);
    for (let x = first; x <= end; x++) {
      if (x === key || pairExists(x)) {
        out.push(x);
        last = x;
      }
    }
  }
  return Float64Array.from(out);
}

/**
 * Imputes a column along the rows of each pair. `keys` must hold, around every row to be filled,
 * every year within `maxAge` in which the pair exists ({@link withNeighbours}); `observed` is the
 * indicator's column on those keys (NaN = missing).
 * @example imputeColumn(keys, observed, { method: 'latest', maxAge: 3 }).from // source years of the imputed cells
 */
export function imputeColumn(keys: Float64Array, observed: Float64Array, spec: ImputeSpec): ImputedColumn {
  const n = keys.length;
  const values = newColumn(n).fill(NaN);
  const from = newColumn(n).fill(NaN);
  if (spec.method === 'none') return { values, from };
  const runs = pairRuns(keys);
  for (let p = 0; p + 1 < runs.length; p++) {
    const a = runs[p]!;
    const b = runs[p + 1]!;
    const years = Float64Array.from(keys.subarray(a, b), (k) => yearOfKey(k));
    const r = imputeSeries(years, observed.subarray(a, b), spec);
    values.set(r.values, a);
    from.set(r.from, a);
  }
  return { values, from };
}

/**
 * The rows of `sub` (sorted, every key in `keys`) taken from a column over `keys` (sorted).
 * @example pickRows(keys, col, keys.subarray(1, 2)) // [col[1]]
 */
export function pickRows(keys: Float64Array, column: Float64Array, sub: Float64Array): Float64Array {
  if (sub === keys) return column;
  const out = newColumn(sub.length);
  let j = 0;
  for (let r = 0; r < sub.length; r++) {
    while (keys[j]! < sub[r]!) j++;
    out[r] = column[j]!;
  }
  return out;
}
