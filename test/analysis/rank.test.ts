import { describe, expect, it } from 'vitest';
import { scorePanel, type ScoreOptions } from '../../src/core/score.js';
import { competitionRanks, latestScoredYear, rankPairs, topBottom } from '../../src/analysis/rank.js';
import type { Iso3 } from '../../src/domain/country.js';
import { dataOf, indicator } from '../helpers/indicator-data.js';
import { STATE_SYSTEM } from '../helpers/state-system.js';

const opts: ScoreOptions = { scale: [0, 100], aggregation: 'arithmetic', formula: null, minCoverage: 0.5, geometricFloor: 0.01, years: null, states: null, pairs: null, stateSystem: STATE_SYSTEM };

function table() {
  const un = dataOf([
    ['CHN', 'RUS', 2010, 0.5], ['IRN', 'RUS', 2010, 0.7], ['RUS', 'USA', 2010, 0.6], ['CHN', 'USA', 2010, 0.2],
    ['CHN', 'RUS', 2016, 0.9], ['IRN', 'RUS', 2016, 0.7], ['RUS', 'USA', 2016, 0.1], ['CHN', 'USA', 2016, 0.7], ['IRN', 'USA', 2016, 0.05],
  ]);
  return scorePanel([indicator('un', un)], opts);
}

describe('rankPairs', () => {
  it('orders pairs by index, ties sharing a rank and listed alphabetically', () => {
    const r = rankPairs(table(), { year: 2016 });
    expect(r.map((e) => `${e.a}-${e.b} ${e.rank}`)).toEqual(['CHN-RUS 1', 'CHN-USA 2', 'IRN-RUS 2', 'RUS-USA 4', 'IRN-USA 5']);
  });

  it('ranks the partners of one state and the change since an earlier year', () => {
    const r = rankPairs(table(), { year: 2016, state: 'RUS' as Iso3, since: 2010 });
    // 2010 among RUS partners: IRN 0.7 (1), USA 0.6 (2), CHN 0.5 (3)
    expect(r.map((e) => [e.a, e.b, e.rank, e.rankSince, e.change])).toEqual([
      ['CHN', 'RUS', 1, 3, 2],
      ['IRN', 'RUS', 2, 1, -1],
      ['RUS', 'USA', 3, 2, -1],
    ]);
  });

  it('has no earlier rank for a pair not ranked then', () => {
    const r = rankPairs(table(), { year: 2016, since: 2010 });
    expect(r.find((e) => e.a === 'IRN' && e.b === 'USA')!.change).toBeNull();
  });

  it('knows the latest scored year and cuts top and bottom without overlap', () => {
    expect(latestScoredYear(table())).toBe(2016);
    expect(topBottom([1, 2, 3, 4, 5], 2, 2)).toEqual({ top: [1, 2], bottom: [4, 5] });
    expect(topBottom([1, 2, 3], 2, 2)).toEqual({ top: [1, 2], bottom: [3] });
  });

  it('competition ranks skip after ties and leave NaN unranked', () => {
    expect([...competitionRanks(Float64Array.of(5, 9, 5, NaN, 1), Uint32Array.of(0, 1, 2, 3, 4), new Float64Array(5))]).toEqual([2, 1, 2, 0, 4]);
  });
});
