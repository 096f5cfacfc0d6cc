/**
 * The numbers a report summary states, computed from a scored table, pure: the panel's
 * extent, the most and least aligned pairs of the last year, the biggest movers, and the
 * coverage of each indicator. Ties are broken by pair code so the result never depends on
 * row order.
 */
import { unpackKey, yearOfKey, YEAR_SPAN as Y } from '../domain/dyad-year-key.js';
import type { Iso3 } from '../domain/country.js';
import type { ScoreTable } from '../core/score.js';

/** Extent of a scored panel. */
export interface PanelFacts {
  readonly rows: number;
  /** Rows with an index value (coverage at least `min_coverage`). */
  readonly rowsWithIndex: number;
  readonly pairs: number;
  readonly states: number;
  /** First and last year of the panel, null when it is empty. */
  readonly from: number | null;
  readonly to: number | null;
}

/** A pair with its index in one year. */
export interface RankedPair {
  readonly a: Iso3;
  readonly b: Iso3;
  /** 1 = most aligned. */
  readonly rank: number;
  readonly index: number;
}

/** The top and bottom of one year's ranking. */
export interface YearRanking {
  readonly year: number;
  /** Pairs with an index that year. */
  readonly ranked: number;
  /** Most aligned first. */
  readonly top: readonly RankedPair[];
  /** Least aligned first (lowest index first), disjoint from `top`. */
  readonly bottom: readonly RankedPair[];
  /** Pairs sharing the highest index, and the lowest (0 when nothing is ranked). */
  readonly tiedAtTop: number;
  readonly tiedAtBottom: number;
}

/** A pair's change of index between two years. */
export interface Mover {
  readonly a: Iso3;
  readonly b: Iso3;
  readonly before: number;
  readonly after: number;
  /** after − before. */
  readonly change: number;
  /** The part of `change` due to indicators entering or leaving (0 when not split). */
  readonly coverage: number;
}

/** The largest rises and falls between two years. */
export interface Movers {
  readonly from: number;
  readonly to: number;
  /** Pairs with an index in both years. */
  readonly compared: number;
  readonly rises: readonly Mover[];
  readonly falls: readonly Mover[];
  /** Compared pairs whose indicator set differs between the two years (their coverage part is left out of the ranking). */
  readonly coverageChanged: number;
}

/** How much of the panel one indicator covers. */
export interface IndicatorCoverage {
  readonly id: string;
  /** Pair-years with a raw value (observed, or 0 inside a zero-recording coverage). */
  readonly present: number;
  /** present / panel rows, in [0, 1]; 0 for an empty panel. */
  readonly share: number;
  /** First and last year with a value, null when none. */
  readonly from: number | null;
  readonly to: number | null;
  /** Mean of the indicator's share of the index weight over rows with an index (NaN when none). */
  readonly meanWeightUsed: number;
}

/**
 * Counts rows, pairs, states and the year span of a scored table.
 * @example panelFacts(table) // { rows: 2000, rowsWithIndex: 1990, pairs: 66, states: 12, from: 1990, to: 2020 }
 */
export function panelFacts(table: ScoreTable): PanelFacts {
  // the summary, the movers and the page all ask: one pass per table
  let facts = factsOf.get(table);
  if (facts === undefined) factsOf.set(table, (facts = countPanel(table)));
  return facts;
}

const factsOf = new WeakMap<ScoreTable, PanelFacts>();

function countPanel(table: ScoreTable): PanelFacts {
  const pairs = new Set<number>();
  let withIndex = 0;
  let from = Infinity;
  let to = -Infinity;
  let last = -1;
  for (let r = 0; r < table.keys.length; r++) {
    const k = table.keys[r]!;
    const p = Math.floor(k / Y);
    if (p !== last) pairs.add((last = p)); // rows of a pair follow each other: one add per run
    const y = k - p * Y;
    if (y < from) from = y;
    if (y > to) to = y;
    if (table.index[r] === table.index[r]) withIndex++;
  }
  const states = new Set<string>();
  for (const p of pairs) {
    const { a, b } = unpackKey(p * Y);
    states.add(a);
    states.add(b);
  }
  return {
    rows: table.keys.length,
    rowsWithIndex: withIndex,
    pairs: pairs.size,
    states: states.size,
    from: Number.isFinite(from) ? from : null,
    to: Number.isFinite(to) ? to : null,
  };
}

/**
 * The last year in which at least one pair has an index, or null.
 * @example lastIndexYear(table) // 2020
 */
export function lastIndexYear(table: ScoreTable): number | null {
  let last = -Infinity;
  for (let r = 0; r < table.keys.length; r++) if (table.index[r] === table.index[r]) last = Math.max(last, yearOfKey(table.keys[r]!));
  return Number.isFinite(last) ? last : null;
}

/**
 * The `n` most and `n` least aligned pairs of a year by index. Ranks are competition ranks
 * (tied pairs share the best rank: 1, 2, 2, 4); within a tie pairs are listed by code.
 * `bottom` starts with the least aligned pair and holds only pairs not already in `top`.
 * @example yearRanking(table, 2020, 5).top[0] // { a: 'CHN', b: 'RUS', rank: 1, index: 100 }
 */
export function yearRanking(table: ScoreTable, year: number, n: number): YearRanking {
  const rows: { a: Iso3; b: Iso3; index: number; key: number }[] = [];
  for (let r = 0; r < table.keys.length; r++) {
    const k = table.keys[r]!;
    if (yearOfKey(k) !== year) continue;
    const v = table.index[r]!;
    if (v !== v) continue;
    const { a, b } = unpackKey(k);
    rows.push({ a, b, index: v, key: k });
  }
  rows.sort((x, y) => y.index - x.index || x.key - y.key);
  const ranked: RankedPair[] = [];
  rows.forEach((r, i) => {
    const prev = ranked[i - 1];
    const rank = prev !== undefined && prev.index === r.index ? prev.rank : i + 1;
    ranked.push({ a: r.a, b: r.b, rank, index: r.index });
  });
  const top = ranked.slice(0, Math.min(n, ranked.length));
  const rest = ranked.slice(top.length);
  const bottom = rest
    .map((r, i) => ({ r, key: rows[top.length + i]!.key }))
    .sort((x, y) => x.r.index - y.r.index || x.key - y.key)
    .slice(0, n)
    .map((x) => x.r);
  const first = rows[0]?.index;
  const last = rows[rows.length - 1]?.index;
  const tiedAtTop = first === undefined ? 0 : rows.filter((r) => r.index === first).length;
  const tiedAtBottom = last === undefined ? 0 : rows.filter((r) => r.index === last).length;
  return { year, ranked: ranked.length, top, bottom, tiedAtTop, tiedAtBottom };
}

/**
 * The `n` largest rises and falls of the index between `to − span` (or the panel's first
 * year, if later) and `to`, over pairs with an index in both years. Ties by pair code.
 * With `coverageOf` (the coverage part of the change between two rows: indicators entering
 * or leaving, see `coverage-changes.ts`), pairs are ranked by the change without it, and
 * each mover carries it in `coverage`; without, `coverage` is 0.
 * @example biggestMovers(table, 2020, 10, 5).rises[0] // { a: 'IRN', b: 'RUS', before: 0, after: 100, change: 100, coverage: 0 }
 */
export function biggestMovers(table: ScoreTable, to: number, span: number, n: number, coverageOf?: (t: number, s: number) => number): Movers {
  const first = panelFacts(table).from ?? to;
  const from = Math.max(first, to - span);
  const before = new Map<number, number>(); // pair → row
  const after = new Map<number, number>();
  for (let r = 0; r < table.keys.length; r++) {
    const k = table.keys[r]!;
    const y = yearOfKey(k);
    const v = table.index[r]!;
    if (v !== v) continue;
    if (y === from) before.set(Math.floor(k / Y), r);
    if (y === to) after.set(Math.floor(k / Y), r);
  }
  const moves: (Mover & { pair: number; net: number })[] = [];
  for (const [pair, r0] of before) {
    const r1 = after.get(pair);
    if (r1 === undefined || from === to) continue;
    const { a, b } = unpackKey(pair * Y);
    const v0 = table.index[r0]!;
    const v1 = table.index[r1]!;
    const coverage = coverageOf ? coverageOf(r1, r0) : 0;
    moves.push({ a, b, before: v0, after: v1, change: v1 - v0, coverage, pair, net: v1 - v0 - coverage });
  }
  const strip = (m: Mover & { pair: number }): Mover => ({ a: m.a, b: m.b, before: m.before, after: m.after, change: m.change, coverage: m.coverage });
  const rises = moves.filter((m) => m.net > 0).sort((x, y) => y.net - x.net || x.pair - y.pair).slice(0, n).map(strip);
  const falls = moves.filter((m) => m.net < 0).sort((x, y) => x.net - y.net || x.pair - y.pair).slice(0, n).map(strip);
  const coverageChanged = coverageOf ? moves.filter((m) => m.coverage !== 0).length : 0;
  return { from, to, compared: moves.length, rises, falls, coverageChanged };
}

/**
 * Coverage of each indicator over the panel: pair-years with a value, their share of the
 * panel, the first and last year with a value, and the mean weight it had in the index.
 * @example indicatorCoverage(table)[0] // { id: 'un', present: 1800, share: 0.9, from: 1990, to: 2020, meanWeightUsed: 0.6 }
 */
export function indicatorCoverage(table: ScoreTable): IndicatorCoverage[] {
  const n = table.keys.length;
  return table.ids.map((id, i) => {
    const raw = table.raw[i]!;
    const w = table.weightUsed[i]!;
    let present = 0;
    let from = Infinity;
    let to = -Infinity;
    let wSum = 0;
    let wRows = 0;
    for (let r = 0; r < n; r++) {
      if (table.index[r] === table.index[r]) {
        const wr = w[r]!;
        wSum += wr === wr ? wr : 0;
        wRows++;
      }
      if (raw[r] !== raw[r]) continue;
      present++;
      const y = yearOfKey(table.keys[r]!);
      if (y < from) from = y;
      if (y > to) to = y;
    }
    return {
      id,
      present,
      share: n > 0 ? present / n : 0,
      from: Number.isFinite(from) ? from : null,
      to: Number.isFinite(to) ? to : null,
      meanWeightUsed: wRows > 0 ? wSum / wRows : NaN,
    };
  });
}
