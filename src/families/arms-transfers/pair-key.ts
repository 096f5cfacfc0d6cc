import type { Iso3 } from '../../domain/country.js';
import { pairNumberOf, unpackPair as unpackDirectedPair } from '../../domain/dyad-year-key.js';

/**
 * Packs a directed supplier → recipient pair into one integer (iso3Index(s)·26³ + iso3Index(r)),
 * so that pair-keyed maps use number keys.
 * @example unpackPair(pairKey('RUS' as Iso3, 'IRN' as Iso3)) // { supplier: 'RUS', recipient: 'IRN' }
 */
export function pairKey(supplier: Iso3, recipient: Iso3): number {
  return pairNumberOf(supplier, recipient);
}

/** Inverse of {@link pairKey}. */
export function unpackPair(key: number): { supplier: Iso3; recipient: Iso3 } {
  const { a, b } = unpackDirectedPair(key);
  return { supplier: a, recipient: b };
}
