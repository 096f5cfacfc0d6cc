import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitNormaliser, normalCdf, normalise, NORMALISER_NAMES, quantileSorted } from '../../src/core/normalise.js';

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

describe('robust normalisers', () => {
  it('log is log_CT then min-max: the pool minimum maps to 0, the maximum to 1, a skewed bulk spread out', () => {
    const out = normalise('log', arr(0, 1, 10, 100), {});
    expect(out[0]).toBe(0);
    expect(out[3]).toBeCloseTo(1, 12);
    // c = 1: ln(2)/ln(101) for 1, against 0.01 under min-max
    expect(out[1]).toBeCloseTo(Math.log(2) / Math.log(101), 12);
    expect(out[2]! - out[1]!).toBeGreaterThan(0.3);
  });

  it('log maps a constant indicator to 0.5 and keeps missing values missing', () => {
    expect([...normalise('log', arr(4, NaN, 4), {})].map((v) => (Number.isNaN(v) ? 'NaN' : v))).toEqual([0.5, 'NaN', 0.5]);
  });

  it('rank_year ranks each value among the values of its own year', () => {
    expect([...normalise('rank_year', arr(1, 2, 3, 50, 60), {}, [2000, 2000, 2000, 2001, 2001])]).toEqual([0, 0.5, 1, 0, 1]);
  });

  it('rank_year without years is the pooled rank, and a year without pool values maps to 0.5', () => {
    expect([...normalise('rank_year', arr(10, 30, 20, 20), {})]).toEqual([0, 1, 0.5, 0.5]);
    expect(fitNormaliser('rank_year', arr(1, 2), {}, [2000, 2000])(7, 1999)).toBe(0.5);
  });

  it('goalposts from pool quantiles take the type-7 quantiles of the pool as bounds', () => {
    const pool = arr(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    const f = fitNormaliser('goalposts', pool, { goalpostQuantiles: { lower: 0.1, upper: 0.9 } });
    expect(f(1)).toBe(0);
    expect(f(5)).toBeCloseTo(0.5, 12);
    expect(f(9)).toBe(1);
    expect(f(10)).toBe(1);
  });

  it('winsorising sets the values beyond the pool quantiles to them before min-max', () => {
    const pool = arr(0, 1, 2, 3, 100);
    const f = fitNormaliser('minmax', pool, { winsorise: { lower: 0, upper: 0.75 } });
    expect(f(100)).toBe(1);
    expect(f(3)).toBe(1);
    expect(f(1.5)).toBe(0.5);
    expect(fitNormaliser('minmax', pool, {})(3)).toBe(0.03);
  });

  it('winsorising with min-max equals goalposts at the same quantiles', () => {
    const pool = arr(5, 1, 9, 2, 30, 4, 4, NaN, 7);
    const a = fitNormaliser('minmax', pool, { winsorise: { lower: 0.1, upper: 0.8 } });
    const b = fitNormaliser('goalposts', pool, { goalpostQuantiles: { lower: 0.1, upper: 0.8 } });
    for (const x of [-3, 1, 2, 4.5, 7, 9, 30, 100]) expect(a(x)).toBeCloseTo(b(x), 12);
  });

  it('refuses quantile levels outside [0, 1] or not in order', () => {
    expect(() => fitNormaliser('minmax', arr(1, 2), { winsorise: { lower: 0.9, upper: 0.1 } })).toThrow(/quantile levels/);
    expect(() => fitNormaliser('goalposts', arr(1, 2), { goalpostQuantiles: { lower: 0, upper: 1.5 } })).toThrow(/quantile levels/);
  });

  it('quantileSorted interpolates linearly between order statistics (type 7)', () => {
    expect(quantileSorted(arr(1, 2, 3, 4), 0.5)).toBe(2.5);
    expect(quantileSorted(arr(1, 2, 3, 4), 1)).toBe(4);
    expect(Number.isNaN(quantileSorted(arr(), 0.5))).toBe(true);
  });

  const value = fc.double({ min: -1e4, max: 1e4, noNaN: true });
  const levels = fc.tuple(fc.double({ min: 0, max: 0.49, noNaN: true }), fc.double({ min: 0.51, max: 1, noNaN: true }));

  it('winsorising keeps the order of values (monotone) and stays in [0, 1] for every method (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(value, fc.constant(NaN)), { maxLength: 30 }), levels, value, value, (xs, [lower, upper], x, y) => {
        const pool = Float64Array.from(xs);
        for (const name of NORMALISER_NAMES) {
          const f = fitNormaliser(name, pool, { goalposts: { min: -10, max: 10 }, winsorise: { lower, upper } });
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          expect(f(lo)).toBeLessThanOrEqual(f(hi) + 1e-12);
          for (const v of [f(lo), f(hi)]) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it('winsorising moves no value inside the quantiles: between them it is the plain method refitted on the clipped pool (property)', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 2, maxLength: 30 }), levels, (xs, [lower, upper]) => {
        const pool = Float64Array.from(xs);
        const sorted = Float64Array.from(xs).sort();
        const lo = quantileSorted(sorted, lower);
        const hi = quantileSorted(sorted, upper);
        const f = fitNormaliser('minmax', pool, { winsorise: { lower, upper } });
        for (const x of xs) {
          const expected = hi > lo ? (Math.min(hi, Math.max(lo, x)) - lo) / (hi - lo) : 0.5;
          expect(f(x)).toBeCloseTo(expected, 9);
        }
      }),
    );
  });

  it('rank and rank_year give values in [0, 1] whose per-year mean is 0.5 over a year of distinct values (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(value, { minLength: 1, maxLength: 30 }), fc.array(fc.integer({ min: 1990, max: 1993 }), { minLength: 30, maxLength: 30 }), (xs, ys) => {
        const pool = Float64Array.from(xs);
        const years = ys.slice(0, xs.length);
        const out = normalise('rank_year', pool, {}, years);
        for (const v of out) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        for (const y of new Set(years)) {
          const inYear = [...out].filter((_, i) => years[i] === y);
          expect(inYear.reduce((s, v) => s + v, 0) / inYear.length).toBeCloseTo(0.5, 9);
        }
        for (const v of normalise('rank', pool, {})) expect(v >= 0 && v <= 1).toBe(true);
      }),
    );
  });
});
