import type { Iso3 } from '../../domain/country.js';
import { allocateTiv, type AllocationName } from './allocate.js';
import { pairKey } from './pair-key.js';
import type { ResolvedDeal } from './resolve-deals.js';
import { deliveredTiv } from './small-tiv.js';
import { YearPanel } from './year-panel.js';

/**
 * Yearly arms flows built from the register: TIV delivered supplier → recipient per year
 * between states, and each state's total imports and exports per year (those totals also
 * count deals whose other party is not a state, as SIPRI's importer/exporter tables do).
 */
export interface ArmsFlows {
  /** Directed supplier → recipient TIV, keyed by {@link pairKey}. */
  readonly pairs: YearPanel<number>;
  /** TIV received by each state from all suppliers (states, non-state, unknown). */
  readonly imports: YearPanel<Iso3>;
  /** TIV delivered by each state to all recipients. */
  readonly exports: YearPanel<Iso3>;
  /** TIV allocated to years outside the range (dropped). */
  readonly outsideTiv: number;
}

/**
 * Allocates every deal's delivered TIV over its delivery years by `rule` and sums the parts
 * per supplier → recipient-year, recipient-year (imports) and supplier-year (exports), inside
 * [from, to]. Deals are expected sorted (as {@link resolveDeals} gives them) so that sums do
 * not depend on input row order.
 * F_{s→r,t} = Σ_{deals s→r} part_t(deal); range ≥ 0 (millions of TIV).
 * @example buildFlows(resolved.deals, 'even', 1950, 2024).pairs.get(pairKey('RUS', 'IRN'), 2016) // 220 + …
 */
export function buildFlows(deals: readonly ResolvedDeal[], rule: AllocationName, from: number, to: number): ArmsFlows {
  const pairs = new YearPanel<number>(from, to);
  const imports = new YearPanel<Iso3>(from, to);
  const exports = new YearPanel<Iso3>(from, to);
  let outsideTiv = 0;
  for (const { deal, supplier, recipient } of deals) {
    const parts = allocateTiv(deliveredTiv(deal), deal.deliveryYears, rule);
    for (const p of parts) {
      if (!pairs.covers(p.year)) {
        outsideTiv += p.tiv;
        continue;
      }
      if (supplier !== null && recipient !== null) pairs.add(pairKey(supplier, recipient), p.year, p.tiv);
      if (recipient !== null) imports.add(recipient, p.year, p.tiv);
      if (supplier !== null) exports.add(supplier, p.year, p.tiv);
    }
  }
  return { pairs, imports, exports, outsideTiv };
}
