/**
 * A byte scanner for whole CSV files with RFC 4180 quoting (fields in double quotes, `""` for
 * a quote, commas and line feeds inside quotes), giving the records csv-parse gives with the
 * options of `readCsvRecords` (BOM dropped, empty lines skipped, ragged rows passed through)
 * in a fraction of its time. It reads only the plain case: a file with a carriage return, a
 * quote inside an unquoted field, anything but a comma or line end after a closing quote, an
 * unclosed quote or a record over `maxRecordBytes` gives null, and the caller parses the file
 * with csv-parse (which reports the problem, or reads what this scanner does not).
 * @module
 */
import type { CsvRow } from './read-csv.js';

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * The records of a CSV file's bytes with the line each starts on, or null when the file is
 * not of the plain case this scanner reads (see the module comment).
 * @example scanCsvRecords(Buffer.from('a,b\n1,"x, ""y"""\n'), 1 << 20) // [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['1', 'x, "y"'] }]
 */
export function scanCsvRecords(bytes: Uint8Array, maxRecordBytes: number): CsvRow[] | null {
  if (bytes.indexOf(CR) !== -1) return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const n = buf.length;
  let i = n >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let line = 1;
  const rows: CsvRow[] = [];
  while (i < n) {
    if (buf[i] === LF) {
      // an empty line
      i++;
      line++;
      continue;
    }
    const start = i;
    const startLine = line;
    const cells: string[] = [];
    for (;;) {
      if (buf[i] === QUOTE) {
        let j = i + 1;
        let escaped = false;
        for (;;) {
          const q = buf.indexOf(QUOTE, j);
          if (q === -1) return null; // unclosed quote
          if (buf[q + 1] === QUOTE) {
            escaped = true;
            j = q + 2;
            continue;
          }
          for (let k = buf.indexOf(LF, i + 1); k !== -1 && k < q; k = buf.indexOf(LF, k + 1)) line++;
          const text = buf.toString('utf8', i + 1, q);
          cells.push(escaped ? text.replaceAll('""', '"') : text);
          i = q + 1;
          break;
        }
        if (i < n && buf[i] !== COMMA && buf[i] !== LF) return null; // text after a closing quote
      } else {
        let j = i;
        while (j < n) {
          const c = buf[j]!;
          if (c === COMMA || c === LF) break;
          if (c === QUOTE) return null; // a quote inside an unquoted field
          j++;
        }
        cells.push(buf.toString('utf8', i, j));
        i = j;
      }
      if (i - start > maxRecordBytes) return null;
      if (i < n && buf[i] === COMMA) {
        i++;
        continue;
      }
      break;
    }
    rows.push({ line: startLine, cells });
    if (i < n) {
      i++; // the line feed
      line++;
    }
  }
  return rows;
}
