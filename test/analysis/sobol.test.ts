import { describe, expect, it } from 'vitest';
import { designPoint, saltelliDesign, sobolIndices } from '../../src/analysis/sobol.js';
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
