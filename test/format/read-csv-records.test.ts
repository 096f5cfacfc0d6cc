import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { readCsv } from '../../src/format/read-csv.js';
import { readCsvRecords } from '../../src/format/read-csv-records.js';
import { readBytesAsync } from '../../src/format/read-bytes-async.js';

const dir = mkdtempSync(path.join(tmpdir(), 'records-'));
function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('readCsvRecords', () => {
  it('gives the same records and start lines as readCsv, quoted line breaks included', async () => {
    const p = file('a.csv', '\ufeffrcid,descr\n1,"two\nlines"\n\n2,"say ""hi"", twice"\n3,plain\n');
    const general = [];
    for await (const r of readCsv(p)) general.push({ line: r.line, cells: [...r.cells] });
    expect(await readCsvRecords(p)).toEqual(general);
    expect(general.map((r) => r.line)).toEqual([1, 2, 5, 6]);
  });

  it('reads gzip by content', async () => {
    const p = file('b', gzipSync('a,b\n1,2\n'));
    expect((await readCsvRecords(p)).map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reports a quote that is never closed as an input error with its line', async () => {
    const p = file('c.csv', 'a,b\n1,2\n"open,3\n');
    await expect(readCsvRecords(p)).rejects.toBeInstanceOf(InputError);
    await expect(readCsvRecords(p)).rejects.toThrow(/never closed/);
  });
});

describe('readBytesAsync', () => {
  it('gunzips in one piece and reports corrupt gzip and missing files as input errors', async () => {
    const text = 'x,y\n'.repeat(100_000);
    expect((await readBytesAsync(file('d.gz', gzipSync(text)))).toString()).toBe(text);
    const bad = gzipSync(text);
    await expect(readBytesAsync(file('e.gz', bad.subarray(0, bad.length / 2)))).rejects.toThrow(/corrupt gzip data/);
    await expect(readBytesAsync(path.join(dir, 'none.csv'))).rejects.toThrow(/the file does not exist.*ENOENT/);
  });
});
