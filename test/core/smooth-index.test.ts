import { describe, expect, it } from 'vitest';
import { smoothIndex, smoothSeries } from '../../src/core/smooth-index.js';
import { scorePanel, type ScoreOptions } from '../../src/core/score.js';
import { dataOf, indicator } from '../helpers/indicator-data.js';
import { STATE_SYSTEM } from '../helpers/state-system.js';

const opts: ScoreOptions = { scale: [0, 100], aggregation: 'arithmetic', formula: null, minCoverage: 0.5, geometricFloor: 0.01, years: null, states: null, pairs: null, stateSystem: STATE_SYSTEM };

describe('smooth_index', () => {
  it('is a trailing mean over the calendar years present, missing stays missing', () => {
    expect([...smoothSeries([2000, 2001, 2002], Float64Array.of(2, 4, 6), 2)]).toEqual([2, 3, 5]);
    // 2003 has no value: stays empty; 2004 averages 2003–2004 → only 2004 itself … and the gap year 2002 is not in the list
    expect([...smoothSeries([2000, 2001, 2003, 2004], Float64Array.of(2, 4, NaN, 8), 3)]).toEqual([2, 3, NaN, 8]);
  });

  it('smooths index and contributions so they still add up', () => {
    const un = dataOf([['IRN', 'RUS', 2000, 0.2], ['IRN', 'RUS', 2001, 0.6], ['IRN', 'RUS', 2002, 1]]);
    const arms = dataOf([['IRN', 'RUS', 2001, 0.4]]);
    const t = scorePanel([indicator('un', un, { weight: 3 }), indicator('arms', arms)], opts);
    const s = smoothIndex(t, 2);
    // raw: 20, 100·(0.75·0.6 + 0.25·0.4) = 55, 100 → smoothed 20, 37.5, 77.5
    expect([...s.index].map((x) => +x.toFixed(9))).toEqual([20, 37.5, 77.5]);
    for (let r = 0; r < 3; r++) {
      const sum = s.contrib.reduce((acc, c) => acc + (c[r] === c[r] ? c[r]! : 0), 0);
      expect(sum).toBeCloseTo(s.index[r]!, 12);
    }
    expect(s.contrib[1]![2]).toBeCloseTo(10 / 2, 12); // arms contributed 10 in 2001, 0 (absent) in 2002
    expect([...s.norm[0]!]).toEqual([...t.norm[0]!]);
  });

  it('is applied by scorePanel when asked', () => {
    const un = dataOf([['IRN', 'RUS', 2000, 0.2], ['IRN', 'RUS', 2001, 0.6]]);
    expect([...scorePanel([indicator('un', un)], { ...opts, smoothIndex: 2 }).index].map((x) => +x.toFixed(9))).toEqual([20, 40]);
    expect(scorePanel([indicator('un', un)], { ...opts, smoothIndex: 1 }).index[1]).toBeCloseTo(60, 12);
  });
});
