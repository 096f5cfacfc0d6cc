import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { InputError } from '../../../src/domain/errors.js';
import { flowTable } from '../../../src/families/trade/flow-list.js';
import { readBytes } from '../../../src/format/open-text.js';
import { cowTradeFlowSet, parseCowTradeCsv, readCowTrade, readCowTradeColumns, scanCowTradeBytes, type CowTradeColumns } from '../../../src/families/trade/read-cow-trade.js';

const FIX = path.resolve(__dirname, 'fixtures');
const fx = (name: string) => path.join(FIX, name);
const crosswalk = createCrosswalk();
const S = (x: string) => x as Iso3;

async function problemsOf(p: Promise<unknown>): Promise<{ line: number; column?: string | number; message: string }[]> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  return [...(e as InputError).problems];
}

/** Row `i` of the columns as a plain object (NaN kept), for comparisons. */
function rowsOf(c: CowTradeColumns) {
  return Array.from({ length: c.count }, (_, i) => [c.line[i], c.ccode1[i], c.ccode2[i], c.year[i], c.flow1[i], c.flow2[i]]);
}

describe('readCowTrade on the v4.0 layout', () => {
  it('turns flow1 into ccode2 → ccode1 and flow2 into ccode1 → ccode2, as importer reports', async () => {
    const set = await readCowTrade(fx('cow_v4_small.csv'), crosswalk, { flows: 'raw' });
    const t = flowTable(set.importerReports);
    expect(t.get(S('RUS'), S('USA'), 1990)).toBe(100); // imports of the USA from Russia (365 = USSR in 1990)
    expect(t.get(S('USA'), S('RUS'), 1990)).toBe(200);
    expect(set.exporterReports.count).toBe(0);
    expect(set.completeFor).toBe('all');
    expect(set.coverage).toEqual([{ from: 1990, to: 1991 }]);
  });

  it('keeps -9, NA and empty flows missing, never 0, and keeps reported zeros', async () => {
    const t = flowTable((await readCowTrade(fx('cow_v4_small.csv'), crosswalk, { flows: 'raw' })).importerReports);
    expect(t.get(S('USA'), S('IRN'), 1990)).toBeNull(); // empty flow2
    expect(t.get(S('IRN'), S('USA'), 1990)).toBe(5);
    expect(t.get(S('IRN'), S('RUS'), 1990)).toBeNull(); // -9
    expect(t.get(S('RUS'), S('IRN'), 1990)).toBe(30);
    expect(t.get(S('IRN'), S('USA'), 1991)).toBeNull(); // NA
    expect(t.get(S('USA'), S('RUS'), 1991)).toBe(0);
    expect(t.get(S('RUS'), S('USA'), 1991)).toBe(0);
  });

  it('reads the smoothed flows when asked', async () => {
    const t = flowTable((await readCowTrade(fx('cow_v4_small.csv'), crosswalk, { flows: 'smoothed' })).importerReports);
    expect(t.get(S('RUS'), S('USA'), 1990)).toBe(110);
    expect(t.get(S('RUS'), S('IRN'), 1990)).toBe(31);
  });

  it('sums two COW codes of one state in a succession year and drops the pair between them', async () => {
    const set = await readCowTrade(fx('cow_v4_small.csv'), crosswalk, { flows: 'raw' });
    const t = flowTable(set.importerReports);
    // 678 (North Yemen) and 679 (Yemen) are both YEM in 1990
    expect(t.get(S('YEM'), S('IRN'), 1990)).toBe(4);
    expect(t.get(S('IRN'), S('YEM'), 1990)).toBe(6);
    expect(set.notes.join('\n')).toMatch(/1 row\(s\) between two COW codes of one state dropped \(e\.g\. 678-679 1990\)/);
  });

  it('keeps only the asked years but reports the whole coverage', async () => {
    const set = await readCowTrade(fx('cow_v4_small.csv'), crosswalk, { flows: 'raw', years: { from: 1991, to: 1991 } });
    expect([...new Set(set.importerReports.year)]).toEqual([1991]);
    expect(set.coverage).toEqual([{ from: 1990, to: 1991 }]);
  });

  it('rejects flows: smoothed on a file without smoothed columns, saying what to do', async () => {
    const [p] = await problemsOf(readCowTrade(fx('cow_v3_small.csv'), crosswalk, { flows: 'smoothed' }));
    expect(p!.message).toMatch(/needs the columns "smoothflow1" and "smoothflow2".*set `flows: raw`/);
  });
});

describe('readCowTrade on the v3.0 layout', () => {
  it('reads the flows by column name, skips blank lines and CRLF, and skips the 710.1 alternative entity', async () => {
    const set = await readCowTrade(fx('cow_v3_small.csv'), crosswalk, { flows: 'raw' });
    const t = flowTable(set.importerReports);
    expect(t.get(S('IRN'), S('RUS'), 2000)).toBe(53.63);
    expect(t.get(S('RUS'), S('IRN'), 2000)).toBe(919.94);
    expect(t.get(S('USA'), S('CIV'), 2000)).toBeNull(); // -9
    expect(t.get(S('KOR'), S('USA'), 2000)).toBe(0);
    expect(set.notes.join('\n')).toMatch(/1 row\(s\) of non-state entity code 710\.1 skipped/);
  });

  it('gives the physical line of each row (blank lines counted)', async () => {
    const cols = await readCowTradeColumns(fx('cow_v3_small.csv'), 'raw');
    expect([...cols.line]).toEqual([2, 3, 5, 7]);
  });
});

describe('the byte scanner and the CSV reader', () => {
  it('agree on the fixtures', async () => {
    for (const f of ['cow_v4_small.csv', 'cow_v3_small.csv']) {
      for (const flows of f.includes('v4') ? (['raw', 'smoothed'] as const) : (['raw'] as const)) {
        const fast = scanCowTradeBytes(await readBytes(fx(f)), fx(f), flows)!;
        const slow = await parseCowTradeCsv(fx(f), flows);
        expect(rowsOf(fast)).toEqual(rowsOf(slow));
        expect(fast.skippedEntities).toEqual(slow.skippedEntities);
      }
    }
  });

  it('hands a file with quoted fields to the CSV reader, with the same result as unquoted', async () => {
    expect(scanCowTradeBytes(await readBytes(fx('cow_v3_quoted.csv')), 'q', 'raw')).toBeNull();
    const quoted = await readCowTradeColumns(fx('cow_v3_quoted.csv'), 'raw');
    const plain = await readCowTradeColumns(fx('cow_v3_small.csv'), 'raw');
    expect(rowsOf(quoted)).toEqual(rowsOf(plain));
  });

  it('reads gzip files by content', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-cow-'));
    const gz = path.join(dir, 'cow.csv'); // no .gz in the name on purpose
    writeFileSync(gz, gzipSync(readFileSync(fx('cow_v4_small.csv'))));
    expect(rowsOf(await readCowTradeColumns(gz, 'raw'))).toEqual(rowsOf(await readCowTradeColumns(fx('cow_v4_small.csv'), 'raw')));
  });

  it('both report every bad row of a file together: ragged, bad year, bad flow, negative flow, bad code', async () => {
    const expected = [
      { line: 3, column: undefined, message: expect.stringMatching(/expected 7 fields like the header, found 6/) },
      { line: 4, column: 'year', message: 'expected a four-digit year (1000–4095), got "199O"' },
      { line: 5, column: 'flow1', message: expect.stringMatching(/expected a trade flow .* got "abc"/) },
      { line: 6, column: 'flow2', message: expect.stringMatching(/got "-3"/) },
      { line: 7, column: 'ccode1', message: expect.stringMatching(/expected a numeric COW state code .* got "USA"/) },
    ];
    const bytes = await readBytes(fx('cow_bad_cells.csv'));
    const fast = (await problemsOf(Promise.resolve().then(() => scanCowTradeBytes(bytes, fx('cow_bad_cells.csv'), 'raw')))).map(({ line, column, message }) => ({ line, column, message }));
    const slow = (await problemsOf(parseCowTradeCsv(fx('cow_bad_cells.csv'), 'raw'))).map(({ line, column, message }) => ({ line, column, message }));
    expect(fast).toEqual(expected);
    expect(slow).toEqual(fast);
  });
});

describe('COW codes', () => {
  it('reports unknown codes with the closest known codes, and duplicate dyad-years (reversed too), all together', async () => {
    const problems = await problemsOf(readCowTrade(fx('cow_bad_codes.csv'), crosswalk, { flows: 'raw' }));
    expect(problems.map((p) => p.line).sort()).toEqual([3, 4, 5]);
    expect(problems.find((p) => p.line === 3)!.message).toMatch(/unknown country cow code "999"; closest known: "990"/);
    expect(problems.find((p) => p.line === 4)!.message).toMatch(/duplicate dyad-year 365-2 1990: already given on line 2/);
  });

  it('resolves codes with the year: 365 is the USSR before 1992, reported as Russia by default', async () => {
    const cols = await readCowTradeColumns(fx('cow_v4_small.csv'), 'raw');
    const kept = cowTradeFlowSet(cols, 'x', createCrosswalk({ succession: { SUN: 'SUN' } }), { flows: 'raw' });
    expect(flowTable(kept.importerReports).get(S('SUN'), S('USA'), 1990)).toBe(100);
    expect(flowTable(kept.importerReports).get(S('RUS'), S('USA'), 1990)).toBeNull();
  });
});

