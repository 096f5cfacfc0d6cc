import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kalmanModel, kalmanWork, smoothRun, type LatentParams } from '../../../src/core/latent/kalman.js';

const posterior = (n: number) => ({ mean: new Float64Array(n), variance: new Float64Array(n), lagCov: new Float64Array(n) });

function params(a: number[], b: number[], s2: number[], tau2: number, mu0: number, p0: number): LatentParams {
  return { a: Float64Array.from(a), b: Float64Array.from(b), s2: Float64Array.from(s2), tau2, mu0, p0 };
}

/** Cholesky factor of a symmetric positive definite matrix (row-major arrays). */
function cholesky(S: number[][]): number[][] {
  const n = S.length;
  const L = S.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = S[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i]![k]! * L[j]![k]!;
      L[i]![j] = i === j ? Math.sqrt(s) : s / L[j]![j]!;
    }
  return L;
}

/** Solves S x = v with the Cholesky factor L of S. */
function solve(L: number[][], v: number[]): number[] {
  const n = L.length;
  const w = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = v[i]!;
    for (let k = 0; k < i; k++) s -= L[i]![k]! * w[k]!;
    w[i] = s / L[i]![i]!;
  }
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = w[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k]![i]! * x[k]!;
    x[i] = s / L[i]![i]!;
  }
  return x;
}

/**
 * The posterior of z and the log-likelihood by brute force: z is jointly normal with
 * Cov(z_i, z_j) = P₀ + τ²·(t_min(i,j) − t₀), the observed y's are a + b·z + e; condition.
 */
function dense(y: number[][], years: number[], p: LatentParams) {
  const n = years.length;
  const covZ = (i: number, j: number) => p.p0 + p.tau2 * (years[Math.min(i, j)]! - years[0]!);
  const obs: { i: number; k: number; v: number }[] = [];
  y.forEach((row, i) => row.forEach((v, k) => { if (v === v) obs.push({ i, k, v }); }));
  const m = obs.length;
  const S = obs.map((o) => obs.map((q) => p.b[o.k]! * p.b[q.k]! * covZ(o.i, q.i) + (o === q ? p.s2[o.k]! : 0)));
  const resid = obs.map((o) => o.v - p.a[o.k]! - p.b[o.k]! * p.mu0);
  let ll = 0;
  let mean = new Array<number>(n).fill(p.mu0);
  let cov = (i: number, j: number) => covZ(i, j);
  if (m > 0) {
    const L = cholesky(S);
    const alpha = solve(L, resid);
    let logdet = 0;
    for (let i = 0; i < m; i++) logdet += 2 * Math.log(L[i]![i]!);
    ll = -0.5 * (m * Math.log(2 * Math.PI) + logdet + resid.reduce((s, r, i) => s + r * alpha[i]!, 0));
    // Cov(z_i, y_o) = b_k·Cov(z_i, z_{o.i})
    const C = Array.from({ length: n }, (_, i) => obs.map((o) => p.b[o.k]! * covZ(i, o.i)));
    mean = C.map((c) => p.mu0 + c.reduce((s, x, j) => s + x * alpha[j]!, 0));
    const SinvCt = C.map((c) => solve(L, c));
    cov = (i: number, j: number) => covZ(i, j) - C[i]!.reduce((s, x, q) => s + x * SinvCt[j]![q]!, 0);
  }
  return { ll, mean, variance: mean.map((_, i) => cov(i, i)), lagCov: mean.map((_, i) => (i === 0 ? 0 : cov(i, i - 1))) };
}

describe('the Kalman filter and RTS smoother of one pair', () => {
  it('agrees with brute-force Gaussian conditioning, log-likelihood included, on random series with gaps and missing values', () => {
    const value = fc.oneof(fc.constant(NaN), fc.double({ min: -3, max: 3, noNaN: true }));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((K) =>
          fc.record({
            K: fc.constant(K),
            a: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: K, maxLength: K }),
            b: fc.array(fc.double({ min: 0.1, max: 2, noNaN: true }), { minLength: K, maxLength: K }),
            s2: fc.array(fc.double({ min: 0.01, max: 2, noNaN: true }), { minLength: K, maxLength: K }),
            tau2: fc.double({ min: 0.001, max: 1, noNaN: true }),
            mu0: fc.double({ min: -1, max: 1, noNaN: true }),
            p0: fc.double({ min: 0.05, max: 3, noNaN: true }),
            gaps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 7 }),
            values: fc.array(fc.array(value, { minLength: K, maxLength: K }), { minLength: 8, maxLength: 8 }),
          }),
        ),
        (c) => {
          const n = c.gaps.length + 1;
          const years = [2000];
          c.gaps.forEach((g) => years.push(years.at(-1)! + g));
          const rows = c.values.slice(0, n);
          const p = params(c.a, c.b, c.s2, c.tau2, c.mu0, c.p0);
          const out = posterior(n);
          const ll = smoothRun(Float64Array.from(rows.flat()), Uint16Array.from([0, ...c.gaps]), 0, n, kalmanModel(p), kalmanWork(n), out);
          const ref = dense(rows, years, p);
          expect(ll).toBeCloseTo(ref.ll, 8);
          for (let i = 0; i < n; i++) {
            expect(out.mean[i]).toBeCloseTo(ref.mean[i]!, 8);
            expect(out.variance[i]).toBeCloseTo(ref.variance[i]!, 8);
            expect(out.lagCov[i]).toBeCloseTo(ref.lagCov[i]!, 8);
          }
        },
      ),
      { numRuns: 300, seed: 19 },
    );
  });

  it("returns the data's implied z, (y − a)/b, for a fully observed series as σ → 0", () => {
    const p = params([0.5, -1], [2, 0.5], [1e-14, 1e-14], 0.04, 0, 1);
    const z = [0.3, -0.2, 1.1, 1.0, 0.4];
    const y = Float64Array.from(z.flatMap((v) => [0.5 + 2 * v, -1 + 0.5 * v]));
    const out = posterior(5);
    smoothRun(y, Uint16Array.of(0, 1, 1, 3, 1), 0, 5, kalmanModel(p), kalmanWork(5), out);
    z.forEach((v, i) => {
      expect(out.mean[i]).toBeCloseTo(v, 9);
      expect(out.variance[i]).toBeLessThan(1e-12);
    });
  });

  it('returns the prior — mean μ₀, variance P₀ + τ²·(years since the first) — when everything is missing', () => {
    const p = params([0], [1], [0.3], 0.05, -0.4, 0.7);
    const out = posterior(4);
    const ll = smoothRun(Float64Array.of(NaN, NaN, NaN, NaN), Uint16Array.of(0, 1, 2, 5), 0, 4, kalmanModel(p), kalmanWork(4), out);
    expect(ll).toBe(0);
    expect([...out.mean]).toEqual([-0.4, -0.4, -0.4, -0.4]);
    [0, 1, 3, 8].forEach((dt, i) => expect(out.variance[i]).toBeCloseTo(0.7 + 0.05 * dt, 14));
  });

  it('writes only the rows of its run and ignores the gap of the first row', () => {
    const p = params([0], [1], [0.5], 0.1, 0, 1);
    const y = Float64Array.of(9, 1, 2, 9);
    const out = posterior(4);
    out.mean.fill(7);
    smoothRun(y, Uint16Array.of(0, 30, 1, 0), 1, 3, kalmanModel(p), kalmanWork(2), out);
    expect(out.mean[0]).toBe(7);
    expect(out.mean[3]).toBe(7);
    const alone = posterior(2);
    smoothRun(Float64Array.of(1, 2), Uint16Array.of(0, 1), 0, 2, kalmanModel(p), kalmanWork(2), alone);
    expect([out.mean[1], out.mean[2]]).toEqual([...alone.mean]);
  });
});
