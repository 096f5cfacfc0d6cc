/**
 * The `share` measure of shared IGO membership: count_AB / min(total_A, total_B), where count_AB
 * is the number of IGOs in which both A and B are full members and total_X the number in which
 * X is a full member, in the same year. 1 means every membership of the less-joined state is
 * shared with the other.
 *
 * Why the totals come from another file: the dyadic counts do not determine a state's total.
 * A state in IGOs {1, 2} whose partners are B in {1} and C in {2} has counts 1 and 1 and total
 * 2; a state in IGO {1} alone with B and C in {1} has the same counts and total 1.
 * @module
 */
import { DyadYearTable } from '../../domain/dyad-year-table.js';
import { unpackKey } from '../../domain/dyad-year-key.js';
import type { StateYearTable } from '../../domain/state-year-table.js';

/** The shares, and the pair-years left empty and why. */
export interface IgoShares {
  readonly values: DyadYearTable;
  /** Pair-years with a count but no total for one of the states (missing). */
  readonly noTotal: number;
  /** Pair-years where one state has no full membership at all (0/0: undefined, left empty). */
  readonly zeroTotal: number;
  /** Pair-years whose count exceeds a state's total (the two files disagree; left empty), e.g. `RUS-USA 1990: 40 > 38`. */
  readonly inconsistent: readonly string[];
}

/**
 * share = count / min(total_a, total_b) for every pair-year with a count. Range 0–1; a
 * pair-year whose share is undefined or impossible is left empty, never 0 or clipped.
 * @example
 * // counts RUS–USA 1990 = 30, totals RUS 60 and USA 40 → 30 / 40
 * computeShares(counts, totals).values.get('RUS' as Iso3, 'USA' as Iso3, 1990) // 0.75
 */
export function computeShares(counts: DyadYearTable, totals: StateYearTable): IgoShares {
  const values = new DyadYearTable(false);
  let noTotal = 0;
  let zeroTotal = 0;
  const inconsistent: string[] = [];
  for (const key of counts.keys()) {
    const count = counts.getByKey(key)!;
    const { a, b, year } = unpackKey(key);
    const ta = totals.get(a, year);
    const tb = totals.get(b, year);
    if (ta === null || tb === null) {
      noTotal++;
      continue;
    }
    const smaller = Math.min(ta, tb);
    if (count > smaller) {
      inconsistent.push(`${a}-${b} ${year}: ${count} > ${smaller}`);
      continue;
    }
    if (smaller === 0) {
      zeroTotal++;
      continue;
    }
    values.setByKey(key, count / smaller);
  }
  return { values, noTotal, zeroTotal, inconsistent };
}
