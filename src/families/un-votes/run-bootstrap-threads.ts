/**
 * The UN bootstrap on worker threads: the years are shared out among the threads (each
 * takes the next year left, the costliest first); the vote matrices, the pairs and the
 * bounds live in shared memory. A year's bounds are computed the same way whatever thread
 * computes it, from a generator seeded with the year, and written to the year's own
 * pair-years — so the result is identical, to the bit, to `bootstrapIntervals` on one
 * thread, for any number of threads.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bootstrapIntervals, bootstrapPlan, type BootstrapBounds, type BootstrapOptions } from './bootstrap-intervals.js';
import { UN_MEASURES, type UnMeasureName } from './measures.js';
import type { PairYearComponents } from './pair-components.js';
import type { YearMatrix } from './vote-matrix.js';
import type { BootstrapWorkerData } from './run-bootstrap-worker.js';

/** Environment variable that sets the number of bootstrap threads when the config does not. */
export const BOOTSTRAP_THREADS_ENV = 'ENTENTE_BOOTSTRAP_THREADS';

/** Below this many pair-years one thread is the default (starting workers costs more than it saves). */
const MIN_PAIR_YEARS_PER_THREAD = 20_000;

/**
 * The number of bootstrap threads: the config's `threads`, else `ENTENTE_BOOTSTRAP_THREADS`,
 * else the machine's cores (`os.availableParallelism()`, at most 8) — but never more than one
 * per 20,000 pair-years, nor fewer than 1.
 * @throws {RangeError} for a malformed environment value.
 * @example bootstrapThreads(undefined, 800_000, {}) // 2 on a 2-core machine
 */
export function bootstrapThreads(configured: number | undefined, pairYears: number, env: NodeJS.ProcessEnv = process.env): number {
  if (configured !== undefined) return configured;
  const raw = env[BOOTSTRAP_THREADS_ENV];
  if (raw !== undefined && raw !== '') {
    const threads = Number(raw);
    if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new RangeError(`${BOOTSTRAP_THREADS_ENV}=${raw}: expected a whole number of threads from 1 to 64`);
    return threads;
  }
  return Math.max(1, Math.min(8, os.availableParallelism(), Math.floor(pairYears / MIN_PAIR_YEARS_PER_THREAD)));
}

/**
 * {@link bootstrapIntervals} on `threads` worker threads (see the module comment); the same
 * bounds. Runs on this thread when `threads` ≤ 1, there is a single year, or the worker
 * script is not built (running from the TypeScript sources).
 * @example const { lo, hi } = await bootstrapIntervalsThreaded(matrices, pc, present, 'agree', { draws: 200, level: 0.9 }, 42, 2);
 */
export async function bootstrapIntervalsThreaded(
  years: readonly YearMatrix[],
  pc: PairYearComponents,
  present: Uint8Array,
  measure: UnMeasureName,
  options: BootstrapOptions,
  seed: number,
  threads: number,
  onProgress?: (done: number, total: number) => void,
): Promise<BootstrapBounds> {
  const script = new URL('./run-bootstrap-worker.js', import.meta.url);
  const built = import.meta.url.endsWith('.js') && existsSync(fileURLToPath(script));
  const plan = bootstrapPlan(years, pc, present);
  if (!built || threads <= 1 || plan.years.length <= 1) return bootstrapIntervals(years, pc, present, UN_MEASURES[measure], options, seed, onProgress);

  // the plan's vote matrices in one shared block
  const offsets = new Float64Array(plan.years.length + 1);
  plan.years.forEach((m, y) => (offsets[y + 1] = offsets[y]! + m.codes.length));
  const codes = new Uint8Array(new SharedArrayBuffer(Math.max(8, offsets[plan.years.length]!)), 0, offsets[plan.years.length]!);
  plan.years.forEach((m, y) => codes.set(m.codes, offsets[y]!));
  const lo = shared(Float64Array, pc.size, 8).fill(NaN);
  const hi = shared(Float64Array, pc.size, 8).fill(NaN);
  // the costliest years first (pairs × calls), so the threads finish together
  const cost = (y: number) => (plan.start[y + 1]! - plan.start[y]!) * plan.years[y]!.calls.length;
  const queue = Int32Array.from(plan.years.keys()).sort((x, y) => cost(y) - cost(x) || x - y);
  const data: BootstrapWorkerData = {
    years: plan.years.map((m, y) => ({ year: m.year, states: m.states, calls: m.calls.length, offset: offsets[y]! })),
    codes,
    a: copyShared(pc.a),
    b: copyShared(pc.b),
    order: copyShared(plan.order),
    start: copyShared(plan.start),
    queue: copyShared(queue),
    next: shared(Int32Array, 1, 4),
    lo,
    hi,
    measure,
    options: { draws: options.draws, level: options.level },
    seed,
  };
  const total = plan.start[plan.years.length]!;
  let done = 0;
  const count = Math.min(threads, plan.years.length);
  const workers = Array.from({ length: count }, () => new Worker(script, { workerData: data }));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            w.on('message', (y: number) => {
              done += plan.start[y + 1]! - plan.start[y]!;
              onProgress?.(done, total);
            });
            w.on('error', reject);
            w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bootstrap worker stopped with exit code ${code}`))));
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { lo: Float64Array.from(lo), hi: Float64Array.from(hi) };
}

type TypedArrayOf<T> = { new (buffer: ArrayBufferLike, offset: number, length: number): T };

function shared<T>(Type: TypedArrayOf<T>, n: number, bytes: number): T {
  return new Type(new SharedArrayBuffer(Math.max(8, n * bytes)), 0, n);
}

function copyShared<T extends Uint16Array | Int32Array>(a: T): T {
  const out = new (a.constructor as TypedArrayOf<T>)(new SharedArrayBuffer(Math.max(8, a.byteLength)), 0, a.length);
  (out as Uint16Array).set(a as Uint16Array);
  return out;
}
