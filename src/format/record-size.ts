import { InputError } from '../domain/errors.js';

/**
 * The longest record (one CSV row, quoted line breaks included) any reader accepts: 8 MiB.
 * Real sources stay far below it (the longest UN roll-call description is a few KB); a longer
 * record means a file that is not a table of the expected format, or one that lost its line
 * breaks. Refusing it bounds the memory and time a hostile file can cost.
 */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;

/**
 * The message for a record longer than {@link MAX_RECORD_BYTES}.
 * @example recordTooLongMessage() // 'the record is longer than 8 MB (8,388,608 bytes): …'
 */
export function recordTooLongMessage(): string {
  return `the record is longer than 8 MB (${MAX_RECORD_BYTES.toLocaleString('en-US')} bytes): the file is not a table of this format, or it lost its line breaks (or a quote is never closed); check the file`;
}

/**
 * The error for a record longer than {@link MAX_RECORD_BYTES} starting at `line` of `file`.
 * @example throw recordTooLongError('votes.csv', 2); // votes.csv:2: the record is longer than 8 MB …
 */
export function recordTooLongError(file: string, line: number): InputError {
  return new InputError([{ file, line, message: recordTooLongMessage() }]);
}

/**
 * Throws {@link recordTooLongError} for the first line of `lines` longer than
 * {@link MAX_RECORD_BYTES} characters (text readers: a character is at least one byte, so such
 * a line is at least that many bytes). `firstLine` is the 1-based number of `lines[0]`.
 * @example checkLineLengths(['a,b', '1,2'], 'f.csv') // passes
 */
export function checkLineLengths(lines: readonly string[], file: string, firstLine = 1): void {
  for (let i = 0; i < lines.length; i++) if (lines[i]!.length > MAX_RECORD_BYTES) throw recordTooLongError(file, firstLine + i);
}

/**
 * The most fields a record may have: 100,000. The widest real table (IMF DOTS by month) has
 * about a thousand columns; csv-parse spends ~0.6 µs and ~50 bytes on every field, so an
 * 8 MB line of commas would cost 5 s and 400 MB.
 */
export const MAX_FIELDS = 100_000;

/**
 * The message for a record with more than {@link MAX_FIELDS} fields.
 * @example tooManyFieldsMessage() // 'the record has more than 100,000 fields: …'
 */
export function tooManyFieldsMessage(): string {
  return `the record has more than ${MAX_FIELDS.toLocaleString('en-US')} fields: the file is not a table of this format (or its delimiter is wrong); check the file`;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Checks CSV bytes chunk by chunk, before a parser sees them, against {@link MAX_RECORD_BYTES}
 * and {@link MAX_FIELDS}: quotes toggle a quoted state (RFC 4180: a doubled quote toggles
 * twice), line breaks outside quotes end a record (LF, CRLF or a lone CR). One pass, constant
 * memory, whatever the chunking.
 * @example new RecordLimits('f.csv').scan(Buffer.from('a,b\n1,2\n')); // passes
 */
export class RecordLimits {
  private line = 1;
  private recordLine = 1;
  private bytes = 0;
  private fields = 1;
  private inQuote = false;
  private afterCr = false;

  /**
   * @param file named in the errors.
   * @param delimiter the field delimiter byte (default `,`).
   * @param quote the quote byte, or −1 when fields are never quoted.
   */
  constructor(
    private readonly file: string,
    private readonly delimiter = 0x2c,
    private readonly quote = 0x22,
  ) {}

  /**
   * Scans the next chunk.
   * @throws {InputError} at the start line of the first record over a limit.
   */
  scan(chunk: Uint8Array): void {
    const { delimiter, quote } = this;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (++this.bytes > MAX_RECORD_BYTES) throw recordTooLongError(this.file, this.recordLine);
      if (c === LF) {
        if (!this.afterCr) this.line++;
        this.afterCr = false;
        if (!this.inQuote) this.endRecord();
        continue;
      }
      this.afterCr = false;
      if (c === CR) {
        this.line++;
        this.afterCr = true;
        if (!this.inQuote) this.endRecord();
        continue;
      }
      if (c === quote) this.inQuote = !this.inQuote;
      else if (c === delimiter && !this.inQuote && ++this.fields > MAX_FIELDS) throw new InputError([{ file: this.file, line: this.recordLine, message: tooManyFieldsMessage() }]);
    }
  }

  private endRecord(): void {
    this.recordLine = this.line;
    this.bytes = 0;
    this.fields = 1;
  }
}
