import type { FlowList } from './flow-list.js';
import { YEAR_SPAN } from '../../domain/dyad-year-key.js';

/**
 * The flows of a list grouped by year: `order[start..end)` are the flows of one year.
 * @example yearBuckets(list).ranges.get(2008) // [0, 1]
 */
export interface YearBuckets {
  /** Flow numbers, grouped by ascending year, in input order within a year. */
  readonly order: Uint32Array;
  /** Year → [start, end) in `order`. */
  readonly ranges: ReadonlyMap<number, readonly [number, number]>;
}

/**
 * Groups the flows of a list by year with a counting sort, O(flows + years).
 * @example
 * const b = yearBuckets(flowListOf([['RUS', 'IRN', 2009, 1], ['RUS', 'IRN', 2008, 2]]));
 * b.ranges.get(2008) // [0, 1]; b.order[0] // 1
 */
export function yearBuckets(list: FlowList): YearBuckets {
  const counts = new Uint32Array(4097);
  for (let k = 0; k < list.count; k++) counts[list.year[k]! + 1]!++;
  const ranges = new Map<number, readonly [number, number]>();
  for (let y = 0; y < YEAR_SPAN; y++) {
    const n = counts[y + 1]!;
    counts[y + 1] = counts[y]! + n;
    if (n > 0) ranges.set(y, [counts[y]!, counts[y + 1]!]);
  }
  const next = counts.slice(0, YEAR_SPAN);
  const order = new Uint32Array(list.count);
  for (let k = 0; k < list.count; k++) order[next[list.year[k]!]!++] = k;
  return { order, ranges };
}
