import type { Readable } from 'node:stream';
import type { TextEncoding } from './open-text.js';
import { MAX_FIELDS, MAX_RECORD_BYTES, recordTooLongError, tooManyFieldsMessage } from './record-size.js';
import { InputError } from '../errors.js';

/** One record found by the byte scanner, with the 1-based physical line it is on. */
export interface ScannedRow {
  readonly line: number;
  readonly cells: string[];
}

/**
 * True when the byte stream contains no double quote at all — then every record is one
 * physical line and every comma separates fields, and {@link scanUnquotedCsv} reads it
 * exactly as a standards-compliant CSV parser would, many times faster.
 */
export async function hasNoQuotes(stream: Readable): Promise<boolean> {
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (chunk.indexOf(0x22) !== -1) {
      stream.destroy();
      return false;
    }
  }
  return true;
}

/**
 * Streams the records of an unquoted CSV (no `"` anywhere; check with {@link hasNoQuotes}):
 * every line end — LF, CRLF or a lone CR, in any mix — ends a line and a record (universal
 * newlines, as an editor counts lines; csv-parse instead keeps only the first kind it meets
 * and treats the others as data); fields split on the delimiter; empty lines and a leading
 * UTF-8 BOM are skipped; each cell is decoded as `encoding`. Holds one chunk and one line.
 *
 * Cost: linear in the input, however long a line is (the pieces of a line spread over many
 * chunks are joined once, at its end). A line longer than {@link MAX_RECORD_BYTES} or with more
 * than {@link MAX_FIELDS} fields is an {@link InputError} at its line, thrown as soon as the
 * line is known to be too long.
 * @example for await (const r of scanUnquotedCsv(stream, 'utf8', 0, 0x2c, 'f.csv')) console.log(r.line, r.cells);
 */
export async function* scanUnquotedCsv(stream: Readable, encoding: TextEncoding, skipLines: number, delimiter = 0x2c, file = '(input)'): AsyncGenerator<ScannedRow> {
  // the start of the current line when it began in an earlier chunk: its pieces and their length
  const pieces: Buffer[] = [];
  let carried = 0;
  let line = 0;
  let first = true;
  let pendingCr = false;
  for await (const chunk0 of stream as AsyncIterable<Buffer>) {
    let chunk = chunk0;
    if (first) {
      first = false;
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    let start = 0;
    if (pendingCr) {
      pendingCr = false;
      if (chunk.length > 0 && chunk[0] === 0x0a) start = 1; // a CRLF split across two chunks
    }
    for (let i = start; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c !== 0x0a && c !== 0x0d) continue;
      let bytes: Buffer = chunk.subarray(start, i);
      line++;
      if (carried > 0) {
        if (carried + bytes.length > MAX_RECORD_BYTES) throw recordTooLongError(file, line);
        pieces.push(bytes);
        bytes = Buffer.concat(pieces);
        pieces.length = 0;
        carried = 0;
      } else if (bytes.length > MAX_RECORD_BYTES) throw recordTooLongError(file, line);
      if (c === 0x0d) {
        if (i + 1 < chunk.length) {
          if (chunk[i + 1] === 0x0a) i++;
        } else pendingCr = true;
      }
      start = i + 1;
      if (line > skipLines && bytes.length > 0) yield { line, cells: split(bytes, encoding, delimiter, file, line) };
    }
    if (start < chunk.length) {
      carried += chunk.length - start;
      if (carried > MAX_RECORD_BYTES) throw recordTooLongError(file, line + 1);
      pieces.push(Buffer.from(chunk.subarray(start))); // a copy: the stream may reuse its chunk
    }
  }
  if (carried > 0) {
    line++;
    const bytes = Buffer.concat(pieces);
    if (line > skipLines) yield { line, cells: split(bytes, encoding, delimiter, file, line) };
  }
}

function split(bytes: Buffer, encoding: TextEncoding, delimiter: number, file: string, line: number): string[] {
  const cells: string[] = [];
  let s = 0;
  for (let j = 0; j < bytes.length; j++) {
    if (bytes[j] === delimiter) {
      if (cells.length === MAX_FIELDS - 1) throw new InputError([{ file, line, message: tooManyFieldsMessage() }]);
      cells.push(bytes.toString(encoding, s, j));
      s = j + 1;
    }
  }
  cells.push(bytes.toString(encoding, s, bytes.length));
  return cells;
}
