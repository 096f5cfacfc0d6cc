import { describe, expect, it } from 'vitest';
import { designPoint, drawResamples, saltelliDesign, SOBOL_BOOTSTRAP_RESAMPLES, sobolFromRuns, sobolIndices, sobolIntervals } from '../../src/analysis/sobol.js';
import { createRandom } from '../../src/core/random.js';

describe('Sobol indices', () => {
  it('builds AB_i as A with column i taken from B', () => {
    const d = saltelliDesign(4, 3, createRandom(1));
    const x = new Float64Array(3);
    designPoint(d, 2, 1, x);
    expect([...x]).toEqual([d.a[6]!, d.b[7]!, d.a[8]!]);
    expect([...designPoint(d, 2, -2, x)]).toEqual([d.b[6]!, d.b[7]!, d.b[8]!]);
  });

  it('recovers the analytic indices of a linear model within Monte Carlo error', () => {
    // Y = X1 + 2·X2 + 3·X3, X_i ~ U(0, 1): V(a·X) = a²/12, so S_i = S_Ti = a_i² / Σ a_j² = 1/14, 4/14, 9/14
    const a = [1, 2, 3];
    const truth = a.map((x) => (x * x) / 14);
    const n = 8192;
    const res = sobolIndices((x) => x[0]! + 2 * x[1]! + 3 * x[2]!, 3, n, createRandom(20240601));
    expect(res.variance).toBeCloseTo(14 / 12, 1);
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(res.first[i]! - truth[i]!)).toBeLessThan(4 * res.firstSe[i]!);
      expect(Math.abs(res.total[i]! - truth[i]!)).toBeLessThan(4 * res.totalSe[i]!);
      expect(Math.abs(res.first[i]! - truth[i]!)).toBeLessThan(0.03);
      expect(Math.abs(res.total[i]! - truth[i]!)).toBeLessThan(0.03);
    }
  });

  it('gives an interaction-only factor a total index but no first-order index', () => {
    // Y = (X1 − ½)(X2 − ½) + X3·0: V = 1/144; E(Y|X1) = 0 so S1 = 0, S_T1 = 1 (same for X2); X3 inert
    const res = sobolIndices((x) => (x[0]! - 0.5) * (x[1]! - 0.5), 3, 8192, createRandom(5));
    expect(Math.abs(res.first[0]!)).toBeLessThan(0.05);
    expect(res.total[0]!).toBeGreaterThan(0.9);
    expect(res.total[2]).toBe(0);
    expect(res.first[2]).toBe(0);
  });
});

/** The per-draw terms and pooled estimate of one "pair-year" of a model, as the analysis sums them (outputs centred on c). */
function termsOf(model: (x: Float64Array) => number, k: number, n: number, seed: number, c = 0) {
  const d = saltelliDesign(n, k, createRandom(seed));
  const x = new Float64Array(k);
  const first = new Float64Array(n * k);
  const total = new Float64Array(n * k);
  const square = new Float64Array(n);
  const fA = new Float64Array(n);
  const fB = new Float64Array(n);
  const fAB = new Float64Array(n * k);
  for (let j = 0; j < n; j++) {
    fA[j] = model(designPoint(d, j, -1, x));
    fB[j] = model(designPoint(d, j, -2, x));
    const a = fA[j]! - c;
    const b = fB[j]! - c;
    square[j] = a * a + b * b;
    for (let i = 0; i < k; i++) {
      fAB[j * k + i] = model(designPoint(d, j, i, x));
      const dd = fAB[j * k + i]! - c - a;
      first[j * k + i] = b * dd;
      total[j * k + i] = dd * dd;
    }
  }
  const est = sobolFromRuns(fA, fB, fAB, k);
  return { terms: { first, total, square }, est: { first: est.first.map((s) => s * est.variance), total: est.total.map((s) => s * est.variance), variance: est.variance }, point: est };
}

describe('sobolIntervals', () => {
  const linear = (x: Float64Array) => x[0]! + 2 * x[1]!;

  it('brackets each estimate, covers the analytic indices of a linear model and narrows as N grows', () => {
    const widths: number[] = [];
    for (const n of [256, 4096]) {
      const { terms, est, point } = termsOf(linear, 2, n, 11, 1.5);
      const ci = sobolIntervals(terms, est, n, 2, drawResamples(n, SOBOL_BOOTSTRAP_RESAMPLES, createRandom(5)));
      for (let i = 0; i < 2; i++) {
        expect(ci.firstLow[i]!).toBeLessThanOrEqual(point.first[i]!);
        expect(point.first[i]!).toBeLessThanOrEqual(ci.firstHigh[i]!);
        expect(ci.totalLow[i]!).toBeLessThanOrEqual(point.total[i]!);
        expect(point.total[i]!).toBeLessThanOrEqual(ci.totalHigh[i]!);
      }
      // S1 = S_T1 = 1/5, S2 = S_T2 = 4/5
      expect(ci.firstLow[0]!).toBeLessThan(0.2);
      expect(ci.firstHigh[0]!).toBeGreaterThan(0.2);
      expect(ci.totalLow[1]!).toBeLessThan(0.8);
      expect(ci.totalHigh[1]!).toBeGreaterThan(0.8);
      widths.push(ci.firstHigh[1]! - ci.firstLow[1]!);
    }
    expect(widths[1]!).toBeLessThan(widths[0]! / 2); // ~1/√16 = 1/4 in theory
  });

  it('has the width of the Monte Carlo standard error: about ±1.96 standard errors', () => {
    const n = 2048;
    const { terms, est, point } = termsOf(linear, 2, n, 3, 1.5);
    const ci = sobolIntervals(terms, est, n, 2, drawResamples(n, SOBOL_BOOTSTRAP_RESAMPLES, createRandom(9)));
    const ratio = (ci.totalHigh[0]! - ci.totalLow[0]!) / (2 * 1.96 * point.totalSe[0]!);
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.4);
  });

  it('gives no interval without variance', () => {
    const { terms, est } = termsOf(() => 1, 2, 64, 1);
    const ci = sobolIntervals(terms, { ...est, variance: 0 }, 64, 2, drawResamples(64, 50, createRandom(1)));
    expect([...ci.firstLow, ...ci.totalHigh].every((v) => v !== v)).toBe(true);
  });
});
