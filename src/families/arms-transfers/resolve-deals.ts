import type { Iso3 } from '../../domain/country.js';
import { dealKey, type SipriDeal } from './deal.js';
import type { PartyResolver, RowProblem, SkipTally } from './party-resolver.js';
import { deliveredTiv } from './small-tiv.js';

/**
 * A deal with its parties resolved: a state code, or null when the party is not a state
 * (then the deal forms no dyad, but still counts in the state side's import or export total).
 */
export interface ResolvedDeal {
  readonly deal: SipriDeal;
  readonly supplier: Iso3 | null;
  readonly recipient: Iso3 | null;
}

/** What {@link resolveDeals} gives. */
export interface ResolvedDeals {
  /** Deals with at least one state party, sorted by {@link dealKey} (independent of row order). */
  readonly deals: readonly ResolvedDeal[];
  /** Unknown names, one per row and column. */
  readonly problems: readonly RowProblem[];
  /** Deals whose two parties became the same state after succession rules (skipped). */
  readonly selfPairs: number;
}

/**
 * Resolves the supplier and recipient of every deal (the year passed to the crosswalk is the
 * first delivery year, else the order year). Non-state parties are tallied in `skipped`;
 * unknown names are returned as row problems with the closest known spellings.
 * @example
 * const r = resolveDeals(register.deals, new PartyResolver(crosswalk), new SkipTally());
 * r.deals[0].supplier // 'RUS'
 */
export function resolveDeals(deals: readonly SipriDeal[], resolver: PartyResolver, skipped: SkipTally): ResolvedDeals {
  const out: ResolvedDeal[] = [];
  const problems: RowProblem[] = [];
  let selfPairs = 0;
  for (const deal of deals) {
    const year = deal.deliveryYears[0] ?? deal.orderYear ?? undefined;
    const sup = resolver.resolve(deal.supplier, year);
    const rec = resolver.resolve(deal.recipient, year);
    let bad = false;
    if (sup.kind === 'unknown_name') {
      problems.push({ line: deal.line, column: 'Supplier', message: sup.message });
      bad = true;
    }
    if (rec.kind === 'unknown_name') {
      problems.push({ line: deal.line, column: 'Recipient', message: rec.message });
      bad = true;
    }
    if (bad) continue;
    const tiv = deliveredTiv(deal);
    const supplier = sup.kind === 'state' ? sup.code : null;
    const recipient = rec.kind === 'state' ? rec.code : null;
    if (sup.kind !== 'state' && sup.kind !== 'unknown_name') skipped.add(deal.supplier, sup.kind, tiv);
    if (rec.kind !== 'state' && rec.kind !== 'unknown_name') skipped.add(deal.recipient, rec.kind, tiv);
    if (supplier === null || recipient === null) skipped.addRow(tiv);
    if (supplier !== null && supplier === recipient) {
      selfPairs++;
      continue;
    }
    if (supplier === null && recipient === null) continue;
    out.push({ deal, supplier, recipient });
  }
  const keyed = out.map((d) => ({ d, k: dealKey(d.deal) }));
  keyed.sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0));
  return { deals: keyed.map((x) => x.d), problems, selfPairs };
}
