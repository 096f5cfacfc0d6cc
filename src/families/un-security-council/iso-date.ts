/**
 * ISO calendar dates (`YYYY-MM-DD`) as the Security Council files use them. Pure.
 */

/**
 * True when `text` is a real calendar date written `YYYY-MM-DD` (years 1000–4095).
 * @example isIsoDate('2010-06-09') // true
 * @example isIsoDate('2010-02-30') // false
 */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000 || y > 4095 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/**
 * A `M/D/YYYY` date (the veto list's form, no zero padding) as ISO, or null.
 * @example usDateToIso('2/16/1946') // '1946-02-16'
 * @example usDateToIso('13/1/2001') // null
 */
export function usDateToIso(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (m === null) return null;
  const iso = `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A day and month in words (`19 December`, the DHL meeting tables' form) in a year, as ISO, or null.
 * @example dayMonthToIso('19 December ', 2006) // '2006-12-19'
 */
export function dayMonthToIso(text: string, year: number): string | null {
  const m = /^(\d{1,2})\s+([A-Za-z]+)$/.exec(text.trim());
  if (m === null) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return null;
  const iso = `${year}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
