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
import { quantileSorted } from '../core/quantile.js';

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

/**
 * Per-draw terms of pooled Sobol' estimates (sums over the pair-years whose k + 2 runs all
 * gave an index in that draw), draw j of N at j (or j·k + i for factor i), with outputs
 * centred on each pair-year's nominal index: `first` Σ (f(B) − c)·(f(AB_i) − f(A)), `total`
 * Σ (f(AB_i) − f(A))², `square` Σ (f(A) − c)² + (f(B) − c)².
 */
export interface SobolDrawTerms {
  readonly first: Float64Array;
  readonly total: Float64Array;
  readonly square: Float64Array;
}

/** A pooled estimate: the numerators of S_i and S_Ti and the variance they are divided by. */
export interface SobolEstimate {
  readonly first: Float64Array;
  readonly total: Float64Array;
  readonly variance: number;
}

/** Bootstrap intervals of the indices of each factor (NaN when there is no estimate). */
export interface SobolIntervals {
  readonly firstLow: Float64Array;
  readonly firstHigh: Float64Array;
  readonly totalLow: Float64Array;
  readonly totalHigh: Float64Array;
}

/** Bootstrap replicates of the Sobol' intervals: B resamples of the N draws. */
export const SOBOL_BOOTSTRAP_RESAMPLES = 200;

/**
 * The resamples of a bootstrap over draws: B rows of N draw numbers drawn with replacement
 * (row b at b·N), from `random`. Every estimate of a run uses the same resamples, so the
 * intervals of the pooled and per-year indices come from the same replicates.
 * @example drawResamples(1000, 200, createRandom(1)).length // 200_000
 */
export function drawResamples(n: number, resamples: number, random: Random): Uint32Array {
  const out = new Uint32Array(n * resamples);
  for (let t = 0; t < out.length; t++) out[t] = Math.min(n - 1, Math.floor(random() * n));
  return out;
}

/**
 * Percentile bootstrap intervals (level 1 − α, type-7 quantiles of the replicates) of
 * pooled Sobol' indices, resampling the draws. Each replicate re-weights the per-draw terms:
 * S_i* = (Σ_{j∈J*} F_ij / N − C_i) / (Σ_{j∈J*} Q_j / 2N − D), S_Ti* likewise with
 * Σ T_ij / 2N, where the constants C_i, D (the centring of each pair-year's outputs on its
 * sample mean, and the pair-years scored in fewer than N draws) are held at the values that
 * make the replicate of J* = {1…N} the estimate itself. Holding them fixed leaves out their
 * own sampling variation, which is of second order.
 * @example sobolIntervals(terms, est, 1000, 2, drawResamples(1000, 200, createRandom(1))).firstLow
 */
export function sobolIntervals(terms: SobolDrawTerms, est: SobolEstimate, n: number, k: number, resamples: Uint32Array, alpha = 0.05): SobolIntervals {
  const B = Math.floor(resamples.length / n);
  const out: SobolIntervals = { firstLow: new Float64Array(k).fill(NaN), firstHigh: new Float64Array(k).fill(NaN), totalLow: new Float64Array(k).fill(NaN), totalHigh: new Float64Array(k).fill(NaN) };
  if (!(est.variance > 0) || B < 2) return out;
  let sq = 0;
  const sf = new Float64Array(k);
  const st = new Float64Array(k);
  for (let j = 0; j < n; j++) {
    sq += terms.square[j]!;
    for (let i = 0; i < k; i++) {
      sf[i]! += terms.first[j * k + i]!;
      st[i]! += terms.total[j * k + i]!;
    }
  }
  const d = sq / (2 * n) - est.variance;
  const cf = Float64Array.from(sf, (x, i) => x / n - est.first[i]!);
  const ct = Float64Array.from(st, (x, i) => x / (2 * n) - est.total[i]!);
  const repF = new Float64Array(k * B);
  const repT = new Float64Array(k * B);
  const f = new Float64Array(k);
  const t = new Float64Array(k);
  for (let b = 0; b < B; b++) {
    let q = 0;
    f.fill(0);
    t.fill(0);
    for (let u = b * n; u < (b + 1) * n; u++) {
      const j = resamples[u]!;
      q += terms.square[j]!;
      for (let i = 0, at = j * k; i < k; i++, at++) {
        f[i]! += terms.first[at]!;
        t[i]! += terms.total[at]!;
      }
    }
    const v = q / (2 * n) - d;
    for (let i = 0; i < k; i++) {
      repF[i * B + b] = (f[i]! / n - cf[i]!) / v;
      repT[i * B + b] = (t[i]! / (2 * n) - ct[i]!) / v;
    }
  }
  for (let i = 0; i < k; i++) {
    const rf = repF.subarray(i * B, (i + 1) * B).sort();
    const rt = repT.subarray(i * B, (i + 1) * B).sort();
    out.firstLow[i] = quantileOfSorted(rf, alpha / 2);
    out.firstHigh[i] = quantileOfSorted(rf, 1 - alpha / 2);
    out.totalLow[i] = quantileOfSorted(rt, alpha / 2);
    out.totalHigh[i] = quantileOfSorted(rt, 1 - alpha / 2);
  }
  return out;
}

/** Type-7 quantile of sorted values, NaN (sorted last) left out. */
function quantileOfSorted(sorted: Float64Array, p: number): number {
  let n = sorted.length;
  while (n > 0 && sorted[n - 1] !== sorted[n - 1]) n--;
  return quantileSorted(sorted, n, p);
}
