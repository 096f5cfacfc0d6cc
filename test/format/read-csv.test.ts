import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readCsv, readCsvParsed } from '../../src/format/read-csv.js';
import { quotePlacement } from '../../src/format/scan-unquoted-csv.js';
import { ROOT } from '../helpers/cli.js';
import { FUZZ_RUNS, hostileBytes, removeTempFiles, tempFile } from '../fuzz/hostile.js';
import { AppError } from '../../src/domain/errors.js';

afterAll(removeTempFiles);

async function collect(gen: AsyncGenerator<{ line: number; cells: readonly string[] }>) {
  const out: { line: number; cells: readonly string[] }[] = [];
  try {
    for await (const r of gen) out.push({ line: r.line, cells: [...r.cells] });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { rows: out, error: true };
  }
  return { rows: out, error: false };
}

function fixtures(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? fixtures(p) : /\.csv(\.gz)?$/.test(e.name) ? [p] : [];
  });
}

/** True when a file mixes LF, CRLF and lone CR line ends. */
function mixedLineEnds(b: Buffer): boolean {
  const t = b.toString('latin1');
  const crlf = (t.match(/\r\n/g) ?? []).length;
  const lf = (t.match(/\n/g) ?? []).length - crlf;
  const cr = (t.match(/\r/g) ?? []).length - crlf;
  return [crlf, lf, cr].filter((n) => n > 0).length > 1;
}

describe('readCsv', () => {
  it('the byte scanner gives the same records and lines as csv-parse on every fixture without quotes', async () => {
    let checked = 0;
    // every fixture folder of the suite: test/fixtures and each family's test/families/<f>/fixtures
    for (const f of fixtures(path.join(ROOT, 'test')).filter((p) => p.split(path.sep).includes('fixtures'))) {
      const bytes = readFileSync(f);
      // csv-parse keeps only the first kind of line end it meets; compare files with one kind
      if (bytes.includes(0x22) || mixedLineEnds(bytes)) continue;
      for (const encoding of ['utf8', 'latin1'] as const) {
        const fast = await collect(readCsv(f, { encoding }));
        const ref = await collect(readCsvParsed(f, { encoding }));
        if (!ref.error) expect(fast, f).toEqual(ref);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('the byte scanner agrees with csv-parse on hostile inputs without quotes (property)', async () => {
    const valid = readFileSync(path.join(ROOT, 'test/fixtures/generic/good.csv'));
    await fc.assert(
      fc.asyncProperty(hostileBytes(valid), async ({ bytes }) => {
        if (bytes.includes(0x22) || mixedLineEnds(bytes) || bytes.includes(0)) return;
        const f = tempFile(bytes);
        const ref = await collect(readCsvParsed(f));
        const fast = await collect(readCsv(f));
        if (!ref.error && !fast.error) expect(fast.rows).toEqual(ref.rows);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('skips note lines before the header and reads CR, LF and CRLF line ends, even mixed', async () => {
    const f = tempFile(Buffer.from('note one\rnote two\r\na,b\nx,y\r\n\r\nz,w'));
    const r = await collect(readCsv(f, { skipLines: 2 }));
    expect(r.rows).toEqual([
      { line: 3, cells: ['a', 'b'] },
      { line: 4, cells: ['x', 'y'] },
      { line: 6, cells: ['z', 'w'] },
    ]);
  });

  it("reads a header R's write.csv quoted like csv-parse, and the unquoted rows below it byte by byte", async () => {
    for (const text of ['"ccode1","ccode2","year"\n2,20,1920\n2,20,1921\n', '\ufeff"a",b,"c"\r\n1,2,3\r\n', '"a","b"\n1,2']) {
      const f = tempFile(Buffer.from(text));
      expect(await quotePlacement(createReadStream(f))).toBe('header');
      expect((await collect(readCsv(f))).rows).toEqual((await collect(readCsvParsed(f))).rows);
    }
    // quotes below the header, or a header quoted in any other way: csv-parse reads it
    for (const text of ['"a","b"\n"x",2\n', '"a,b",c\n1,2\n', 'a"b,c\n1,2\n', '"a""b",c\n1,2\n', 'a,b\n"1",2\n']) {
      expect(await quotePlacement(createReadStream(tempFile(Buffer.from(text))))).toBe('body');
    }
    expect(await quotePlacement(createReadStream(tempFile(Buffer.from('a,b\n1,2\n'))))).toBe('none');
  });

  it('gives the same records either way on hostile inputs quoted only in the header (property)', async () => {
    const valid = Buffer.from('"ccode1","ccode2","year","dyadigos"\n2,20,1920,7\n2,20,1921,8\n');
    await fc.assert(
      fc.asyncProperty(hostileBytes(valid), async ({ bytes }) => {
        if (mixedLineEnds(bytes) || bytes.includes(0)) return;
        const f = tempFile(bytes);
        const ref = await collect(readCsvParsed(f));
        const fast = await collect(readCsv(f));
        if (!ref.error && !fast.error) expect(fast.rows).toEqual(ref.rows);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('falls back to csv-parse for quoted fields, with line numbers', async () => {
    const f = tempFile(Buffer.from('a,b\n"x, y","multi\nline"\nz,w\n'));
    const r = await collect(readCsv(f));
    expect(r.rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'multi\nline'] },
      { line: 4, cells: ['z', 'w'] },
    ]);
  });
});
