import path from 'node:path';
import type { CodeSystem } from '../../domain/code-system.js';
import type { Crosswalk } from '../../domain/crosswalk.js';
import type { Exercise, ExerciseList, SkippedParticipant } from './exercise.js';
import { PLAUSIBLE_YEARS } from './exercise-cells.js';
import { makePartialDate } from './partial-date.js';
import { resolveParticipants } from './resolve-participants.js';
import { ProblemList } from '../../domain/problem-list.js';
import { checkWidth, indexHeader, withCsvRows } from '../../format/read-csv.js';

/** Options of {@link readWideEventList}; the defaults fit the Russian exercises list. */
export interface ReadWideEventListOptions {
  /** Code system of the participants (default `name`). */
  readonly codes: CodeSystem;
  /** Column holding the (start) year (default `yr`). */
  readonly yearColumn: string;
  /** Column holding the exercise name (default `name`; optional in the file). */
  readonly nameColumn: string;
  /** Participant columns are this prefix followed by a number: `part1`, `part2`, … (default `part`). */
  readonly participantPrefix: string;
}

/** The defaults of {@link ReadWideEventListOptions}. */
export const WIDE_EVENT_LIST_DEFAULTS: ReadWideEventListOptions = { codes: 'name', yearColumn: 'yr', nameColumn: 'name', participantPrefix: 'part' };

/**
 * Reads a "wide" event list known only to the year: one row per exercise, a year column and
 * participants in numbered columns (`part1` … `part28`), as in the hand-compiled list of
 * exercises with Russian participation 2009–2018 (`russia_joint_exercises_2009-2018.csv`).
 * Such lists often leave out their host — combine with `implicit_participant:`. Every
 * exercise's start is its year only (month and day unknown). Non-state entries are skipped
 * with their line; an `id` column, when present, names the rows in notes.
 * @throws {InputError} with every problem of the file (ragged rows, a year that is not four
 *   digits, unknown participants with the closest spellings).
 * @example
 * const list = await readWideEventList('russia_joint_exercises_2009-2018.csv.gz', createCrosswalk(), WIDE_EVENT_LIST_DEFAULTS);
 * list.years // { from: 2009, to: 2018 }
 */
export async function readWideEventList(file: string, crosswalk: Crosswalk, options: ReadWideEventListOptions): Promise<ExerciseList> {
  const source = path.basename(file);
  const problems = new ProblemList(file);
  return withCsvRows(file, async (rows) => {
    const first = await rows.next();
    const header = indexHeader(file, first.done ? undefined : first.value, [options.yearColumn]);
    const slot = new RegExp(`^${options.participantPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\d+$`);
    const partColumns = header.names.map((n, i) => ({ n, i })).filter(({ n }) => slot.test(n));
    if (partColumns.length === 0) {
      problems.add(first.done ? 0 : first.value.line, undefined, `no participant columns ${options.participantPrefix}1, ${options.participantPrefix}2, …; set \`participant_prefix:\` to the columns' common prefix`);
      problems.throwIfAny();
    }
    const iy = header.at.get(options.yearColumn)!;
    const iname = header.at.get(options.nameColumn);
    const iid = header.at.get('id');
    const exercises: Exercise[] = [];
    const skipped: SkippedParticipant[] = [];
    let from = Infinity;
    let to = -Infinity;
    let count = 0;
    for await (const row of rows) {
      count++;
      if (!checkWidth(problems, row, header.names.length)) continue;
      const yRaw = row.cells[iy]!.trim();
      const y = /^\d{4}$/.test(yRaw) ? Number(yRaw) : NaN;
      const start = y >= PLAUSIBLE_YEARS.from && y <= PLAUSIBLE_YEARS.to ? makePartialDate(y, null, null) : null;
      if (start === null) problems.add(row.line, options.yearColumn, `expected a four-digit year in ${PLAUSIBLE_YEARS.from}–${PLAUSIBLE_YEARS.to}, got "${yRaw}"`);
      const resolved = resolveParticipants(
        partColumns.map(({ n, i }) => ({ column: n, raw: row.cells[i]! })),
        options.codes,
        start?.year,
        row.line,
        crosswalk,
      );
      for (const u of resolved.unknown) problems.add(row.line, u.column, `${u.message}; check the spelling or the source's \`codes:\` (${options.codes})`);
      skipped.push(...resolved.skipped);
      if (start === null || resolved.unknown.length > 0) continue;
      if (start.year < from) from = start.year;
      if (start.year > to) to = start.year;
      exercises.push({
        source,
        line: row.line,
        id: iid === undefined || row.cells[iid]!.trim() === '' ? `line ${row.line}` : `id ${row.cells[iid]!.trim()}`,
        name: iname === undefined ? '' : row.cells[iname]!.trim(),
        start,
        end: null,
        participants: resolved.participants,
        domains: [],
        focus: [],
      });
    }
    problems.throwIfAny();
    return { source, exercises, skipped, unreadable: [], years: from <= to ? { from, to } : null, rows: count };
  });
}
