/**
 * Trends: the ordinary-least-squares slope of each pair's index over a window of years
 * (COINr `get_trends` with a linear fit).
 */
import { iso3FromIndex, type Iso3 } from '../domain/country.js';
import { pairRuns } from '../core/panel-keys.js';
import { pairOfKey, yearOfKey, CODE_SPAN as N } from '../domain/dyad-year-key.js';
import type { ScoreTable } from '../core/score.js';

/** A least-squares line through (year, value) points. */
export interface LinearFit {
  /** Points used. */
  readonly n: number;
  /** Index points per year: Σ(x − x̄)(y − ȳ) / Σ(x − x̄)². NaN with fewer than 2 distinct years. */
  readonly slope: number;
  /** Standard error of the slope: √(SSE/(n − 2) / Σ(x − x̄)²); NaN when n < 3. */
  readonly slopeSe: number;
  /** Mean of the values. */
  readonly mean: number;
}

/**
 * Fits y = α + β·x by ordinary least squares over the points where y is present.
 * @example fitLine([2000, 2001, 2002], Float64Array.of(1, 3, 5)).slope // 2
 */
export function fitLine(x: ArrayLike<number>, y: ArrayLike<number>): LinearFit {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== y[i]) continue;
    n++;
    sx += x[i]!;
    sy += y[i]!;
  }
  if (n === 0) return { n, slope: NaN, slopeSe: NaN, mean: NaN };
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== y[i]) continue;
    sxx += (x[i]! - mx) ** 2;
    sxy += (x[i]! - mx) * (y[i]! - my);
  }
  if (!(sxx > 0)) return { n, slope: NaN, slopeSe: NaN, mean: my };
  const slope = sxy / sxx;
  let sse = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== y[i]) continue;
    sse += (y[i]! - my - slope * (x[i]! - mx)) ** 2;
  }
  const slopeSe = n > 2 ? Math.sqrt(sse / (n - 2) / sxx) : NaN;
  return { n, slope, slopeSe, mean: my };
}

/** The trend of one pair over a window. */
export interface PairTrend extends LinearFit {
  readonly a: Iso3;
  readonly b: Iso3;
  readonly from: number;
  readonly to: number;
}

/**
 * The slope of every pair's index over the years `from`–`to` (inclusive), from the years
 * with an index; pairs with fewer than `minPoints` such years get NaN slope (listed, so
 * the file has every pair of the window). Pairs in panel order (alphabetical).
 * @example pairTrends(table, 2010, 2020)[0] // { a: 'BRA', b: 'CHN', n: 11, slope: 0.4, … }
 */
export function pairTrends(table: ScoreTable, from: number, to: number, minPoints = 3): PairTrend[] {
  const runs = pairRuns(table.keys);
  const out: PairTrend[] = [];
  for (let p = 0; p + 1 < runs.length; p++) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let r = runs[p]!; r < runs[p + 1]!; r++) {
      const y = yearOfKey(table.keys[r]!);
      if (y < from || y > to) continue;
      xs.push(y);
      ys.push(table.index[r]!);
    }
    if (xs.length === 0) continue;
    const pair = pairOfKey(table.keys[runs[p]!]!);
    const ib = pair % N;
    let fit = fitLine(xs, ys);
    if (fit.n < minPoints) fit = { ...fit, slope: NaN, slopeSe: NaN };
    out.push({ a: iso3FromIndex((pair - ib) / N), b: iso3FromIndex(ib), from, to, ...fit });
  }
  return out;
}
