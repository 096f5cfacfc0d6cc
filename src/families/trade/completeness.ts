import type { Iso3 } from '../../domain/country.js';
import { inRanges } from '../../domain/year.js';
import type { TradeFlowSet } from './trade-flow-set.js';

/**
 * Whether a state's total trade in a year may be summed over its partners in the merged
 * sources: true when some source covering that year lists every partner of the state (COW
 * and generic flows: every state; a DOTS table: its reporter only). Mixing COW up to 2014
 * with DOTS for Russia from 2015 thus sums Iran's total up to 2014 only — from 2015 Iran's
 * only known partner would be Russia, and its "share" a meaningless 1.
 * @example
 * const complete = completeness([cowSet, dotsRussiaSet]);
 * complete(IRN, 2010) // true (COW covers 2010)
 * complete(IRN, 2020) // false (only DOTS for Russia covers 2020)
 * complete(RUS, 2020) // true
 */
export function completeness(sets: readonly TradeFlowSet[]): (state: Iso3, year: number) => boolean {
  return (state, year) => {
    for (const s of sets) {
      if (!inRanges(year, s.coverage)) continue;
      if (s.completeFor === 'all' || s.completeFor.has(state)) return true;
    }
    return false;
  };
}
