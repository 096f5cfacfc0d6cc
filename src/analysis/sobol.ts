/**
 * Variance-based sensitivity indices (Sobol' 1993) with Saltelli's sampling design and the
 * recommended estimators of Saltelli et al. (2010, *Computer Physics Communications* 181:
 * 259–270, table 2):
 *
 * - design: two independent N × k matrices A and B of uniform draws on [0, 1)^k, and for
 *   each factor i the matrix AB_i = A with column i taken from B; N·(k + 2) model runs;
 * - variance V(Y): sample variance of the 2N outputs f(A) and f(B);
 * - first order (Saltelli 2010): S_i = (1/N)·Σ_j f(B)_j·(f(AB_i)_j − f(A)_j) / V(Y);
 * - total (Jansen 1999): S_Ti = (1/2N)·Σ_j (f(A)_j − f(AB_i)_j)² / V(Y).
 *
 * S_i is the share of V(Y) explained by factor i alone, S_Ti the share in which factor i
 * plays any part (alone or in interactions); 0 ≤ S_i ≤ S_Ti in theory, Σ S_i ≤ 1, and
 * S_i = S_Ti for an additive model. Estimates can stray slightly outside [0, 1] by Monte
 * Carlo error, O(1/√N).
 */
import type { Random } from '../core/random.js';

/** The two base matrices of a Saltelli design, row-major (row j = draw j, column i = factor i). */
export interface SaltelliDesign {
  readonly n: number;
  readonly k: number;
  readonly a: Float64Array;
  readonly b: Float64Array;
}

/**
 * Draws the A and B matrices (N × k each): A row by row, then B, all from `random`.
 * @example saltelliDesign(1000, 3, createRandom(1)).a.length // 3000
 */
export function saltelliDesign(n: number, k: number, random: Random): SaltelliDesign {
  const a = new Float64Array(n * k);
  const b = new Float64Array(n * k);
  for (let t = 0; t < a.length; t++) a[t] = random();
  for (let t = 0; t < b.length; t++) b[t] = random();
  return { n, k, a, b };
}

/**
 * Writes design point `j` of matrix A (which = -1), B (which = -2) or AB_i (which = i) into `out`.
 * @example designPoint(d, 7, 2, out) // row 7 of A with column 2 from B
 */
export function designPoint(d: SaltelliDesign, j: number, which: number, out: Float64Array): Float64Array {
  const k = d.k;
  const src = which === -2 ? d.b : d.a;
  for (let i = 0; i < k; i++) out[i] = src[j * k + i]!;
  if (which >= 0) out[which] = d.b[j * k + which]!;
  return out;
}

/** First-order and total indices per factor, with standard errors of the Monte Carlo estimate. */
export interface SobolResult {
  readonly first: Float64Array;
  readonly total: Float64Array;
  /** Standard error of each first-order estimate (sd of its per-draw terms / √N / V). */
  readonly firstSe: Float64Array;
  /** Standard error of each total estimate. */
  readonly totalSe: Float64Array;
  readonly variance: number;
}

/**
 * Estimates Sobol' indices of a model of k factors uniform on [0, 1) with N base draws
 * (N·(k + 2) model runs). Deterministic for a given `random`.
 * @example
 * // Y = X1 + 2·X2: S1 = 1/5, S2 = 4/5
 * sobolIndices((x) => x[0]! + 2 * x[1]!, 2, 4096, createRandom(7)).first // ≈ [0.2, 0.8]
 */
export function sobolIndices(model: (x: Float64Array) => number, k: number, n: number, random: Random): SobolResult {
  const d = saltelliDesign(n, k, random);
  const x = new Float64Array(k);
  const fA = new Float64Array(n);
  const fB = new Float64Array(n);
  const fAB = new Float64Array(n * k);
  for (let j = 0; j < n; j++) {
    fA[j] = model(designPoint(d, j, -1, x));
    fB[j] = model(designPoint(d, j, -2, x));
    for (let i = 0; i < k; i++) fAB[j * k + i] = model(designPoint(d, j, i, x));
  }
  return sobolFromRuns(fA, fB, fAB, k);
}

/**
 * The estimators applied to model outputs f(A), f(B) (length N each) and f(AB_i)
 * (row-major N × k): see the module comment.
 * @example sobolFromRuns(fA, fB, fAB, 2).total // [S_T1, S_T2]
 */
export function sobolFromRuns(fA: Float64Array, fB: Float64Array, fAB: Float64Array, k: number): SobolResult {
  const n = fA.length;
  let mean = 0;
  for (let j = 0; j < n; j++) mean += fA[j]! + fB[j]!;
  mean /= 2 * n;
  let ss = 0;
  for (let j = 0; j < n; j++) ss += (fA[j]! - mean) ** 2 + (fB[j]! - mean) ** 2;
  const variance = ss / (2 * n - 1);
  const first = new Float64Array(k);
  const total = new Float64Array(k);
  const firstSe = new Float64Array(k);
  const totalSe = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s1 = 0;
    let s1q = 0;
    let st = 0;
    let stq = 0;
    for (let j = 0; j < n; j++) {
      const ab = fAB[j * k + i]!;
      const t1 = (fB[j]! - mean) * (ab - fA[j]!);
      const tt = 0.5 * (fA[j]! - ab) ** 2;
      s1 += t1;
      s1q += t1 * t1;
      st += tt;
      stq += tt * tt;
    }
    first[i] = s1 / n / variance;
    total[i] = st / n / variance;
    firstSe[i] = Math.sqrt(Math.max(0, s1q / n - (s1 / n) ** 2) / n) / variance;
    totalSe[i] = Math.sqrt(Math.max(0, stq / n - (st / n) ** 2) / n) / variance;
  }
  return { first, total, firstSe, totalSe, variance };
}
