import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateArithmetic, aggregateFormula, aggregateGeometric, scaleResult, DEFAULT_AGGREGATE_SETTINGS } from '../../src/core/aggregate.js';
import { compileFormula as compileWith } from '../../src/core/formula.js';
import { mathjsParser } from '../../src/config/formula-parser.js';

const compileFormula = (s: string, ids: readonly string[]) => compileWith(mathjsParser(), s, ids);

const arr = (...x: number[]) => Float64Array.from(x);
const sum = (x: Float64Array) => [...x].filter((v) => !Number.isNaN(v)).reduce((s, v) => s + v, 0);

describe('aggregation', () => {
  it('arithmetic is the weighted mean with weights renormalised over the present indicators', () => {
    const r = aggregateArithmetic({ values: arr(1, NaN, 0.5), weights: arr(1, 5, 3) })!;
    expect(r.index).toBeCloseTo((1 * 1 + 3 * 0.5) / 4, 12);
    expect(Number.isNaN(r.contributions[1])).toBe(true);
    expect(sum(r.contributions)).toBeCloseTo(r.index, 12);
  });

  it('geometric never sees a zero and its contributions add up to the index', () => {
    const r = aggregateGeometric({ values: arr(0, 1, 0.5), weights: arr(1, 1, 2) }, DEFAULT_AGGREGATE_SETTINGS)!;
    const f = 0.01;
    const expected = Math.pow(f, 0.25) * 1 * Math.pow(f + (1 - f) * 0.5, 0.5);
    expect(r.index).toBeCloseTo(expected, 12);
    expect(sum(r.contributions)).toBeCloseTo(r.index, 12);
  });

  it('geometric of all ones is one, split by weight', () => {
    const r = aggregateGeometric({ values: arr(1, 1), weights: arr(1, 3) }, DEFAULT_AGGREGATE_SETTINGS)!;
    expect(r.index).toBe(1);
    expect([...r.contributions]).toEqual([0.25, 0.75]);
  });

  it('formula attributes a linear formula exactly to w·n', () => {
    const compiled = compileFormula('0.25*un + 0.75*arms', ['un', 'arms']);
    const r = aggregateFormula({ values: arr(0.4, 0.8), weights: arr(1, 1) }, { ...DEFAULT_AGGREGATE_SETTINGS, formula: { compiled, ids: ['un', 'arms'] } })!;
    expect(r.index).toBeCloseTo(0.7, 12);
    expect(r.contributions[0]).toBeCloseTo(0.1, 12);
    expect(r.contributions[1]).toBeCloseTo(0.6, 12);
  });

  it('formula gives no index when an indicator it needs is missing', () => {
    const compiled = compileFormula('un + arms', ['un', 'arms']);
    expect(aggregateFormula({ values: arr(0.4, NaN), weights: arr(1, 1) }, { ...DEFAULT_AGGREGATE_SETTINGS, formula: { compiled, ids: ['un', 'arms'] } })).toBeNull();
  });

  it('scaling to [lo, hi] keeps contributions adding up to the index (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        (vals, lo, span) => {
          const values = Float64Array.from(vals);
          const weights = Float64Array.from(vals.map((_, i) => i + 1));
          for (const agg of [aggregateArithmetic, aggregateGeometric]) {
            const r = agg({ values, weights }, DEFAULT_AGGREGATE_SETTINGS)!;
            const s = scaleResult(r, [lo, lo + span], weights);
            expect(s.index).toBeGreaterThanOrEqual(lo - 1e-9);
            expect(s.index).toBeLessThanOrEqual(lo + span + 1e-9);
            expect(sum(s.contributions)).toBeCloseTo(s.index, 6);
          }
        },
      ),
    );
  });
});
