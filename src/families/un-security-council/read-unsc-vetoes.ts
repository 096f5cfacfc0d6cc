/**
 * Reader of the list of vetoed drafts (`format: unsc_vetoes`): `unsc_vetoes_1946_sept2022.csv`
 * of the World Politics Data Lab (repository `world-politics-datalab/vetoes-un-security-council`,
 * compiled by Carlos L. Yordan from the Dag Hammarskjöld Library's veto list), one row per
 * vetoed draft, 1946 – July 2022.
 *
 * The vetoing members are read from `member_veto1..3` (names), not from the member dummy
 * columns, which are incomplete before 1986. Names are the compiler's (`USSR`, `Russia`, `USA`,
 * `UK`, `France`, `China`); China before 25 October 1971 is the Republic of China's seat.
 */
import type { Iso3 } from '../../domain/country.js';
import { ProblemList } from '../../domain/problem-list.js';
import { checkWidth, indexHeader, parseYearCell } from '../../format/read-csv.js';
import { readCsvRecords } from '../../format/read-csv-records.js';
import type { MemberResolver } from './council-drafts.js';
import { usDateToIso } from './iso-date.js';
import { cleanText, draftSymbol } from './symbols.js';

/** The columns the reader needs. */
export const UNSC_VETO_COLUMNS = ['year', 'date', 'draft', 'agenda_item', 'crisis_topic', 'member_veto1', 'member_veto2', 'member_veto3'] as const;

/** One vetoed draft of the list. */
export interface VetoRecord {
  /** 1-based physical line the record starts on. */
  readonly line: number;
  readonly year: number;
  /** ISO date of the vote. */
  readonly date: string;
  /** The draft cell as stored, and its normalised symbol (null for the early `S/PV.nn` rows). */
  readonly draft: string;
  readonly symbol: string | null;
  readonly agenda: string;
  readonly topic: string;
  /** The vetoing members, as states, in the list's order (one to three). */
  readonly members: readonly Iso3[];
}

/**
 * Reads the veto list (gzip or plain), checking each row: `year` (four digits) equal to the
 * year of `date` (`M/D/YYYY`), at least one vetoing member, every name a permanent member the
 * crosswalk knows, no member twice. Every bad row is reported at once.
 * @example
 * const vetoes = await readUnscVetoes('unsc_vetoes_1946_sept2022.csv.gz', resolve, permanentSeats(crosswalk));
 * vetoes.at(-1) // { year: 2022, date: '2022-07-08', symbol: 'S/2022/538', members: ['RUS'], … }
 */
export async function readUnscVetoes(file: string, resolve: MemberResolver, permanent: (year: number) => ReadonlySet<Iso3>): Promise<VetoRecord[]> {
  const records = await readCsvRecords(file);
  const header = indexHeader(file, records[0], UNSC_VETO_COLUMNS);
  const problems = new ProblemList(file);
  const col = (name: (typeof UNSC_VETO_COLUMNS)[number]) => header.at.get(name)!;
  const out: VetoRecord[] = [];
  for (const row of records.slice(1)) {
    if (!checkWidth(problems, row, header.names.length)) continue;
    const cell = (name: (typeof UNSC_VETO_COLUMNS)[number]) => row.cells[col(name)]!;
    const before = problems.count;
    const year = parseYearCell(cell('year'));
    if (year === null) problems.add(row.line, 'year', `expected a four-digit year, got "${cell('year')}"`);
    const date = usDateToIso(cell('date'));
    if (date === null) problems.add(row.line, 'date', `expected a date M/D/YYYY, got "${cell('date')}"`);
    else if (year !== null && Number(date.slice(0, 4)) !== year) problems.add(row.line, 'date', `the date ${cell('date')} is not in the row's year ${year}`);
    const members: Iso3[] = [];
    for (const name of ['member_veto1', 'member_veto2', 'member_veto3'] as const) {
      const raw = cleanText(cell(name));
      if (raw === '' || year === null) continue;
      const state = resolve(raw, date, year);
      if (typeof state !== 'string') problems.add(row.line, name, state.error);
      else if (!permanent(year).has(state)) problems.add(row.line, name, `"${raw}" (${state}) did not hold a permanent seat in ${year}; only a permanent member can veto`);
      else if (members.includes(state)) problems.add(row.line, name, `"${raw}" vetoes this draft twice`);
      else members.push(state);
    }
    if (problems.count === before && members.length === 0) problems.add(row.line, 'member_veto1', 'no vetoing member; a row of the veto list names one to three members');
    if (problems.count > before || year === null || date === null) continue;
    out.push({ line: row.line, year, date, draft: cleanText(cell('draft')), symbol: draftSymbol(cell('draft')), agenda: cleanText(cell('agenda_item')), topic: cleanText(cell('crisis_topic')), members });
  }
  problems.throwIfAny();
  return out;
}
