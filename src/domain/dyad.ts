import type { Iso3 } from './country.js';

/** An unordered pair of states, always stored with `a < b` so that (a,b) and (b,a) coincide. */
export interface Dyad {
  readonly a: Iso3;
  readonly b: Iso3;
}

/**
 * The canonical (alphabetical) form of a pair.
 * @throws {RangeError} when both states are the same.
 * @example canonicalDyad('RUS' as Iso3, 'IRN' as Iso3) // { a: 'IRN', b: 'RUS' }
 */
export function canonicalDyad(x: Iso3, y: Iso3): Dyad {
  if (x === y) throw new RangeError(`a dyad needs two different states, got ${x}-${y}`);
  return x < y ? { a: x, b: y } : { a: y, b: x };
}

/** Text key of a canonical dyad, `A-B`. @example dyadKey({a:'IRN', b:'RUS'}) // 'IRN-RUS' */
export function dyadKey(d: Dyad): string {
  return `${d.a}-${d.b}`;
}
