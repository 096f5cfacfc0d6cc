import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { mergeRanges } from '../../../src/domain/year.js';
import { PairCoverage } from '../../../src/families/joint-drills/pair-coverage.js';

const RUS = 'RUS' as Iso3;
const CHN = 'CHN' as Iso3;
const USA = 'USA' as Iso3;

describe('pair coverage', () => {
  it('joins overlapping and adjacent ranges', () => {
    expect(mergeRanges([{ from: 2009, to: 2018 }, { from: 1980, to: 2010 }, { from: 2019, to: 2020 }])).toEqual([{ from: 1980, to: 2020 }]);
    expect(mergeRanges([{ from: 1990, to: 1991 }, { from: 1995, to: 1996 }])).toHaveLength(2);
  });

  it('covers every pair in a global source and only one state’s pairs beyond it', () => {
    const c = new PairCoverage([
      { years: { from: 1980, to: 2010 }, state: null },
      { years: { from: 2009, to: 2018 }, state: RUS },
    ]);
    expect(c.covers(CHN, USA, 2005)).toBe(true);
    expect(c.covers(CHN, USA, 2015)).toBe(false);
    expect(c.covers(CHN, RUS, 2015)).toBe(true);
    expect(c.covers(RUS, USA, 2019)).toBe(false);
    expect(c.partial).toBe(true);
    expect(c.byState.get(RUS)).toEqual([{ from: 2011, to: 2018 }]);
    expect(c.allYears()).toEqual([{ from: 1980, to: 2018 }]);
    expect(c.lastYear(CHN, RUS)).toBe(2018);
    expect(c.lastYear(CHN, USA)).toBe(2010);
  });

  it('is not partial when the one-state source lies inside the global years', () => {
    const c = new PairCoverage([
      { years: { from: 1980, to: 2010 }, state: null },
      { years: { from: 2000, to: 2005 }, state: RUS },
    ]);
    expect(c.partial).toBe(false);
  });
});
