import { describe, expect, it } from 'vitest';
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

  it('is symmetric in the two directions', () => {
    for (const rule of Object.values(combiners)) expect(rule(1.5, 7)).toBe(rule(7, 1.5));
  });
});
