import type { Crosswalk } from '../../domain/crosswalk.js';
import { ProblemList } from '../../domain/problem-list.js';
import { checkWidth, indexHeader, type CsvRow, raggedRowMessage } from '../../format/read-csv.js';
import { readCsvRecords } from '../../format/read-csv-records.js';
import { readBytesAsync } from '../../format/read-bytes-async.js';
import { estimateRecords, scanCsvBytes } from '../../format/scan-csv-bytes.js';
import { parseVoteDate, RollCallBuilder, TOO_MANY_ENTITIES, type EntityResolution } from './roll-call-builder.js';
import { ISSUE_BITS, VOTE, type RollCallData, type VoteCode } from './roll-call-data.js';

/** The files of the numeric COW-coded Voeten release (`votes_voeten2017` + its roll-call sheet). */
export interface VoetenPaths {
  /** rcid, session, vote (1/2/3/8/9), ccode (COW), … — one row per roll call and country. */
  readonly votes: string;
  /** session, rcid, …, date, …, me, nu, di, hr, co, ec — one row per roll call. */
  readonly rollcalls: string;
}

/** COW codes the dataset authors leave out of every derived measure (SOURCE.md). */
const LEFT_OUT: ReadonlyMap<number, string> = new Map([[511, 'the dataset authors leave Zanzibar (COW 511, two 1963 votes) out of every derived measure']]);

const ISSUE_COLUMNS = ['me', 'nu', 'di', 'hr', 'co', 'ec'] as const;

/** Numeric vote codes of the release; 9 (not a member) rows carry no vote and are skipped. */
const CODES: Readonly<Record<number, VoteCode | 0>> = { 1: VOTE.yes, 2: VOTE.abstain, 3: VOTE.no, 8: VOTE.absent, 9: 0 };

/**
 * Reads the numeric COW-coded Voeten release (gzip or plain CSV) into the typed roll-call
 * intermediate, absences (8) included; non-member rows (9) are skipped.
 *
 * Roll-call metadata (session, date, issue flags, `importantvote`) comes from the roll-call
 * sheet; the vote file supplies rcid, ccode and vote. COW codes are resolved with the
 * session year (session + 1945), so 260 and 255 both reach DEU. Quirks handled: the
 * malformed issue cells `0\"` and `0"` read as 0; descriptions with embedded quotes and
 * tabs are read by RFC 4180 rules; Zanzibar (511) is skipped as the authors do. The 1M-row
 * vote file goes through the byte-level scanner ({@link scanCsvBytes}); its 197 quoted rows
 * go through csv-parse.
 * @example
 * const data = await readVoetenVotes({ votes: 'votes_voeten2017.csv.gz', rollcalls: 'rollcalls_voeten2017.csv.gz' }, crosswalk);
 * data.recordsAbsences // true
 */
export async function readVoetenVotes(paths: VoetenPaths, crosswalk: Crosswalk): Promise<RollCallData> {
  const votesBytes = readBytesAsync(paths.votes);
  votesBytes.catch(() => undefined); // reported when awaited
  const builder = new RollCallBuilder();
  await readRollCalls(paths.rollcalls, builder);
  const bytes = await votesBytes;
  builder.reserveVotes(estimateRecords(bytes));
  const problems = new ProblemList(paths.votes);
  const notes: string[] = [];
  readVotes(bytes, paths.votes, builder, crosswalk, problems);
  return builder.finish(problems, notes, true);
}

async function readRollCalls(file: string, builder: RollCallBuilder): Promise<void> {
  const problems = new ProblemList(file);
  const required = ['rcid', 'session', 'date'];
  let header: ReturnType<typeof indexHeader> | null = null;
  let iRcid = 0;
  let iSession = 0;
  let iDate = 0;
  let iImportant = -1;
  let iIssues: { column: string; at: number; bit: number }[] = [];
  for (const row of await readCsvRecords(file)) {
    if (header === null) {
      header = indexHeader(file, row, required);
      iRcid = header.at.get('rcid')!;
      iSession = header.at.get('session')!;
      iDate = header.at.get('date')!;
      iImportant = header.at.get('importantvote') ?? -1;
      iIssues = ISSUE_COLUMNS.filter((c) => header!.at.has(c)).map((c) => ({ column: c, at: header!.at.get(c)!, bit: ISSUE_BITS[c] }));
      continue;
    }
    if (!checkWidth(problems, row, header.names.length)) continue;
    const rcid = intCell(row, iRcid, 'rcid', problems);
    const session = intCell(row, iSession, 'session', problems);
    const date = parseVoteDate(row.cells[iDate]!);
    if (date === 'invalid') problems.add(row.line, 'date', `not a date: "${row.cells[iDate]}"; expected YYYY-MM-DD or M/D/YYYY`);
    let issues = 0;
    for (const { column, at, bit } of iIssues) {
      const f = issueFlag(row.cells[at]!);
      if (f === 'invalid') problems.add(row.line, column, `expected 0, 1 or empty, got "${row.cells[at]}"`);
      else if (f === 1) issues |= bit;
    }
    if (iImportant >= 0) {
      const f = issueFlag(row.cells[iImportant]!);
      if (f === 'invalid') problems.add(row.line, 'importantvote', `expected 0, 1 or empty, got "${row.cells[iImportant]}"`);
      else if (f === 1) issues |= ISSUE_BITS.important;
    }
    if (rcid === null || session === null || date === 'invalid') continue;
    if (session < 1 || session > 999) {
      problems.add(row.line, 'session', `session ${session} is out of range 1..999`);
      continue;
    }
    if (builder.addRollCall(rcid, session, date, issues) < 0) problems.add(row.line, 'rcid', `duplicate roll call ${rcid}; each rcid must appear once`);
  }
  if (header === null) indexHeader(file, undefined, required);
  problems.throwIfAny();
}

function readVotes(bytes: Buffer, file: string, builder: RollCallBuilder, crosswalk: Crosswalk, problems: ProblemList): void {
  const required = ['rcid', 'vote', 'ccode'];
  let width = -1;
  let iRcid = 0;
  let iVote = 0;
  let iCcode = 0;
  // entity = (ccode, session): COW codes resolve with the year
  const entityOf = new Map<number, number>();
  scanCsvBytes(bytes, problems, (r) => {
    if (width < 0) {
      const header = indexHeader(file, { line: r.line, cells: r.cells() }, required);
      width = header.names.length;
      iRcid = header.at.get('rcid')!;
      iVote = header.at.get('vote')!;
      iCcode = header.at.get('ccode')!;
      return;
    }
    if (r.count !== width) {
      problems.add(r.line, undefined, raggedRowMessage(width, r.count));
      return;
    }
    const vote = r.int(iVote);
    const code = typeof vote === 'number' ? CODES[vote] : undefined;
    if (code === undefined) {
      problems.add(r.line, 'vote', `expected 1 (yes), 2 (abstain), 3 (no), 8 (absent) or 9 (not a member), got "${r.text(iVote)}"`);
      return;
    }
    const rcid = r.int(iRcid);
    const ccode = r.int(iCcode);
    if (rcid === null || rcid === 'invalid') {
      problems.add(r.line, 'rcid', rcid === null ? 'empty roll-call id' : `not a whole number: "${r.text(iRcid)}"`);
      return;
    }
    if (ccode === null || ccode === 'invalid' || ccode < 0 || ccode > 9999) {
      problems.add(r.line, 'ccode', ccode === null ? 'empty COW code' : `not a COW code: "${r.text(iCcode)}"`);
      return;
    }
    if (code === 0) return; // not a member: no vote
    const call = builder.callIndex(rcid);
    if (call < 0) {
      problems.add(r.line, 'rcid', `roll call ${rcid} is not in the roll-call file; use the roll-call sheet of the same release`);
      return;
    }
    const session = builder.sessionOf(call);
    const key = ccode * 1024 + session;
    let entity = entityOf.get(key);
    if (entity === undefined) {
      const year = session + 1945;
      entity = builder.addEntity(`COW ${ccode}`, r.line, () => resolveCow(ccode, year, crosswalk));
      if (entity < 0) {
        problems.add(r.line, undefined, TOO_MANY_ENTITIES);
        return;
      }
      entityOf.set(key, entity);
    }
    builder.addVote(call, entity, code, r.line);
  });
  if (width < 0) indexHeader(file, undefined, required);
}

function resolveCow(ccode: number, year: number, crosswalk: Crosswalk): EntityResolution {
  const left = LEFT_OUT.get(ccode);
  if (left !== undefined) return { skip: left };
  return { iso3: crosswalk.resolve('cow', String(ccode), year) };
}

function intCell(row: CsvRow, i: number, column: string, problems: ProblemList): number | null {
  const t = row.cells[i]!.trim();
  if (!/^-?\d+$/.test(t)) {
    problems.add(row.line, column, t === '' ? 'empty cell; a whole number is required' : `not a whole number: "${t}"`);
    return null;
  }
  return Number(t);
}

/**
 * A 0/1 issue flag. Empty → 0 (the release leaves flags empty on some roll calls); the
 * release's malformed `0"` and `0\"` cells (a stray backslash and quote after the digit)
 * read as 0.
 */
function issueFlag(cell: string): 0 | 1 | 'invalid' {
  const t = cell.trim().replace(/\\?"+$/, '');
  if (t === '' || t === '0') return 0;
  if (t === '1') return 1;
  return 'invalid';
}
