/**
 * `rank`: the pairs of a year ordered by their index (most aligned first), or the partners
 * of one state, with each pair's rank change since an earlier year.
 */
import { iso3FromIndex, iso3Index, type Iso3 } from '../domain/country.js';
import { rowsByYear } from '../core/panel-keys.js';
import { pairOfKey, yearOfKey, CODE_SPAN as N } from '../domain/dyad-year-key.js';
import type { ScoreTable } from '../core/score.js';

/** One ranked pair. */
export interface RankEntry {
  readonly a: Iso3;
  readonly b: Iso3;
  readonly index: number;
  /** Competition rank: 1 + the number of pairs with a strictly higher index (ties share a rank). */
  readonly rank: number;
  /** The pair's rank in the `since` year among the same set (all pairs, or the partners of the state); null when not ranked then. */
  readonly rankSince: number | null;
  /** rankSince − rank: positive when the pair moved up; null without `since`. */
  readonly change: number | null;
}

/** What to rank. */
export interface RankQuery {
  readonly year: number;
  /** Only pairs that include this state (its partners). */
  readonly state?: Iso3 | null;
  /** Year to compare ranks with. */
  readonly since?: number | null;
}

/**
 * Ranks the pairs of one year by index, highest first; ties share the lower rank number
 * (1, 2, 2, 4) and are listed alphabetically by pair. Pairs without an index (coverage
 * below `min_coverage`) are not ranked.
 * @example rankPairs(table, { year: 2016, state: 'RUS' as Iso3, since: 2010 })[0] // { a: 'CHN', b: 'RUS', rank: 1, change: 2, … }
 */
export function rankPairs(table: ScoreTable, query: RankQuery): RankEntry[] {
  const byYear = rowsByYear(table.keys);
  const now = rankedRows(table, byYear.get(query.year), query.state ?? null);
  let before: Map<number, number> | null = null;
  if (query.since !== undefined && query.since !== null) {
    before = new Map();
    for (const e of rankedRows(table, byYear.get(query.since), query.state ?? null)) before.set(pairOfKey(table.keys[e.row]!), e.rank);
  }
  return now.map((e) => {
    const pair = pairOfKey(table.keys[e.row]!);
    const ib = pair % N;
    const rankSince = before ? (before.get(pair) ?? null) : null;
    return {
      a: iso3FromIndex((pair - ib) / N),
      b: iso3FromIndex(ib),
      index: e.index,
      rank: e.rank,
      rankSince,
      change: rankSince === null ? null : rankSince - e.rank,
    };
  });
}

/**
 * Competition ranks (1 = highest value) of `values` at `rows`, ties sharing the lower rank
 * number; NaN values get rank 0 (unranked). Writes into `out` at the same positions as
 * `rows`. The reference implementation (sorting); the sensitivity analysis uses a faster
 * radix version (`radix-rank.ts`) that must agree with it.
 * @example competitionRanks(Float64Array.of(5, 9, 5, NaN), Uint32Array.of(0, 1, 2, 3), new Float64Array(4)) // [2, 1, 2, 0]
 */
export function competitionRanks(values: Float64Array, rows: Uint32Array, out: Float64Array): Float64Array {
  const order: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    if (values[rows[k]!] === values[rows[k]!]) order.push(k);
    else out[k] = 0;
  }
  order.sort((p, q) => values[rows[q]!]! - values[rows[p]!]! || p - q);
  let rank = 0;
  for (let j = 0; j < order.length; j++) {
    const v = values[rows[order[j]!]!]!;
    if (j === 0 || v !== values[rows[order[j - 1]!]!]!) rank = j + 1;
    out[order[j]!] = rank;
  }
  return out;
}

/**
 * The latest year in which some pair has an index, or null for an empty table.
 * @example latestScoredYear(table) // 2020
 */
export function latestScoredYear(table: ScoreTable): number | null {
  let best: number | null = null;
  for (let r = 0; r < table.keys.length; r++) {
    if (table.index[r] !== table.index[r]) continue;
    const y = yearOfKey(table.keys[r]!);
    if (best === null || y > best) best = y;
  }
  return best;
}

/**
 * The first `top` and last `bottom` entries of a ranking (no overlap: when they would
 * overlap, `bottom` keeps only entries after the top ones).
 * @example topBottom(entries, 3, 2) // { top: entries.slice(0, 3), bottom: entries.slice(-2) }
 */
export function topBottom<T>(entries: readonly T[], top: number, bottom: number): { top: T[]; bottom: T[] } {
  const t = entries.slice(0, Math.max(0, top));
  const start = Math.max(t.length, entries.length - Math.max(0, bottom));
  return { top: t, bottom: entries.slice(start) };
}

function rankedRows(table: ScoreTable, rows: Uint32Array | undefined, state: Iso3 | null): { row: number; index: number; rank: number }[] {
  if (!rows) return [];
  const s = state === null ? -1 : iso3Index(state);
  const kept: number[] = [];
  for (const r of rows) {
    if (table.index[r] !== table.index[r]) continue;
    if (s >= 0) {
      const pair = pairOfKey(table.keys[r]!);
      const ib = pair % N;
      if (ib !== s && (pair - ib) / N !== s) continue;
    }
    kept.push(r);
  }
  const sel = Uint32Array.from(kept);
  const ranks = competitionRanks(table.index, sel, new Float64Array(sel.length));
  const out = kept.map((row, k) => ({ row, index: table.index[row]!, rank: ranks[k]! }));
  // rank ascending, ties alphabetical by pair (rows are in pair order within a year)
  out.sort((p, q) => p.rank - q.rank || p.row - q.row);
  return out;
}
