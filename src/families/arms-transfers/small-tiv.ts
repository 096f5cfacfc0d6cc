import type { SipriDeal } from './deal.js';

/**
 * The value Entente gives SIPRI's `0`, which SIPRI defines as "more than 0 but less than 0.5
 * million TIV" (written `0 ` with a trailing space in the TIV tables): the midpoint, 0.25.
 * Keeping it positive preserves "there were deliveries" (a true 0 would read as "none"); the
 * error is at most ±0.25 TIV, well below SIPRI's own rounding of every table value.
 * @example SMALL_TIV // 0.25
 */
export const SMALL_TIV = 0.25;

/**
 * The TIV of a deal's delivered weapons as Entente allocates it: SIPRI's `SIPRI TIV of
 * delivered weapons`, except that a `0` with at least one delivery year (something was
 * delivered, less than 0.5) becomes {@link SMALL_TIV}, and a deal without delivery years
 * delivers 0. Range: ≥ 0 (millions of TIV).
 * @example deliveredTiv({ ...deal, tivDelivered: 362.5, deliveryYears: [2006, 2007] }) // 362.5
 * @example deliveredTiv({ ...deal, tivDelivered: 0, deliveryYears: [2020] }) // 0.25
 */
export function deliveredTiv(d: SipriDeal): number {
  if (d.deliveryYears.length === 0) return 0;
  const t = d.tivDelivered ?? 0;
  return t === 0 ? SMALL_TIV : t;
}
