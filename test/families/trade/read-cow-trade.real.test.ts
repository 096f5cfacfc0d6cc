import path from 'node:path';
import { expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { flowTable } from '../../../src/families/trade/flow-list.js';
import { readBytes } from '../../../src/format/open-text.js';
import { parseCowTradeCsv, readCowTrade, readCowTradeColumns, scanCowTradeBytes, type CowTradeColumns } from '../../../src/families/trade/read-cow-trade.js';
import { describeShared } from '../../helpers/shared-data.js';

const crosswalk = createCrosswalk();
const S = (x: string) => x as Iso3;

describeShared('COW Dyadic Trade on the real files', (dir) => {
  const v3 = path.join(dir, 'trade/cow_dyadic_trade_v3.0_1870-2009.csv.gz');
  const v4 = path.join(dir, 'trade/cow_dyadic_trade_v4.0_rounded_peacesciencer.csv.gz');

  /** flow1/flow2 of the row ccode1-ccode2-year. */
  const spot = (c: CowTradeColumns, c1: number, c2: number, year: number) => {
    for (let i = 0; i < c.count; i++) if (c.ccode1[i] === c1 && c.ccode2[i] === c2 && c.year[i] === year) return [c.flow1[i], c.flow2[i]];
    return null;
  };

  it('v3.0: Russia–Iran and Russia–China flows equal the spot values of SOURCE.md', async () => {
    const c = await readCowTradeColumns(v3, 'raw');
    expect(c.count).toBe(540_507 - 3); // 3 rows of 710.1 (Hong Kong) skipped
    const table: [number, number, number][] = [
      [1990, 124.41, 305],
      [1995, 27, 372],
      [2000, 53.63, 919.94],
      [2001, 34.26, 913.67],
      [2005, 140.66, 2123.45],
      [2007, 349.15, 818.8],
      [2008, 400.55, 3668.02],
      [2009, 211.79, 3042.72],
    ];
    for (const [y, f1, f2] of table) expect(spot(c, 365, 630, y), `365-630 ${y}`).toEqual([f1, f2]);
    expect(spot(c, 365, 710, 2000)).toEqual([951.36, 5905.23]);
    expect(spot(c, 365, 710, 2008)).toEqual([34781.38, 24724.47]);
  });

  it('v3.0: the flows of Russia and Iran are importer reports in the right direction', async () => {
    const set = await readCowTrade(v3, crosswalk, { flows: 'raw', years: { from: 2000, to: 2009 } });
    const t = flowTable(set.importerReports);
    for (const [y, f1, f2] of [
      [2000, 53.63, 919.94],
      [2005, 140.66, 2123.45],
      [2008, 400.55, 3668.02],
      [2009, 211.79, 3042.72],
    ] as const) {
      expect(t.get(S('IRN'), S('RUS'), y)).toBe(f1); // flow1: Russia's imports from Iran
      expect(t.get(S('RUS'), S('IRN'), y)).toBe(f2); // flow2: Iran's imports from Russia
    }
  });

  it('v4.0 rounded: spot values, and blanks stay missing (22,937 flow1 and 27,896 flow2), never 0', async () => {
    const c = await readCowTradeColumns(v4, 'raw');
    expect(c.count).toBe(673_654);
    for (const [y, f1, f2] of [
      [2005, 141, 1077],
      [2008, 401, 1337],
      [2010, 272, 1150],
      [2011, 342, 3599],
      [2012, 428, 2090],
      [2013, 433, 1285],
      [2014, 352, 1460],
    ] as const) {
      expect(spot(c, 365, 630, y), `365-630 ${y}`).toEqual([f1, f2]);
    }
    expect(spot(c, 365, 710, 2014)).toEqual([51135, 42807]);
    let m1 = 0;
    let m2 = 0;
    for (let i = 0; i < c.count; i++) {
      if (Number.isNaN(c.flow1[i])) m1++;
      if (Number.isNaN(c.flow2[i])) m2++;
    }
    expect([m1, m2]).toEqual([22_937, 27_896]);
    // 630-678 1990: flow1 0 (reported zero), flow2 blank (missing)
    expect(spot(c, 630, 678, 1990)).toEqual([0, NaN]);
  });

  it('v4.0 rounded: a blank flow is absent from the flows read, a zero is present', async () => {
    const set = await readCowTrade(v4, crosswalk, { flows: 'raw', years: { from: 1990, to: 1990 } });
    const t = flowTable(set.importerReports);
    // 265,591,1990,0,,0, — East Germany's imports from Seychelles 0, Seychelles' imports from it blank
    expect(t.get(S('SYC'), S('DDR'), 1990)).toBe(0);
    expect(t.has(S('DDR'), S('SYC'), 1990)).toBe(false);
  });

  it('v4.0 rounded: smoothed flows are read from smoothflow1/2', async () => {
    const c = await readCowTradeColumns(v4, 'smoothed');
    expect(spot(c, 2, 20, 1920)).toEqual([612, 735]);
  });

  it('the byte scanner and the CSV reader give identical columns on both real files', async () => {
    for (const f of [v3, v4]) {
      const fast = scanCowTradeBytes(await readBytes(f), f, 'raw')!;
      const slow = await parseCowTradeCsv(f, 'raw');
      expect(fast.count).toBe(slow.count);
      for (const k of ['line', 'ccode1', 'ccode2', 'year', 'flow1', 'flow2'] as const) {
        expect(Buffer.from(fast[k].buffer).equals(Buffer.from(slow[k].buffer)), `${path.basename(f)} ${k}`).toBe(true);
      }
      expect(fast.skippedEntities).toEqual(slow.skippedEntities);
    }
  });

  it('every COW code of both files resolves through the crosswalk in its year', async () => {
    for (const f of [v3, v4]) {
      const set = await readCowTrade(f, crosswalk, { flows: 'raw' });
      expect(set.importerReports.count).toBeGreaterThan(1_000_000);
    }
  });
});
