/**
 * Dates of exercises as the sources give them: often only the month (`1993-05-xx`,
 * `05/xx/1993`) or only the year (the Russian list). A {@link PartialDate} keeps what is
 * known; {@link earliestDay} and {@link latestDay} give the span of days it may denote.
 */

/** A calendar date whose month and day may be unknown (`null`). */
export interface PartialDate {
  readonly year: number;
  /** 1–12, or null when unknown. */
  readonly month: number | null;
  /** 1–31 (valid for the month), or null when unknown; never known without the month. */
  readonly day: number | null;
}

/** How precisely a {@link PartialDate} is known. */
export type DatePrecision = 'day' | 'month' | 'year';

/**
 * Makes a partial date, or null when the parts are not a possible date (month outside 1–12,
 * day outside the month, a day without a month, a year outside 1000–4095).
 * @example makePartialDate(2009, 7, 22) // { year: 2009, month: 7, day: 22 }
 * @example makePartialDate(2009, 2, 30) // null
 */
export function makePartialDate(year: number, month: number | null, day: number | null): PartialDate | null {
  if (!Number.isInteger(year) || year < 1000 || year > 4095) return null;
  if (month === null) return day === null ? { year, month: null, day: null } : null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (day === null) return { year, month, day: null };
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** The precision of a partial date. @example datePrecision({ year: 2009, month: 7, day: null }) // 'month' */
export function datePrecision(d: PartialDate): DatePrecision {
  return d.day !== null ? 'day' : d.month !== null ? 'month' : 'year';
}

/** Days in a month of the Gregorian calendar. @example daysInMonth(2008, 2) // 29 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Days since 1970-01-01 (UTC) of a full date; the integer day number used for spans.
 * @example dayNumber(1970, 1, 2) // 1
 */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** The year of a day number. @example yearOfDay(dayNumber(2010, 12, 31)) // 2010 */
export function yearOfDay(day: number): number {
  return new Date(day * 86_400_000).getUTCFullYear();
}

/**
 * First day a partial date may denote: an unknown day is the 1st, an unknown month January.
 * @example earliestDay({ year: 1993, month: 5, day: null }) === dayNumber(1993, 5, 1) // true
 */
export function earliestDay(d: PartialDate): number {
  return dayNumber(d.year, d.month ?? 1, d.day ?? 1);
}

/**
 * Last day a partial date may denote: an unknown day is the month's last, an unknown month
 * December.
 * @example latestDay({ year: 1993, month: 5, day: null }) === dayNumber(1993, 5, 31) // true
 */
export function latestDay(d: PartialDate): number {
  const month = d.month ?? 12;
  return dayNumber(d.year, month, d.day ?? daysInMonth(d.year, month));
}

/**
 * Orders partial dates by their earliest day, then by precision (a known day before the
 * month it lies in). A comparator for sorting.
 * @example comparePartialDates({ year: 2009, month: 7, day: null }, { year: 2009, month: 7, day: 22 }) < 0 // true
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return earliestDay(a) - earliestDay(b) || latestDay(a) - latestDay(b);
}

/** ISO-like text of a partial date: `2009-07-22`, `2009-07`, `2009`. @example formatPartialDate({ year: 1993, month: 5, day: null }) // '1993-05' */
export function formatPartialDate(d: PartialDate): string {
  if (d.month === null) return String(d.year);
  const m = String(d.month).padStart(2, '0');
  return d.day === null ? `${d.year}-${m}` : `${d.year}-${m}-${String(d.day).padStart(2, '0')}`;
}

/** Two-digit years from 00 to this value are read as 20xx, the others as 19xx. */
export const TWO_DIGIT_YEAR_PIVOT = 29;

const UNKNOWN = /^(xx|x|-9|\?\?|)$/i;

function part(text: string): number | null | 'bad' {
  const t = text.trim();
  if (UNKNOWN.test(t)) return null;
  if (!/^\d{1,4}$/.test(t)) return 'bad';
  return Number(t);
}

/**
 * Parses the date texts found in exercise lists, keeping unknown parts unknown:
 * `M/D/YY` and `M/D/YYYY` (month first, as MME and JME write them; a two-digit year `yy` is
 * 20yy when ≤ {@link TWO_DIGIT_YEAR_PIVOT}, else 19yy), `MM/xx/YYYY`, `xx/xx/YYYY`,
 * `YYYY-MM-DD`, `YYYY-MM-xx`, `YYYY-MM` and `YYYY`. `xx` (any case) marks an unknown part.
 * Returns null for anything else (including an empty cell and `-9`).
 * @example parseDateText('8/18/05') // { year: 2005, month: 8, day: 18 }
 * @example parseDateText('1993-05-xx') // { year: 1993, month: 5, day: null }
 * @example parseDateText('09/xx/2007') // { year: 2007, month: 9, day: null }
 */
export function parseDateText(text: string): PartialDate | null {
  const t = text.trim();
  if (t === '') return null;
  const slash = t.split('/');
  if (slash.length === 3) {
    const [m, d, y] = slash as [string, string, string];
    const yt = y.trim();
    let year: number;
    if (/^\d{4}$/.test(yt)) year = Number(yt);
    else if (/^\d{2}$/.test(yt)) year = Number(yt) + (Number(yt) <= TWO_DIGIT_YEAR_PIVOT ? 2000 : 1900);
    else return null;
    return fromParts(year, part(m), part(d));
  }
  const dash = /^(\d{4})(?:-(\d{1,2}|xx)(?:-(\d{1,2}|xx))?)?$/i.exec(t);
  if (dash) return fromParts(Number(dash[1]), part(dash[2] ?? ''), part(dash[3] ?? ''));
  return null;
}

function fromParts(year: number, month: number | null | 'bad', day: number | null | 'bad'): PartialDate | null {
  if (month === 'bad' || day === 'bad') return null;
  // a known day with an unknown month is meaningless: keep the year only
  return makePartialDate(year, month, month === null ? null : day);
}

/**
 * Reads a date from separate year, month and day cells (MME's and JME's parsed `s.year`,
 * `s.month`, `s.day`): `xx`, `-9` or empty mark an unknown month or day. Returns `absent`
 * when the year cell is empty or unknown, null when the cells are not a possible date.
 * @example partialDateFromCells('1993', '5', 'xx') // { year: 1993, month: 5, day: null }
 * @example partialDateFromCells('', '', '') // 'absent'
 */
export function partialDateFromCells(yearCell: string, monthCell: string, dayCell: string): PartialDate | null | 'absent' {
  const y = yearCell.trim();
  if (UNKNOWN.test(y) || /^x{4}$/i.test(y)) return 'absent';
  if (!/^\d{4}$/.test(y)) return null;
  return fromParts(Number(y), part(monthCell), part(dayCell));
}
