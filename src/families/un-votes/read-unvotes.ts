import type { Crosswalk } from '../../domain/crosswalk.js';
import { ProblemList } from '../../domain/problem-list.js';
import { checkWidth, indexHeader, type CsvRow, raggedRowMessage } from '../../format/read-csv.js';
import { readCsvRecords } from '../../format/read-csv-records.js';
import { readBytesAsync } from '../../format/read-bytes-async.js';
import { estimateRecords, scanCsvBytes, type CsvRecordView } from '../../format/scan-csv-bytes.js';
import { parseVoteDate, RollCallBuilder, TOO_MANY_ENTITIES, type EntityResolution } from './roll-call-builder.js';
import { ISSUE_BITS, VOTE, type IssueName, type RollCallData, type VoteCode } from './roll-call-data.js';

/** The files of the `unvotes` release (R package `unvotes`, Robinson & Goguen-Compagnoni). */
export interface UnvotesPaths {
  /** `un_votes`: rcid, country, country_code (ISO2), vote (yes/abstain/no). */
  readonly votes: string;
  /** `un_roll_calls`: rcid, session, importantvote, date, unres, amend, para, short, descr. */
  readonly rollcalls: string;
  /** Optional `un_roll_call_issues`: rcid, short_name (me, nu, di, hr, co, ec), issue. */
  readonly issues?: string;
}

/** Entities the dataset authors leave out of every derived measure (SOURCE.md). */
const LEFT_OUT: ReadonlyMap<string, string> = new Map([['Zanzibar', 'the dataset authors leave Zanzibar (two 1963 votes) out of every derived measure']]);

const YES = Buffer.from('yes');
const NO = Buffer.from('no');
const ABSTAIN = Buffer.from('abstain');

/**
 * Reads the `unvotes` release (gzip or plain CSV) into the typed roll-call intermediate.
 *
 * Quirks handled: Namibia's ISO2 code is the literal `NA` (read as a code, never as
 * missing); an empty `country_code` ("Yemen Arab Republic", "Federal Republic of Germany",
 * "Zanzibar") is resolved by the `country` name, so West Germany's 1990 session lands on
 * DEU; Zanzibar is skipped as the authors do; quoted fields are read by RFC 4180 rules.
 * The votes file goes through a byte-level scanner (see {@link scanCsvBytes}).
 * Every bad row of a file (ragged, unknown rcid, vote other than yes/abstain/no, unknown
 * country, duplicate vote) is collected and thrown as one {@link InputError}.
 * @example
 * const data = await readUnvotes({ votes: 'un_votes.csv.gz', rollcalls: 'un_roll_calls.csv.gz' }, crosswalk);
 * data.votes.states.length // 199
 */
export async function readUnvotes(paths: UnvotesPaths, crosswalk: Crosswalk): Promise<RollCallData> {
  const votesBytes = readBytesAsync(paths.votes); // gunzips on the thread pool meanwhile
  votesBytes.catch(() => undefined); // reported when awaited
  const notes: string[] = [];
  const builder = new RollCallBuilder();
  await readRollCalls(paths.rollcalls, builder);
  if (paths.issues !== undefined) await readIssues(paths.issues, builder);
  const bytes = await votesBytes;
  const problems = new ProblemList(paths.votes);
  builder.reserveVotes(estimateRecords(bytes));
  readVotes(bytes, paths.votes, builder, crosswalk, problems, notes);
  return builder.finish(problems, notes, false);
}

async function readRollCalls(file: string, builder: RollCallBuilder): Promise<void> {
  const problems = new ProblemList(file);
  let header: ReturnType<typeof indexHeader> | null = null;
  let iRcid = 0;
  let iSession = 0;
  let iDate = 0;
  let iImportant = -1;
  for (const row of await readCsvRecords(file)) {
    if (header === null) {
      header = indexHeader(file, row, ['rcid', 'session', 'date']);
      iRcid = header.at.get('rcid')!;
      iSession = header.at.get('session')!;
      iDate = header.at.get('date')!;
      iImportant = header.at.get('importantvote') ?? -1;
      continue;
    }
    if (!checkWidth(problems, row, header.names.length)) continue;
    const rcid = intCell(row, iRcid, 'rcid', problems);
    const session = intCell(row, iSession, 'session', problems);
    const date = parseVoteDate(row.cells[iDate]!);
    if (date === 'invalid') problems.add(row.line, 'date', `not a date: "${row.cells[iDate]}"; expected YYYY-MM-DD`);
    let issues = 0;
    if (iImportant >= 0) {
      const imp = flagCell(row.cells[iImportant]!);
      if (imp === 'invalid') problems.add(row.line, 'importantvote', `expected 0, 1 or empty, got "${row.cells[iImportant]}"`);
      else if (imp === 1) issues |= ISSUE_BITS.important;
    }
    if (rcid === null || session === null || date === 'invalid') continue;
    if (session < 1 || session > 999) {
      problems.add(row.line, 'session', `session ${session} is out of range 1..999`);
      continue;
    }
    if (builder.addRollCall(rcid, session, date, issues) < 0) problems.add(row.line, 'rcid', `duplicate roll call ${rcid}; each rcid must appear once`);
  }
  if (header === null) indexHeader(file, undefined, ['rcid', 'session', 'date']);
  problems.throwIfAny();
}

async function readIssues(file: string, builder: RollCallBuilder): Promise<void> {
  const problems = new ProblemList(file);
  let header: ReturnType<typeof indexHeader> | null = null;
  let iRcid = 0;
  let iShort = 0;
  for (const row of await readCsvRecords(file)) {
    if (header === null) {
      header = indexHeader(file, row, ['rcid', 'short_name']);
      iRcid = header.at.get('rcid')!;
      iShort = header.at.get('short_name')!;
      continue;
    }
    if (!checkWidth(problems, row, header.names.length)) continue;
    const rcid = intCell(row, iRcid, 'rcid', problems);
    const short = row.cells[iShort]!.trim();
    const bit = short !== 'important' && Object.hasOwn(ISSUE_BITS, short) ? ISSUE_BITS[short as IssueName] : 0;
    if (bit === 0) problems.add(row.line, 'short_name', `unknown issue "${short}"; expected one of me, nu, di, hr, co, ec`);
    if (rcid === null || bit === 0) continue;
    const call = builder.callIndex(rcid);
    if (call < 0) problems.add(row.line, 'rcid', `roll call ${rcid} is not in the roll-call file`);
    else builder.addIssues(call, bit);
  }
  if (header === null) indexHeader(file, undefined, ['rcid', 'short_name']);
  problems.throwIfAny();
}

function readVotes(bytes: Buffer, file: string, builder: RollCallBuilder, crosswalk: Crosswalk, problems: ProblemList, notes: string[]): void {
  const required = ['rcid', 'country', 'country_code', 'vote'];
  let width = -1;
  let iRcid = 0;
  let iCountry = 0;
  let iCode = 0;
  let iVote = 0;
  const interner = new EntityInterner();
  const entityOf: number[] = [];
  let lastRcid = -1;
  let lastCall = -1;
  scanCsvBytes(bytes, problems, (r) => {
    if (width < 0) {
      const header = indexHeader(file, { line: r.line, cells: r.cells() }, required);
      width = header.names.length;
      iRcid = header.at.get('rcid')!;
      iCountry = header.at.get('country')!;
      iCode = header.at.get('country_code')!;
      iVote = header.at.get('vote')!;
      return;
    }
    if (r.count !== width) {
      problems.add(r.line, undefined, raggedRowMessage(width, r.count));
      return;
    }
    const rcid = r.int(iRcid);
    if (rcid === null || rcid === 'invalid') {
      problems.add(r.line, 'rcid', rcid === null ? 'empty roll-call id' : `not a whole number: "${r.text(iRcid)}"`);
      return;
    }
    // rows come grouped by roll call: look the id up once per group
    const call = rcid === lastRcid ? lastCall : builder.callIndex(rcid);
    lastRcid = rcid;
    lastCall = call;
    if (call < 0) {
      problems.add(r.line, 'rcid', `roll call ${rcid} is not in the roll-call file; use the roll-call file of the same release`);
      return;
    }
    const code = voteCode(r, iVote);
    if (code === 0) {
      problems.add(r.line, 'vote', `expected yes, abstain or no, got "${r.text(iVote)}"`);
      return;
    }
    const local = interner.id(r, iCode, iCountry);
    let entity = entityOf[local];
    if (entity === undefined) {
      const name = r.text(iCountry).trim();
      const iso2 = r.text(iCode).trim();
      entity = builder.addEntity(iso2 === '' ? `${name} (empty country_code)` : `${name} (${iso2})`, r.line, () => resolveEntity(name, iso2, crosswalk, notes));
      if (entity < 0) {
        problems.add(r.line, undefined, TOO_MANY_ENTITIES);
        return;
      }
      entityOf[local] = entity;
    }
    builder.addVote(call, entity, code, r.line);
  });
  if (width < 0) indexHeader(file, undefined, required);
}

function resolveEntity(name: string, iso2: string, crosswalk: Crosswalk, notes: string[]): EntityResolution {
  const left = LEFT_OUT.get(name);
  if (left !== undefined && iso2 === '') return { skip: left };
  if (iso2 !== '') return { iso3: crosswalk.resolve('iso2', iso2) };
  const iso3 = crosswalk.resolve('name', name);
  notes.push(`"${name}" has an empty country_code; resolved by its name to ${iso3}`);
  return { iso3 };
}

function voteCode(r: CsvRecordView, i: number): VoteCode | 0 {
  if (r.is(i, YES)) return VOTE.yes;
  if (r.is(i, NO)) return VOTE.no;
  if (r.is(i, ABSTAIN)) return VOTE.abstain;
  const t = r.text(i).trim().toLowerCase();
  if (t === 'yes') return VOTE.yes;
  if (t === 'no') return VOTE.no;
  if (t === 'abstain') return VOTE.abstain;
  return 0;
}

function intCell(row: CsvRow, i: number, column: string, problems: ProblemList): number | null {
  const t = row.cells[i]!.trim();
  if (!/^-?\d+$/.test(t)) {
    problems.add(row.line, column, t === '' ? 'empty cell; a whole number is required' : `not a whole number: "${t}"`);
    return null;
  }
  return Number(t);
}

/** A 0/1 flag cell: empty → 0 (the releases leave many flags empty). */
function flagCell(cell: string): 0 | 1 | 'invalid' {
  const t = cell.trim();
  if (t === '' || t === '0') return 0;
  if (t === '1') return 1;
  return 'invalid';
}

/**
 * Interns the country of a vote row to a small integer without making a string per row:
 * by its two-letter ISO2 code through a 65,536-slot table (the code alone decides the
 * resolution), or — when the code is not two bytes (empty for "Yemen Arab Republic", …) —
 * by the bytes of code and name (FNV-1a hash, then a byte comparison).
 */
class EntityInterner {
  private readonly byCode = new Int32Array(65536).fill(-1);
  private readonly buckets = new Map<number, number[]>();
  private readonly keys: Buffer[] = [];
  private next = 0;

  id(r: CsvRecordView, iCode: number, iName: number): number {
    const b = r.bytes;
    const sc = r.starts[iCode]!;
    const ec = r.ends[iCode]!;
    if (ec - sc === 2) {
      const slot = (b[sc]! << 8) | b[sc + 1]!;
      const known = this.byCode[slot]!;
      if (known >= 0) return known;
      return (this.byCode[slot] = this.next++);
    }
    const sn = r.starts[iName]!;
    const en = r.ends[iName]!;
    let h = 0x811c9dc5;
    for (let p = sc; p < ec; p++) h = Math.imul(h ^ b[p]!, 0x01000193);
    h = Math.imul(h ^ 0xff, 0x01000193);
    for (let p = sn; p < en; p++) h = Math.imul(h ^ b[p]!, 0x01000193);
    const key = Buffer.concat([b.subarray(sc, ec), Buffer.of(0xff), b.subarray(sn, en)]);
    const bucket = this.buckets.get(h);
    if (bucket !== undefined) {
      for (const k of bucket) if (this.keys[k]!.equals(key)) return this.keyId[k]!;
    }
    const id = this.next++;
    const k = this.keys.length;
    this.keys.push(key);
    this.keyId.push(id);
    if (bucket !== undefined) bucket.push(k);
    else this.buckets.set(h, [k]);
    return id;
  }

  private readonly keyId: number[] = [];
}
