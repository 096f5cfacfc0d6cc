/**
 * Reader of the member-level Security Council voting file (`format: unsc_votes`): the CSV
 * export of the workbook `sc_voting.xlsx` compiled by Oliver Unverdorben (repository
 * `oliverunv/Voting-Agent`), one row per Council member per draft put to a vote, 1994–2025.
 *
 * Only the CSV is read, not the workbook: the CSV is a value-for-value export of it (dates
 * written as ISO), and an xlsx parser would be a large dependency for one file.
 *
 * **Rows are CSV records, not lines.** Several cells hold line breaks inside quotes, so the
 * reader counts records: record 1 is the header, record n is the workbook's sheet row n, which
 * is what the errata table and the corrections file call a row. Problems are reported at the
 * physical line the record starts on (`file:line`), with the record number in the message.
 */
import { ProblemList } from '../../domain/problem-list.js';
import { checkWidth, indexHeader, parseYearCell, type CsvRow } from '../../format/read-csv.js';
import { readCsvRecords } from '../../format/read-csv-records.js';
import { OUTCOME_LABELS, VOTE_CODES } from './council-draft.js';
import { isIsoDate } from './iso-date.js';

/** The columns the reader needs, spelled as in the file (`Date,` really ends with a comma). */
export const UNSC_VOTE_COLUMNS = [
  'Year',
  'Date,',
  'Resolution',
  'Draft',
  'Agenda item',
  'Category',
  'Outcome results',
  'Vote',
  'Member State',
  'ID',
  'Topic',
] as const;

/** The cells of one row a correction can read or set, by column name. */
export type VoteRowCells = Record<(typeof UNSC_VOTE_COLUMNS)[number], string>;

/** One row of the voting file, checked: one member's vote on one draft. */
export interface VoteRow {
  /** 1-based CSV record number (header = 1) = the workbook's sheet row. */
  readonly record: number;
  /** 1-based physical line the record starts on. */
  readonly line: number;
  /** The draft identifier (`ID`), a positive integer. */
  readonly id: number;
  readonly year: number;
  /** The cells as stored (text exactly as in the file). */
  readonly cells: VoteRowCells;
}

/** What {@link readUnscVotes} returns. */
export interface UnscVotesFile {
  readonly file: string;
  readonly rows: readonly VoteRow[];
}

/**
 * Reads the voting file (gzip or plain), checking every row: the header's columns, the field
 * count, `Year` (four digits), `Date,` (ISO `YYYY-MM-DD` in the same year as `Year`, or empty),
 * `ID` (a positive integer), `Vote` (`Yes`, `No`, `Abstain`), `Outcome results` (one of the six
 * labels) and a non-empty `Member State`. Every bad row is reported at once as one
 * {@link InputError} (file:line, the record number and the column).
 * @example
 * const { rows } = await readUnscVotes('unsc_sc_voting_1994-2025.csv.gz');
 * rows[0] // { record: 2, line: 2, id: 1, year: 1994, cells: { 'Date,': '1994-06-01', Vote: 'Yes', … } }
 */
export async function readUnscVotes(file: string): Promise<UnscVotesFile> {
  const records = await readCsvRecords(file);
  const header = indexHeader(file, records[0], UNSC_VOTE_COLUMNS);
  const problems = new ProblemList(file);
  const at = UNSC_VOTE_COLUMNS.map((c) => header.at.get(c)!);
  const rows: VoteRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const row = records[i]!;
    const record = i + 1;
    if (!checkWidth(problems, row, header.names.length)) continue;
    const cells = Object.fromEntries(UNSC_VOTE_COLUMNS.map((c, k) => [c, row.cells[at[k]!]!])) as VoteRowCells;
    const parsed = checkRow(cells, row, record, problems);
    if (parsed !== null) rows.push({ record, line: row.line, id: parsed.id, year: parsed.year, cells });
  }
  problems.throwIfAny();
  return { file, rows };
}

function checkRow(cells: VoteRowCells, row: CsvRow, record: number, problems: ProblemList): { id: number; year: number } | null {
  const where = `record ${record}`;
  const before = problems.count;
  const year = parseYearCell(cells.Year);
  if (year === null) problems.add(row.line, 'Year', `${where}: expected a four-digit year, got "${cells.Year}"`);
  const idText = cells.ID.trim();
  const id = /^\d{1,9}$/.test(idText) && Number(idText) > 0 ? Number(idText) : null;
  if (id === null) problems.add(row.line, 'ID', `${where}: expected the draft's ID, a positive integer, got "${cells.ID}"`);
  const date = cells['Date,'].trim();
  if (date !== '' && !isIsoDate(date)) problems.add(row.line, 'Date,', `${where}: expected a date YYYY-MM-DD (or empty), got "${cells['Date,']}"`);
  else if (date !== '' && year !== null && Number(date.slice(0, 4)) !== year) {
    problems.add(row.line, 'Date,', `${where}: the date ${date} is not in the row's Year ${year}; correct one of them (a set_date correction fixes the date)`);
  }
  if (!(cells.Vote.trim() in VOTE_CODES)) problems.add(row.line, 'Vote', `${where}: expected Yes, No or Abstain, got "${cells.Vote}" (a member that did not vote has no row)`);
  if (!(cells['Outcome results'].trim() in OUTCOME_LABELS)) {
    problems.add(row.line, 'Outcome results', `${where}: unknown outcome "${cells['Outcome results']}"; expected one of ${Object.keys(OUTCOME_LABELS).map((l) => `"${l}"`).join(', ')}`);
  }
  if (cells['Member State'].trim() === '') problems.add(row.line, 'Member State', `${where}: the member's name is empty`);
  return problems.count === before && year !== null && id !== null ? { id, year } : null;
}
