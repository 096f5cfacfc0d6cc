import path from 'node:path';
import { expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import type { IndicatorData, LoadContext } from '../../../src/families/family.js';
import { loadIndicator, testContext } from '../../helpers/load-context.js';
import { tradeFamily as fam } from '../../../src/families/trade/family.js';
import { describeShared } from '../../helpers/shared-data.js';

const I = (c: string): Iso3 => c as Iso3;

const ctx = testContext;

function load(sources: Record<string, unknown>[], measure = 'salience', options: Record<string, unknown> = {}, c: LoadContext = ctx()): Promise<IndicatorData> {
  return loadIndicator(fam, 'trade', sources, measure, options, c);
}

describeShared('tradeFamily on the real files', (dir) => {
  it('loads COW v4.0 1870–2014 with salience for all pairs', async () => {
    const d = await load([{ format: 'cow_trade', path: path.join(dir, 'trade/cow_dyadic_trade_v4.0_rounded_peacesciencer.csv.gz') }]);
    expect(d.coverage).toEqual([{ from: 1870, to: 2014 }]);
    expect(d.values.size).toBeGreaterThan(600_000);
    expect([...d.values.years()].sort()[0]).toBe(1870);
    for (const v of d.values.entries()) {
      if (!(v.value >= 0 && v.value <= 1)) throw new Error(`salience out of range: ${JSON.stringify(v)}`);
    }
    // the world-war gaps are flagged: Spain's and the USA's totals rest on one partner in 1914
    const gaps = d.flags?.find((f) => f.kind === 'gap_artefacts');
    expect(d.values.get(I('ESP'), I('USA'), 1914)).toBe(1);
    expect(gaps?.table.get(I('ESP'), I('USA'), 1914)).toBe(1);
    expect(gaps?.table.get(I('CHN'), I('JPN'), 1943)).not.toBeNull();
    // an ordinary year is not
    expect(gaps?.table.get(I('IRN'), I('RUS'), 2008)).toBeNull();
    // among the pair-years with salience ≥ 0.9, those flagged include every one of 1914–1918
    const top = [...d.values.entries()].filter((v) => v.value >= 0.9 && v.year >= 1914 && v.year <= 1918);
    expect(top.length).toBeGreaterThan(0);
    for (const v of top) expect(gaps?.table.get(v.a, v.b, v.year)).not.toBeNull();
  });
});
