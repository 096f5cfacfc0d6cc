/**
 * Reader of a corrections file for the Security Council voting file (the `corrections:` key of
 * a `unsc_votes` source): a CSV with the columns
 * `action,id,row,member,expected,value,issue,detail,evidence` — see `corrections.ts` for what
 * each action does. `row` is the voting file's CSV record number (header = record 1), which is
 * the workbook's sheet row, as in the errata table. Problems are reported at the corrections
 * file's physical line.
 */
import { ProblemList } from '../../domain/problem-list.js';
import { checkWidth, indexHeader } from '../../format/read-csv.js';
import { readCsvRecords } from '../../format/read-csv-records.js';
import { CORRECTION_ACTION_NAMES, correctionFieldProblems, type Correction, type CorrectionAction } from './corrections.js';

/** The columns of a corrections file; `issue` and `detail` may be empty, `evidence` may not. */
export const CORRECTION_COLUMNS = ['action', 'id', 'row', 'member', 'expected', 'value', 'issue', 'detail', 'evidence'] as const;

/**
 * Reads and checks a corrections file (gzip or plain CSV): a known action, a positive integer
 * `id`, `row` a record number ≥ 2 where the action takes one, `member` and `value` as the
 * action needs them, and non-empty `evidence`. Every bad row is reported at once.
 * @example
 * const corrections = await readUnscCorrections('indicators/unsc/corrections-1994-2025.csv');
 * corrections[0] // { line: 2, action: 'set_date', id: 1, expected: '1994-06-01', value: '1994-01-06', … }
 */
export async function readUnscCorrections(file: string): Promise<Correction[]> {
  const records = await readCsvRecords(file);
  const header = indexHeader(file, records[0], CORRECTION_COLUMNS);
  const problems = new ProblemList(file);
  const at = (name: (typeof CORRECTION_COLUMNS)[number]) => header.at.get(name)!;
  const out: Correction[] = [];
  for (const row of records.slice(1)) {
    if (!checkWidth(problems, row, header.names.length)) continue;
    const cell = (name: (typeof CORRECTION_COLUMNS)[number]) => row.cells[at(name)]!;
    const before = problems.count;
    const action = cell('action').trim();
    if (!(CORRECTION_ACTION_NAMES as string[]).includes(action)) {
      problems.add(row.line, 'action', `unknown action "${action}"; expected one of ${CORRECTION_ACTION_NAMES.join(', ')}`);
      continue;
    }
    const id = positiveInt(cell('id'));
    if (id === null) problems.add(row.line, 'id', `expected the draft's ID, a positive integer, got "${cell('id')}"`);
    const rowText = cell('row').trim().replace(/,/g, '');
    const rowNumber = rowText === '' ? null : positiveInt(rowText);
    if (rowText !== '' && (rowNumber === null || rowNumber < 2)) problems.add(row.line, 'row', `expected a record number of the votes file (2 or more; the header is record 1), got "${cell('row')}"`);
    if (cell('evidence').trim() === '') problems.add(row.line, 'evidence', 'every correction needs its evidence (the source that shows the fix is right)');
    const c: Correction = {
      line: row.line,
      action: action as CorrectionAction,
      id: id ?? 0,
      row: rowNumber,
      member: cell('member'),
      expected: cell('expected'),
      value: cell('value'),
      issue: cell('issue'),
      detail: cell('detail'),
      evidence: cell('evidence'),
    };
    for (const [column, message] of correctionFieldProblems(c)) problems.add(row.line, column, message);
    if (problems.count === before) out.push(c);
  }
  problems.throwIfAny();
  return out;
}

function positiveInt(text: string): number | null {
  const t = text.trim();
  return /^\d{1,9}$/.test(t) && Number(t) > 0 ? Number(t) : null;
}
