import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/domain/errors.js';
import { SMALL_TIV } from '../../../src/families/arms-transfers/small-tiv.js';
import { parseTivCell, readSipriTivPairs, readSipriTivTotals } from '../../../src/families/arms-transfers/read-sipri-tiv.js';

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fx = (f: string): string => path.join(FIX, f);

describe('parseTivCell', () => {
  it("reads SIPRI's '0 ' (more than 0, less than 0.5) as the midpoint 0.25 and an empty cell as absent", () => {
    expect(parseTivCell('0 ')).toBe(SMALL_TIV);
    expect(parseTivCell('0')).toBe(0.25);
    expect(parseTivCell('')).toBeNull();
    expect(parseTivCell(' ')).toBeNull();
    expect(parseTivCell('424')).toBe(424);
    expect(parseTivCell('12.5')).toBe(12.5);
    expect(parseTivCell('-5')).toBe('invalid');
    expect(parseTivCell('two')).toBe('invalid');
  });
});

describe('readSipriTivTotals on tiny tables', () => {
  it('reads an importer table below its note lines, keeping the world row apart', async () => {
    const t = await readSipriTivTotals(fx('importers_raw.csv'), 'importers');
    expect(t.years).toEqual([2019, 2020, 2021, 2022]);
    expect(t.coveredYears).toEqual([2019, 2020, 2021]);
    expect(t.rows.map((r) => r.name)).toEqual(['Iran', 'Syria', 'Viet Nam', 'Hezbollah (Lebanon)*']);
    expect([...t.rows[0]!.values]).toEqual([[2019, 3], [2020, 2]]);
    expect(t.rows[1]!.values.get(2019)).toBe(0.25);
    expect(t.rows[0]!.line).toBe(9);
    expect(t.world?.values.get(2021)).toBe(128);
  });

  it('reads an exporter table', async () => {
    const t = await readSipriTivTotals(fx('exporters_raw.csv'), 'exporters');
    expect(t.rows.find((r) => r.name === 'United States')!.values.get(2021)).toBe(0.25);
    expect(t.world?.name).toBe('Total world export');
  });

  it('says which table a file is when the wrong one is asked for', async () => {
    await expect(readSipriTivTotals(fx('exporters_raw.csv'), 'importers')).rejects.toThrow(/set `table: exporters`/);
    await expect(readSipriTivTotals(fx('pairs_clean.csv'), 'exporters')).rejects.toThrow(/set `table: pairs`/);
    await expect(readSipriTivTotals(fx('pairs_raw.csv'), 'importers')).rejects.toThrow(/set `table: pairs`/);
  });

  it('reports every bad row together', async () => {
    const err = await readSipriTivTotals(fx('importers_bad.csv'), 'importers').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const p = (err as InputError).problems;
    expect(p.map((x) => x.line)).toEqual([9, 10, 11]);
    expect(p[0]!.column).toBe('2020');
    expect(p[1]!.message).toMatch(/expected 9 fields/);
    expect(p[2]!.message).toMatch(/"-5"/);
  });
});

describe('readSipriTivPairs on tiny tables', () => {
  it("takes each block's supplier from its 'Total exports from' row and skips empty blocks", async () => {
    const t = await readSipriTivPairs(fx('pairs_raw.csv'));
    expect(t.years).toEqual([2024]);
    expect(t.coveredYears).toEqual([2024]);
    expect(t.rows.map((r) => `${r.supplier}>${r.recipient}:${r.value}`)).toEqual([
      'Russia>China:30',
      'Russia>Iran:42',
      'Russia>Laos:0.25',
      'United States>Ukraine Rebels*:5',
      'United States>Turkiye:5',
    ]);
    expect(t.supplierTotals.map((s) => `${s.supplier}:${s.value}`)).toEqual(['Russia:72', 'United States:10']);
  });

  it('gives the same values from the cleaned table with a Supplier column', async () => {
    const raw = await readSipriTivPairs(fx('pairs_raw.csv'));
    const clean = await readSipriTivPairs(fx('pairs_clean.csv'));
    const strip = (t: typeof raw): unknown => ({ rows: t.rows.map(({ line: _l, ...r }) => r), totals: t.supplierTotals.map(({ line: _l, ...r }) => r) });
    expect(strip(clean)).toEqual(strip(raw));
  });

  it('reports a bad value and a block whose supplier is unknown', async () => {
    const err = await readSipriTivPairs(fx('pairs_bad.csv')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const p = (err as InputError).problems;
    expect(p.map((x) => x.line)).toEqual([10, 21]);
    expect(p[0]!.message).toMatch(/"4x"/);
    expect(p[1]!.message).toMatch(/no "Total exports from <Supplier>" row/);
  });
});

