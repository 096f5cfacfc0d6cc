import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lowerBound, upperBound } from '../../src/core/sorted-search.js';

describe('lowerBound and upperBound', () => {
  it('count the values below x and the values up to x in an ascending array, as a linear scan does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 30 }), fc.integer({ min: -6, max: 6 }), (xs, x) => {
        const a = Float64Array.from(xs).sort();
        expect(lowerBound(a, x)).toBe(xs.filter((v) => v < x).length);
        expect(upperBound(a, x)).toBe(xs.filter((v) => v <= x).length);
      }),
    );
  });
});
