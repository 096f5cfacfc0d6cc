import path from 'node:path';
import { expect, it } from 'vitest';
import { readSipriTivPairs, readSipriTivTotals } from '../../../src/families/arms-transfers/read-sipri-tiv.js';
import { describeShared } from '../../helpers/shared-data.js';

describeShared('SIPRI TIV tables (real data)', (dir) => {
  const f = (p: string): string => path.join(dir, 'arms', p);

  it('has the importer-table spot values of SOURCE.md, raw and cleaned alike', async () => {
    for (const file of ['sipri_tiv_importers_1950-2024.csv.gz', 'raw/sipri_tiv_importers_1950-2024_raw.csv.gz']) {
      const t = await readSipriTivTotals(f(file), 'importers');
      expect(t.rows).toHaveLength(261);
      expect(t.world?.name).toBe('Total world import');
      expect(t.coveredYears[0]).toBe(1950);
      expect(t.coveredYears.at(-1)).toBe(2023); // 2024 is empty everywhere
      const iran = t.rows.find((r) => r.name === 'Iran')!.values;
      const y2000to2020 = Array.from({ length: 21 }, (_, i) => iran.get(2000 + i));
      expect(y2000to2020).toEqual([424, 534, 441, 289, 123, 59, 424, 332, 63, 98, 96, 93, 41, 14, 14, 14, 413, 3, 3, 3, 2]);
      expect(iran.has(2021)).toBe(false);
      expect(iran.has(2022)).toBe(false);
      expect(iran.get(2023)).toBe(21);
      const china = t.rows.find((r) => r.name === 'China')!.values;
      expect([2000, 2001, 2002, 2003, 2004, 2005].map((y) => china.get(y))).toEqual([2491, 2773, 2838, 2334, 3236, 3478]);
      expect(t.rows.find((r) => r.name === 'Saudi Arabia')!.values.get(1950)).toBe(0.25);
    }
  });

  it('has the exporter-table spot values of SOURCE.md', async () => {
    const t = await readSipriTivTotals(f('raw/sipri_tiv_exporters_1950-2024_raw.csv.gz'), 'exporters');
    expect(t.rows).toHaveLength(136);
    const rus = t.rows.find((r) => r.name === 'Russia')!.values;
    expect([1992, 1993, 1994, 1995, 1996, 1997, 1998, 1999, 2000].map((y) => rus.get(y))).toEqual([2639, 3484, 1533, 3849, 3610, 3428, 2062, 4295, 4492]);
    expect(rus.get(2023)).toBe(1269);
    expect(t.rows.find((r) => r.name === 'Soviet Union')!.values.get(1991)).toBe(5524);
  });

  it('reads the 2024 pair table from the raw concatenated blocks and the cleaned file alike', async () => {
    const raw = await readSipriTivPairs(f('raw/sipri_tiv_2024_by_supplier_raw.csv.gz'));
    const clean = await readSipriTivPairs(f('sipri_tiv_2024_by_supplier.csv.gz'));
    for (const t of [raw, clean]) {
      expect(t.rows).toHaveLength(364);
      expect(t.supplierTotals).toHaveLength(44);
      const v = (s: string, r: string): number | undefined => t.rows.find((x) => x.supplier === s && x.recipient === r)?.value;
      expect(v('Russia', 'Iran')).toBe(42);
      expect(v('Russia', 'China')).toBe(30);
      expect(v('Russia', 'India')).toBe(463);
      expect(v('Russia', 'Kazakhstan')).toBe(440);
      expect(t.supplierTotals.find((s) => s.supplier === 'Russia')!.value).toBe(1339);
      expect(t.supplierTotals.find((s) => s.supplier === 'United States')!.value).toBe(13512);
    }
    const key = (t: typeof raw): string[] => t.rows.map((r) => `${r.supplier}>${r.recipient}:${r.year}:${r.value}`);
    expect(key(clean)).toEqual(key(raw));
  });
});
