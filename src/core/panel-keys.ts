/**
 * Navigation of a scored panel by its packed keys (`pair·4096 + year`, pair =
 * `iso3Index(a)·26³ + iso3Index(b)`, ascending): the runs of rows of one pair, the rows of
 * one year, and the lookup of a pair. Shared by explain, rank, trends, change points,
 * sensitivity and audit.
 */
import type { Iso3 } from '../domain/country.js';
import { pairNumber, pairOfKey, YEAR_SPAN, yearOfKey } from '../domain/dyad-year-key.js';
import { lowerBound } from './sorted-search.js';

/**
 * Start offsets of each pair's run of rows, plus a final sentinel `n`: rows
 * `starts[p] … starts[p+1] − 1` are one pair, in year order. Range: length = pairs + 1.
 * @example pairRuns(Float64Array.of(1 * 4096 + 2000, 1 * 4096 + 2001, 2 * 4096 + 2000)) // [0, 2, 3]
 */
export function pairRuns(keys: Float64Array): Uint32Array {
  const starts: number[] = [];
  let last = -1;
  for (let r = 0; r < keys.length; r++) {
    const p = pairOfKey(keys[r]!);
    if (p !== last) {
      starts.push(r);
      last = p;
    }
  }
  starts.push(keys.length);
  return Uint32Array.from(starts);
}

/**
 * The rows of one pair (by binary search on the sorted keys), or null when the panel does
 * not have it.
 * @example rowsOfPair(keys, 'IRN' as Iso3, 'RUS' as Iso3) // { start: 120, end: 151 }
 */
export function rowsOfPair(keys: Float64Array, a: Iso3, b: Iso3): { start: number; end: number } | null {
  const p = pairNumber(a, b);
  const start = lowerBound(keys, p * YEAR_SPAN);
  const end = lowerBound(keys, (p + 1) * YEAR_SPAN);
  return end > start ? { start, end } : null;
}

/**
 * The row numbers of each year, years ascending; within a year rows keep the panel order
 * (pairs alphabetical).
 * @example rowsByYear(keys).get(2016) // Uint32Array of the rows of 2016
 */
export function rowsByYear(keys: Float64Array): Map<number, Uint32Array> {
  const counts = new Map<number, number>();
  for (let r = 0; r < keys.length; r++) {
    const y = yearOfKey(keys[r]!);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  const years = [...counts.keys()].sort((x, y) => x - y);
  const out = new Map<number, Uint32Array>();
  const fill = new Map<number, number>();
  for (const y of years) {
    out.set(y, new Uint32Array(counts.get(y)!));
    fill.set(y, 0);
  }
  for (let r = 0; r < keys.length; r++) {
    const y = yearOfKey(keys[r]!);
    const i = fill.get(y)!;
    out.get(y)![i] = r;
    fill.set(y, i + 1);
  }
  return out;
}
