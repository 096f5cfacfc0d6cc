/**
 * Reading the cells shared by the exercise lists (MME wide and long, JME): start and end
 * dates given both as parsed parts (`s.year`, `s.month`, `s.day`) and as text, and 0/1 flags.
 * Pure: the exercise-list reader (`read-exercise-list.ts`) passes cells in and reports the problems with their lines.
 */
import { earliestDay, formatPartialDate, latestDay, parseDateText, partialDateFromCells, type PartialDate } from './partial-date.js';

/** A problem with one cell of a row. */
export interface CellProblem {
  readonly column: string;
  readonly message: string;
}

/** Looks up a cell of the current row by column name (`undefined` when the file lacks the column). */
export type CellGetter = (column: string) => string | undefined;

/** Column names of a date given as parts and as text. */
export interface DateColumns {
  readonly year: string;
  readonly month: string;
  readonly day: string;
  readonly text: string;
}

/** MME's start-date columns. */
export const MME_START: DateColumns = { year: 's.year', month: 's.month', day: 's.day', text: 'StartDate' };
/** MME's end-date columns. */
export const MME_END: DateColumns = { year: 'e.year', month: 'e.month', day: 'e.day', text: 'EndDate' };

/**
 * Reads a date, preferring the parsed parts and falling back to the text when the parts are
 * empty or impossible. Returns the date, `absent` when neither is given, or a problem.
 * @example
 * // a row with s.year 2005, s.month 8, s.day 18
 * readDate(get, MME_START) // { year: 2005, month: 8, day: 18 }
 */
export function readDate(get: CellGetter, cols: DateColumns): PartialDate | 'absent' | CellProblem {
  const fromParts = partialDateFromCells(get(cols.year) ?? '', get(cols.month) ?? '', get(cols.day) ?? '');
  if (fromParts !== null && fromParts !== 'absent') return fromParts;
  const text = (get(cols.text) ?? '').trim();
  const fromText = parseDateText(text);
  if (fromText !== null) return fromText;
  if (fromParts === 'absent' && (text === '' || text === '-9')) return 'absent';
  const parts = [get(cols.year), get(cols.month), get(cols.day)].map((c) => (c ?? '').trim()).join('/');
  return {
    column: fromParts === 'absent' ? cols.text : cols.year,
    message: `cannot read a date from ${cols.year}/${cols.month}/${cols.day} "${parts}" or ${cols.text} "${text}"; expected e.g. 2005/8/18 or 8/18/05, 1993-05-xx`,
  };
}

/** Start years outside this range are typing errors (e.g. JME's `03/05/3009`), not dates. */
export const PLAUSIBLE_YEARS = { from: 1900, to: 2100 } as const;

/** The start and end of an exercise, the problems found and what was set aside. */
export interface ExerciseDates {
  readonly start: PartialDate | null;
  readonly end: PartialDate | null;
  readonly problems: readonly CellProblem[];
  /** Set when an end date before the start was ignored (the exercise is kept with no end). */
  readonly endIgnored: string | null;
}

/**
 * Reads the start (required, in {@link PLAUSIBLE_YEARS}) and end (optional) of an exercise.
 * An end before the start in the same year is not a problem but ignored (`endIgnored` says
 * so): the start decides the year an exercise counts in. An end in an earlier year than the
 * start is a problem (one of the two years is wrong, and it matters).
 * @example readExerciseDates(get, MME_START, MME_END) // { start: {…}, end: {…}, problems: [], endIgnored: null }
 */
export function readExerciseDates(get: CellGetter, startCols: DateColumns, endCols: DateColumns): ExerciseDates {
  const problems: CellProblem[] = [];
  const s = readDate(get, startCols);
  const e = readDate(get, endCols);
  let start: PartialDate | null = null;
  let end: PartialDate | null = null;
  let endIgnored: string | null = null;
  if (s === 'absent') problems.push({ column: startCols.year, message: `no start date (${startCols.year} and ${startCols.text} are empty); every exercise needs at least its start year` });
  else if ('message' in s) problems.push(s);
  else if (s.year < PLAUSIBLE_YEARS.from || s.year > PLAUSIBLE_YEARS.to) {
    problems.push({ column: startCols.year, message: `start year ${s.year} is outside ${PLAUSIBLE_YEARS.from}–${PLAUSIBLE_YEARS.to}; probably a typing error` });
  } else start = s;
  if (e !== 'absent') {
    if ('message' in e) problems.push(e);
    else end = e;
  }
  if (start !== null && end !== null && end.year < start.year) {
    problems.push({ column: endCols.year, message: `the end (${formatPartialDate(end)}) is in a year before the start (${formatPartialDate(start)}); the dates contradict each other` });
    start = null;
    end = null;
  } else if (start !== null && end !== null && latestDay(end) < earliestDay(start)) {
    endIgnored = `end date ${formatPartialDate(end)} is before the start ${formatPartialDate(start)}; end ignored`;
    end = null;
  }
  return { start, end, problems, endIgnored };
}

/**
 * Reads 0/1 flag columns (empty = 0) and returns the names set to 1; any other value is a
 * problem.
 * @example
 * // a row with Air 1 and Sea 0
 * readFlags(get, ['Air', 'Sea'], problems) // ['Air']
 */
export function readFlags<T extends string>(get: CellGetter, names: readonly T[], problems: CellProblem[]): T[] {
  const out: T[] = [];
  for (const n of names) {
    const v = (get(n) ?? '').trim();
    if (v === '1') out.push(n);
    else if (v !== '0' && v !== '' && v !== 'NA') problems.push({ column: n, message: `expected 0 or 1, got "${v}"` });
  }
  return out;
}
