import path from 'node:path';
import type { Crosswalk } from '../../domain/crosswalk.js';
import { ProblemList } from '../../domain/problem-list.js';
import { cellOf, checkWidth, indexHeader, type CsvRow, withCsvRows } from '../../format/read-csv.js';
import type { Exercise, ExerciseList, SkippedParticipant, UnreadableRow } from './exercise.js';
import type { CellProblem } from './exercise-cells.js';
import { readMappedDates, readMappedFlags, type ExerciseListMapping } from './exercise-list-mapping.js';
import { openParticipantReader } from './exercise-participant-readers.js';

/**
 * Reads any exercise list (MME wide or long, the JME sheet, event lists, wide year-only lists)
 * through its column mapping (`exercise-list-formats.ts`): checks the header, reads every row
 * (or, in long form, every group of rows with equal `groupBy` cells) into one exercise —
 * dates, flags, participants, id and name as the mapping says — and counts it in its start year.
 *
 * Every problem of the file (ragged rows, unreadable dates or flags, unknown participants with
 * the closest spellings) is reported together; what was read differently or set aside is
 * returned in `unreadable` (sorted by line), non-state participants in `skipped`. An exercise
 * with a problem, or without a start (a lenient sheet's skipped rows), is not kept.
 * @throws {InputError} with every problem of the file.
 * @example
 * const list = await readExerciseList('mme_v7.csv.gz', createCrosswalk(), MME_MAPPING);
 * list.exercises.length // 3707
 */
export async function readExerciseList(file: string, crosswalk: Crosswalk, mapping: ExerciseListMapping): Promise<ExerciseList> {
  const source = path.basename(file);
  const problems = new ProblemList(file);
  return withCsvRows(file, async (rows) => {
    const first = await rows.next();
    const header = indexHeader(file, first.done ? undefined : first.value, mapping.required);
    const who = openParticipantReader(mapping.participants, header, crosswalk);
    if ('missing' in who) {
      problems.add(first.done ? 0 : first.value.line, undefined, who.missing);
      problems.throwIfAny();
      throw new Error('unreachable: a problem was just added');
    }
    const exercises: Exercise[] = [];
    const skipped: SkippedParticipant[] = [];
    const unreadable: UnreadableRow[] = [];
    let from = Infinity;
    let to = -Infinity;

    const readExercise = (group: readonly CsvRow[]): void => {
      const head = group[0]!;
      const get = cellOf(header, head);
      const dates = readMappedDates(mapping.dates, get);
      const cellProblems: CellProblem[] = [...dates.problems];
      const flags = readMappedFlags(mapping.flags, get, cellProblems);
      for (const p of cellProblems) problems.add(head.line, p.column, p.message);
      const found = who.read(group, dates.start?.year);
      for (const p of found.problems) problems.add(p.line, p.column, p.message);
      skipped.push(...found.skipped);
      for (const message of dates.notes) unreadable.push({ line: head.line, message });
      const start = dates.start;
      if (cellProblems.length > 0 || found.problems.length > 0 || start === null) return;
      if (start.year < from) from = start.year;
      if (start.year > to) to = start.year;
      const id = mapping.id === null ? '' : (get(mapping.id.column) ?? '').trim();
      exercises.push({
        source,
        line: head.line,
        id: id === '' ? `line ${head.line}` : `${mapping.id!.prefix}${id}`,
        name: (get(mapping.name) ?? '').trim(),
        start,
        end: dates.end,
        participants: found.participants,
        domains: flags.domains,
        focus: flags.focus,
      });
    };

    const keyColumns = mapping.groupBy?.map((c) => header.at.get(c)!);
    const groups = new Map<string, CsvRow[]>();
    let count = 0;
    for await (const row of rows) {
      count++;
      if (!checkWidth(problems, row, header.names.length)) continue;
      if (keyColumns === undefined) {
        readExercise([row]);
        continue;
      }
      const key = keyColumns.map((i) => row.cells[i]).join('\u0000');
      const g = groups.get(key);
      if (g) g.push(row);
      else groups.set(key, [row]);
    }
    for (const g of groups.values()) readExercise(g);
    problems.throwIfAny();
    unreadable.push(...who.notes());
    unreadable.sort((a, b) => a.line - b.line);
    return { source, exercises, skipped, unreadable, years: from <= to ? { from, to } : null, rows: count };
  });
}
