/**
 * The data the report page (`report.html`) embeds, pure: built from a scored run, bounded in
 * size whatever the panel (the year table keeps the most recent years that fit a cell budget;
 * the chart and the pair view keep a few featured pairs with their full rows). Numbers the
 * pair view shows are the very strings `alignment.csv` holds (same formatter, same precision).
 * @module
 */
import { unpackKey, yearOfKey, YEAR_SPAN as Y } from '../../domain/dyad-year-key.js';
import type { Iso3 } from '../../domain/country.js';
import type { ScoreTable } from '../../core/score-table.js';
import { biggestMovers, lastIndexYear, yearRanking } from '../../analysis/summary-stats.js';
import { roundFixed } from '../../format/format-number.js';
import { alignmentColumns, alignmentRowCells } from '../alignment-csv.js';

/** Most cells (pairs × years) of the year table the page embeds: ~2 MB of JSON at most. */
export const PAGE_TABLE_CELL_BUDGET = 250_000;
/** Decimals of the numbers in the year table. */
export const PAGE_TABLE_DECIMALS = 3;
/** Most pairs the chart and the pair view embed (with every column of every year). */
export const PAGE_FEATURED_PAIRS = 30;

/** Intervals of the index by packed pair-year key (from `sensitivity.csv`), and what they are. */
export interface PageIntervals {
  readonly bands: ReadonlyMap<number, { readonly lo: number; readonly hi: number }>;
  readonly label: string;
}

/** One pair of the panel, as the page names it. */
export interface PagePair {
  /** `AAA-BBB`, alphabetical (as `alignment.csv`). */
  readonly id: string;
  readonly a: Iso3;
  readonly b: Iso3;
}

/** The year table: per embedded year, each pair's index and coverage (null when missing). */
export interface PageYearTable {
  /** Years embedded, most recent last. */
  readonly years: readonly number[];
  /** Every year of the panel (the table may embed fewer). */
  readonly allYears: readonly number[];
  /** Per embedded year (same order as `years`), per pair (same order as `pairs`). */
  readonly index: readonly (readonly (number | null)[])[];
  readonly coverage: readonly (readonly (number | null)[])[];
}

/** A featured pair: its `alignment.csv` rows as the CSV's cells (strings). */
export interface PageFeatured {
  readonly pair: string;
  /** Rows in year order; each row has the cells of {@link PageData.columns}. */
  readonly rows: readonly (readonly string[])[];
  /** Years whose set of present indicators differs from the previous year's. */
  readonly coverageChanges: readonly { readonly year: number; readonly present: readonly string[] }[];
}

/** Everything the page embeds about the scores. */
export interface PageData {
  /** Every pair of the panel as `AAA-BBB`, alphabetical within the pair, in the table's order. */
  readonly pairs: readonly string[];
  readonly table: PageYearTable;
  /** The header of `alignment.csv`. */
  readonly columns: readonly string[];
  readonly featured: readonly PageFeatured[];
  /** Line rows for the chart: one per featured pair and year. */
  readonly lines: readonly { pair: string; year: number; value: number | null; lo: number | null; hi: number | null }[];
  /** What the chart's band shows (e.g. the 5–95 % interval of `entente sensitivity`), or null without one. */
  readonly band: string | null;
}

/**
 * Which pairs the page features: all of them when the panel has at most
 * {@link PAGE_FEATURED_PAIRS}; else the most and least aligned of the last year and the
 * biggest movers of the last ten years (each list a third), without repeats.
 * @example featuredPairs(table).length // ≤ 30
 */
export function featuredPairs(table: ScoreTable, max = PAGE_FEATURED_PAIRS, all: readonly string[] = pairIds(table)): string[] {
  if (all.length <= max) return [...all];
  const last = lastIndexYear(table);
  if (last === null) return all.slice(0, max);
  const third = Math.max(1, Math.floor(max / 3));
  const ranking = yearRanking(table, last, third);
  const movers = biggestMovers(table, last, 10, Math.ceil(third / 2));
  const id = (p: { a: Iso3; b: Iso3 }) => (p.a < p.b ? `${p.a}-${p.b}` : `${p.b}-${p.a}`);
  const out = [...new Set([...ranking.top, ...ranking.bottom, ...movers.rises, ...movers.falls].map(id))];
  for (const p of all) {
    if (out.length >= max) break;
    if (!out.includes(p)) out.push(p);
  }
  return out.slice(0, max);
}

/**
 * The page's data for a scored table written with `precision` decimals; the pair view shows
 * the cells of `csv`, the table alignment.csv was written from (fewer columns under `--columns lean`).
 * @example pageData(run.table, 6).featured[0].rows[0][0] // 'IRN' (state_a of the first row)
 */
export function pageData(table: ScoreTable, precision: number, intervals: PageIntervals | null = null, budget = PAGE_TABLE_CELL_BUDGET, csv: ScoreTable = table): PageData {
  const n = table.keys.length;
  // rows are sorted by pair: a pair's rows follow each other, so its position is a running count
  const pairOfRow = new Int32Array(n);
  const pairs: PagePair[] = [];
  const yearSeen = new Uint8Array(Y);
  let lastPair = -1;
  for (let r = 0; r < n; r++) {
    const k = table.keys[r]!;
    const p = Math.floor(k / Y);
    if (p !== lastPair) {
      const { a, b } = unpackKey(k);
      pairs.push({ id: `${a}-${b}`, a, b });
      lastPair = p;
    }
    pairOfRow[r] = pairs.length - 1;
    yearSeen[k - p * Y] = 1;
  }
  const allYears: number[] = [];
  for (let y = 0; y < Y; y++) if (yearSeen[y] === 1) allYears.push(y);
  const fit = Math.max(1, Math.floor(budget / Math.max(1, pairs.length)));
  const years = allYears.slice(Math.max(0, allYears.length - fit));
  const slot = new Int32Array(Y).fill(-1);
  years.forEach((y, i) => (slot[y] = i));
  const index = years.map(() => new Array<number | null>(pairs.length).fill(null));
  const coverage = years.map(() => new Array<number | null>(pairs.length).fill(null));
  const round = (x: number) => (x === x && Number.isFinite(x) ? roundFixed(x, precision) : null);
  // the year table shows at most 3 decimals (the page stays small; the pair view shows alignment.csv's cells)
  const short = Math.min(precision, PAGE_TABLE_DECIMALS);
  const roundShort = (x: number) => (x === x && Number.isFinite(x) ? roundFixed(x, short) : null);
  for (let r = 0; r < n; r++) {
    const s = slot[yearOfKey(table.keys[r]!)]!;
    if (s < 0) continue;
    const p = pairOfRow[r]!;
    index[s]![p] = roundShort(table.index[r]!);
    coverage[s]![p] = roundShort(table.coverage[r]!);
  }

  const featuredIds = featuredPairs(table, PAGE_FEATURED_PAIRS, pairs.map((p) => p.id));
  const wanted = new Set(featuredIds);
  const rowsOf = new Map<string, number[]>();
  // rows of one pair follow each other: its id is looked up once per run of rows
  let runPair = -1;
  let id = '';
  let isWanted = false;
  for (let r = 0; r < n; r++) {
    const p = pairOfRow[r]!;
    if (p !== runPair) {
      runPair = p;
      id = pairs[p]!.id;
      isWanted = wanted.has(id);
    }
    if (!isWanted) continue;
    let list = rowsOf.get(id);
    if (!list) rowsOf.set(id, (list = []));
    list.push(r);
  }
  const lines: PageData['lines'][number][] = [];
  const featured = featuredIds.map((id) => {
    const rows = rowsOf.get(id) ?? [];
    const changes: { year: number; present: string[] }[] = [];
    let before: string | null = null;
    for (const r of rows) {
      const present = table.ids.filter((_, i) => table.raw[i]![r]! === table.raw[i]![r]!);
      const key = present.join(',');
      if (before !== null && key !== before) changes.push({ year: yearOfKey(table.keys[r]!), present });
      before = key;
      const iv = intervals?.bands.get(table.keys[r]!);
      lines.push({ pair: id, year: yearOfKey(table.keys[r]!), value: round(table.index[r]!), lo: iv ? round(iv.lo) : null, hi: iv ? round(iv.hi) : null });
    }
    return { pair: id, rows: rows.map((r) => alignmentRowCells(csv, r, precision)), coverageChanges: changes };
  });
  return { pairs: pairs.map((p) => p.id), table: { years, allYears, index, coverage }, columns: alignmentColumns(csv), featured, lines, band: intervals?.label ?? null };
}

/** The pair ids of a table, in its order. */
function pairIds(table: ScoreTable): string[] {
  const out: string[] = [];
  let last = -1;
  for (const k of table.keys) {
    const p = Math.floor(k / Y);
    if (p === last) continue;
    last = p;
    const { a, b } = unpackKey(k);
    out.push(`${a}-${b}`);
  }
  return out;
}
