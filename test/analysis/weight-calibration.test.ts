import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calibrateWeights } from '../../src/analysis/weight-calibration.js';
import { aggregateColumns, type AggregateColumnsOptions } from '../../src/core/aggregate-columns.js';
import { covarianceShares } from '../../src/analysis/effective-weights.js';
import { createRandom } from '../../src/core/random.js';

const options: AggregateColumnsOptions = { scale: [0, 100], aggregation: 'arithmetic', minCoverage: 0.5, settings: { geometricFloor: 0.01, formula: null } };

/** Three independent indicators with different spreads around 0.5 (default sd 0.3, 0.1, 0.01). */
function panel(n: number, seed: number, sd: readonly [number, number, number] = [0.3, 0.1, 0.01]): Float64Array[] {
  const r = createRandom(seed);
  const col = (sd: number) => Float64Array.from({ length: n }, () => Math.min(1, Math.max(0, 0.5 + sd * (r() + r() + r() - 1.5) * 2)));
  return [col(sd[0]), col(sd[1]), col(sd[2])];
}

describe('calibrateWeights', () => {
  it('finds weights whose covariance shares match the nominal shares when the spreads differ threefold', () => {
    const norm = panel(3000, 7, [0.3, 0.15, 0.1]);
    const cal = calibrateWeights(['a', 'b', 'c'], norm, [1, 1, 1], options);
    // before: the widest indicator takes nearly all the variance
    expect(cal.indicators[0]!.before.covarianceShare).toBeGreaterThan(0.6);
    expect(cal.converged).toBe(true);
    for (const c of cal.indicators) expect(Math.abs(c.after.covarianceShare / c.nominalShare - 1)).toBeLessThanOrEqual(0.02);
    // the narrow indicator gets the largest weight, and the total is kept
    expect(cal.indicators[2]!.calibrated).toBeGreaterThan(cal.indicators[1]!.calibrated);
    expect(cal.indicators[1]!.calibrated).toBeGreaterThan(cal.indicators[0]!.calibrated);
    // the reported "after" is what the calibrated weights give
    const agg = aggregateColumns(norm, Float64Array.from(cal.indicators.map((c) => c.calibrated)), options);
    expect(covarianceShares(agg.index, agg.contrib)[2]).toBeCloseTo(cal.indicators[2]!.after.covarianceShare, 12);
  });

  it('keeps every calibrated weight within a factor 4 of its configured weight, even when the target cannot be met', () => {
    const norm = panel(2000, 5);
    const cal = calibrateWeights(['a', 'b', 'c'], norm, [1, 1, 1], options, { tolerance: 0.02, maxIterations: 40, maxFactor: 4 });
    for (const c of cal.indicators) {
      expect(c.calibrated).toBeLessThanOrEqual(4 + 1e-12);
      expect(c.calibrated).toBeGreaterThanOrEqual(0.25 - 1e-12);
    }
    // sd 0.3 against 0.01: a factor 16 between the weights is not enough to balance them
    expect(cal.converged).toBe(false);
    expect(cal.maxDeviationAfter).toBeLessThan(cal.maxDeviationBefore);
  });

  it('leaves weights alone that already mean what they say, and keeps a weight of 0 at 0', () => {
    const r = createRandom(3);
    const a = Float64Array.from({ length: 500 }, () => r());
    const b = Float64Array.from({ length: 500 }, () => r());
    const z = Float64Array.from({ length: 500 }, () => r());
    const cal = calibrateWeights(['a', 'b', 'z'], [a, b, z], [1, 1, 0], options, { tolerance: 0.2, maxIterations: 60, maxFactor: 4 });
    expect(cal.iterations).toBe(0);
    expect(cal.indicators.map((c) => c.calibrated)).toEqual([1, 1, 0]);
  });

  it('never changes which pair-years have an index: the coverage rule keeps the configured weights', () => {
    const norm = panel(600, 11);
    // the narrow indicator is missing in every third row: with calibrated weights it would carry most of the weight
    for (let r = 0; r < 600; r += 3) norm[2]![r] = NaN;
    for (let r = 1; r < 600; r += 3) norm[0]![r] = NaN;
    const cal = calibrateWeights(['a', 'b', 'c'], norm, [1, 1, 1], { ...options, minCoverage: 0.6 });
    const nominal = aggregateColumns(norm, Float64Array.of(1, 1, 1), { ...options, minCoverage: 0.6 });
    const calibrated = aggregateColumns(norm, Float64Array.from(cal.indicators.map((c) => c.calibrated)), { ...options, minCoverage: 0.6, coverageWeights: Float64Array.of(1, 1, 1) });
    for (let r = 0; r < 600; r++) expect(Number.isNaN(calibrated.index[r])).toBe(Number.isNaN(nominal.index[r]));
  });

  it('is deterministic and never ends worse than it started (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }), (seed, w) => {
        const norm = panel(300, seed);
        const x = calibrateWeights(['a', 'b', 'c'], norm, w, options, { tolerance: 0.02, maxIterations: 15, maxFactor: 4 });
        const y = calibrateWeights(['a', 'b', 'c'], norm, w, options, { tolerance: 0.02, maxIterations: 15, maxFactor: 4 });
        expect(x).toEqual(y);
        expect(x.maxDeviationAfter).toBeLessThanOrEqual(x.maxDeviationBefore);
      }),
      { numRuns: 20 },
    );
  });
});
