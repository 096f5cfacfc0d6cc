import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exactExp } from '../../src/core/exact-exp.js';

const same = (x: number) => Object.is(exactExp(x), Math.exp(x));

describe('exactExp', () => {
  it('gives the same double as Math.exp on the arguments of a geometric mean (ln of a floored normalised value)', () => {
    // the sensitivity analysis takes e^x of weighted means of ln(f + (1 − f)·v): x in [ln f, 0]
    for (let i = 0; i <= 200_000; i++) {
      const x = -7 + (7 * i) / 200_000;
      expect(same(x), String(x)).toBe(true);
    }
  });

  it('gives the same double as Math.exp for any double', () => {
    fc.assert(fc.property(fc.double(), (x) => same(x)), { numRuns: 20_000 });
    fc.assert(fc.property(fc.double({ min: -750, max: 750 }), (x) => same(x)), { numRuns: 50_000 });
    fc.assert(fc.property(fc.double({ min: -1e-6, max: 1e-6 }), (x) => same(x)), { numRuns: 20_000 });
  });

  it('gives the same double at the edges of its argument reduction and range', () => {
    const edges = [0, -0, 1, -1, 2 ** -28, -(2 ** -28), 2 ** -29, 0.34657359027997264, -0.34657359027997264, 0.3465735902799727, 1.0397207708399179, -1.0397207708399179, 699.999, -699.999, 700, -700, 709.78, 709.79, -745.1, -746, Infinity, -Infinity, NaN, Number.MIN_VALUE];
    for (const x of edges) expect(same(x), String(x)).toBe(true);
    for (const x of edges) for (const d of [-1, 1]) {
      const y = x + d * Math.abs(x) * Number.EPSILON;
      expect(same(y), String(y)).toBe(true);
    }
  });
});
