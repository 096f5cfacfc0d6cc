/**
 * The latent model on worker threads: the E-step's chunks of pairs are shared out among the
 * threads in contiguous ranges of about equal rows; the panel, the posterior and the
 * per-chunk statistics live in shared memory; the EM loop (`core/latent/em.ts`) runs on this
 * thread and adds the chunks' statistics in chunk order. Each chunk's sums are formed in the
 * same order whatever thread computes them, so the result is identical, to the bit, to
 * `fitLatentModel` on one thread, for any number of threads.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { reduceChunkStats, statsSize } from '../core/latent/e-step.js';
import { posteriorArrays, runEm, searchEm } from '../core/latent/em.js';
import type { Posterior } from '../core/latent/kalman.js';
import { latentFit, latentProblem, type LatentFit, type LatentOptions } from '../core/latent/latent-model.js';
import { chunkCount, PAIRS_PER_CHUNK, type LatentPanel } from '../core/latent/panel.js';
import type { LatentIndicator } from '../core/latent/transform.js';
import type { LatentWorkerData } from './latent-worker.js';

/**
 * The default number of threads for a panel of `rows` rows: the machine's cores
 * (`os.availableParallelism()`, at most 8) from 50,000 rows on, else 1.
 * @example latentThreads(900_000) // 2 on a 2-core machine
 */
export function latentThreads(rows: number): number {
  return rows < 50_000 ? 1 : Math.max(1, Math.min(8, os.availableParallelism()));
}

/**
 * Splits chunks `0 … chunks − 1` into at most `threads` contiguous ranges of about equal rows
 * (`rowsBefore(c)` = the rows of the chunks before chunk c).
 * @example splitChunks(4, (c) => [0, 10, 20, 25, 30][c]!, 2) // [[0, 2], [2, 4]]
 */
export function splitChunks(chunks: number, rowsBefore: (c: number) => number, threads: number): [number, number][] {
  const total = rowsBefore(chunks);
  const out: [number, number][] = [];
  let c0 = 0;
  for (let t = 1; t <= threads && c0 < chunks; t++) {
    let c1 = c0 + 1;
    if (t === threads) c1 = chunks;
    else while (c1 < chunks && rowsBefore(c1) < (total * t) / threads) c1++;
    out.push([c0, c1]);
    c0 = c1;
  }
  return out;
}

/**
 * Fits the latent model with the E-step on `threads` worker threads (see the module comment);
 * the same result as `fitLatentModel`. Runs on this thread when `threads` ≤ 1, the panel has
 * a single chunk, or the worker script is not built (running from the TypeScript sources).
 * @example const fit = await fitLatentModelThreaded(table.keys, indicators, { scale: [0, 100] }, 2);
 */
export async function fitLatentModelThreaded(keys: Float64Array, indicators: readonly LatentIndicator[], options: LatentOptions, threads: number): Promise<LatentFit> {
  const script = new URL('./latent-worker.js', import.meta.url);
  const built = import.meta.url.endsWith('.js') && existsSync(fileURLToPath(script));
  const problem = latentProblem(keys, indicators, options);
  const chunks = chunkCount(problem.panel);
  if (!built || threads <= 1 || chunks <= 1) {
    const posterior = posteriorArrays(problem.panel.rows);
    return latentFit(problem, runEm(problem.panel, problem.em, posterior), posterior);
  }
  const panel = sharedPanel(problem.panel);
  const size = statsSize(panel.columns);
  const chunkStats = sharedFloat64(chunks * size);
  const out: Posterior = { mean: sharedFloat64(panel.rows), variance: sharedFloat64(panel.rows), lagCov: sharedFloat64(panel.rows) };
  const ranges = splitChunks(chunks, (c) => panel.runStart[Math.min(panel.pairs, c * PAIRS_PER_CHUNK)]!, threads);
  const workers = ranges.map(([c0, c1]) => new Worker(script, { workerData: { panel, out, chunkStats, c0, c1 } satisfies LatentWorkerData }));
  let failure: ((e: Error) => void) | null = null;
  const failed = new Promise<never>((_, reject) => {
    failure = reject;
  });
  for (const w of workers) {
    w.on('error', (e) => failure?.(e));
    w.on('exit', (code) => {
      if (code !== 0) failure?.(new Error(`latent-model worker stopped with exit code ${code}`));
    });
  }
  try {
    const total = new Float64Array(size);
    const loop = searchEm(panel, problem.em);
    let step = loop.next();
    while (!step.done) {
      const params = step.value;
      await Promise.race([failed, Promise.all(workers.map((w) => postAndWait(w, params)))]);
      step = loop.next(reduceChunkStats(chunkStats, chunks, size, total));
    }
    const posterior = posteriorArrays(panel.rows);
    posterior.mean.set(out.mean);
    posterior.variance.set(out.variance);
    return latentFit(problem, step.value, posterior);
  } finally {
    failure = null;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function postAndWait(w: Worker, params: unknown): Promise<void> {
  return new Promise<void>((resolve) => {
    w.once('message', () => resolve());
    w.postMessage(params);
  });
}

function sharedFloat64(n: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(Math.max(8, n * 8)), 0, n);
}

/** The panel with every array copied into shared memory (so workers see it without a copy). */
function sharedPanel(p: LatentPanel): LatentPanel {
  const share = <T extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(a: T, make: (b: SharedArrayBuffer, n: number) => T): T => {
    const s = make(new SharedArrayBuffer(Math.max(8, a.byteLength)), a.length);
    s.set(a as never);
    return s;
  };
  return {
    ...p,
    y: share(p.y, (b, n) => new Float64Array(b, 0, n)),
    gap: share(p.gap, (b, n) => new Uint16Array(b, 0, n)),
    observed: share(p.observed, (b, n) => new Uint8Array(b, 0, n)),
    runStart: share(p.runStart, (b, n) => new Uint32Array(b, 0, n)),
    fitStart: share(p.fitStart, (b, n) => new Uint32Array(b, 0, n)),
    fitEnd: share(p.fitEnd, (b, n) => new Uint32Array(b, 0, n)),
  };
}
