/**
 * The first rows of a CSV text and its number of records, without parsing the rest: the
 * report page shows at most a few hundred rows of a CSV that may hold a million
 * (`sensitivity.csv` of the real panel: ≈ 90 MB, which a full parse turned into ≈ 12 million
 * strings — half a gigabyte of heap — to show 200 of them).
 * @module
 */
import { parse } from 'csv-parse/sync';

/** What {@link csvPreview} returns. */
export interface CsvPreview {
  /** The first record (empty when the text has none). */
  readonly header: readonly string[];
  /** The records after the header, at most `maxRows` of them. */
  readonly rows: readonly (readonly string[])[];
  /** Records after the header in the whole text. */
  readonly total: number;
}

/**
 * The header, the first `maxRows` records after it and the count of records after it, as
 * csv-parse (`relax_column_count`) reads them. A text without a quote or a carriage return has
 * one record per line feed (plus a last line without one; an empty line is a record of one
 * empty field), so only the lines shown are parsed and the rest is counted; any other text is
 * parsed whole.
 * @example csvPreview('a,b\n1,2\n3,4\n', 1) // { header: ['a', 'b'], rows: [['1', '2']], total: 2 }
 */
export function csvPreview(text: string, maxRows: number): CsvPreview {
  if (text.includes('"') || text.includes('\r')) {
    const all = parse(text, { relax_column_count: true }) as string[][];
    return { header: all[0] ?? [], rows: all.slice(1, 1 + maxRows), total: Math.max(0, all.length - 1) };
  }
  let records = 0;
  let end = text.length; // end of the shown lines
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    records++;
    if (records === maxRows + 1) end = at + 1;
  }
  if (text.length > 0 && !text.endsWith('\n')) records++;
  const shown = parse(text.slice(0, end), { relax_column_count: true }) as string[][];
  return { header: shown[0] ?? [], rows: shown.slice(1, 1 + maxRows), total: Math.max(0, records - 1) };
}
