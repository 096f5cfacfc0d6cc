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
  return memo(table, 'last', () => findLastIndexYear(table));
}

/**
 * What the summary and the page both ask of a table (the last year, a year's rows, the rows of
 * two years), computed once per table: each is a pass over every row.
 */
const memos = new WeakMap<ScoreTable, Map<string, unknown>>();

function memo<T>(table: ScoreTable, key: string, make: () => T): T {
  let m = memos.get(table);
  if (m === undefined) memos.set(table, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as T;
}

function findLastIndexYear(table: ScoreTable): number | null {
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
  // rows as numbers (no pair unpacked but those listed): a year of every pair has ~15,000
  const { keys, index } = table;
  const rows = memo(table, `ranked ${year}`, () => {
    const out: number[] = [];
    for (let r = 0; r < keys.length; r++) {
      const v = index[r]!;
      if (v === v && yearOfKey(keys[r]!) === year) out.push(r);
    }
    return out.sort((x, y) => index[y]! - index[x]! || keys[x]! - keys[y]!);
  });
  const ranked = (i: number, rank: number): RankedPair => {
    const { a, b } = unpackKey(keys[rows[i]!]!);
    return { a, b, rank, index: index[rows[i]!]! };
  };
  // competition ranks: a row's rank is 1 + the position of the first row of its tie
  const rankAt = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) rankAt[i] = i > 0 && index[rows[i]!] === index[rows[i - 1]!] ? rankAt[i - 1]! : i + 1;
  const topCount = Math.min(n, rows.length);
  const top = Array.from({ length: topCount }, (_, i) => ranked(i, rankAt[i]!));
  const rest = Array.from({ length: rows.length - topCount }, (_, i) => topCount + i);
  const bottom = rest
    .sort((x, y) => index[rows[x]!]! - index[rows[y]!]! || keys[rows[x]!]! - keys[rows[y]!]!)
    .slice(0, n)
    .map((i) => ranked(i, rankAt[i]!));
  const first = rows.length > 0 ? index[rows[0]!] : undefined;
  const last = rows.length > 0 ? index[rows[rows.length - 1]!] : undefined;
  let tiedAtTop = 0;
  let tiedAtBottom = 0;
  for (const r of rows) {
    if (index[r] === first) tiedAtTop++;
    if (index[r] === last) tiedAtBottom++;
  }
  return { year, ranked: rows.length, top, bottom, tiedAtTop, tiedAtBottom };
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
  const { keys, index } = table;
  // rows of a pair follow each other: its rows of both years are found in one pass
  const [r0s, r1s] = memo(table, `moves ${from} ${to}`, () => {
    const r0s: number[] = [];
    const r1s: number[] = [];
    let pair = -1;
    let r0 = -1;
    let r1 = -1;
    const close = () => {
      if (r0 >= 0 && r1 >= 0 && from !== to) {
        r0s.push(r0);
        r1s.push(r1);
      }
    };
    for (let r = 0; r < keys.length; r++) {
      const k = keys[r]!;
      const p = Math.floor(k / Y);
      if (p !== pair) {
        close();
        pair = p;
        r0 = -1;
        r1 = -1;
      }
      const v = index[r]!;
      if (v !== v) continue;
      const y = k - p * Y;
      if (y === from) r0 = r;
      if (y === to) r1 = r;
    }
    close();
    return [r0s, r1s] as const;
  });
  const m = r0s.length;
  const coverage = new Float64Array(m);
  const net = new Float64Array(m);
  let coverageChanged = 0;
  for (let i = 0; i < m; i++) {
    const c = coverageOf ? coverageOf(r1s[i]!, r0s[i]!) : 0;
    coverage[i] = c;
    if (c !== 0) coverageChanged++;
    net[i] = index[r1s[i]!]! - index[r0s[i]!]! - c;
  }
  const pairOf = (i: number) => Math.floor(keys[r0s[i]!]! / Y);
  const mover = (i: number): Mover => {
    const { a, b } = unpackKey(pairOf(i) * Y);
    const v0 = index[r0s[i]!]!;
    const v1 = index[r1s[i]!]!;
    return { a, b, before: v0, after: v1, change: v1 - v0, coverage: coverage[i]! };
  };
  const all = Array.from({ length: m }, (_, i) => i);
  const rises = all.filter((i) => net[i]! > 0).sort((x, y) => net[y]! - net[x]! || pairOf(x) - pairOf(y)).slice(0, n).map(mover);
  const falls = all.filter((i) => net[i]! < 0).sort((x, y) => net[x]! - net[y]! || pairOf(x) - pairOf(y)).slice(0, n).map(mover);
  return { from, to, compared: m, rises, falls, coverageChanged: coverageOf ? coverageChanged : 0 };
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
