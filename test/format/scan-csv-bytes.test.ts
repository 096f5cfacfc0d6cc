import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ProblemList } from '../../src/domain/problem-list.js';
import { readCsv } from '../../src/format/read-csv.js';
import { estimateRecords, scanCsvBytes } from '../../src/format/scan-csv-bytes.js';

function scan(text: string | Buffer): { rows: { line: number; cells: string[]; quoted: boolean }[]; problems: string[] } {
  const problems = new ProblemList('x.csv');
  const rows: { line: number; cells: string[]; quoted: boolean }[] = [];
  scanCsvBytes(Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), problems, (r) => rows.push({ line: r.line, cells: r.cells(), quoted: r.quoted }));
  return { rows, problems: problems.problems.map((p) => `${p.line}: ${p.message}`) };
}

async function general(text: string): Promise<{ line: number; cells: string[] }[]> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'scan-')), 'x.csv');
  writeFileSync(file, text);
  const out: { line: number; cells: string[] }[] = [];
  for await (const r of readCsv(file)) out.push({ line: r.line, cells: [...r.cells] });
  return out;
}

const CASES: [string, string][] = [
  ['plain rows', 'a,b,c\n1,2,3\n4,5,6\n'],
  ['CRLF line ends and no final newline', 'a,b\r\n1,2\r\n3,4'],
  ['a BOM and empty lines', '\ufeffa,b\n\n1,2\n\n\n3,4\n'],
  ['empty fields', 'a,b,c\n,,\n1,,\n'],
  ['quoted fields with commas, doubled quotes and a line break', 'a,b\n"x, y","say ""hi"""\n"two\nlines",z\nlast,row\n'],
  ['the Voeten malformed cell', 'ec,year\n"0\\""",1973\n0,1974\n'],
  ['UTF-8 names', 'country,code\nCôte d’Ivoire,CI\nSão Tomé & Príncipe,ST\n'],
];

describe('scanCsvBytes', () => {
  for (const [name, text] of CASES) {
    it(`gives the same records and lines as readCsv: ${name}`, async () => {
      const fast = scan(text);
      expect(fast.problems).toEqual([]);
      expect(fast.rows.map(({ line, cells }) => ({ line, cells }))).toEqual(await general(text));
    });
  }

  it('reads unquoted records from the bytes and hands quoted ones to csv-parse', () => {
    const { rows } = scan('a,b\n1,2\n"3",4\n');
    expect(rows.map((r) => r.quoted)).toEqual([false, false, true]);
  });

  it('reads whole numbers from the bytes and rejects anything else', () => {
    const got: (number | null | 'invalid')[] = [];
    scanCsvBytes(Buffer.from('n\n42\n-7\n\n 5 \nx1\n45.0\n4.5\n"12"\n'), new ProblemList('x'), (r) => got.push(r.int(0)));
    expect(got).toEqual(['invalid', 42, -7, 5, 'invalid', 45, 'invalid', 12]);
  });

  it('reports a quote that is never closed, with its line, and stops', () => {
    const { rows, problems } = scan('a,b\n1,2\n"open,3\n4,5\n');
    expect(rows).toHaveLength(2);
    expect(problems).toEqual(['3: a quoted field is never closed (unbalanced `"`); fix the quote or remove it']);
  });

  it('reports malformed quoting inside a record with its line and goes on', () => {
    const { rows, problems } = scan('a,b\nx"y"z,1\n2,3\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^2: malformed quoting/);
    expect(rows.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['2', '3'],
    ]);
  });

  it('estimates the number of records from the first 64 KB to size its arrays', () => {
    expect(estimateRecords(Buffer.from('a\nb\n'))).toBe(3);
    expect(estimateRecords(Buffer.from(''))).toBe(1);
    const big = Buffer.from('123,abc,US,yes\n'.repeat(20_000));
    expect(estimateRecords(big)).toBeGreaterThanOrEqual(20_000);
    expect(estimateRecords(big)).toBeLessThan(23_000);
  });
});

