/**
 * The Security Council's seats: who held the five permanent seats when, and how the sources'
 * member names map to the state that held a seat at a date. Pure.
 *
 * - China's seat was held by the Republic of China (Taiwan, TWN) until General Assembly
 *   resolution 2758 (XXVI) of 25 October 1971, by the People's Republic (CHN) from then on.
 * - The Soviet Union's seat passed to the Russian Federation on 24 December 1991 (the
 *   crosswalk reports the USSR as RUS under the default succession rule `SUN: RUS`).
 * - The United States, the United Kingdom and France have held theirs since 1946.
 *
 * Sources standardise these names to present-day ones (the failed-drafts sample writes the
 * USSR `Russian Federation`, and China before 1971 `China`): {@link seatHolderName} undoes that.
 */
import type { Crosswalk } from '../../domain/crosswalk.js';
import type { Iso3 } from '../../domain/country.js';

/** First day the People's Republic held China's seat. */
export const PRC_SEAT_FROM = '1971-10-25';

/** Last year the Soviet Union held its seat (to 24 December 1991). */
export const USSR_SEAT_TO = 1991;

/**
 * The name of the state that held a seat, for a source's spelling of a member at a date
 * (`YYYY-MM-DD`) or, when only the year is known, at that year: `China` before 25 October 1971
 * is the Republic of China (with a year only: before 1971), `Russian Federation` before 1992
 * the Soviet Union; any other name is returned as given.
 * @example seatHolderName('China', '1955-12-13', 1955) // 'Republic of China'
 * @example seatHolderName('China', null, 1971) // 'China'
 * @example seatHolderName('Russian Federation', null, 1955) // 'Soviet Union'
 */
export function seatHolderName(name: string, date: string | null, year: number): string {
  const n = name.trim();
  if (/^china$/i.test(n)) {
    const roc = date !== null ? date < PRC_SEAT_FROM : year < 1971;
    return roc ? 'Republic of China' : n;
  }
  if (/^russian federation$/i.test(n) && year <= USSR_SEAT_TO) return 'Soviet Union';
  return n;
}

/**
 * The five permanent seats in a year, each with the state(s) that held it, as the crosswalk
 * reports them (after succession rules): USA, GBR, FRA, the USSR/Russia seat, and China's
 * seat — held by TWN and then CHN in 1971.
 * @example permanentSeatHolders(createCrosswalk(), 1971) // [['USA'], ['GBR'], ['FRA'], ['RUS'], ['TWN', 'CHN']]
 */
export function permanentSeatHolders(crosswalk: Crosswalk, year: number): Iso3[][] {
  const at = (n: string) => crosswalk.resolve('name', n, year);
  const china: Iso3[] = [];
  if (year <= 1971) china.push(at('Republic of China'));
  if (year >= 1971) china.push(at('China'));
  return [[at('United States')], [at('United Kingdom')], [at('France')], [at(year <= USSR_SEAT_TO ? 'Soviet Union' : 'Russian Federation')], china];
}

/**
 * The permanent members in a year: every holder of a permanent seat (both TWN and CHN in 1971).
 * @example permanentMembers(createCrosswalk(), 2010) // Set { 'USA', 'GBR', 'FRA', 'RUS', 'CHN' }
 */
export function permanentMembers(crosswalk: Crosswalk, year: number): ReadonlySet<Iso3> {
  return new Set(permanentSeatHolders(crosswalk, year).flat());
}

/**
 * A memo of {@link permanentMembers} per year.
 * @example const p5 = permanentSeats(crosswalk); p5(2020).has('RUS' as Iso3) // true
 */
export function permanentSeats(crosswalk: Crosswalk): (year: number) => ReadonlySet<Iso3> {
  const memo = new Map<number, ReadonlySet<Iso3>>();
  return (year) => {
    let s = memo.get(year);
    if (s === undefined) memo.set(year, (s = permanentMembers(crosswalk, year)));
    return s;
  };
}
