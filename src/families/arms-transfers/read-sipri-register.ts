import type { SipriDeal } from './deal.js';
import { InputError } from '../../domain/errors.js';
import { decodeText, readBytes, type TextEncoding } from '../../format/open-text.js';
import { checkLineLengths } from '../../format/record-size.js';
import { parseNumberCell, parseYearCell, READABLE_YEARS } from '../../format/read-csv.js';
import { ProblemList } from '../../domain/problem-list.js';

/** Options of {@link readSipriRegister}. */
export interface ReadSipriRegisterOptions {
  /** Text encoding; when absent it is detected: valid UTF-8 → `utf8`, else `latin1` (SIPRI's raw export). */
  readonly encoding?: TextEncoding | undefined;
}

/** The trade register as read: deals plus what the reader learnt about the file. */
export interface SipriRegister {
  readonly file: string;
  /** The encoding used (given or detected). */
  readonly encoding: TextEncoding;
  /** 1-based line of the header (12 in SIPRI's raw export, 1 in a cleaned copy). */
  readonly headerLine: number;
  /** SIPRI's note lines above the header, as written (empty lines dropped). */
  readonly notes: readonly string[];
  /** SIPRI's `Data generated: …` stamp, when the notes carry one. */
  readonly generated: string | null;
  /** Records that SIPRI broke over several physical lines and the reader re-joined. */
  readonly rejoined: number;
  readonly deals: readonly SipriDeal[];
}

/**
 * The register's header, trimmed. Positions 3, 5 and 9 are SIPRI's single-space cells (the
 * `?` flags of order year, number ordered and number delivered), addressed by position.
 * @example SIPRI_REGISTER_HEADER[3] // '' (SIPRI writes ' ')
 */
export const SIPRI_REGISTER_HEADER: readonly string[] = [
  'Recipient',
  'Supplier',
  'Year of order',
  '',
  'Number ordered',
  '',
  'Weapon designation',
  'Weapon description',
  'Number delivered',
  '',
  'Year(s) of delivery',
  'status',
  'Comments',
  'SIPRI TIV per unit',
  'SIPRI TIV for total order',
  'SIPRI TIV of delivered weapons',
];

const WIDTH = SIPRI_REGISTER_HEADER.length;
/** How many physical lines one record may be broken over. */
const MAX_LINES_PER_RECORD = 4;
/** How far down the header is looked for (SIPRI writes 11 note lines). */
const HEADER_SEARCH_LINES = 100;

const C = {
  recipient: 0,
  supplier: 1,
  orderYear: 2,
  orderYearFlag: 3,
  numberOrdered: 4,
  numberOrderedFlag: 5,
  designation: 6,
  description: 7,
  numberDelivered: 8,
  numberDeliveredFlag: 9,
  deliveryYears: 10,
  status: 11,
  comments: 12,
  tivPerUnit: 13,
  tivTotal: 14,
  tivDelivered: 15,
} as const;

/**
 * Decodes a file's bytes with the given encoding, or detects it: bytes that are valid UTF-8
 * are read as UTF-8, anything else as Latin-1 (SIPRI's raw exports are ISO-8859-1).
 * @example decodeAuto(Buffer.from([0x42, 0xfc]), 'f.csv').encoding // 'latin1'
 */
export function decodeAuto(bytes: Uint8Array, path: string, encoding?: TextEncoding): { text: string; encoding: TextEncoding } {
  if (encoding !== undefined) return { text: decodeText(bytes, path, encoding), encoding };
  try {
    return { text: decodeText(bytes, path, 'utf8'), encoding: 'utf8' };
  } catch {
    return { text: decodeText(bytes, path, 'latin1'), encoding: 'latin1' };
  }
}

/**
 * Splits text into physical lines, accepting LF and CR LF (a lone CR inside a line is kept).
 * @example splitLines('a\r\nb\n') // ['a', 'b', '']
 */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  return lines;
}

/**
 * The `Data generated: …` stamp of SIPRI's notes, or null.
 * @example generatedStamp(['Source: SIPRI …', 'Data generated: 13 Mar 2025 10:02:49 AM']) // '13 Mar 2025 10:02:49 AM'
 */
export function generatedStamp(notes: readonly string[]): string | null {
  for (const n of notes) {
    const m = /^Data generated:\s*(.+?)\s*$/.exec(n);
    if (m) return m[1]!;
  }
  return null;
}

/**
 * Reads a SIPRI trade register export exactly as downloaded — SIPRI's raw file (Latin-1,
 * note lines above the header, unquoted fields, three single-space header cells, records
 * broken over two physical lines by a line break inside `Comments`) or a cleaned UTF-8 copy
 * (header on line 1); both give the same deals. The header is found by its first cells
 * (`Recipient,Supplier,Year of order`), not by a fixed line count. A record with fewer than 16
 * fields is joined with the following line(s) until it has 16 (a break right before a comma
 * adds nothing, a break inside text becomes one space). Every bad row is collected and
 * thrown together.
 * @throws {InputError} listing every bad row (ragged record, bad year, bad number, bad flag).
 * @example
 * const reg = await readSipriRegister('raw/sipri_trade_register_2025-03-13_raw.csv.gz');
 * reg.deals.length // 29515
 */
export async function readSipriRegister(path: string, options: ReadSipriRegisterOptions = {}): Promise<SipriRegister> {
  const bytes = await readBytes(path);
  const { text, encoding } = decodeAuto(bytes, path, options.encoding);
  return parseSipriRegister(text, path, encoding);
}

/**
 * Parses register text (see {@link readSipriRegister}); `path` is used in messages.
 * @example parseSipriRegister(text, 'register.csv', 'utf8').deals[0]?.recipient // 'Afghanistan'
 */
export function parseSipriRegister(text: string, path: string, encoding: TextEncoding): SipriRegister {
  const lines = splitLines(text);
  checkLineLengths(lines, path);
  const headerIdx = findHeader(lines, path);
  checkHeader(lines[headerIdx]!.split(','), headerIdx + 1, path);
  const notes = lines.slice(0, headerIdx).filter((l) => l.trim() !== '');
  const problems = new ProblemList(path);
  const deals: SipriDeal[] = [];
  let rejoined = 0;
  let i = headerIdx + 1;
  while (i < lines.length) {
    let record = lines[i]!;
    if (record.trim() === '') {
      i++;
      continue;
    }
    let cells = record.split(',');
    let j = i;
    while (cells.length < WIDTH && j + 1 < lines.length && j - i + 1 < MAX_LINES_PER_RECORD) {
      const next = lines[j + 1]!;
      if (next.trim() === '') break;
      const joined = record + (next.startsWith(',') || record.endsWith(',') ? '' : ' ') + next;
      const joinedCells = joined.split(',');
      if (joinedCells.length > WIDTH) break;
      record = joined;
      cells = joinedCells;
      j++;
    }
    if (cells.length !== WIDTH) {
      problems.add(
        i + 1,
        undefined,
        `expected ${WIDTH} fields like the header, found ${cells.length}; SIPRI never quotes fields, so a comma inside a field or a missing field breaks the row (replace the comma by ";")`,
      );
      i++;
      continue;
    }
    if (j > i) rejoined++;
    const deal = parseDeal(cells, i + 1, problems);
    if (deal) deals.push(deal);
    i = j + 1;
  }
  problems.throwIfAny();
  return { file: path, encoding, headerLine: headerIdx + 1, notes, generated: generatedStamp(notes), rejoined, deals };
}

function findHeader(lines: readonly string[], path: string): number {
  const n = Math.min(lines.length, HEADER_SEARCH_LINES);
  for (let i = 0; i < n; i++) {
    const c = lines[i]!.split(',');
    if (c[0]?.trim() === 'Recipient' && c[1]?.trim() === 'Supplier' && c[2]?.trim() === 'Year of order') return i;
  }
  throw new InputError([
    {
      file: path,
      line: 0,
      message: `no SIPRI trade-register header ("Recipient,Supplier,Year of order, ,…") in the first ${HEADER_SEARCH_LINES} lines; export the trade register from SIPRI (CSV) or use format sipri_tiv for TIV tables`,
    },
  ]);
}

function checkHeader(cells: readonly string[], line: number, path: string): void {
  const wrong: string[] = [];
  if (cells.length !== WIDTH) wrong.push(`${cells.length} columns instead of ${WIDTH}`);
  SIPRI_REGISTER_HEADER.forEach((want, k) => {
    const got = cells[k]?.trim();
    if (got !== undefined && got !== want) wrong.push(`column ${k + 1} is "${got}", expected "${want}"`);
  });
  if (wrong.length > 0) {
    throw new InputError([
      {
        file: path,
        line,
        message: `not SIPRI's trade-register header: ${wrong.join('; ')}; expected "${SIPRI_REGISTER_HEADER.map((h) => h || ' ').join(',')}"`,
      },
    ]);
  }
}

function parseDeal(cells: readonly string[], line: number, problems: ProblemList): SipriDeal | null {
  const before = problems.count;
  const name = (k: number): string => {
    const v = cells[k]!.trim();
    if (v === '') problems.add(line, SIPRI_REGISTER_HEADER[k], 'empty name; every deal needs a recipient and a supplier');
    return v;
  };
  const flag = (k: number, of: string): boolean => {
    const v = cells[k]!.trim();
    if (v === '') return false;
    if (v === '?') return true;
    problems.add(line, `? after ${of}`, `the uncertainty flag after "${of}" must be "?" or empty, got "${v}"`);
    return false;
  };
  const num = (k: number): number | null => {
    const v = parseNumberCell(cells[k]!);
    if (v === 'invalid' || (v !== null && v < 0)) {
      problems.add(line, SIPRI_REGISTER_HEADER[k], `expected a number ≥ 0 or an empty cell, got "${cells[k]}"`);
      return null;
    }
    return v;
  };
  const recipient = name(C.recipient);
  const supplier = name(C.supplier);
  const yearCell = cells[C.orderYear]!.trim();
  let orderYear: number | null = null;
  if (yearCell !== '') {
    orderYear = parseYearCell(yearCell);
    if (orderYear === null) problems.add(line, 'Year of order', `expected a 4-digit year (${READABLE_YEARS.from}–${READABLE_YEARS.to}), got "${yearCell}"`);
  }
  const deliveryYears: number[] = [];
  const yearsCell = cells[C.deliveryYears]!.trim();
  if (yearsCell !== '') {
    for (const part of yearsCell.split(';')) {
      const y = parseYearCell(part);
      if (y !== null) deliveryYears.push(y);
      else {
        problems.add(line, 'Year(s) of delivery', `expected years (${READABLE_YEARS.from}–${READABLE_YEARS.to}) separated by "; " (e.g. "2006; 2007"), got "${yearsCell}"`);
        break;
      }
    }
  }
  const deal: SipriDeal = {
    line,
    recipient,
    supplier,
    orderYear,
    orderYearUncertain: flag(C.orderYearFlag, 'Year of order'),
    numberOrdered: num(C.numberOrdered),
    numberOrderedUncertain: flag(C.numberOrderedFlag, 'Number ordered'),
    weaponDesignation: cells[C.designation]!.trim(),
    weaponDescription: cells[C.description]!.trim(),
    numberDelivered: num(C.numberDelivered),
    numberDeliveredUncertain: flag(C.numberDeliveredFlag, 'Number delivered'),
    deliveryYears,
    status: cells[C.status]!.trim(),
    comments: cells[C.comments]!,
    tivPerUnit: num(C.tivPerUnit),
    tivTotalOrder: num(C.tivTotal),
    tivDelivered: num(C.tivDelivered),
  };
  if (problems.count > before) return null;
  if (deal.deliveryYears.length > 0 && deal.tivDelivered === null) {
    problems.add(line, 'SIPRI TIV of delivered weapons', `delivery years ${yearsCell} are given but the delivered TIV is empty; SIPRI writes 0 for less than 0.5`);
    return null;
  }
  if (deal.deliveryYears.length === 0 && (deal.tivDelivered ?? 0) > 0) {
    problems.add(line, 'Year(s) of delivery', `a delivered TIV of ${deal.tivDelivered} is given without delivery years; the TIV cannot be placed in time`);
    return null;
  }
  return deal;
}
