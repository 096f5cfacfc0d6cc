import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tailQuantiles, TailWorkspace } from '../../src/core/tail-quantiles.js';
import { quantilesOf, QuantileWorkspace } from '../../src/core/quantile.js';

/** The same quantiles through the histogram selection, for comparison. */
function reference(values: Float64Array, n: number, pLo: number, pHi: number): number[] {
  return Array.from(quantilesOf(values, n, [pLo, pHi], new Float64Array(2), new QuantileWorkspace(Math.max(1, n))));
}

describe('tailQuantiles', () => {
  it('gives the 5th and 95th percentiles of a small sample (type 7)', () => {
    const out = tailQuantiles(Float64Array.of(5, 1, 4, 2, 3), 5, 0.05, 0.95, new Float64Array(2), new TailWorkspace(8), new QuantileWorkspace(5));
    expect(out[0]).toBeCloseTo(1.2, 12);
    expect(out[1]).toBeCloseTo(4.8, 12);
  });

  it('gives NaN for an empty sample and the value itself for a single one', () => {
    const ws = new QuantileWorkspace(4);
    expect(Array.from(tailQuantiles(new Float64Array(4), 0, 0.05, 0.95, new Float64Array(2), new TailWorkspace(4), ws))).toEqual([NaN, NaN]);
    expect(Array.from(tailQuantiles(Float64Array.of(7), 1, 0.05, 0.95, new Float64Array(2), new TailWorkspace(4), ws))).toEqual([7, 7]);
  });

  it('leaves the values unchanged and reads only the first n', () => {
    const v = Float64Array.of(3, 1, 2, 100, -100);
    tailQuantiles(v, 3, 0.1, 0.9, new Float64Array(2), new TailWorkspace(8), new QuantileWorkspace(5));
    expect(Array.from(v)).toEqual([3, 1, 2, 100, -100]);
    const out = tailQuantiles(v, 3, 0, 1, new Float64Array(2), new TailWorkspace(8), new QuantileWorkspace(5));
    expect(Array.from(out)).toEqual([1, 3]);
  });

  it('gives the same numbers as the histogram selection, to the bit — ties, tiny and large tails (the large ones fall back)', () => {
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }).map((k) => k / 7), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0.5, max: 1, noNaN: true }), fc.integer({ min: 1, max: 40 }), (xs, pLo, pHi, size) => {
        const v = Float64Array.from(xs, (x) => (Object.is(x, -0) ? 0 : x));
        const got = Array.from(tailQuantiles(v, v.length, pLo, pHi, new Float64Array(2), new TailWorkspace(size), new QuantileWorkspace(v.length)));
        const want = reference(v, v.length, pLo, pHi);
        expect(got.map((x) => Object.is(x, -0) ? 0 : x)).toEqual(want.map((x) => Object.is(x, -0) ? 0 : x));
      }),
      { numRuns: 400 },
    );
  });
});
