import { describe, expect, it } from 'vitest';
import { quantile } from '../../../src/families/un-votes/bootstrap-intervals.js';
import { createRandom, streamSeed } from '../../../src/core/random.js';

describe('bootstrap helpers', () => {
  it('interpolates quantiles between order statistics (type 7)', () => {
    const v = Float64Array.of(1, 2, 3, 4);
    expect(quantile(v, 0)).toBe(1);
    expect(quantile(v, 0.5)).toBe(2.5);
    expect(quantile(v, 1)).toBe(4);
    expect(quantile(Float64Array.of(7), 0.05)).toBe(7);
  });

  it('draws the same uniform numbers for a seed and stream, and different ones otherwise', () => {
    const a = createRandom(streamSeed(42, 1990));
    const b = createRandom(streamSeed(42, 1990));
    const c = createRandom(streamSeed(42, 1991));
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});
