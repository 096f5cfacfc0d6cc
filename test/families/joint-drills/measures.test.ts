import { describe, expect, it } from 'vitest';
import { decayedStock, jointDrillsMeasures, JOINT_DRILLS_MEASURES, movingAverage, pairShares } from '../../../src/families/joint-drills/measures.js';

describe('pair shares', () => {
  it('gives a bilateral exercise 1 and each of the 10 pairs of a 5-nation exercise 0.25', () => {
    expect(pairShares.weighted(2)).toBe(1);
    expect(pairShares.weighted(5)).toBe(0.25);
    expect(pairShares.weighted(30)).toBeCloseTo(1 / 29, 12);
    expect(pairShares.count(30)).toBe(1);
  });

  it('gives each participant 1 in total per exercise under the weighted share', () => {
    for (const n of [2, 3, 5, 12, 39]) expect((n - 1) * pairShares.weighted(n)).toBeCloseTo(1, 12);
  });
});

describe('smoothing measures', () => {
  const all = (n: number) => Array.from({ length: n }, () => true);

  it('decays a stock by half each half-life', () => {
    expect(decayedStock([1, 0, 0], all(3), { halfLife: 1, windowYears: 5 })).toEqual([1, 0.5, 0.25]);
    const s = decayedStock([1, 0, 0, 0, 0, 0], all(6), { halfLife: 5, windowYears: 5 });
    expect(s[5]).toBeCloseTo(0.5, 12);
  });

  it('keeps decaying through an uncovered year without reporting it', () => {
    expect(decayedStock([4, 9, 0], [true, false, true], { halfLife: 1, windowYears: 5 })).toEqual([4, null, 1]);
  });

  it('averages the covered years of the window', () => {
    expect(movingAverage([3, 0, 0, 3], all(4), { halfLife: 5, windowYears: 3 })).toEqual([3, 1.5, 1, 1]);
    expect(movingAverage([3, 9, 0], [true, false, true], { halfLife: 5, windowYears: 3 })).toEqual([3, null, 1.5]);
  });

  it('lists weighted first, so it is the default', () => {
    expect(JOINT_DRILLS_MEASURES[0]).toBe('weighted');
    for (const m of JOINT_DRILLS_MEASURES) expect(jointDrillsMeasures[m].description.length).toBeGreaterThan(10);
  });
});
