import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  normalCdf,
  normaliseGoalposts,
  normaliseMinMax,
  normaliseNone,
  normaliseRank,
  normaliseWithPolarity,
  normaliseZScore,
  normalisers,
  fitNormaliser,
  NORMALISER_NAMES,
} from '../../src/core/normalise.js';

const arr = (...x: number[]) => Float64Array.from(x);

describe('normalisers', () => {
  it('min-max maps the pooled minimum to 0 and maximum to 1', () => {
    expect([...normaliseMinMax(arr(2, 4, 6))]).toEqual([0, 0.5, 1]);
  });

  it('min-max maps a constant indicator to 0.5', () => {
    expect([...normaliseMinMax(arr(3, 3))]).toEqual([0.5, 0.5]);
  });

  it('keeps missing values missing, never 0', () => {
    for (const name of NORMALISER_NAMES) {
      const out = normalisers[name](arr(1, NaN, 3), { goalposts: { min: 0, max: 4 } });
      expect(Number.isNaN(out[1])).toBe(true);
    }
  });

  it('none clips to [0, 1]', () => {
    expect([...normaliseNone(arr(-0.5, 0.25, 1.5))]).toEqual([0, 0.25, 1]);
  });

  it('z-score puts the mean at 0.5 through the normal CDF', () => {
    const out = normaliseZScore(arr(1, 2, 3));
    expect(out[1]).toBeCloseTo(0.5, 6);
    expect(out[0]).toBeCloseTo(1 - out[2]!, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  });

  it('rank gives percentile ranks with ties averaged', () => {
    expect([...normaliseRank(arr(10, 30, 20, 20))]).toEqual([0, 1, 0.5, 0.5]);
  });

  it('goalposts clip outside the bounds', () => {
    expect([...normaliseGoalposts(arr(-2, 0, 5), { goalposts: { min: -1, max: 1 } })]).toEqual([0, 0.5, 1]);
  });

  it('goalposts without bounds are an error', () => {
    expect(() => normaliseGoalposts(arr(1), {})).toThrow(/goalposts/);
  });

  it('negative polarity reverses the scale', () => {
    expect([...normaliseWithPolarity(arr(0, 5, 10), 'minmax', {}, 'negative')]).toEqual([1, 0.5, 0]);
  });

  it('every normaliser returns values in [0, 1] (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN)), { maxLength: 40 }), (xs) => {
        const raw = Float64Array.from(xs);
        for (const name of NORMALISER_NAMES) {
          const out = normalisers[name](raw, { goalposts: { min: -10, max: 10 } });
          for (let i = 0; i < out.length; i++) {
            if (Number.isNaN(raw[i])) expect(Number.isNaN(out[i])).toBe(true);
            else {
              expect(out[i]).toBeGreaterThanOrEqual(0);
              expect(out[i]).toBeLessThanOrEqual(1);
            }
          }
        }
      }),
    );
  });
});

describe('fitted normalisers', () => {
  it('give on their own pool exactly what the normalisers give (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constant(NaN), fc.constant(1)), { maxLength: 30 }), (xs) => {
        const pool = Float64Array.from(xs);
        for (const name of NORMALISER_NAMES) {
          const params = { goalposts: { min: -10, max: 10 } };
          const direct = normalisers[name](pool, params);
          const fitted = fitNormaliser(name, pool, params);
          for (let i = 0; i < pool.length; i++) {
            if (Number.isNaN(direct[i]!)) expect(Number.isNaN(fitted(pool[i]!))).toBe(true);
            else expect(fitted(pool[i]!)).toBeCloseTo(direct[i]!, 12);
          }
        }
      }),
    );
  });

  it('place values outside the pool on the same footing, clipped to [0, 1]', () => {
    const pool = Float64Array.of(0, 10, 20);
    expect(fitNormaliser('minmax', pool, {})(5)).toBe(0.25);
    expect(fitNormaliser('minmax', pool, {})(40)).toBe(1);
    expect(fitNormaliser('rank', pool, {})(15)).toBe(0.75);
  });
});
