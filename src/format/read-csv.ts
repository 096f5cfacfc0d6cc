import { parse } from 'csv-parse';
import { openByteStream, type TextEncoding } from './open-text.js';
import { InputError } from '../domain/errors.js';
import { ProblemList } from '../domain/problem-list.js';
import { quotePlacement, scanUnquotedCsv, unquoteHeaderCells } from './scan-unquoted-csv.js';
import { MAX_RECORD_BYTES, RecordLimits, recordTooLongMessage } from './record-size.js';
import { Transform } from 'node:stream';

/** One CSV record with the 1-based physical line it starts on. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** Options of {@link readCsv}. */
export interface ReadCsvOptions {
  /** Text encoding of the file (default `utf8`). */
  readonly encoding?: TextEncoding;
  /** Physical lines to skip before the header (notes above a table, as in SIPRI exports). */
  readonly skipLines?: number;
  /** Quote character, or `false` for files whose fields are never quoted (default `"`). */
  readonly quote?: string | false;
  /** Field delimiter (default `,`). */
  readonly delimiter?: string;
}

/**
 * Streams the records of a CSV file (plain or gzip), header first, each with the line it
 * starts on, so that every row error can be reported as `file:line`. Ragged rows are passed
 * through (callers check the column count and report every bad row); a malformed quote is
 * an {@link InputError} at its line. A BOM is dropped, CR/LF/CRLF line ends are accepted.
 * @example
 * for await (const row of readCsv('votes.csv.gz')) console.log(row.line, row.cells);
 */
export async function* readCsv(path: string, options: ReadCsvOptions = {}): AsyncGenerator<CsvRow> {
  // fast path: a file without any quote (or quotes only around its header's cells, as R's
  // write.csv writes it) is split byte by byte (same records, ~5x faster)
  const delimiter = options.delimiter ?? ',';
  const skipLines = options.skipLines ?? 0;
  if (delimiter.length === 1) {
    const quotes = options.quote === false ? 'none' : await quotesIn(path, delimiter.charCodeAt(0));
    if (quotes === 'none' || (quotes === 'header' && skipLines === 0)) {
      const rows = scanUnquotedCsv(await openByteStream(path), options.encoding ?? 'utf8', skipLines, delimiter.charCodeAt(0), path);
      if (quotes === 'header') {
        const first = await rows.next();
        if (first.done) return;
        yield { line: first.value.line, cells: unquoteHeaderCells(first.value.cells) };
      }
      yield* rows;
      return;
    }
  }
  yield* readCsvParsed(path, options);
}

/**
 * Runs `read` over the rows of a CSV file (see {@link readCsv}) and closes the file however
 * `read` ends — also when it throws after taking only the header with `rows.next()`, which a
 * `for await` loop would not have closed.
 * @example
 * const names = await withCsvRows('mme.csv', async (rows) => (await rows.next()).value?.cells);
 */
export async function withCsvRows<T>(path: string, read: (rows: AsyncGenerator<CsvRow>) => Promise<T>, options: ReadCsvOptions = {}): Promise<T> {
  const rows = readCsv(path, options);
  try {
    return await read(rows);
  } finally {
    await rows.return(undefined);
  }
}

async function quotesIn(path: string, delimiter: number): Promise<'none' | 'header' | 'body'> {
  try {
    return await quotePlacement(await openByteStream(path), delimiter);
  } catch (e) {
    // a located error (not a regular file, corrupt gzip, a decompression bomb, not text) is the
    // same on both paths: report it now instead of reading the whole file again through csv-parse
    if (e instanceof InputError) throw e;
    return 'body'; // anything else: the reference path reports it properly
  }
}

/** {@link readCsv} through csv-parse always (the reference path; quoted fields, any delimiter). */
export async function* readCsvParsed(path: string, options: ReadCsvOptions = {}): AsyncGenerator<CsvRow> {
  const input = await openByteStream(path);
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    encoding: options.encoding === 'latin1' ? 'latin1' : 'utf8',
    delimiter: options.delimiter ?? ',',
    quote: options.quote === false ? null : (options.quote ?? '"'),
    from_line: (options.skipLines ?? 0) + 1,
    max_record_size: MAX_RECORD_BYTES,
  });
  // limits checked before csv-parse buffers a record: it has no bound on the number of fields
  const limits = new RecordLimits(path, (options.delimiter ?? ',').charCodeAt(0), options.quote === false ? -1 : (options.quote ?? '"').charCodeAt(0));
  const checked = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        limits.scan(chunk);
      } catch (e) {
        done(e as Error);
        return;
      }
      done(null, chunk);
    },
  });
  input.on('error', (e) => checked.destroy(e));
  checked.on('error', (e) => parser.destroy(e));
  const stream = input.pipe(checked).pipe(parser);
  try {
    for await (const rec of stream as AsyncIterable<{ record: string[]; info: { lines: number; raw?: string } }>) {
      // info.lines is the line the record ends on; count the record's own line breaks back.
      yield { line: startLine(rec.info.lines, rec.record), cells: rec.record };
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as Error & { lines?: number; code?: string };
    const line = typeof err.lines === 'number' ? err.lines : 0;
    throw new InputError([{ file: path, line, message: csvMessage(err) }]);
  } finally {
    input.destroy(); // a caller that stops early must not leave the file open
    checked.destroy();
  }
}

function startLine(endLine: number, cells: readonly string[]): number {
  let breaks = 0;
  for (const c of cells) {
    for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) breaks++;
  }
  return endLine - breaks;
}

/** The message for a csv-parse error (shared with the whole-file reader, `read-csv-records.ts`). */
export function csvMessage(err: Error & { code?: string }): string {
  const m = err.message.replace(/^Invalid (Opening|Closing) Quote: /, '');
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field is never closed (unbalanced `"`); fix the quote or remove it';
  if (err.code?.includes('QUOTE')) return `malformed quoting: ${m}; quote the whole field and double inner quotes ("")`;
  if (err.code === 'CSV_MAX_RECORD_SIZE') return recordTooLongMessage();
  return `cannot parse the CSV: ${m}`;
}

/** A header mapped to column positions, with the file it came from. */
export interface HeaderIndex {
  readonly file: string;
  readonly names: readonly string[];
  /** Position of a column by exact name. */
  readonly at: ReadonlyMap<string, number>;
}

/**
 * Checks a header row for required columns and returns their positions.
 * @throws {InputError} naming every missing column and the columns found.
 */
export function indexHeader(file: string, row: CsvRow | undefined, required: readonly string[]): HeaderIndex {
  if (!row) throw new InputError([{ file, line: 0, message: `the file is empty; expected a header with ${required.join(', ')}` }]);
  const names = row.cells.map((c) => c.trim());
  const at = new Map<string, number>();
  names.forEach((n, i) => {
    if (!at.has(n)) at.set(n, i);
  });
  const missing = required.filter((r) => !at.has(r));
  if (missing.length > 0) {
    throw new InputError([
      {
        file,
        line: row.line,
        message: `missing column(s) ${missing.map((m) => `"${m}"`).join(', ')}; the header has ${names.map((n) => `"${n}"`).join(', ')}`,
      },
    ]);
  }
  return { file, names, at };
}

/**
 * Reports a row whose cell count differs from the header's (ragged row).
 * @returns true when the row is well-formed.
 */
export function checkWidth(problems: ProblemList, row: CsvRow, width: number): boolean {
  if (row.cells.length === width) return true;
  problems.add(row.line, undefined, raggedRowMessage(width, row.cells.length));
  return false;
}

/** The message for a row whose field count differs from the header's. */
export function raggedRowMessage(width: number, found: number): string {
  return `expected ${width} fields like the header, found ${found}; check for an unquoted comma or a missing field`;
}

/**
 * Reads a row's cell by column name, `undefined` when the header has no such column.
 * @example cellOf(header, row)('Ex_Name') // 'Peace Mission 2005'
 */
export function cellOf(header: HeaderIndex, row: CsvRow): (column: string) => string | undefined {
  return (column) => {
    const i = header.at.get(column);
    return i === undefined ? undefined : row.cells[i];
  };
}

/** Years a reader accepts: 1000–4095, what a packed dyad-year key holds (see domain/year.ts). */
export const READABLE_YEARS = { from: 1000, to: 4095 } as const;

/**
 * Reads a year cell (trimmed): four digits from 1000 to 4095, else null. Nothing wider may
 * pass: a year like 9999 or 0000 would land in another pair's packed dyad-year key.
 * @example parseYearCell(' 2016 ') // 2016
 * @example parseYearCell('9999') // null
 */
export function parseYearCell(cell: string): number | null {
  const t = cell.trim();
  if (!/^\d{4}$/.test(t)) return null;
  const y = Number(t);
  return y >= READABLE_YEARS.from && y <= READABLE_YEARS.to ? y : null;
}

/**
 * Parses a finite number from a cell (trimmed). Returns null for an empty cell.
 * `NaN`, `Infinity` and overflowing values like `1e309` are rejected.
 */
export function parseNumberCell(cell: string): number | null | 'invalid' {
  const t = cell.trim();
  if (t === '') return null;
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return 'invalid';
  const v = Number(t);
  return Number.isFinite(v) ? v : 'invalid';
}
