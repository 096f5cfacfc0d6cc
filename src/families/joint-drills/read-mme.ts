import path from 'node:path';
import type { Crosswalk } from '../../domain/crosswalk.js';
import { DOMAINS, FOCI, type Exercise, type ExerciseList, type SkippedParticipant, type UnreadableRow } from './exercise.js';
import { MME_END, MME_START, readExerciseDates, readFlags, type CellProblem } from './exercise-cells.js';
import { resolveParticipants } from './resolve-participants.js';
import { ProblemList } from '../../domain/problem-list.js';
import { cellOf, checkWidth, indexHeader, withCsvRows } from '../../format/read-csv.js';

/** Columns an MME v7 wide file must have (besides at least one `State…` column). */
export const MME_REQUIRED_COLUMNS: readonly string[] = [
  'MMEID',
  'Ex_Name',
  'StartDate',
  's.year',
  's.month',
  's.day',
  'EndDate',
  'e.year',
  'e.month',
  'e.day',
  ...DOMAINS,
  ...FOCI,
];

/** Participant slot columns of MME (`StateA` … `StateAM`). */
export const MME_STATE_COLUMN = /^State[A-Z]{1,2}$/;

/**
 * Reads the Multinational Military Exercises data, v7, in its published wide form (D'Orazio &
 * Galambos 2021): one row per exercise, participants as English names in `StateA` … `StateAM`.
 *
 * - Dates: the parsed `s.year`/`s.month`/`s.day` (and `e.*`) are preferred; when they are
 *   empty the text `StartDate`/`EndDate` is read (`M/D/YY` or `YYYY-MM-xx`). An unknown day
 *   (`xx`) stays unknown. An end before the start (six rows of v7) is ignored and listed in
 *   `unreadable`; the start decides the year.
 * - Participants are resolved with the crosswalk in the exercise's start year (so `Russia`
 *   in 1985 is the Soviet Union, reported as RUS by default); duplicates in a row count once.
 *   Non-state entries (`-9`, `NATO`, `Baltic States`, territories) are skipped and returned
 *   with their line and column in `skipped`.
 * - `MMEID` is not unique in v7 (three ids occur twice for different exercises): rows are
 *   kept apart by their line.
 *
 * Every bad row (ragged, unreadable date, flag not 0/1, unknown participant name with the
 * closest spellings) is reported together.
 * @throws {InputError} with every problem of the file.
 * @example
 * const list = await readMme('mme_v7.csv.gz', createCrosswalk());
 * list.exercises.length // 3707
 */
export async function readMme(file: string, crosswalk: Crosswalk): Promise<ExerciseList> {
  const source = path.basename(file);
  const problems = new ProblemList(file);
  return withCsvRows(file, async (rows) => {
    const first = await rows.next();
    const header = indexHeader(file, first.done ? undefined : first.value, MME_REQUIRED_COLUMNS);
    const stateColumns = header.names.map((n, i) => ({ n, i })).filter(({ n }) => MME_STATE_COLUMN.test(n));
    if (stateColumns.length === 0) {
      problems.add(first.done ? 0 : first.value.line, undefined, 'no participant columns StateA, StateB, …; is this the MME v7 wide file? (use `format: mme_long` for the long form)');
      problems.throwIfAny();
    }
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
      const cellProblems: CellProblem[] = [];
      const dates = readExerciseDates(get, MME_START, MME_END);
      cellProblems.push(...dates.problems);
      const domains = readFlags(get, DOMAINS, cellProblems);
      const focus = readFlags(get, FOCI, cellProblems);
      const year = dates.start?.year;
      const resolved = resolveParticipants(
        stateColumns.map(({ n, i }) => ({ column: n, raw: row.cells[i]! })),
        'name',
        year,
        row.line,
        crosswalk,
      );
      for (const u of resolved.unknown) cellProblems.push({ column: u.column, message: `${u.message}; fix the name or report the missing alias` });
      for (const p of cellProblems) problems.add(row.line, p.column, p.message);
      skipped.push(...resolved.skipped);
      if (cellProblems.length > 0 || dates.start === null) continue;
      if (dates.endIgnored !== null) unreadable.push({ line: row.line, message: dates.endIgnored });
      const s = dates.start;
      if (s.year < from) from = s.year;
      if (s.year > to) to = s.year;
      exercises.push({
        source,
        line: row.line,
        id: (get('MMEID') ?? '').trim() || `line ${row.line}`,
        name: (get('Ex_Name') ?? '').trim(),
        start: s,
        end: dates.end,
        participants: resolved.participants,
        domains,
        focus,
      });
    }
    problems.throwIfAny();
    return { source, exercises, skipped, unreadable, years: from <= to ? { from, to } : null, rows: count };
  });
}
