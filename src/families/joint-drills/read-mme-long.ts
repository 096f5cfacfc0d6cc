import path from 'node:path';
import type { Crosswalk } from '../../domain/crosswalk.js';
import type { Iso3 } from '../../domain/country.js';
import { UnknownCountryError } from '../../domain/errors.js';
import { distinctSorted, DOMAINS, FOCI, type Exercise, type ExerciseList, type SkippedParticipant, type UnreadableRow } from './exercise.js';
import { MME_END, MME_START, readExerciseDates, readFlags, type CellProblem } from './exercise-cells.js';
import { nonStateReason } from './non-state-participants.js';
import { ProblemList } from '../../domain/problem-list.js';
import { MME_REQUIRED_COLUMNS } from './read-mme.js';
import { cellOf, checkWidth, indexHeader, type CsvRow, withCsvRows } from '../../format/read-csv.js';

/** Columns the long form of MME must have. */
export const MME_LONG_REQUIRED_COLUMNS: readonly string[] = [...MME_REQUIRED_COLUMNS, 'gwcode', 'country', 'year'];

/** Participant rows per exercise-year the troopdata reshaping keeps (StateA–StateX). */
export const LONG_FORM_MAX_PARTICIPANTS = 24;

interface Group {
  readonly first: CsvRow;
  readonly rows: CsvRow[];
}

/**
 * Reads the long reshaping of MME v7 made by the troopdata package (`mme-v7-long.csv`): one
 * row per exercise × participant × calendar year, with Gleditsch–Ward codes (`gwcode`, `NA`
 * when the lookup failed) next to the MME name (`country`). Rows are regrouped into
 * exercises by (`MMEID`, `Ex_Name`, `StartDate`) — `MMEID` alone is not unique — so an
 * exercise spanning two years is counted once, like in the wide form.
 *
 * A participant is resolved by its G&W code in the exercise's start year; when the code is
 * `NA` (or unknown to the crosswalk for that year) by its `country` name; when code and name
 * resolve to different states the name is used and the conflict listed in `unreadable`
 * (troopdata codes Vietnam as 817, the Republic of Vietnam). Non-state entries (`-9`,
 * `NATO`, …) are skipped and returned with their line. Dates and flags are taken from the
 * group's first row.
 *
 * Known defect of the derived file: it keeps only the first 24 participant slots of the wide
 * file, so the 13 exercises of MME v7 with more participants lose some (noted for every
 * exercise with exactly 24 participant rows). Prefer `format: mme` when you have the wide file.
 * @throws {InputError} with every problem of the file.
 * @example
 * const list = await readMmeLong('mme_v7_long_troopdata.csv.gz', createCrosswalk());
 * list.exercises.length // 3707
 */
export async function readMmeLong(file: string, crosswalk: Crosswalk): Promise<ExerciseList> {
  const source = path.basename(file);
  const problems = new ProblemList(file);
  return withCsvRows(file, async (rows) => {
    const first = await rows.next();
    const header = indexHeader(file, first.done ? undefined : first.value, MME_LONG_REQUIRED_COLUMNS);
    const col = (name: string): number => header.at.get(name)!;
    const groups = new Map<string, Group>();
    let count = 0;
    for await (const row of rows) {
      count++;
      if (!checkWidth(problems, row, header.names.length)) continue;
      const c = row.cells;
      const key = [c[col('MMEID')], c[col('Ex_Name')], c[col('StartDate')]].join('\u0000');
      const g = groups.get(key);
      if (g) g.rows.push(row);
      else groups.set(key, { first: row, rows: [row] });
    }

    const exercises: Exercise[] = [];
    const skipped: SkippedParticipant[] = [];
    const unreadable: UnreadableRow[] = [];
    const conflicts = new Map<string, { line: number; message: string; count: number }>();
    const possiblyCut: number[] = [];
    let from = Infinity;
    let to = -Infinity;
    for (const g of groups.values()) {
      const get = cellOf(header, g.first);
      const cellProblems: CellProblem[] = [];
      const dates = readExerciseDates(get, MME_START, MME_END);
      cellProblems.push(...dates.problems);
      const domains = readFlags(get, DOMAINS, cellProblems);
      const focus = readFlags(get, FOCI, cellProblems);
      for (const p of cellProblems) problems.add(g.first.line, p.column, p.message);
      const startYear = dates.start?.year;
      const codes: Iso3[] = [];
      let bad = cellProblems.length > 0;
      let startYearRows = 0;
      for (const row of g.rows) {
        const gw = row.cells[col('gwcode')]!.trim();
        const name = row.cells[col('country')]!.trim();
        if (row.cells[col('year')]!.trim() === String(startYear)) startYearRows++;
        const r = resolveRow(gw, name, startYear, crosswalk);
        if ('code' in r) {
          codes.push(r.code);
          if (r.conflict !== undefined) {
            const k = `${gw}\u0000${name}\u0000${r.conflict}`;
            const seen = conflicts.get(k);
            if (seen) seen.count++;
            else conflicts.set(k, { line: row.line, message: `gwcode ${gw} is ${r.conflict} in ${startYear} but the name "${name}" is ${r.code}; the name is used (the codes were looked up from the names)`, count: 1 });
          }
        } else if ('reason' in r) {
          // an exercise over two years repeats its rows: report the start year's rows only
          if (row.cells[col('year')]!.trim() === String(startYear)) skipped.push({ line: row.line, column: 'country', raw: name, reason: r.reason });
        } else {
          problems.add(row.line, r.column, r.message);
          bad = true;
        }
      }
      if (bad || dates.start === null) continue;
      if (startYearRows === LONG_FORM_MAX_PARTICIPANTS) possiblyCut.push(g.first.line);
      if (dates.endIgnored !== null) unreadable.push({ line: g.first.line, message: dates.endIgnored });
      const s = dates.start;
      if (s.year < from) from = s.year;
      if (s.year > to) to = s.year;
      exercises.push({
        source,
        line: g.first.line,
        id: (get('MMEID') ?? '').trim() || `line ${g.first.line}`,
        name: (get('Ex_Name') ?? '').trim(),
        start: s,
        end: dates.end,
        participants: distinctSorted(codes),
        domains,
        focus,
      });
    }
    problems.throwIfAny();
    for (const c of conflicts.values()) unreadable.push({ line: c.line, message: c.count > 1 ? `${c.message} (${c.count} rows)` : c.message });
    if (possiblyCut.length > 0) {
      unreadable.push({
        line: possiblyCut[0]!,
        message: `${possiblyCut.length} exercise(s) have ${LONG_FORM_MAX_PARTICIPANTS} participant rows, the most this reshaping keeps (slots StateA–StateX of the wide file), so their lists may be cut short (lines ${possiblyCut.join(', ')}); read the wide file with \`format: mme\` for complete lists`,
      });
    }
    unreadable.sort((a, b) => a.line - b.line);
    return { source, exercises, skipped, unreadable, years: from <= to ? { from, to } : null, rows: count };
  });
}

type RowResult = { code: Iso3; conflict?: Iso3 } | { reason: string } | CellProblem;

/**
 * One participant row: by G&W code in the start year, else by name. When both resolve and
 * disagree (troopdata codes Vietnam 817, the Republic of Vietnam of 1954–1975), the name wins:
 * the codes were looked up from the names, which are MME's own data.
 */
function resolveRow(gw: string, name: string, year: number | undefined, crosswalk: Crosswalk): RowResult {
  let byCode: Iso3 | null = null;
  if (gw !== '' && gw !== 'NA') {
    if (!/^\d+$/.test(gw)) return { column: 'gwcode', message: `expected a Gleditsch–Ward code (a whole number) or NA, got "${gw}"` };
    byCode = crosswalk.tryResolve('gw', gw, year);
  }
  const reason = nonStateReason(name);
  if (byCode !== null) {
    const byName = reason === null ? crosswalk.tryResolve('name', name, year) : null;
    return byName === null || byName === byCode ? { code: byCode } : { code: byName, conflict: byCode };
  }
  if (reason !== null) return { reason };
  try {
    return { code: crosswalk.resolve('name', name, year) };
  } catch (e) {
    if (!(e instanceof UnknownCountryError)) throw e;
    const gwText = gw === '' || gw === 'NA' ? 'no G&W code' : `G&W code ${gw} unknown${year === undefined ? '' : ` in ${year}`}`;
    return { column: 'country', message: `${gwText} and ${e.message}; fix the name or report the missing alias` };
  }
}
