import path from 'node:path';
import { expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { computeTrade, type ComputeTradeOptions } from '../../../src/families/trade/compute-trade.js';
import { readCowTrade } from '../../../src/families/trade/read-cow-trade.js';
import { readImfDots } from '../../../src/families/trade/read-imf-dots.js';
import { describeShared } from '../../helpers/shared-data.js';

const S = (x: string) => x as Iso3;
const [RUS, IRN] = ['RUS', 'IRN'].map(S) as [Iso3, Iso3];

const opts = (over: Partial<ComputeTradeOptions> = {}): ComputeTradeOptions => ({ measure: 'salience', mirror: 'importer', gdp: null, ...over });

// USA–RUS 30, USA–IRN 10, RUS–IRN 60 in 2000 → totals USA 40, RUS 90, IRN 70

describeShared('trade measures on the real files', (dir) => {
  const crosswalk = createCrosswalk();

  it('COW v4.0: the shares of every state over all its partners sum to 1 (2000 and 2014)', async () => {
    const cow = await readCowTrade(path.join(dir, 'trade/cow_dyadic_trade_v4.0_rounded_peacesciencer.csv.gz'), crosswalk, { flows: 'raw', years: { from: 2000, to: 2014 } });
    const { values } = computeTrade([cow], opts({ measure: 'share' }));
    for (const year of [2000, 2014]) {
      const sums = new Map<string, number>();
      for (const { a, year: y, value } of values.entries()) if (y === year) sums.set(a, (sums.get(a) ?? 0) + value);
      expect(sums.size).toBeGreaterThan(150);
      for (const [state, sum] of sums) expect(sum, `${state} ${year}`).toBeCloseTo(1, 9);
    }
  });

  it('COW v3.0: Russia–Iran 2008 trade and salience follow from the spot flows', async () => {
    const cow = await readCowTrade(path.join(dir, 'trade/cow_dyadic_trade_v3.0_1870-2009.csv.gz'), crosswalk, { flows: 'raw', years: { from: 2008, to: 2008 } });
    const r = computeTrade([cow], opts());
    expect(r.trade.get(RUS, IRN, 2008)).toBeCloseTo(400.55 + 3668.02, 9);
    const s = r.values.get(RUS, IRN, 2008)!;
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThan(1);
  });

  it('DOTS for Russia (exports + imports): Russia’s shares sum to 1, partners need a totals file', async () => {
    const ex = await readImfDots(path.join(dir, 'trade/imf_dots_russia_exports_fob_2011-2023.csv.gz'), crosswalk, { reporter: RUS, flow: 'exports' });
    const im = await readImfDots(path.join(dir, 'trade/imf_dots_russia_imports_cif_2010-2022.csv.gz'), crosswalk, { reporter: RUS, flow: 'imports' });
    const { values, trade } = computeTrade([ex, im], opts({ measure: 'share' }));
    expect(trade.get(RUS, IRN, 2011)!).toBeCloseTo(3271.8 + 342.0, 0);
    let sum = 0;
    for (const { a, year, value } of values.entries()) {
      expect(a).toBe('RUS'); // no partner has a total
      if (year === 2015) sum += value;
    }
    expect(sum).toBeCloseTo(1, 9);
  });
});
