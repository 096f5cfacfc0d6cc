import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { scanCsvRecords } from '../../src/format/scan-csv-records.js';

/** The records csv-parse gives with readCsvRecords' options, with their start lines (null when it refuses the text). */
function csvParse(bytes: Buffer): { line: number; cells: string[] }[] | null {
  try {
    const records = parse(bytes, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines - record.reduce((s, c) => s + (c.match(/\n/g)?.length ?? 0), 0), cells: record }));
  } catch {
    return null;
  }
}

const quoteCell = (c: string) => (/[",\n]/.test(c) || c === '' ? `"${c.replaceAll('"', '""')}"` : c);

describe('scanCsvRecords', () => {
  it('reads quoted cells, doubled quotes, line feeds in quotes, empty lines and a BOM as csv-parse does', () => {
    const text = Buffer.from('\ufeffrcid,descr\n1,"two\nlines"\n\n2,"say ""hi"", twice"\n3,plain,\n4\n""\n', 'utf8');
    expect(scanCsvRecords(text, 1 << 20)).toEqual(csvParse(text));
    expect(scanCsvRecords(text, 1 << 20)!.map((r) => r.line)).toEqual([1, 2, 5, 6, 7, 8]);
  });

  it('gives null for what it leaves to csv-parse: a carriage return, a stray or unclosed quote, text after a closing quote, a record over the limit', () => {
    for (const t of ['a,b\r\n1,2\r\n', 'a,b"c\n', 'a,"b\n', 'a,"b"c\n', 'a,"b" \n']) expect(scanCsvRecords(Buffer.from(t), 1 << 20), t).toBeNull();
    expect(scanCsvRecords(Buffer.from('abcdef,g\n'), 4)).toBeNull();
  });

  it('gives csv-parse’s records and lines for any rows of cells written with RFC 4180 quoting', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', '"', '\n', '1', '\t', '\\') , maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 12 }), fc.boolean(), fc.boolean(), (rows, bom, trailing) => {
        const text = (bom ? '\ufeff' : '') + rows.map((r) => r.map(quoteCell).join(',')).join('\n') + (trailing ? '\n' : '');
        const bytes = Buffer.from(text, 'utf8');
        const got = scanCsvRecords(bytes, 1 << 20);
        expect(got).not.toBeNull();
        expect(got).toEqual(csvParse(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with csv-parse on arbitrary text whenever it reads it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', ' ', 'é'), maxLength: 40 }), (text) => {
        const bytes = Buffer.from(text, 'utf8');
        const got = scanCsvRecords(bytes, 1 << 20);
        if (got !== null) expect(got).toEqual(csvParse(bytes));
      }),
      { numRuns: 5000 },
    );
  });
});
