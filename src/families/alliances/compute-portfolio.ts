/**
 * Similarity of two states' alliance portfolios. A state's portfolio in year t is its row of
 * ties with every member of the state system that year (n states, itself included, tied to
 * itself at the top level: Bueno de Mesquita 1975; Signorino & Ritter 1999). For a pair (i, j)
 * with rows x and y, and a distance δ between two tie values — absolute |a − b| or squared
 * (a − b)², with δ_max = δ(0, L) from the coding (L = 3 valued, 1 binary), not from the ties
 * observed:
 *
 * - S (Signorino & Ritter 1999, unweighted): S = 1 − 2·Σ_k δ(x_k, y_k) / (n·δ_max).
 * - κ (Cohen's kappa; Häge 2011): κ = 1 − D_o/D_e, D_o = Σ_k δ(x_k, y_k),
 *   D_e = (1/n)·Σ_k Σ_l δ(x_k, y_l) — the distance expected if the two rows were paired at
 *   random, each keeping its own distribution of ties. Squared: D_e = Σx² + Σy² − (2/n)·Σx·Σy.
 * - π (Scott's pi; Häge 2011): as κ with both rows drawn from the pooled distribution z = x ∪ y:
 *   D_e = (1/(4n))·Σ_{u∈z} Σ_{v∈z} δ(u, v). Squared: D_e = Σx² + Σy² − (Σx + Σy)²/(2n).
 * - τ_b (Kendall; Bueno de Mesquita 1975): (C − D)/√((n₀ − n₁)(n₀ − n₂)) over the n(n−1)/2
 *   pairs of system members, C concordant, D discordant, n₁ and n₂ the pairs tied in x and in y.
 *
 * κ, π and τ_b are undefined when their denominator is 0 — τ_b when a row is constant (a
 * state tied at one level with every member, itself included), κ and π when both rows are the
 * same constant: the value is then empty, never 0. Every measure is in [−1, 1].
 *
 * Computation: everything above is a function of the (L+1)×(L+1) contingency table
 * T[a][b] = #{k : x_k = a, y_k = b}. Ties are rare, so T is built from the sparser of the two
 * rows' non-zero entries (the cells with a, b ≥ 1), and the zero row and column from each
 * row's counts per level: O(min(deg_i, deg_j) + L⁴) per pair instead of O(n), so a year costs
 * O(n²·(d̄ + L⁴)), not O(n³). All sums are integers (exact) until the final division.
 * @module
 */
import type { Iso3 } from '../../domain/country.js';
import { DyadYearTable } from '../../domain/dyad-year-table.js';
import { unpackKey, yearOfKey } from '../../domain/dyad-year-key.js';
import { TOP_LEVEL } from './obligation-scale.js';
import type { PortfolioMeasureName } from './measures.js';

/**
 * How ties enter the portfolio: `valued` (the obligation levels 0–3) or `binary` (any
 * obligation 1, none 0 — Häge's advice for alliance data).
 * @example const c: TieCoding = 'binary';
 */
export type TieCoding = 'valued' | 'binary';

/**
 * Distance between two tie values: `squared` (a − b)² or `absolute` |a − b|.
 * @example const d: DistanceMetric = 'absolute';
 */
export type DistanceMetric = 'squared' | 'absolute';

/** Names of the codings and metrics, the default first. @example TIE_CODINGS[0] // 'valued' */
export const TIE_CODINGS: readonly TieCoding[] = ['valued', 'binary'];
/** @example DISTANCE_METRICS[0] // 'squared' */
export const DISTANCE_METRICS: readonly DistanceMetric[] = ['squared', 'absolute'];

/** Options of {@link computePortfolio}. */
export interface PortfolioOptions {
  readonly measure: PortfolioMeasureName;
  readonly ties: TieCoding;
  readonly distance: DistanceMetric;
}

/**
 * The members of the state system in a year (each state once).
 * @example const members: MembersOf = (year) => (year < 1992 ? ['SUN', 'USA'] : ['RUS', 'USA']) as Iso3[];
 */
export type MembersOf = (year: number) => readonly Iso3[];

/** The portfolio values of every member pair in the years asked, and what was left out. */
export interface PortfolioResult {
  readonly values: DyadYearTable;
  /** Listed ties with a state outside the year's state system (not part of any portfolio). */
  readonly nonMemberTies: number;
  /** Member pair-years left empty because the measure is undefined (zero denominator). */
  readonly undefinedPairs: number;
}

/** Top value of a coding: L. */
const topOf = (ties: TieCoding): number => (ties === 'valued' ? TOP_LEVEL : 1);

/** The distance δ(a, b). */
const distanceOf: Readonly<Record<DistanceMetric, (a: number, b: number) => number>> = {
  squared: (a, b) => (a - b) * (a - b),
  absolute: (a, b) => Math.abs(a - b),
};

/**
 * One portfolio measure from the contingency table of a pair: T[a·(L+1) + b] = number of
 * system members k with x_k = a and y_k = b (a, b in 0…L), n = ΣT. Returns null when the
 * measure is undefined (zero denominator). See the module comment for the formulas.
 * @example
 * // Signorino & Ritter (1999, Table 6): Germany and Russia, 1914, 20 European states
 * const t = contingencyOf([3,0,0,0,3,3,0,0,0,0,0,3,0,0,0,0,0,0,0,0], [0,3,1,3,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0], 3);
 * portfolioSimilarity('portfolio_s', t, 3, 'absolute')    // 0.4
 * portfolioSimilarity('portfolio_taub', t, 3, 'absolute') // 0.0303170
 */
export function portfolioSimilarity(measure: PortfolioMeasureName, t: ArrayLike<number>, top: number, distance: DistanceMetric): number | null {
  const m = top + 1;
  const rx = new Float64Array(m);
  const ry = new Float64Array(m);
  const n = margins(t, m, rx, ry);
  return n === 0 ? null : similarities[measure](t, m, deltaTable(m, distance), rx, ry, n);
}

/** δ(a, b) for a, b in 0…m−1, as a flat table (δ(a, b) at a·m + b). */
function deltaTable(m: number, distance: DistanceMetric): Float64Array {
  const d = distanceOf[distance];
  const out = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) out[a * m + b] = d(a, b);
  return out;
}

/**
 * One measure from a contingency table with m levels, the distance table δ, the table's
 * margins rx (row sums: the levels of x) and ry (column sums) and n ≥ 1 its total; null when
 * undefined. Allocation-free: it runs once per pair.
 */
type Similarity = (t: ArrayLike<number>, m: number, delta: Float64Array, rx: Float64Array, ry: Float64Array, n: number) => number | null;

/** Fills the margins rx, ry of the table; returns n, the number of members. */
function margins(t: ArrayLike<number>, m: number, rx: Float64Array, ry: Float64Array): number {
  rx.fill(0);
  ry.fill(0);
  let n = 0;
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      const c = t[a * m + b]!;
      n += c;
      rx[a]! += c;
      ry[b]! += c;
    }
  }
  return n;
}

/** Σ T·δ, the observed distance. */
function observedDistance(t: ArrayLike<number>, delta: Float64Array): number {
  let d = 0;
  for (let i = 0; i < delta.length; i++) d += t[i]! * delta[i]!;
  return d;
}

const similarities: Readonly<Record<PortfolioMeasureName, Similarity>> = {
  portfolio_s: (t, m, delta, _rx, _ry, n) => 1 - (2 * observedDistance(t, delta)) / (n * delta[m - 1]!),
  portfolio_kappa: (t, m, delta, rx, ry, n) => {
    // n·D_e = Σ_a Σ_b rx_a·ry_b·δ(a, b), an integer: the zero test is exact
    let nExpected = 0;
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) nExpected += rx[a]! * ry[b]! * delta[a * m + b]!;
    return nExpected === 0 ? null : 1 - (n * observedDistance(t, delta)) / nExpected;
  },
  portfolio_pi: (t, m, delta, rx, ry, n) => {
    // 4n·D_e = Σ_a Σ_b (rx_a + ry_a)(rx_b + ry_b)·δ(a, b)
    let fourNExpected = 0;
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) fourNExpected += (rx[a]! + ry[a]!) * (rx[b]! + ry[b]!) * delta[a * m + b]!;
    return fourNExpected === 0 ? null : 1 - (4 * n * observedDistance(t, delta)) / fourNExpected;
  },
  portfolio_taub: (t, m, _delta, rx, ry, n) => {
    // pairs of members with a cell strictly above in x: concordant when also above in y, discordant when below
    let concordant = 0;
    let discordant = 0;
    for (let a = 0; a < m - 1; a++) {
      for (let b = 0; b < m; b++) {
        const c = t[a * m + b]!;
        if (c === 0) continue;
        for (let a2 = a + 1; a2 < m; a2++) {
          for (let b2 = 0; b2 < b; b2++) discordant += c * t[a2 * m + b2]!;
          for (let b2 = b + 1; b2 < m; b2++) concordant += c * t[a2 * m + b2]!;
        }
      }
    }
    const n0 = (n * (n - 1)) / 2;
    let n1 = 0;
    let n2 = 0;
    for (let a = 0; a < m; a++) {
      n1 += (rx[a]! * (rx[a]! - 1)) / 2;
      n2 += (ry[a]! * (ry[a]! - 1)) / 2;
    }
    const denominator = (n0 - n1) * (n0 - n2);
    return denominator === 0 ? null : (concordant - discordant) / Math.sqrt(denominator);
  },
};

/**
 * The contingency table of two rows of tie values (0…top), for tests and examples:
 * T[a·(top+1) + b] = #{k : x_k = a, y_k = b}.
 * @example contingencyOf([3, 0], [0, 3], 3)[0 * 4 + 3] // 1
 */
export function contingencyOf(x: readonly number[], y: readonly number[], top: number): number[] {
  const m = top + 1;
  const t = new Array<number>(m * m).fill(0);
  for (let k = 0; k < x.length; k++) t[x[k]! * m + y[k]!]!++;
  return t;
}

/**
 * Groups the listed ties of the years asked by year: for each year, the pairs (a, b) and their level.
 * @example tiesByYear(level, new Set([2018])).get(2018)?.length // number of pairs with a row in 2018
 */
function tiesByYear(level: DyadYearTable, years: ReadonlySet<number>): Map<number, { a: Iso3; b: Iso3; level: number }[]> {
  const out = new Map<number, { a: Iso3; b: Iso3; level: number }[]>();
  for (const k of level.keys()) {
    if (!years.has(yearOfKey(k))) continue;
    const { a, b, year } = unpackKey(k);
    let list = out.get(year);
    if (list === undefined) out.set(year, (list = []));
    list.push({ a, b, level: level.getByKey(k)! });
  }
  return out;
}

/**
 * Portfolio similarity of every pair of state-system members in each of `years`, from the
 * undirected tie levels (0–3, absent = 0). Pairs whose measure is undefined are left empty.
 * Ties with a state outside the year's system are not part of any portfolio (counted).
 * `progress(done, total)` is called once per year.
 * @example
 * const level = new DyadYearTable(false);
 * level.set('FRA' as Iso3, 'RUS' as Iso3, 1914, 3);
 * const r = computePortfolio(level, [1914], () => ['DEU', 'FRA', 'RUS'] as Iso3[], { measure: 'portfolio_s', ties: 'valued', distance: 'absolute' });
 * r.values.get('FRA' as Iso3, 'RUS' as Iso3, 1914) // 1 − 2·(0+0+0)/(3·3) = 1
 */
export function computePortfolio(
  level: DyadYearTable,
  years: readonly number[],
  members: MembersOf,
  options: PortfolioOptions,
  progress: (done: number, total: number) => void = () => {},
): PortfolioResult {
  let expected = 0;
  for (const year of years) expected += (members(year).length * (members(year).length - 1)) / 2;
  const values = new DyadYearTable(false, expected);
  const byYear = tiesByYear(level, new Set(years));
  const top = topOf(options.ties);
  const m = top + 1;
  const delta = deltaTable(m, options.distance);
  const similarity = similarities[options.measure];
  let nonMemberTies = 0;
  let undefinedPairs = 0;
  const table = new Float64Array(m * m);
  const rx = new Float64Array(m);
  const ry = new Float64Array(m);
  for (const [done, year] of years.entries()) {
    progress(done, years.length);
    const states = members(year);
    const n = states.length;
    if (n < 2) {
      nonMemberTies += byYear.get(year)?.length ?? 0;
      continue;
    }
    const position = new Map<Iso3, number>();
    states.forEach((s, i) => position.set(s, i));
    // the tie matrix of the year, each state tied to itself at the top
    const tie = new Uint8Array(n * n);
    for (let i = 0; i < n; i++) tie[i * n + i] = top;
    for (const t of byYear.get(year) ?? []) {
      const p = position.get(t.a);
      const q = position.get(t.b);
      if (p === undefined || q === undefined) {
        nonMemberTies++;
        continue;
      }
      const v = Math.min(t.level, top);
      tie[p * n + q] = v;
      tie[q * n + p] = v;
    }
    // non-zero columns of each row (CSR) and each row's count per level
    const start = new Int32Array(n + 1);
    const count = new Int32Array(n * m);
    for (let i = 0; i < n; i++) {
      let nz = 0;
      for (let k = 0; k < n; k++) {
        const v = tie[i * n + k]!;
        count[i * m + v]!++;
        if (v > 0) nz++;
      }
      start[i + 1] = start[i]! + nz;
    }
    const column = new Int32Array(start[n]!);
    for (let i = 0, w = 0; i < n; i++) for (let k = 0; k < n; k++) if (tie[i * n + k]! > 0) column[w++] = k;

    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        // s: the row with fewer ties (its non-zero cells are walked), o: the other
        const sparser = start[p + 1]! - start[p]! <= start[q + 1]! - start[q]!;
        const s = sparser ? p : q;
        const o = sparser ? q : p;
        for (let i = 0; i < table.length; i++) table[i] = 0;
        for (let c = start[s]!; c < start[s + 1]!; c++) {
          const k = column[c]!;
          const b = tie[o * n + k]!;
          if (b > 0) table[tie[s * n + k]! * m + b]!++;
        }
        // zero column and row from the counts per level; (0, 0) from n
        let rest = n;
        for (let a = 1; a < m; a++) {
          let both = 0;
          for (let b = 1; b < m; b++) both += table[a * m + b]!;
          table[a * m]! = count[s * m + a]! - both;
          rest -= count[s * m + a]!;
        }
        for (let b = 1; b < m; b++) {
          let both = 0;
          for (let a = 1; a < m; a++) both += table[a * m + b]!;
          table[b]! = count[o * m + b]! - both;
          rest -= table[b]!;
        }
        table[0] = rest;
        for (let a = 0; a < m; a++) {
          rx[a] = count[s * m + a]!;
          ry[a] = count[o * m + a]!;
        }
        // every measure is symmetric in x and y, so the table's orientation (s, o) does not matter
        const v = similarity(table, m, delta, rx, ry, n);
        if (v === null) undefinedPairs++;
        else values.setByKey(values.key(states[p]!, states[q]!, year), v);
      }
    }
  }
  progress(years.length, years.length);
  return { values, nonMemberTies, undefinedPairs };
}
