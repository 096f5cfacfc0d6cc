/**
 * The measures of the joint-drills family (this family's README.md), as a table keyed by name.
 *
 * Every measure starts from a yearly base per pair, x_{ab,t} = Σ_e w_e · s(n_e) · share_{e,t}
 * over the exercises e with both a and b among their n_e distinct state participants, where
 * w_e is the exercise weight (domain, focus, duration; 1 by default), share_{e,t} the part of
 * e allocated to year t (1 in the start year by default) and s the pair share:
 * - `count`: s(n) = 1 — the number of joint exercises;
 * - `weighted` (default): s(n) = 1/(n − 1) — a bilateral exercise gives its pair 1, a
 *   5-nation exercise 0.25 to each of its 10 pairs, a 30-nation one 1/29: each participant
 *   receives 1 in total from each exercise, shared among its partners.
 * `stock` and `window` smooth the base series (of `weighted` unless `base: count`):
 * - `stock`: S_t = 2^(−1/h) · S_{t−1} + x_t with half-life h years (a decayed stock: an
 *   exercise counts 1 in its year, ½ after h years);
 * - `window`: the mean of x over the covered years among the last k (t−k+1 … t).
 */

/** Names accepted by `measure:`; the first is the default. @example JOINT_DRILLS_MEASURES[0] // 'weighted' */
export const JOINT_DRILLS_MEASURES = ['weighted', 'count', 'stock', 'window'] as const;
/** One joint-drills measure. */
export type JointDrillsMeasure = (typeof JOINT_DRILLS_MEASURES)[number];

/** Names of the pair shares (`base:` for `stock` and `window`). */
export type PairShareName = 'weighted' | 'count';

/**
 * Share of an exercise with n distinct state participants that each of its n(n−1)/2 pairs
 * receives: `count` 1, `weighted` 1/(n − 1). Range (0, 1] for n ≥ 2.
 * @example pairShares.weighted(5) // 0.25
 */
export const pairShares: Readonly<Record<PairShareName, (n: number) => number>> = {
  count: () => 1,
  weighted: (n) => 1 / (n - 1),
};

/** Parameters of the smoothing measures. */
export interface SeriesParams {
  /** Half-life h of `stock`, years (> 0). */
  readonly halfLife: number;
  /** Window length k of `window`, years (≥ 1). */
  readonly windowYears: number;
}

/**
 * A transform of one pair's yearly series: `x[i]` is the base value of year y0 + i (0 when
 * no exercise), `covered[i]` whether the pair is observed that year. Returns the measure per
 * year, `null` where it is not defined (uncovered years).
 */
export type SeriesTransform = (x: readonly number[], covered: readonly boolean[], params: SeriesParams) => (number | null)[];

/**
 * Decayed stock S_t = 2^(−1/h) · S_{t−1} + x_t (δ = 1 − 2^(−1/h) per year, as for arms).
 * An uncovered year inside the series adds nothing but the stock keeps decaying through it;
 * it is not reported. Range [0, ∞).
 * @example decayedStock([1, 0, 0], [true, true, true], { halfLife: 1, windowYears: 5 }) // [1, 0.5, 0.25]
 */
export function decayedStock(x: readonly number[], covered: readonly boolean[], params: SeriesParams): (number | null)[] {
  const keep = Math.pow(2, -1 / params.halfLife);
  const out: (number | null)[] = [];
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    s = keep * s + (covered[i] ? x[i]! : 0);
    out.push(covered[i] ? s : null);
  }
  return out;
}

/**
 * Moving average over the last k years (t−k+1 … t), averaging only the covered years among
 * them (so the first years of a source average fewer years). Range [0, ∞).
 * @example movingAverage([3, 0, 0, 3], [true, true, true, true], { halfLife: 5, windowYears: 3 }) // [3, 1.5, 1, 1]
 */
export function movingAverage(x: readonly number[], covered: readonly boolean[], params: SeriesParams): (number | null)[] {
  const k = params.windowYears;
  const out: (number | null)[] = [];
  for (let i = 0; i < x.length; i++) {
    if (!covered[i]) {
      out.push(null);
      continue;
    }
    let sum = 0;
    let n = 0;
    for (let j = Math.max(0, i - k + 1); j <= i; j++) {
      if (!covered[j]) continue;
      sum += x[j]!;
      n++;
    }
    out.push(sum / n);
  }
  return out;
}

/** How one measure is computed: which pair share builds the base, and which smoothing follows. */
export interface MeasureImpl {
  /** The pair share, given the `base:` option (only `stock` and `window` honour it). */
  readonly share: (base: PairShareName) => PairShareName;
  /** The smoothing of the yearly series, or null for the plain yearly base. */
  readonly series: SeriesTransform | null;
  /** Unit of the raw value (the README's measure table). */
  readonly unit: string;
  /** Range of the raw value: [min, max], `Infinity` = unbounded. */
  readonly range: readonly [number, number];
  /** Unit and meaning of the raw value, for the data package. */
  readonly description: string;
}

/** The measures by name. @example jointDrillsMeasures.stock.share('count') // 'count' */
export const jointDrillsMeasures: Readonly<Record<JointDrillsMeasure, MeasureImpl>> = {
  weighted: {
    unit: 'weighted exercises',
    range: [0, Infinity],
    share: () => 'weighted',
    series: null,
    description: 'bilateral-weighted number of joint exercises started in the year: Σ_e w_e/(n_e − 1) (1 per bilateral exercise)',
  },
  count: {
    unit: 'exercises',
    range: [0, Infinity],
    share: () => 'count',
    series: null,
    description: 'number of joint exercises started in the year (weighted by w_e when domain, focus or duration weights are set)',
  },
  stock: {
    unit: 'weighted exercises',
    range: [0, Infinity],
    share: (base) => base,
    series: decayedStock,
    description: 'decayed stock of joint exercises: S_t = 2^(−1/h)·S_{t−1} + x_t, x = the yearly base (`weighted` by default)',
  },
  window: {
    unit: 'exercises per year',
    range: [0, Infinity],
    share: (base) => base,
    series: movingAverage,
    description: 'moving average of the yearly base (`weighted` by default) over the last k covered years',
  },
};
