import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateColumns } from '../../src/core/aggregate-columns.js';
import { aggregateArithmetic, DEFAULT_AGGREGATE_SETTINGS, scaleResult } from '../../src/core/aggregate.js';

describe('aggregateColumns, arithmetic', () => {
  it('gives, row by row, exactly what aggregateArithmetic and scaleResult give (property)', () => {
    const cell = fc.oneof(fc.constant(NaN), fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((m) =>
          fc.tuple(
            fc.array(fc.array(cell, { minLength: m, maxLength: m }), { minLength: 1, maxLength: 30 }),
            fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 10, noNaN: true })), { minLength: m, maxLength: m }),
            fc.constantFrom<[number, number]>([0, 100], [0, 1], [-1, 1], [10, 20]),
          ),
        ),
        ([rows, w, scale]) => {
          const m = w.length;
          const norm = Array.from({ length: m }, (_, i) => Float64Array.from(rows, (row) => row[i]!));
          const weights = Float64Array.from(w);
          const got = aggregateColumns(norm, weights, { scale, aggregation: 'arithmetic', minCoverage: 0, minIndicators: 1, settings: DEFAULT_AGGREGATE_SETTINGS });
          rows.forEach((row, r) => {
            const values = Float64Array.from(row);
            const present = row.some((v, i) => v === v && w[i]! > 0);
            const res = present ? aggregateArithmetic({ values, weights }) : null;
            const scaled = res === null ? null : scaleResult(res, scale, weights);
            expect(Object.is(got.index[r], scaled === null ? NaN : scaled.index)).toBe(true);
            for (let i = 0; i < m; i++) expect(Object.is(got.contrib[i]![r], scaled === null ? NaN : scaled.contributions[i])).toBe(true);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
