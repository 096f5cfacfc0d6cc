import path from 'node:path';
import type { Crosswalk } from '../../domain/crosswalk.js';
import type { Exercise, ExerciseList, SkippedParticipant, UnreadableRow } from './exercise.js';
import { PLAUSIBLE_YEARS, readDate, type DateColumns } from './exercise-cells.js';
import { earliestDay, formatPartialDate, latestDay, makePartialDate, type PartialDate } from './partial-date.js';
import { nonStateReason } from './non-state-participants.js';
import { resolveParticipants } from './resolve-participants.js';
import { ProblemList } from '../../domain/problem-list.js';
import { cellOf, checkWidth, indexHeader, withCsvRows } from '../../format/read-csv.js';

/** Columns the JME v3 coding sheet must have (besides `State A` …). */
export const JME_REQUIRED_COLUMNS: readonly string[] = ['Exercise Name', 'Start Date', 's.year', 's.month', 's.day', 'enddate', 'e.year', 'e.month', 'e.day'];

/** Participant slot columns of the JME sheet (`State A` … `State AD`). */
export const JME_STATE_COLUMN = /^State [A-Z]{1,2}$/;

const JME_START: DateColumns = { year: 's.year', month: 's.month', day: 's.day', text: 'Start Date' };
const JME_END: DateColumns = { year: 'e.year', month: 'e.month', day: 'e.day', text: 'enddate' };

/** Codes of the sheet that are not ISO3 but mean an ISO3 state (cleaned after trim + upper-case). */
export const JME_CODE_FIXES: Readonly<Record<string, string>> = { ROM: 'ROU' };

/**
 * Reads D'Orazio's Joint Military Exercises coding sheet, v3 (the coders' spreadsheet behind
 * the JME data, exported to CSV): one row per exercise, participants as ISO3 codes in
 * `State A` … `State AD`.
 *
 * The sheet is messy and the reader is lenient with its cells, reporting what it could not
 * read instead of failing (the file is used as published):
 * - codes are trimmed and upper-cased (`uSA`, `CAN `), `ROM` is read as `ROU`;
 * - non-codes (`NATO`, `8 NATO members`, `-9`, any text that is not three letters) are
 *   skipped and returned with their line in `skipped`;
 * - the start year comes from `s.year`/`s.month`/`s.day`, else from the `Start Date` text
 *   (`M/D/YYYY`, `MM/xx/YYYY`); when neither reads, a four-digit year in the text is taken
 *   (noted); a row without any start year, or with an implausible one (`3009`), is skipped
 *   and listed in `unreadable`; an end that cannot be read or lies before the start is
 *   ignored (noted);
 * - `JME Type` containing `CPX` sets the CPX domain flag; the sheet has no focus flags.
 * A three-letter code the crosswalk does not know and a ragged row are errors.
 * @throws {InputError} with every problem of the file.
 * @example
 * const list = await readJme('dorazio_jme_v3_sheet.csv.gz', createCrosswalk());
 * list.unreadable // [{ line: 1531, message: 'no start year …; row skipped' }, …]
 */
export async function readJme(file: string, crosswalk: Crosswalk): Promise<ExerciseList> {
  const source = path.basename(file);
  const problems = new ProblemList(file);
  return withCsvRows(file, async (rows) => {
    const first = await rows.next();
    const header = indexHeader(file, first.done ? undefined : first.value, JME_REQUIRED_COLUMNS);
    const stateColumns = header.names.map((n, i) => ({ n, i })).filter(({ n }) => JME_STATE_COLUMN.test(n));
    if (stateColumns.length === 0) {
      problems.add(first.done ? 0 : first.value.line, undefined, 'no participant columns "State A", "State B", …; is this the JME v3 coding sheet?');
      problems.throwIfAny();
    }
    const columnOrder = new Map(stateColumns.map(({ n }, k) => [n, k]));
    const exercises: Exercise[] = [];
    const skipped: SkippedParticipant[] = [];
    const unreadable: UnreadableRow[] = [];
    let from = Infinity;
    let to = -Infinity;
    let count = 0;
    for await (const row of rows) {
      count++;
      if (!checkWidth(problems, row, header.names.length)) continue;
      const get = cellOf(header, row);
      const { start, end } = readJmeDates(get, row.line, unreadable);
      const cells = stateColumns.map(({ n, i }) => ({ column: n, raw: cleanCode(row.cells[i]!) }));
      const notCodes = cells.filter((c) => c.raw !== '' && !/^[A-Z]{3}$/.test(c.raw));
      const resolved = resolveParticipants(
        cells.filter((c) => !notCodes.includes(c)),
        'iso3',
        start?.year,
        row.line,
        crosswalk,
      );
      const rowSkipped = [...resolved.skipped, ...notCodes.map((c) => ({ line: row.line, column: c.column, raw: c.raw, reason: nonStateReason(c.raw) ?? 'not an ISO3 code' }))];
      skipped.push(...rowSkipped.sort((x, y) => columnOrder.get(x.column)! - columnOrder.get(y.column)!));
      for (const u of resolved.unknown) problems.add(row.line, u.column, `${u.message}; fix the code or report the missing code`);
      if (start === null || resolved.unknown.length > 0) continue;
      if (start.year < from) from = start.year;
      if (start.year > to) to = start.year;
      const type = (get('JME Type') ?? '').toUpperCase();
      exercises.push({
        source,
        line: row.line,
        id: `line ${row.line}`,
        name: (get('Exercise Name') ?? '').trim(),
        start,
        end,
        participants: resolved.participants,
        domains: type.includes('CPX') ? ['CPX'] : [],
        focus: [],
      });
    }
    problems.throwIfAny();
    return { source, exercises, skipped, unreadable, years: from <= to ? { from, to } : null, rows: count };
  });
}

/** Trim + upper-case, then the sheet's known miscodings (`ROM` → `ROU`). */
function cleanCode(raw: string): string {
  const t = raw.trim().toUpperCase();
  return JME_CODE_FIXES[t] ?? t;
}

/**
 * The sheet's dates, leniently: the start from the parts or the text, else a four-digit year
 * in the text; an unreadable end is ignored; an end before the start is ignored within the
 * same year, and makes the row unusable when it lies in an earlier year (the dates contradict).
 */
function readJmeDates(
  get: (c: string) => string | undefined,
  line: number,
  unreadable: UnreadableRow[],
): { start: PartialDate | null; end: PartialDate | null } {
  const start = readStart(get, line, unreadable);
  if (start === null) return { start, end: null };
  const e = readDate(get, JME_END);
  if (e === 'absent') return { start, end: null };
  if ('message' in e) {
    unreadable.push({ line, message: `end date ignored: ${e.message}` });
    return { start, end: null };
  }
  if (e.year < start.year) {
    unreadable.push({ line, message: `the end (${formatPartialDate(e)}) is in a year before the start (${formatPartialDate(start)}); the dates contradict each other; row skipped` });
    return { start: null, end: null };
  }
  if (latestDay(e) < earliestDay(start)) {
    unreadable.push({ line, message: `end date ${formatPartialDate(e)} is before the start ${formatPartialDate(start)}; end ignored` });
    return { start, end: null };
  }
  return { start, end: e };
}

function readStart(get: (c: string) => string | undefined, line: number, unreadable: UnreadableRow[]): PartialDate | null {
  const d = readDate(get, JME_START);
  if (d !== 'absent' && !('message' in d)) {
    if (d.year >= PLAUSIBLE_YEARS.from && d.year <= PLAUSIBLE_YEARS.to) return d;
    unreadable.push({ line, message: `start year ${d.year} is outside ${PLAUSIBLE_YEARS.from}–${PLAUSIBLE_YEARS.to} (a typing error); row skipped` });
    return null;
  }
  const text = (get('Start Date') ?? '').trim();
  const y = /(?:^|\D)((?:19|20)\d\d)\s*$/.exec(text);
  if (y) {
    const date = makePartialDate(Number(y[1]), null, null);
    if (date !== null) {
      unreadable.push({ line, message: `start date "${text}" read as the year ${y[1]} only` });
      return date;
    }
  }
  const why = d === 'absent' ? 'no start date (s.year and Start Date are empty or -9)' : d.message;
  unreadable.push({ line, message: `${why}; row skipped` });
  return null;
}
