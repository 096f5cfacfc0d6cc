import { iso3FromIndex, iso3Index, type Iso3 } from '../../domain/country.js';

const N = 17576; // 26^3

/**
 * Packs a directed supplier → recipient pair into one integer (iso3Index(s)·26³ + iso3Index(r)),
 * so that pair-keyed maps use number keys.
 * @example unpackPair(pairKey('RUS' as Iso3, 'IRN' as Iso3)) // { supplier: 'RUS', recipient: 'IRN' }
 */
export function pairKey(supplier: Iso3, recipient: Iso3): number {
  return iso3Index(supplier) * N + iso3Index(recipient);
}

/** Inverse of {@link pairKey}. */
export function unpackPair(key: number): { supplier: Iso3; recipient: Iso3 } {
  const r = key % N;
  return { supplier: iso3FromIndex((key - r) / N), recipient: iso3FromIndex(r) };
}
