import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { D_MAX, isUnMeasureName, UN_MEASURE_NAMES, UN_MEASURES, type PairComponents } from '../../../src/families/un-votes/measures.js';

/** Component sums of two vote vectors (codes 1..3), by plain loops. */
function components(x: readonly number[], y: readonly number[]): PairComponents {
  let sx = 0, sy = 0, sxx = 0, syy = 0, ssd = 0, sad = 0, same = 0;
  x.forEach((xi, i) => {
    const yi = y[i]!;
    sx += xi;
    sy += yi;
    sxx += xi * xi;
    syy += yi * yi;
    ssd += (xi - yi) ** 2;
    sad += Math.abs(xi - yi);
    if (xi === yi) same++;
  });
  return { k: x.length, sx, sy, sxx, syy, ssd, sad, same };
}

const votes = fc.integer({ min: 1, max: 3 });
const pairOfVectors = fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(fc.array(votes, { minLength: n, maxLength: n }), fc.array(votes, { minLength: n, maxLength: n })));

describe('UN voting measures', () => {
  it('lists agree first (the default) and the six names of the issue', () => {
    expect(UN_MEASURE_NAMES).toEqual(['agree', 'identical', 's_abs', 's_sq', 'kappa', 'pi']);
    expect(isUnMeasureName('kappa')).toBe(true);
    expect(isUnMeasureName('tau_b')).toBe(false);
    expect(D_MAX).toBe(2);
  });

  it('scores yes–yes 1, yes–abstain ½ and yes–no 0 in agree; only exact matches in identical', () => {
    const c = components([1, 1, 1], [1, 2, 3]);
    expect(UN_MEASURES.agree.compute(c)).toBeCloseTo(0.5, 15);
    expect(UN_MEASURES.identical.compute(c)).toBeCloseTo(1 / 3, 15);
    expect(UN_MEASURES.s_abs.compute(c)).toBeCloseTo(0, 15);
    expect(UN_MEASURES.s_sq.compute(c)).toBeCloseTo(1 - (2 * 5) / (4 * 3), 15);
  });

  it('takes d_max from the coding: a pair that never used "no" still has d_max = 2', () => {
    // only yes and abstain observed: observed d_max would be 1, the coding says 2
    const c = components([1, 2, 1, 2], [2, 1, 1, 2]);
    expect(UN_MEASURES.s_abs.compute(c)).toBeCloseTo(1 - (2 * 2) / (2 * 4), 15); // 0.5, not 0
  });

  it('computes κ and π by Häge\'s closed forms and leaves them absent on a zero denominator', () => {
    const c = components([1, 2, 3, 1], [1, 3, 3, 2]);
    const kappaDen = c.sxx + c.syy - (2 / c.k) * c.sx * c.sy;
    const piDen = c.sxx + c.syy - (c.sx + c.sy) ** 2 / (2 * c.k);
    expect(UN_MEASURES.kappa.compute(c)).toBeCloseTo(1 - c.ssd / kappaDen, 14);
    expect(UN_MEASURES.pi.compute(c)).toBeCloseTo(1 - c.ssd / piDen, 14);
    // both always voted yes: no variation, the chance-corrected measures are undefined
    const flat = components([1, 1, 1], [1, 1, 1]);
    expect(UN_MEASURES.kappa.compute(flat)).toBeNull();
    expect(UN_MEASURES.pi.compute(flat)).toBeNull();
    expect(UN_MEASURES.agree.compute(flat)).toBe(1);
    // one constant, the other not: κ and π are defined
    expect(UN_MEASURES.kappa.compute(components([1, 1, 1], [1, 2, 1]))).not.toBeNull();
    // both constant but different: κ defined (denominator K·(x̄−ȳ)² > 0) and 0, π −1
    expect(UN_MEASURES.kappa.compute(components([1, 1], [3, 3]))).toBeCloseTo(0, 15);
    expect(UN_MEASURES.pi.compute(components([1, 1], [3, 3]))).toBeCloseTo(-1, 15);
  });

  it('κ equals Lin\'s concordance correlation coefficient', () => {
    fc.assert(
      fc.property(pairOfVectors, ([x, y]) => {
        const c = components(x, y);
        const k = UN_MEASURES.kappa.compute(c);
        const mx = c.sx / c.k;
        const my = c.sy / c.k;
        let sxy = 0, vx = 0, vy = 0;
        x.forEach((xi, i) => {
          sxy += (xi - mx) * (y[i]! - my);
          vx += (xi - mx) ** 2;
          vy += (y[i]! - my) ** 2;
        });
        const den = vx + vy + c.k * (mx - my) ** 2;
        if (den < 1e-12) return k === null;
        return k !== null && Math.abs(k - (2 * sxy) / den) < 1e-9;
      }),
    );
  });

  it('is symmetric in the pair for every measure', () => {
    fc.assert(
      fc.property(pairOfVectors, ([x, y]) => {
        const ab = components(x, y);
        const ba = components(y, x);
        return UN_MEASURE_NAMES.every((m) => {
          const u = UN_MEASURES[m].compute(ab);
          const v = UN_MEASURES[m].compute(ba);
          return u === null ? v === null : v !== null && Math.abs(u - v) < 1e-12;
        });
      }),
    );
  });

  it('stays within each measure\'s declared range, with s_abs = 2·agree − 1 and identical ≤ agree', () => {
    fc.assert(
      fc.property(pairOfVectors, ([x, y]) => {
        const c = components(x, y);
        for (const m of UN_MEASURE_NAMES) {
          const v = UN_MEASURES[m].compute(c);
          if (v === null) continue;
          const [lo, hi] = UN_MEASURES[m].range;
          if (v < lo - 1e-12 || v > hi + 1e-12) return false;
        }
        const agree = UN_MEASURES.agree.compute(c)!;
        return Math.abs(UN_MEASURES.s_abs.compute(c)! - (2 * agree - 1)) < 1e-12 && UN_MEASURES.identical.compute(c)! <= agree + 1e-12;
      }),
    );
  });

  it('gives 1 for identical vectors (κ and π when defined)', () => {
    fc.assert(
      fc.property(fc.array(votes, { minLength: 1, maxLength: 40 }), (x) => {
        const c = components(x, x);
        return UN_MEASURE_NAMES.every((m) => {
          const v = UN_MEASURES[m].compute(c);
          return v === null || Math.abs(v - 1) < 1e-12;
        });
      }),
    );
  });
});

describe('what each measure reads', () => {
  it('computes the same value when every component it does not declare in `reads` is NaN', () => {
    fc.assert(
      fc.property(pairOfVectors, ([x, y]) => {
        const c = components(x, y);
        for (const name of UN_MEASURE_NAMES) {
          const m = UN_MEASURES[name];
          const partial = Object.fromEntries(Object.entries(c).map(([key, v]) => [key, m.reads.includes(key as keyof PairComponents) ? v : NaN])) as unknown as PairComponents;
          expect(m.compute(partial), name).toBe(m.compute(c));
        }
      }),
      { numRuns: 200 },
    );
  });
});
