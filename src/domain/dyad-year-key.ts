/**
 * The packed dyad-year key: the one place that says how a pair of states and a year become
 * one number, and back. Every table, panel and report of Entente keys its rows this way.
 *
 *   pair = index(a)·26³ + index(b)        (index: the ISO3 code as a base-26 number, 0…17575)
 *   key  = pair·4096 + year               (year 0…4095)
 *
 * Keys are integers below 2^53 (17576² · 4096 ≈ 1.3·10^12), so they are exact in a
 * `Float64Array`, and sorting keys sorts rows by (a, b, year). An undirected pair is stored
 * with `a < b`; a directed one keeps its order (origin, target).
 * @module
 */
import { iso3FromIndex, iso3Index, type Iso3 } from './country.js';

/** How many ISO3 codes there are (26³): the multiplier of `a` in a pair number. */
export const CODE_SPAN = 17576;

/** How many years a key holds (0…4095): the multiplier of the pair in a key. */
export const YEAR_SPAN = 4096;

/**
 * The pair number of two states in the order given (directed): `index(a)·26³ + index(b)`.
 * @example unpackPair(pairNumberOf('RUS' as Iso3, 'IRN' as Iso3)) // { a: 'RUS', b: 'IRN' }
 */
export function pairNumberOf(a: Iso3, b: Iso3): number {
  return iso3Index(a) * CODE_SPAN + iso3Index(b);
}

/**
 * The canonical pair number of two states (alphabetical order), as the keys of undirected
 * tables and of the scored panel hold it.
 * @example pairNumber('RUS' as Iso3, 'IRN' as Iso3) === pairNumber('IRN' as Iso3, 'RUS' as Iso3) // true
 */
export function pairNumber(a: Iso3, b: Iso3): number {
  const ia = iso3Index(a);
  const ib = iso3Index(b);
  return ia < ib ? ia * CODE_SPAN + ib : ib * CODE_SPAN + ia;
}

/**
 * Packs (a, b, year) without canonicalising: `(index(a)·26³ + index(b))·4096 + year`.
 * @example yearOfKey(packKey('IRN' as Iso3, 'RUS' as Iso3, 2016)) // 2016
 */
export function packKey(a: Iso3, b: Iso3, year: number): number {
  return (iso3Index(a) * CODE_SPAN + iso3Index(b)) * YEAR_SPAN + year;
}

/**
 * The year of a packed key (`pair·4096 + year`). Written with a floor, not `%`: on keys above
 * 2^31 V8's `%` is a call into C, ~15× slower in the loops over a million rows.
 * Range: 0…4095. @example yearOfKey(5 * 4096 + 2016) // 2016
 */
export function yearOfKey(key: number): number {
  return key - Math.floor(key / YEAR_SPAN) * YEAR_SPAN;
}

/** The pair part of a packed key. @example pairOfKey(5 * 4096 + 2016) // 5 */
export function pairOfKey(key: number): number {
  return Math.floor(key / YEAR_SPAN);
}

/**
 * The two states of a pair number (in the order packed).
 * @example unpackPair(pairNumberOf('RUS' as Iso3, 'IRN' as Iso3)) // { a: 'RUS', b: 'IRN' }
 */
export function unpackPair(pair: number): { a: Iso3; b: Iso3 } {
  const ib = pair % CODE_SPAN;
  return { a: iso3FromIndex((pair - ib) / CODE_SPAN), b: iso3FromIndex(ib) };
}

/**
 * Unpacks a key made by {@link packKey} (or a table's `key`).
 * @example unpackKey(packKey('IRN' as Iso3, 'RUS' as Iso3, 2016)) // { a: 'IRN', b: 'RUS', year: 2016 }
 */
export function unpackKey(key: number): { a: Iso3; b: Iso3; year: number } {
  const year = yearOfKey(key);
  const pair = (key - year) / YEAR_SPAN;
  const ib = pair % CODE_SPAN;
  const ia = (pair - ib) / CODE_SPAN;
  return { a: iso3FromIndex(ia), b: iso3FromIndex(ib), year };
}
