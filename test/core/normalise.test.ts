import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitNormaliser, normalCdf, normalise, NORMALISER_NAMES } from '../../src/core/normalise.js';

const arr = (...x: number[]) => Float64Array.from(x);

describe('normalisers', () => {
  it('min-max maps the pooled minimum to 0 and maximum to 1', () => {
    expect([...normalise('minmax', arr(2, 4, 6), {})]).toEqual([0, 0.5, 1]);
  });

  it('min-max maps a constant indicator to 0.5', () => {
    expect([...normalise('minmax', arr(3, 3), {})]).toEqual([0.5, 0.5]);
  });

  it('keeps missing values missing, never 0', () => {
    for (const name of NORMALISER_NAMES) {
      const out = normalise(name, arr(1, NaN, 3), { goalposts: { min: 0, max: 4 } });
      expect(Number.isNaN(out[1])).toBe(true);
    }
  });

  it('none clips to [0, 1]', () => {
    expect([...normalise('none', arr(-0.5, 0.25, 1.5), {})]).toEqual([0, 0.25, 1]);
  });

  it('z-score puts the mean at 0.5 through the normal CDF', () => {
    const out = normalise('zscore', arr(1, 2, 3), {});
    expect(out[1]).toBeCloseTo(0.5, 6);
    expect(out[0]).toBeCloseTo(1 - out[2]!, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  });

  it('rank gives percentile ranks with ties averaged', () => {
    expect([...normalise('rank', arr(10, 30, 20, 20), {})]).toEqual([0, 1, 0.5, 0.5]);
  });

  it('goalposts clip outside the bounds', () => {
    expect([...normalise('goalposts', arr(-2, 0, 5), { goalposts: { min: -1, max: 1 } })]).toEqual([0, 0.5, 1]);
  });

  it('goalposts without bounds are an error', () => {
    expect(() => normalise('goalposts', arr(1), {})).toThrow(/goalposts/);
    expect(() => fitNormaliser('goalposts', arr(1), { goalposts: { min: 1, max: 1 } })).toThrow(/max > min/);
  });

  it('every normaliser returns values in [0, 1] (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN)), { maxLength: 40 }), (xs) => {
        const raw = Float64Array.from(xs);
        for (const name of NORMALISER_NAMES) {
          const out = normalise(name, raw, { goalposts: { min: -10, max: 10 } });
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
  it('keep the order of raw values: x ≤ y gives f(x) ≤ f(y) for every normaliser and every pair of values, in the pool or not (property)', () => {
    const value = fc.double({ min: -1e3, max: 1e3, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.oneof(value, fc.constant(NaN), fc.constant(1)), { maxLength: 30 }), value, value, (xs, x, y) => {
        const pool = Float64Array.from(xs);
        for (const name of NORMALISER_NAMES) {
          const f = fitNormaliser(name, pool, { goalposts: { min: -10, max: 10 } });
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          expect(f(lo)).toBeLessThanOrEqual(f(hi) + 1e-12);
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

  it('normalise a pool as the scorer does: the normaliser fitted on the pool, applied to each of its values', () => {
    const pool = arr(3, NaN, 1, 2);
    const f = fitNormaliser('zscore', pool, {});
    expect([...normalise('zscore', pool, {})]).toEqual([...pool].map(f));
  });
});
