import path from 'node:path';
import type { CodeSystem } from '../../domain/code-system.js';
import type { Crosswalk } from '../../domain/crosswalk.js';
import { DOMAINS, FOCI, type Exercise, type ExerciseList, type SkippedParticipant } from './exercise.js';
import { PLAUSIBLE_YEARS } from './exercise-cells.js';
import { earliestDay, latestDay, parseDateText, type PartialDate } from './partial-date.js';
import { resolveParticipants } from './resolve-participants.js';
import { ProblemList } from '../../domain/problem-list.js';
import { checkWidth, indexHeader, withCsvRows } from '../../format/read-csv.js';

/** Options of {@link readEventList}. */
export interface ReadEventListOptions {
  /** Code system of the participants (default `name`). */
  readonly codes: CodeSystem;
}

/** Separator of several participants, domains or focus values in one cell. */
export const EVENT_LIST_SEPARATOR = ';';

/**
 * Reads a plain event list for analysts' own data, one exercise per row:
 *
 *     name,start,end,participants,domain,focus
 *     Peace Mission 2021,2021-09-11,2021-09-25,RUS;CHN;KAZ,Land;Air,Warfighting
 *
 * `start` is required: `YYYY-MM-DD`, `YYYY-MM`, `YYYY` (or `M/D/YYYY`, `YYYY-MM-xx`); `end`
 * is optional. `participants` are separated by `;` and written in the source's code system
 * (`codes:`, any of iso3, iso2, cow, cow_abb, gw, name). `domain` (CPX, Air, Land, Sea,
 * Amphibious, Cyber) and `focus` (Warfighting, Peacekeeping, Humanitarian) are optional
 * `;`-separated flags, any case. Only `start` and `participants` columns are required.
 * Non-state entries (`-9`, `NATO`, …) are skipped and returned with their line.
 * @throws {InputError} with every problem of the file (ragged rows, unreadable dates, an end
 *   before the start, unknown flags, unknown participants with the closest spellings).
 * @example
 * const list = await readEventList('my_drills.csv', createCrosswalk(), { codes: 'iso3' });
 */
export async function readEventList(file: string, crosswalk: Crosswalk, options: ReadEventListOptions): Promise<ExerciseList> {
  const source = path.basename(file);
  const problems = new ProblemList(file);
  return withCsvRows(file, async (rows) => {
    const first = await rows.next();
    const header = indexHeader(file, first.done ? undefined : first.value, ['start', 'participants']);
    const exercises: Exercise[] = [];
    const skipped: SkippedParticipant[] = [];
    let from = Infinity;
    let to = -Infinity;
    let count = 0;
    for await (const row of rows) {
      count++;
      if (!checkWidth(problems, row, header.names.length)) continue;
      const get = (column: string): string => {
        const i = header.at.get(column);
        return i === undefined ? '' : row.cells[i]!.trim();
      };
      let bad = false;
      const report = (column: string, message: string): void => {
        problems.add(row.line, column, message);
        bad = true;
      };
      const start = parseDateText(get('start'));
      if (start === null) report('start', `expected a start date like 2021-09-11, 2021-09 or 2021, got "${get('start')}"`);
      else if (start.year < PLAUSIBLE_YEARS.from || start.year > PLAUSIBLE_YEARS.to) report('start', `start year ${start.year} is outside ${PLAUSIBLE_YEARS.from}–${PLAUSIBLE_YEARS.to}`);
      let end: PartialDate | null = null;
      if (get('end') !== '') {
        end = parseDateText(get('end'));
        if (end === null) report('end', `expected an end date like 2021-09-25 or an empty cell, got "${get('end')}"`);
        else if (start !== null && latestDay(end) < earliestDay(start)) report('end', 'the end date is before the start date; fix one of them');
      }
      const domains = readFlagList(get('domain'), DOMAINS, (m) => report('domain', m));
      const focus = readFlagList(get('focus'), FOCI, (m) => report('focus', m));
      const cells = get('participants')
        .split(EVENT_LIST_SEPARATOR)
        .map((raw) => ({ column: 'participants', raw }));
      const resolved = resolveParticipants(cells, options.codes, start?.year, row.line, crosswalk);
      for (const u of resolved.unknown) report('participants', `${u.message}; check the spelling or the source's \`codes:\` (${options.codes})`);
      skipped.push(...resolved.skipped);
      if (bad || start === null) continue;
      if (start.year < from) from = start.year;
      if (start.year > to) to = start.year;
      exercises.push({
        source,
        line: row.line,
        id: `line ${row.line}`,
        name: get('name'),
        start,
        end,
        participants: resolved.participants,
        domains,
        focus,
      });
    }
    problems.throwIfAny();
    return { source, exercises, skipped, unreadable: [], years: from <= to ? { from, to } : null, rows: count };
  });
}

/** Reads `a;b;c` flags against the allowed names (case-insensitive); unknown ones are reported. */
function readFlagList<T extends string>(cell: string, names: readonly T[], report: (message: string) => void): T[] {
  const out: T[] = [];
  for (const token of cell.split(EVENT_LIST_SEPARATOR)) {
    const t = token.trim().toLowerCase();
    if (t === '') continue;
    const hit = names.find((n) => n.toLowerCase() === t);
    if (hit === undefined) report(`unknown value "${token.trim()}"; expected any of ${names.join(', ')} separated by ${EVENT_LIST_SEPARATOR}`);
    else if (!out.includes(hit)) out.push(hit);
  }
  return names.filter((n) => out.includes(n));
}
