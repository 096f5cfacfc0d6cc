import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalQuantile } from '../../../src/core/latent/normal-quantile.js';
import { normalScores } from '../../../src/core/latent/normal-scores.js';
import { normalCdf } from '../../../src/core/normalise.js';

describe('the normal quantile function', () => {
  it('gives the published percentage points', () => {
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 14);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.2)).toBeCloseTo(-0.8416212335729143, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('is the inverse of Φ and antisymmetric', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
        expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 8);
      }),
      { seed: 3 },
    );
  });

  it('is infinite at 0 and 1 and NaN outside', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
  });
});

describe('normal scores', () => {
  it('replaces each value by Φ⁻¹(rank / (n + 1)), ties sharing their average rank, NaN kept', () => {
    const s = normalScores(Float64Array.of(3, 1, NaN, 2, 2));
    // ranks 4, 1, –, 2.5, 2.5 of n = 4
    expect(s[0]).toBeCloseTo(normalQuantile(4 / 5), 14);
    expect(s[1]).toBeCloseTo(normalQuantile(1 / 5), 14);
    expect(s[2]).toBeNaN();
    expect(s[3]).toBe(0);
    expect(s[4]).toBe(0);
  });

  it('does not change under an increasing transform of the values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 30 }), (xs) => {
        const v = Float64Array.from(xs);
        expect([...normalScores(v.map((x) => Math.log1p(x) * 3 + 1))]).toEqual([...normalScores(v)]);
      }),
      { seed: 4 },
    );
  });

  it('leaves out of the pool the values the filter excludes', () => {
    const s = normalScores(Float64Array.of(0, 5, 0, 7), (v) => v > 0);
    expect(s[0]).toBeNaN();
    expect(s[1]).toBeCloseTo(normalQuantile(1 / 3), 14);
    expect(s[3]).toBeCloseTo(normalQuantile(2 / 3), 14);
  });
});
