import { describe, expect, it } from 'vitest';
import { fitLine, pairTrends } from '../../src/analysis/trend.js';
import { scorePanel, type ScoreOptions } from '../../src/core/score.js';
import { dataOf, indicator } from '../helpers/indicator-data.js';
import { STATE_SYSTEM } from '../helpers/state-system.js';

const opts: ScoreOptions = { scale: [0, 100], aggregation: 'arithmetic', formula: null, minCoverage: 0.5, geometricFloor: 0.01, years: null, states: null, pairs: null, stateSystem: STATE_SYSTEM };

describe('trends', () => {
  it('fits the least-squares slope and its standard error', () => {
    // x = 0,1,2,3; y = 1,3,2,6: x̄ = 1.5, ȳ = 3, Sxx = 5, Sxy = (−1.5)(−2)+(−0.5)(0)+(0.5)(−1)+(1.5)(3) = 7
    // slope = 1.4; fitted 0.9,2.3,3.7,5.1; SSE = 0.01+0.49+2.89+0.81 = 4.2; se = √(4.2/2/5) = √0.42
    const f = fitLine([0, 1, 2, 3], Float64Array.of(1, 3, 2, 6));
    expect(f.slope).toBeCloseTo(1.4, 12);
    expect(f.slopeSe).toBeCloseTo(Math.sqrt(0.42), 12);
    expect(f.mean).toBe(3);
    expect(fitLine([2000, 2001], Float64Array.of(NaN, 1)).slope).toBeNaN();
  });

  it('gives each pair its slope over the window, in index points per year', () => {
    const un = dataOf([
      ['IRN', 'RUS', 2009, 0.9], ['IRN', 'RUS', 2010, 0.1], ['IRN', 'RUS', 2011, 0.2], ['IRN', 'RUS', 2012, 0.3],
      ['CHN', 'RUS', 2010, 0.5], ['CHN', 'RUS', 2012, 0.5],
    ]);
    const t = scorePanel([indicator('un', un)], opts);
    const tr = pairTrends(t, 2010, 2012);
    expect(tr.map((x) => [x.a, x.b, x.n])).toEqual([['CHN', 'RUS', 2], ['IRN', 'RUS', 3]]);
    expect(tr[0]!.slope).toBeNaN(); // only 2 years < 3 points
    expect(tr[1]!.slope).toBeCloseTo(10, 10);
  });
});
