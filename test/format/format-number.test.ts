import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatFixed, roundFixed } from '../../src/format/format-number.js';

describe('roundFixed', () => {
  it('is the number formatFixed writes, to the bit, for every precision', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.double({ min: -1e4, max: 1e4 }), fc.integer({ min: -1e6, max: 1e6 }).map((k) => k / 1000)), fc.integer({ min: 0, max: 15 }), (x, p) => {
        const s = formatFixed(x, p);
        const want = s === '' ? NaN : Number(s);
        expect(Object.is(roundFixed(x, p), want)).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('never gives −0, and NaN for missing', () => {
    expect(Object.is(roundFixed(-0.0001, 3), 0)).toBe(true);
    expect(Object.is(roundFixed(-0, 6), 0)).toBe(true);
    expect(roundFixed(NaN, 3)).toBeNaN();
    expect(roundFixed(Infinity, 3)).toBeNaN();
    expect(roundFixed(0.2823529411, 3)).toBe(0.282);
  });
});
