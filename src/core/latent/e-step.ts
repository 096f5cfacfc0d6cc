/**
 * The E-step of the latent model's EM: for every pair, the Kalman filter and RTS smoother
 * (`kalman.ts`) over its fitted rows, then the sufficient statistics the M-step needs, summed
 * per chunk of {@link PAIRS_PER_CHUNK} pairs in pair and row order. Chunks are independent,
 * so any split of them among threads gives the same per-chunk sums, and adding the chunks in
 * chunk order ({@link reduceChunkStats}) gives the same totals to the bit.
 *
 * Statistics of one chunk (a Float64Array of {@link statsSize}(K) numbers), with m̂, P̂ the
 * smoothed mean and variance and E[z²] = m̂² + P̂:
 * - per column k, at offset 6k, over the rows where k is observed:
 *   n_k, Σy, Σy², Σm̂, ΣE[z²], Σy·m̂;
 * - then: the number of transitions T (consecutive fitted rows of a pair) and
 *   Σ E[(z_r − z_{r'})²] / (t_r − t_{r'}) with E[(z_r − z_{r'})²] = (m̂_r − m̂_{r'})² + P̂_r + P̂_{r'} − 2·Cov(z_r, z_{r'});
 * - the number of fitted pairs, Σm̂ and ΣE[z²] at their first fitted row;
 * - over the rows with at least one observation (the pool that fixes the scale): their
 *   number N, Σm̂, ΣE[z²];
 * - the log-likelihood.
 *
 * Rows before a pair's first observation get NaN; rows after its last are forecast from it
 * (m̂ kept, P̂ growing by τ² a year) and enter no statistic.
 */
import { smoothRun, type KalmanModel, type KalmanWork, type Posterior } from './kalman.js';
import { PAIRS_PER_CHUNK, type LatentPanel } from './panel.js';

/** Numbers per column in the statistics. */
export const PER_COLUMN = 6;

/** Offsets of the statistics after the per-column block (add 6K). */
export const STAT = { transitions: 0, stepSquares: 1, firstCount: 2, firstSum: 3, firstSquares: 4, poolCount: 5, poolSum: 6, poolSquares: 7, logLikelihood: 8 } as const;

/**
 * Length of one chunk's statistics for K columns: 6K + 9.
 * @example statsSize(4) // 33
 */
export function statsSize(K: number): number {
  return PER_COLUMN * K + 9;
}

/**
 * Runs the E-step on chunks `c0 … c1 − 1`: writes the posterior of their rows into `out` and
 * each chunk's statistics into `chunkStats` at offset c·statsSize(K). No allocation.
 * @example eStepChunks(panel, kalmanModel(params), 0, chunkCount(panel), kalmanWork(panel.maxRun), out, stats);
 */
export function eStepChunks(panel: LatentPanel, model: KalmanModel, c0: number, c1: number, work: KalmanWork, out: Posterior, chunkStats: Float64Array): void {
  const K = panel.columns;
  const size = statsSize(K);
  const { y, gap, observed, runStart, fitStart, fitEnd } = panel;
  const { mean, variance, lagCov } = out;
  const tail = PER_COLUMN * K;
  for (let c = c0; c < c1; c++) {
    const s = c * size;
    chunkStats.fill(0, s, s + size);
    const p1 = Math.min(panel.pairs, (c + 1) * PAIRS_PER_CHUNK);
    for (let p = c * PAIRS_PER_CHUNK; p < p1; p++) {
      const rs = runStart[p]!;
      const fs = fitStart[p]!;
      const fe = fitEnd[p]!;
      const re = runStart[p + 1]!;
      for (let r = rs; r < fs; r++) {
        mean[r] = NaN;
        variance[r] = NaN;
        lagCov[r] = NaN;
      }
      if (fe === fs) continue;
      chunkStats[s + tail + STAT.logLikelihood]! += smoothRun(y, gap, fs, fe, model, work, out);
      let transitions = 0;
      let steps = 0;
      let poolCount = 0;
      let poolSum = 0;
      let poolSquares = 0;
      for (let r = fs; r < fe; r++) {
        const m = mean[r]!;
        const ez2 = m * m + variance[r]!;
        if (observed[r]! > 0) {
          poolCount++;
          poolSum += m;
          poolSquares += ez2;
          const base = r * K;
          for (let k = 0; k < K; k++) {
            const v = y[base + k]!;
            if (v !== v) continue;
            const o = s + PER_COLUMN * k;
            chunkStats[o]!++;
            chunkStats[o + 1]! += v;
            chunkStats[o + 2]! += v * v;
            chunkStats[o + 3]! += m;
            chunkStats[o + 4]! += ez2;
            chunkStats[o + 5]! += v * m;
          }
        }
        if (r > fs) {
          const d = m - mean[r - 1]!;
          transitions++;
          steps += (d * d + variance[r]! + variance[r - 1]! - 2 * lagCov[r]!) / gap[r]!;
        }
      }
      const t = s + tail;
      chunkStats[t + STAT.transitions]! += transitions;
      chunkStats[t + STAT.stepSquares]! += steps;
      chunkStats[t + STAT.firstCount]!++;
      chunkStats[t + STAT.firstSum]! += mean[fs]!;
      chunkStats[t + STAT.firstSquares]! += mean[fs]! * mean[fs]! + variance[fs]!;
      chunkStats[t + STAT.poolCount]! += poolCount;
      chunkStats[t + STAT.poolSum]! += poolSum;
      chunkStats[t + STAT.poolSquares]! += poolSquares;
      // forecast after the last observation
      let v = variance[fe - 1]!;
      for (let r = fe; r < re; r++) {
        v += model.tau2 * gap[r]!;
        lagCov[r] = variance[r - 1]!;
        mean[r] = mean[fe - 1]!;
        variance[r] = v;
      }
    }
  }
}

/**
 * Adds the statistics of chunks `0 … chunks − 1` in chunk order into `total` (overwritten).
 * @example reduceChunkStats(Float64Array.of(1, 2, 3, 4), 2, 2, new Float64Array(2)) // [4, 6]
 */
export function reduceChunkStats(chunkStats: Float64Array, chunks: number, size: number, total: Float64Array): Float64Array {
  total.fill(0, 0, size);
  for (let c = 0; c < chunks; c++) {
    const s = c * size;
    for (let i = 0; i < size; i++) total[i]! += chunkStats[s + i]!;
  }
  return total;
}
