import path from 'node:path';
import { expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { igoFamily as fam } from '../../../src/families/igo/family.js';
import { loadIndicator, testContext } from '../../helpers/load-context.js';
import { describeShared, readGzipCsv } from '../../helpers/shared-data.js';

const I = (c: string) => c as Iso3;

describeShared('igo on the COW IGO dyad-year counts', (dataDir) => {
  const file = path.join(dataDir, 'igo', 'cow_igo_ndy.csv.gz');

  it("gives SOURCE.md's verified values and equals a plain count of the raw rows on every pair of six years", async () => {
    const d = await loadIndicator(fam, 'igo', [{ format: 'cow_igo', path: file }], 'count', {}, testContext());
    // Russia–Iran: 39 shared IGOs in 2012, 40 in 2013, 39 in 2014
    expect([2012, 2013, 2014].map((y) => d.values.get(I('IRN'), I('RUS'), y))).toEqual([39, 40, 39]);
    expect(d.coverage).toEqual([{ from: 1816, to: 2014 }]);
    let max = 0;
    for (const k of d.values.keys()) max = Math.max(max, d.values.getByKey(k)!);
    expect(max).toBe(106);
    expect(d.values.size).toBe(917_695);

    const cw = createCrosswalk();
    const rows = readGzipCsv(file);
    const years = new Set([1816, 1900, 1950, 1990, 2000, 2014]);
    const listed = new Map<number, number>();
    const wrong: string[] = [];
    for (const r of rows) {
      const year = Number(r['year']);
      if (!years.has(year)) continue;
      listed.set(year, (listed.get(year) ?? 0) + 1);
      const a = cw.resolve('cow', r['ccode1']!, year);
      const b = cw.resolve('cow', r['ccode2']!, year);
      const got = d.values.get(a, b, year);
      if (got !== Number(r['dyadigos'])) wrong.push(`${a}-${b} ${year}: ${got} vs ${r['dyadigos']}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    const inYear = new Map<number, number>();
    for (const k of d.values.keys()) if (years.has(k % 4096)) inYear.set(k % 4096, (inYear.get(k % 4096) ?? 0) + 1);
    expect(inYear).toEqual(listed);
    expect(listed.get(2014)).toBe(18_915);
  });
});
