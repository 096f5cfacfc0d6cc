import { describe, expect, it } from 'vitest';
import { applyTemporal, decaySeries, lagSeries, windowSeries } from '../../src/core/temporal.js';

const S = (...x: number[]) => Float64Array.from(x);

describe('temporal transforms', () => {
  it('lag shifts the series by k years and leaves the first k empty', () => {
    expect([...lagSeries(S(1, 2, 3, 4), 2)]).toEqual([NaN, NaN, 1, 2]);
  });

  it('lag never fills a year outside coverage', () => {
    expect([...lagSeries(S(1, 2, NaN, 4), 1)]).toEqual([NaN, 1, NaN, NaN]);
  });

  it('window is the trailing mean of the values present', () => {
    // (2)/1, (2+4)/2, (2+4+6)/3, (4+6+8)/3
    expect([...windowSeries(S(2, 4, 6, 8), 3)]).toEqual([2, 3, 4, 6]);
    expect([...windowSeries(S(2, NaN, 6), 3)]).toEqual([2, NaN, 4]);
  });

  it('half_life decays a stock by half every h years', () => {
    // keep = 2^(−1/2): 8; 8·0.7071 + 0; …; after two years exactly half
    const d = decaySeries(S(8, 0, 0, 0), 2);
    expect(d[0]).toBe(8);
    expect(d[2]).toBeCloseTo(4, 12);
    expect(d[1]).toBeCloseTo(8 * Math.SQRT1_2, 12);
    expect([...decaySeries(S(8, 0, 0), 1)]).toEqual([8, 4, 2]);
  });

  it('half_life restarts after a missing year and keeps it missing', () => {
    expect([...decaySeries(S(8, NaN, 2), 1)]).toEqual([8, NaN, 2]);
  });

  it('applies lag, then window, then half_life', () => {
    // lag 1: [—, 2, 4, 6]; window 2: [—, 2, 3, 5]; half_life 1: [—, 2, 1 + 3 = 4, 2 + 5 = 7]
    expect([...applyTemporal(S(2, 4, 6, 8), { lag: 1, window: 2, halfLife: 1 })]).toEqual([NaN, 2, 4, 7]);
  });
});
