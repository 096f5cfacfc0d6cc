/**
 * Ideal-point distance per pair and year, with an interval from the published posterior
 * quantiles.
 *
 * distance = |θ_A − θ_B|, θ the published ideal point (posterior mean) of each state in the
 * session labelled year t.
 *
 * Interval (`lo`, `hi`): the file gives each state's marginal posterior quantiles, not the
 * joint posterior, so the distance's own quantiles cannot be read off. The rule used is a
 * conservative bound: with [l_A, h_A] and [l_B, h_B] the two states' central intervals (5–95 %
 * by default, or 10–90 %), the interval is the set of |a − b| for a in [l_A, h_A] and b in
 * [l_B, h_B]:
 *
 *   lo = max(0, l_A − h_B, l_B − h_A),   hi = max(h_A − l_B, h_B − l_A).
 *
 * It covers the true distance whenever both states' ideal points lie in their intervals, so
 * with 90 % intervals with probability at least 80 % whatever the dependence between the two
 * posteriors (Bonferroni), at least 81 % if they are independent — in practice more, since the
 * bound is loose. It is wider than a 90 % interval of the distance would be.
 * @module
 */
import type { Iso3 } from '../../domain/country.js';
import { DyadYearTable } from '../../domain/dyad-year-table.js';

/**
 * Which posterior quantiles bound the interval: `q5_q95` (default) or `q10_q90`.
 * @example const r: IntervalRule = 'q10_q90';
 */
export type IntervalRule = 'q5_q95' | 'q10_q90';

/** Names of the interval rules, the default first. @example INTERVAL_RULES[0] // 'q5_q95' */
export const INTERVAL_RULES: readonly IntervalRule[] = ['q5_q95', 'q10_q90'];

/**
 * Ideal points per state and year, column by column (row `i` of every array is one
 * state-year; a quantile the file lacks is NaN).
 * @example const p: StateYearIdealPoints = { count: 1, state: ['USA'], year: Int32Array.of(2010), theta: Float64Array.of(2.519054), q5: Float64Array.of(2.325611), q10: Float64Array.of(2.37095), q90: Float64Array.of(2.673173), q95: Float64Array.of(2.71889) } as StateYearIdealPoints;
 */
export interface StateYearIdealPoints {
  readonly count: number;
  readonly state: readonly Iso3[];
  readonly year: Int32Array;
  readonly theta: Float64Array;
  readonly q5: Float64Array;
  readonly q10: Float64Array;
  readonly q90: Float64Array;
  readonly q95: Float64Array;
}

/** The distance of every pair present in a year, and its interval. */
export interface IdealPointDistances {
  readonly distance: DyadYearTable;
  /** Lower bound of the interval (see the module comment); absent where a quantile is missing. */
  readonly lo: DyadYearTable;
  readonly hi: DyadYearTable;
  /** The years with at least two states. */
  readonly years: readonly number[];
}

/** The quantile columns of each rule. */
const BOUNDS: Readonly<Record<IntervalRule, (p: StateYearIdealPoints) => readonly [Float64Array, Float64Array]>> = {
  q5_q95: (p) => [p.q5, p.q95],
  q10_q90: (p) => [p.q10, p.q90],
};

/**
 * Distance and interval of every pair of states with an ideal point in the same year.
 * O(n²) per year (all pairs are output).
 * @example
 * const d = computeDistances(points, 'q5_q95');
 * d.distance.get('RUS' as Iso3, 'USA' as Iso3, 2010) // |0.02300832 − 2.519054| = 2.49604568
 */
export function computeDistances(points: StateYearIdealPoints, interval: IntervalRule): IdealPointDistances {
  const [low, high] = BOUNDS[interval](points);
  const byYear = new Map<number, number[]>();
  for (let i = 0; i < points.count; i++) {
    const y = points.year[i]!;
    let list = byYear.get(y);
    if (list === undefined) byYear.set(y, (list = []));
    list.push(i);
  }
  const distance = new DyadYearTable(false);
  const lo = new DyadYearTable(false);
  const hi = new DyadYearTable(false);
  const years: number[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const rows = byYear.get(year)!;
    if (rows.length >= 2) years.push(year);
    for (let x = 0; x < rows.length; x++) {
      const i = rows[x]!;
      for (let z = x + 1; z < rows.length; z++) {
        const j = rows[z]!;
        const a = points.state[i]!;
        const b = points.state[j]!;
        const key = distance.key(a, b, year);
        distance.setByKey(key, Math.abs(points.theta[i]! - points.theta[j]!));
        const la = low[i]!;
        const ha = high[i]!;
        const lb = low[j]!;
        const hb = high[j]!;
        if (Number.isNaN(la + ha + lb + hb)) continue;
        lo.setByKey(key, Math.max(0, la - hb, lb - ha));
        hi.setByKey(key, Math.max(ha - lb, hb - la));
      }
    }
  }
  return { distance, lo, hi, years };
}
