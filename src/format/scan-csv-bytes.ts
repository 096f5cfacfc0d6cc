import { parse as parseCsvSync } from 'csv-parse/sync';
import { parseNumberCell } from './read-csv.js';
import type { ProblemList } from '../domain/problem-list.js';
import { MAX_FIELDS, MAX_RECORD_BYTES, recordTooLongMessage, tooManyFieldsMessage } from './record-size.js';

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;
const MINUS = 0x2d;
const PLUS = 0x2b;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * One CSV record of a byte buffer, seen as byte ranges: no string is made until a caller asks
 * for one. The view is reused from record to record (copy what you keep).
 *
 * Records without a `"` are read straight from the file's bytes (the fast path). A record
 * with a quote goes through csv-parse (the general path) and its cells are re-encoded into a
 * scratch buffer, so callers see the same interface either way.
 * @example
 * scanCsvBytes(Buffer.from('a,b\n1,x\n'), problems, (r) => r.line === 2 && r.int(0)); // 1
 */
export class CsvRecordView {
  /** Bytes the ranges point into: the file, or a scratch buffer for a quoted record. */
  bytes: Buffer = Buffer.alloc(0);
  /** Start offset of each field. */
  starts = new Int32Array(32);
  /** End offset (exclusive) of each field. */
  ends = new Int32Array(32);
  /** Number of fields of the record. */
  count = 0;
  /** 1-based physical line the record starts on. */
  line = 0;
  /** True when the record contained a quote and went through csv-parse. */
  quoted = false;

  /** The field as text (UTF-8); `''` for a field past the end of the record. */
  text(i: number): string {
    if (i >= this.count) return '';
    return this.bytes.toString('utf8', this.starts[i]!, this.ends[i]!);
  }

  /** Every field as text. */
  cells(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.text(i));
    return out;
  }

  /** Length of a field in bytes. */
  length(i: number): number {
    return i < this.count ? this.ends[i]! - this.starts[i]! : 0;
  }

  /** The byte at position `k` of field `i` (−1 past its end). */
  byteAt(i: number, k: number): number {
    const p = this.starts[i]! + k;
    return i < this.count && p < this.ends[i]! ? this.bytes[p]! : -1;
  }

  /**
   * The field as an integer: `null` when empty (blanks only), `'invalid'` when it is not a
   * whole number. Plain digits are read from the bytes; other spellings (`45.0`, `1e3`)
   * go through {@link parseNumberCell} and must be whole.
   */
  int(i: number): number | null | 'invalid' {
    if (i >= this.count) return null;
    const b = this.bytes;
    let s = this.starts[i]!;
    let e = this.ends[i]!;
    while (s < e && (b[s] === SPACE || b[s] === TAB)) s++;
    while (e > s && (b[e - 1] === SPACE || b[e - 1] === TAB)) e--;
    if (s === e) return null;
    let neg = false;
    let p = s;
    if (b[p] === MINUS || b[p] === PLUS) {
      neg = b[p] === MINUS;
      p++;
    }
    if (p === e || e - p > 15) return this.slowInt(i);
    let v = 0;
    for (; p < e; p++) {
      const c = b[p]!;
      if (c < ZERO || c > NINE) return this.slowInt(i);
      v = v * 10 + (c - ZERO);
    }
    return neg ? -v : v;
  }

  private slowInt(i: number): number | null | 'invalid' {
    const v = parseNumberCell(this.text(i));
    if (v === null || v === 'invalid') return v;
    return Number.isInteger(v) ? v : 'invalid';
  }

  /** True when the field's bytes equal `ascii` exactly. */
  is(i: number, ascii: Uint8Array): boolean {
    if (i >= this.count) return false;
    const s = this.starts[i]!;
    if (this.ends[i]! - s !== ascii.length) return false;
    for (let k = 0; k < ascii.length; k++) if (this.bytes[s + k] !== ascii[k]) return false;
    return true;
  }

  /** @internal Appends a field range, growing the arrays when needed. */
  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const s = new Int32Array(this.count * 2);
      const e = new Int32Array(this.count * 2);
      s.set(this.starts);
      e.set(this.ends);
      this.starts = s;
      this.ends = e;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }
}

/**
 * Scans CSV bytes (already gunzipped) record by record and calls `onRecord` with a reusable
 * {@link CsvRecordView}, header first. The fast path handles unquoted records with LF or
 * CRLF line ends straight from the bytes; the moment a record contains a `"` it is handed to
 * csv-parse (RFC 4180 rules, fields may span lines), so both paths give the same cells as
 * {@link readCsv}. A BOM is skipped and empty lines are ignored, as `readCsv` does.
 * A malformed quote is reported in `problems` with its line; a quote never closed, or a record
 * longer than {@link MAX_RECORD_BYTES} or with more than {@link MAX_FIELDS} fields, is
 * reported and stops the scan.
 *
 * Cost: one pass over the bytes, no per-record allocation on the fast path.
 * @returns the number of records seen (header included).
 * @example
 * const n = scanCsvBytes(buf, new ProblemList('votes.csv'), (r) => console.log(r.line, r.cells()));
 */
export function scanCsvBytes(bytes: Buffer, problems: ProblemList, onRecord: (record: CsvRecordView) => void): number {
  const view = new CsvRecordView();
  const n = bytes.length;
  let pos = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 1;
  let records = 0;
  let scratch = Buffer.alloc(256);

  while (pos < n) {
    const recordStart = pos;
    view.bytes = bytes;
    view.count = 0;
    view.line = line;
    view.quoted = false;
    let fieldStart = pos;
    let hasQuote = false;
    let end = -1; // exclusive end of the record's content
    let next = n; // where the next record starts
    for (; pos < n; pos++) {
      const b = bytes[pos]!;
      if (b > QUOTE) {
        // letters, digits and most punctuation: one comparison; the comma is the only one that matters
        if (b !== COMMA) continue;
        view.push(fieldStart, pos);
        fieldStart = pos + 1;
      } else if (b === LF) {
        end = pos;
        next = pos + 1;
        break;
      } else if (b === QUOTE) {
        hasQuote = true;
        break;
      }
    }
    if (hasQuote) {
      // general path: find the record's end outside quotes, then let csv-parse read it
      let inQuote = false;
      let breaks = 0;
      let fields = 1;
      let p = recordStart;
      end = -1;
      for (; p < n; p++) {
        const b = bytes[p]!;
        if (b === QUOTE) inQuote = !inQuote;
        else if (b === COMMA) {
          if (!inQuote) fields++;
        } else if (b === LF) {
          if (!inQuote) break;
          breaks++;
        }
      }
      if (p - recordStart > MAX_RECORD_BYTES || fields > MAX_FIELDS) {
        problems.add(line, undefined, fields > MAX_FIELDS ? tooManyFieldsMessage() : recordTooLongMessage());
        return records;
      }
      if (inQuote) {
        problems.add(line, undefined, 'a quoted field is never closed (unbalanced `"`); fix the quote or remove it');
        return records;
      }
      end = p;
      next = p < n ? p + 1 : n;
      let contentEnd = end;
      if (contentEnd > recordStart && bytes[contentEnd - 1] === CR) contentEnd--;
      const cells = parseQuotedRecord(bytes.subarray(recordStart, contentEnd), line, problems);
      line += breaks + 1;
      pos = next;
      if (cells === null) continue;
      let size = 0;
      for (const c of cells) size += Buffer.byteLength(c, 'utf8');
      if (scratch.length < size) scratch = Buffer.alloc(Math.max(size, scratch.length * 2));
      view.bytes = scratch;
      view.count = 0;
      view.quoted = true;
      let at = 0;
      for (const c of cells) {
        const w = scratch.write(c, at, 'utf8');
        view.push(at, at + w);
        at += w;
      }
      records++;
      onRecord(view);
      continue;
    }
    if (end === -1) end = n; // last line without a final LF
    if (end - recordStart > MAX_RECORD_BYTES || view.count >= MAX_FIELDS) {
      problems.add(line, undefined, view.count >= MAX_FIELDS ? tooManyFieldsMessage() : recordTooLongMessage());
      return records;
    }
    let contentEnd = end;
    if (contentEnd > recordStart && bytes[contentEnd - 1] === CR) contentEnd--;
    line++;
    pos = next;
    if (contentEnd === recordStart && view.count === 0) continue; // empty line
    view.push(fieldStart, Math.max(fieldStart, contentEnd));
    records++;
    onRecord(view);
  }
  return records;
}

function parseQuotedRecord(slice: Buffer, line: number, problems: ProblemList): string[] | null {
  try {
    // an explicit record delimiter: csv-parse's auto-detection costs ~0.25 µs per byte outside quotes
    const rows = parseCsvSync(slice, { relax_column_count: true, skip_empty_lines: true, bom: false, record_delimiter: '\n' }) as string[][];
    return rows[0] ?? null;
  } catch (e) {
    const msg = (e as Error).message.replace(/^Invalid (Opening|Closing) Quote: /, '');
    problems.add(line, undefined, `malformed quoting: ${msg}; quote the whole field and double inner quotes ("")`);
    return null;
  }
}

/**
 * Estimates how many records a buffer holds from the line length in its first 64 KB (plus
 * 10%), to size typed arrays in one allocation without a pass over the whole buffer.
 * @example estimateRecords(Buffer.from('a\nb\n')) // 3
 */
export function estimateRecords(bytes: Uint8Array): number {
  const sample = Math.min(bytes.length, 65536);
  let lines = 1;
  for (let i = 0; i < sample; i++) if (bytes[i] === LF) lines++;
  return sample === bytes.length ? lines : Math.ceil((lines * bytes.length * 1.1) / sample);
}
