/**
 * Which year(s) an exercise counts in. By default the whole exercise counts in the year it
 * starts (the convention of MME-based dyad-year data); with `split_years: true` an exercise
 * running across New Year is split by days.
 */
import type { Exercise } from './exercise.js';
import { dayNumber, earliestDay, latestDay, yearOfDay } from './partial-date.js';

/** A share of one exercise allocated to one year; the shares of an exercise sum to 1. */
export interface YearShare {
  readonly year: number;
  readonly share: number;
}

/** Names of the allocation rules (`split_years: false` → `start`, `true` → `split`). */
export type YearAllocationName = 'start' | 'split';

/**
 * Allocation rules by name:
 * - `start`: share 1 in the start year.
 * - `split`: share_y = (days of the exercise in year y) / (days of the exercise), where the
 *   exercise runs from the first day its start may denote to the last day its end may denote
 *   (unknown day → 1st / last of the month; no end → the start's own span). Range (0, 1].
 * @example yearAllocations.start({ start: { year: 1975, month: 12, day: 28 }, end: null }) // [{ year: 1975, share: 1 }]
 */
export const yearAllocations: Readonly<Record<YearAllocationName, (ex: Pick<Exercise, 'start' | 'end'>) => YearShare[]>> = {
  start: (ex) => [{ year: ex.start.year, share: 1 }],
  split: splitByDays,
};

/**
 * Splits an exercise over the calendar years it spans, in proportion to its days in each.
 * @example
 * splitByDays({ start: { year: 1975, month: 12, day: 28 }, end: { year: 1976, month: 1, day: 3 } })
 * // [{ year: 1975, share: 4/7 }, { year: 1976, share: 3/7 }]
 */
export function splitByDays(ex: Pick<Exercise, 'start' | 'end'>): YearShare[] {
  const first = earliestDay(ex.start);
  const last = Math.max(first, latestDay(ex.end ?? ex.start));
  const y0 = yearOfDay(first);
  const y1 = yearOfDay(last);
  if (y0 === y1) return [{ year: y0, share: 1 }];
  const total = last - first + 1;
  const out: YearShare[] = [];
  for (let y = y0; y <= y1; y++) {
    const from = Math.max(first, dayNumber(y, 1, 1));
    const to = Math.min(last, dayNumber(y, 12, 31));
    out.push({ year: y, share: (to - from + 1) / total });
  }
  return out;
}
