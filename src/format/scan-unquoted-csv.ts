import type { Readable } from 'node:stream';
import type { TextEncoding } from './open-text.js';
import { MAX_FIELDS, MAX_RECORD_BYTES, recordTooLongError, tooManyFieldsMessage } from './record-size.js';
import { InputError } from '../domain/errors.js';

/** One record found by the byte scanner, with the 1-based physical line it is on. */
export interface ScannedRow {
  readonly line: number;
  readonly cells: string[];
}

/** Longest first line {@link quotePlacement} examines for a quoted header (longer: `body`). */
const MAX_HEADER_BYTES = 1 << 20;

/**
 * Where the double quotes of a byte stream are: `none` (no quote at all), `header` (only on
 * the first line, each cell of it either bare or wholly quoted with no quote, delimiter or
 * line end inside — the header R's `write.csv` writes above unquoted numbers), or `body`
 * (anywhere else). With `none` or `header`, {@link scanUnquotedCsv} reads the file exactly as a
 * standards-compliant parser would (after {@link unquoteHeaderCells} on the first record).
 * @example await quotePlacement(stream) // 'header' for `"ccode1","ccode2"\n2,20\n`
 */
export async function quotePlacement(stream: Readable, delimiter = 0x2c): Promise<'none' | 'header' | 'body'> {
  const header: Buffer[] = [];
  let headerBytes = 0;
  let inHeader = true;
  let quoted = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let rest = chunk;
    if (inHeader) {
      let end = -1;
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk[i]!;
        if (c === 0x0a || c === 0x0d) {
          end = i;
          break;
        }
      }
      const part = end === -1 ? chunk : chunk.subarray(0, end);
      if (part.indexOf(0x22) !== -1) quoted = true;
      headerBytes += part.length;
      if (quoted && headerBytes > MAX_HEADER_BYTES) {
        stream.destroy();
        return 'body';
      }
      if (headerBytes <= MAX_HEADER_BYTES) header.push(part);
      if (end === -1) continue;
      inHeader = false;
      rest = chunk.subarray(end);
    }
    if (rest.indexOf(0x22) !== -1) {
      stream.destroy();
      return 'body';
    }
  }
  if (!quoted) return 'none';
  return simpleQuotedHeader(Buffer.concat(header), delimiter) ? 'header' : 'body';
}

/** True when every cell of a header line is bare (no quote) or `"…"` with no quote inside. */
function simpleQuotedHeader(line: Buffer, delimiter: number): boolean {
  let start = line.length >= 3 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf ? 3 : 0;
  for (let i = start; i <= line.length; i++) {
    if (i < line.length && line[i] !== delimiter) continue;
    const cell = line.subarray(start, i);
    const q = cell.indexOf(0x22);
    if (q !== -1 && !(q === 0 && cell.length >= 2 && cell[cell.length - 1] === 0x22 && cell.subarray(1, cell.length - 1).indexOf(0x22) === -1)) return false;
    start = i + 1;
  }
  return true;
}

/**
 * Removes the quotes around the cells of a simply quoted header (see {@link quotePlacement}).
 * @example unquoteHeaderCells(['"ccode1"', 'year']) // ['ccode1', 'year']
 */
export function unquoteHeaderCells(cells: readonly string[]): string[] {
  return cells.map((c) => (c.length >= 2 && c.startsWith('"') && c.endsWith('"') ? c.slice(1, -1) : c));
}

/**
 * Streams the records of an unquoted CSV (no `"` anywhere; check with {@link quotePlacement}):
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
