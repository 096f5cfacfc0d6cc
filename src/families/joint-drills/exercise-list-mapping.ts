/**
 * The column mapping that turns one exercise-list format into exercises: which columns a file
 * must have, how its dates, flags, participants, ids and names are written. One mapping per
 * `format:` (the table is `exercise-list-formats.ts`); one reader reads them all
 * (`read-exercise-list.ts`). This module holds the mapping's types and the pure date and flag
 * strategies; the participant strategies are in `exercise-participant-readers.ts`.
 */
import type { CodeSystem } from '../../domain/code-system.js';
import { DOMAINS, FOCI, type Domain, type Focus } from './exercise.js';
import { PLAUSIBLE_YEARS, readDate, readExerciseDates, readFlags, type CellGetter, type CellProblem, type DateColumns } from './exercise-cells.js';
import { earliestDay, formatPartialDate, latestDay, makePartialDate, parseDateText, type PartialDate } from './partial-date.js';

/**
 * How a format writes its dates.
 * - `parts`: parsed parts (`s.year`/`s.month`/`s.day`) else the text, strictly: a start that
 *   cannot be read is an error; an end before the start in the same year is ignored (noted).
 * - `lenient_parts`: the same columns read leniently (a coders' sheet): a start given only as
 *   a four-digit year in the text is taken (noted); a row without a plausible start is skipped
 *   (noted); an unreadable end is ignored (noted).
 * - `text`: one text column each for start (required) and end (optional), `2021-09-11`,
 *   `2021-09`, `2021`, `M/D/YYYY`; every unreadable date is an error.
 * - `year`: one column with the four-digit start year; month, day and end are unknown.
 */
export type DateMapping =
  | { readonly kind: 'parts'; readonly start: DateColumns; readonly end: DateColumns }
  | { readonly kind: 'lenient_parts'; readonly start: DateColumns; readonly end: DateColumns }
  | { readonly kind: 'text'; readonly start: string; readonly end: string }
  | { readonly kind: 'year'; readonly column: string };

/**
 * How a format writes the MME domain and focus flags.
 * - `columns`: one 0/1 column per flag named after it (`CPX`, `Air`, … `Humanitarian`).
 * - `lists`: a domain and a focus column holding `;`-separated flag names, any case.
 * - `type_contains`: a free-text type column; the domain flag is set when it contains the token.
 * - `none`: the format has no flags.
 */
export type FlagMapping =
  | { readonly kind: 'columns' }
  | { readonly kind: 'lists'; readonly domain: string; readonly focus: string; readonly separator: string }
  | { readonly kind: 'type_contains'; readonly column: string; readonly token: string; readonly domain: Domain }
  | { readonly kind: 'none' };

/**
 * How a format lists the participants of an exercise.
 * - `slots`: one participant per column, the columns matched by `pattern` (`StateA` …); cells
 *   are passed through `clean`; when `shape` is set, a cell not matching it is skipped with
 *   `shape.reason` (the JME sheet's `8 NATO members`).
 * - `list`: one column with participants separated by `separator`.
 * - `long`: one participant per row, the rows of an exercise grouped by the mapping's
 *   `groupBy` columns; each row gives a Gleditsch–Ward code (`NA` when unknown) and a name,
 *   and the calendar year of the row (an exercise over two years repeats its rows).
 */
export type ParticipantMapping =
  | {
      readonly kind: 'slots';
      readonly pattern: RegExp;
      readonly codes: CodeSystem;
      /** The error when the header has no column matching `pattern` (what to check or set). */
      readonly missing: string;
      readonly clean?: (raw: string) => string;
      readonly shape?: { readonly pattern: RegExp; readonly reason: string };
      /** Appended to an unknown participant's message: how to fix it. */
      readonly fix: string;
    }
  | { readonly kind: 'list'; readonly column: string; readonly separator: string; readonly codes: CodeSystem; readonly fix: string }
  | { readonly kind: 'long'; readonly gwColumn: string; readonly nameColumn: string; readonly yearColumn: string; readonly maxRows: number };

/**
 * One exercise-list format as columns: what the reader needs to know about a file to turn its
 * rows into exercises.
 * @example
 * const m: ExerciseListMapping = {
 *   required: ['yr'], id: null, name: 'name', dates: { kind: 'year', column: 'yr' }, flags: { kind: 'none' },
 *   participants: { kind: 'slots', pattern: /^part\d+$/, codes: 'name', missing: 'no part1, part2, …', fix: 'check the spelling' },
 * };
 */
export interface ExerciseListMapping {
  /** Columns the header must have (participant slot columns are checked by their pattern). */
  readonly required: readonly string[];
  /** Long form: rows with equal values in these columns are one exercise. */
  readonly groupBy?: readonly string[];
  /** The id column and the prefix of its value in the exercise id (`id 17`); null or empty cell = `line N`. */
  readonly id: { readonly column: string; readonly prefix: string } | null;
  /** The name column (optional in the file: absent = unnamed). */
  readonly name: string;
  readonly dates: DateMapping;
  readonly flags: FlagMapping;
  readonly participants: ParticipantMapping;
}

/** An exercise's dates as read by a {@link DateMapping}: problems are errors, notes are kept for the user. */
export interface DateReading {
  /** The start; may be set next to a problem (then the exercise is not kept). */
  readonly start: PartialDate | null;
  readonly end: PartialDate | null;
  readonly problems: readonly CellProblem[];
  /** What was read differently from the cells or ignored (end ignored, year only, row skipped). */
  readonly notes: readonly string[];
}

type DateReader<K extends DateMapping['kind']> = (m: Extract<DateMapping, { kind: K }>, get: CellGetter) => DateReading;

/** The date strategies by kind. */
const DATE_READERS: { readonly [K in DateMapping['kind']]: DateReader<K> } = {
  parts: (m, get) => {
    const d = readExerciseDates(get, m.start, m.end);
    return { start: d.start, end: d.end, problems: d.problems, notes: d.endIgnored === null ? [] : [d.endIgnored] };
  },
  lenient_parts: (m, get) => readLenientDates(get, m.start, m.end),
  text: (m, get) => {
    const problems: CellProblem[] = [];
    const startText = (get(m.start) ?? '').trim();
    const endText = (get(m.end) ?? '').trim();
    const start = parseDateText(startText);
    if (start === null) problems.push({ column: m.start, message: `expected a start date like 2021-09-11, 2021-09 or 2021, got "${startText}"` });
    else if (start.year < PLAUSIBLE_YEARS.from || start.year > PLAUSIBLE_YEARS.to) {
      problems.push({ column: m.start, message: `start year ${start.year} is outside ${PLAUSIBLE_YEARS.from}–${PLAUSIBLE_YEARS.to}` });
    }
    let end: PartialDate | null = null;
    if (endText !== '') {
      end = parseDateText(endText);
      if (end === null) problems.push({ column: m.end, message: `expected an end date like 2021-09-25 or an empty cell, got "${endText}"` });
      else if (start !== null && latestDay(end) < earliestDay(start)) problems.push({ column: m.end, message: 'the end date is before the start date; fix one of them' });
    }
    return { start, end, problems, notes: [] };
  },
  year: (m, get) => {
    const raw = (get(m.column) ?? '').trim();
    const y = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
    const start = y >= PLAUSIBLE_YEARS.from && y <= PLAUSIBLE_YEARS.to ? makePartialDate(y, null, null) : null;
    const problems = start === null ? [{ column: m.column, message: `expected a four-digit year in ${PLAUSIBLE_YEARS.from}–${PLAUSIBLE_YEARS.to}, got "${raw}"` }] : [];
    return { start, end: null, problems, notes: [] };
  },
};

/**
 * Reads an exercise's start and end as the mapping says.
 * @example
 * // a row with yr 2014
 * readMappedDates({ kind: 'year', column: 'yr' }, get) // { start: { year: 2014, month: null, day: null }, end: null, problems: [], notes: [] }
 */
export function readMappedDates(m: DateMapping, get: CellGetter): DateReading {
  return (DATE_READERS[m.kind] as DateReader<DateMapping['kind']>)(m, get);
}

/** An exercise's flags as read by a {@link FlagMapping}. */
export interface FlagReading {
  readonly domains: readonly Domain[];
  readonly focus: readonly Focus[];
}

type FlagReader<K extends FlagMapping['kind']> = (m: Extract<FlagMapping, { kind: K }>, get: CellGetter, problems: CellProblem[]) => FlagReading;

/** The flag strategies by kind. */
const FLAG_READERS: { readonly [K in FlagMapping['kind']]: FlagReader<K> } = {
  columns: (_m, get, problems) => {
    const domains = readFlags(get, DOMAINS, problems);
    return { domains, focus: readFlags(get, FOCI, problems) };
  },
  lists: (m, get, problems) => {
    const domains = readFlagList((get(m.domain) ?? '').trim(), DOMAINS, m.separator, (message) => problems.push({ column: m.domain, message }));
    const focus = readFlagList((get(m.focus) ?? '').trim(), FOCI, m.separator, (message) => problems.push({ column: m.focus, message }));
    return { domains, focus };
  },
  type_contains: (m, get) => ({ domains: (get(m.column) ?? '').toUpperCase().includes(m.token) ? [m.domain] : [], focus: [] }),
  none: () => ({ domains: [], focus: [] }),
};

/**
 * Reads an exercise's domain and focus flags as the mapping says; cells that are not flags are
 * added to `problems`.
 * @example
 * // a row with JME Type "CPX/FTX"
 * readMappedFlags({ kind: 'type_contains', column: 'JME Type', token: 'CPX', domain: 'CPX' }, get, []) // { domains: ['CPX'], focus: [] }
 */
export function readMappedFlags(m: FlagMapping, get: CellGetter, problems: CellProblem[]): FlagReading {
  return (FLAG_READERS[m.kind] as FlagReader<FlagMapping['kind']>)(m, get, problems);
}

/** Reads `a;b;c` flags against the allowed names (case-insensitive); unknown ones are reported. */
function readFlagList<T extends string>(cell: string, names: readonly T[], separator: string, report: (message: string) => void): T[] {
  const out: T[] = [];
  for (const token of cell.split(separator)) {
    const t = token.trim().toLowerCase();
    if (t === '') continue;
    const hit = names.find((n) => n.toLowerCase() === t);
    if (hit === undefined) report(`unknown value "${token.trim()}"; expected any of ${names.join(', ')} separated by ${separator}`);
    else if (!out.includes(hit)) out.push(hit);
  }
  return names.filter((n) => out.includes(n));
}

/**
 * A coders' sheet's dates, leniently: the start from the parts or the text, else a four-digit
 * year in the text; an unreadable end is ignored; an end before the start is ignored within the
 * same year, and makes the row unusable when it lies in an earlier year (the dates contradict).
 * Never a problem: what could not be read is in `notes`, a row without a start has `start: null`.
 */
function readLenientDates(get: CellGetter, startCols: DateColumns, endCols: DateColumns): DateReading {
  const notes: string[] = [];
  const start = readLenientStart(get, startCols, notes);
  if (start === null) return { start, end: null, problems: [], notes };
  const e = readDate(get, endCols);
  if (e === 'absent') return { start, end: null, problems: [], notes };
  if ('message' in e) {
    notes.push(`end date ignored: ${e.message}`);
    return { start, end: null, problems: [], notes };
  }
  if (e.year < start.year) {
    notes.push(`the end (${formatPartialDate(e)}) is in a year before the start (${formatPartialDate(start)}); the dates contradict each other; row skipped`);
    return { start: null, end: null, problems: [], notes };
  }
  if (latestDay(e) < earliestDay(start)) {
    notes.push(`end date ${formatPartialDate(e)} is before the start ${formatPartialDate(start)}; end ignored`);
    return { start, end: null, problems: [], notes };
  }
  return { start, end: e, problems: [], notes };
}

function readLenientStart(get: CellGetter, cols: DateColumns, notes: string[]): PartialDate | null {
  const d = readDate(get, cols);
  if (d !== 'absent' && !('message' in d)) {
    if (d.year >= PLAUSIBLE_YEARS.from && d.year <= PLAUSIBLE_YEARS.to) return d;
    notes.push(`start year ${d.year} is outside ${PLAUSIBLE_YEARS.from}–${PLAUSIBLE_YEARS.to} (a typing error); row skipped`);
    return null;
  }
  const text = (get(cols.text) ?? '').trim();
  const y = /(?:^|\D)((?:19|20)\d\d)\s*$/.exec(text);
  if (y) {
    const date = makePartialDate(Number(y[1]), null, null);
    if (date !== null) {
      notes.push(`start date "${text}" read as the year ${y[1]} only`);
      return date;
    }
  }
  const why = d === 'absent' ? `no start date (${cols.year} and ${cols.text} are empty or -9)` : d.message;
  notes.push(`${why}; row skipped`);
  return null;
}
