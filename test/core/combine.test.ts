import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { combiners } from '../../src/core/combine.js';

describe('combine rules for directed values', () => {
  it('each rule combines both directions as named', () => {
    expect(combiners.max(2, 8)).toBe(8);
    expect(combiners.min(2, 8)).toBe(2);
    expect(combiners.mean(2, 8)).toBe(5);
    expect(combiners.sum(2, 8)).toBe(10);
    expect(combiners.geometric(2, 8)).toBe(4);
  });

  it('with one direction missing the present one decides', () => {
    for (const rule of Object.values(combiners)) {
      expect(rule(NaN, 3)).toBe(3);
      expect(rule(3, NaN)).toBe(3);
    }
  });

  it('is symmetric in the two directions, to the bit (toUndirected relies on it) (property)', () => {
    const v = fc.oneof(fc.double({ noNaN: true, min: -1e12, max: 1e12 }), fc.constant(NaN), fc.constant(0));
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(combiners)), v, v, (rule, x, y) => {
        expect(Object.is(rule(x, y), rule(y, x))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
