import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { correlationRatio, correlationRatioSorted, rowsSortedBy } from '../../src/analysis/effective-weights.js';
import { createRandom } from '../../src/core/random.js';

/** The definition: present rows sorted by value, ties by row. */
function reference(x: Float64Array): number[] {
  const rows: number[] = [];
  for (let r = 0; r < x.length; r++) if (x[r] === x[r]) rows.push(r);
  return rows.sort((p, q) => x[p]! - x[q]! || p - q);
}

describe('rowsSortedBy', () => {
  it('lists the present rows by ascending value', () => {
    expect([...rowsSortedBy(Float64Array.of(3, NaN, 1))]).toEqual([2, 0]);
  });

  it('keeps tied rows (−0 and +0 included) in row order, on samples large enough for the radix passes', () => {
    const x = Float64Array.from({ length: 200 }, (_, i) => [0, -0, 1, -1, Infinity, -Infinity, NaN][i % 7]!);
    expect([...rowsSortedBy(x)]).toEqual(reference(x));
  });

  it('gives the comparator sort’s order on many kinds of samples (ties, skew, negatives, ±0, ±∞, NaN)', () => {
    const rnd = createRandom(7);
    const gens = [
      () => rnd() * 100,
      () => Math.floor(rnd() * 7) / 7,
      () => Math.exp(rnd() * 40) * (rnd() < 0.5 ? -1 : 1),
      () => (rnd() < 0.1 ? NaN : rnd() < 0.8 ? 0 : rnd() * 1e-300),
      () => (rnd() < 0.5 ? -0 : rnd() < 0.5 ? 0 : rnd() < 0.5 ? Infinity : -Infinity),
      () => 50 + rnd() * 1e-9,
      () => Number.MIN_VALUE * Math.floor(rnd() * 5) * (rnd() < 0.5 ? -1 : 1),
    ];
    for (let t = 0; t < 300; t++) {
      const n = Math.floor(rnd() * 3000);
      const x = Float64Array.from({ length: n }, gens[t % gens.length]!);
      expect([...rowsSortedBy(x)]).toEqual(reference(x));
    }
  });

  it('agrees with the comparator sort on arbitrary doubles', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 400 }), (xs) => {
        const x = Float64Array.from(xs);
        expect([...rowsSortedBy(x)]).toEqual(reference(x));
      }),
    );
  });
});

describe('correlationRatioSorted', () => {
  it('equals correlationRatio, skipping rows where y is missing', () => {
    const rnd = createRandom(3);
    const x = Float64Array.from({ length: 500 }, () => Math.floor(rnd() * 30));
    const y = Float64Array.from({ length: 500 }, (_, i) => (i % 11 === 0 ? NaN : x[i]! + rnd()));
    const got = correlationRatioSorted(rowsSortedBy(x), x, y);
    expect(got).toEqual(correlationRatio(x, y));
    expect(got.n).toBe(500 - 46);
    expect(got.eta2).toBeGreaterThan(0.9);
  });
});
