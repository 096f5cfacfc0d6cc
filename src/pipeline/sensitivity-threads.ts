import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  planSensitivity,
  runSensitivity,
  sensitivityResult,
  sensitivityRows,
  type SensitivityModel,
  type SensitivityProgress,
  type SensitivityResult,
  type SensitivitySpec,
  type SensitivityTable,
  type YearSobol,
} from '../analysis/sensitivity.js';
import type { SensitivityWorkerData } from './sensitivity-worker.js';
import { toShared } from '../core/score-table.js';

/**
 * The default number of threads: the machine's cores (`os.availableParallelism()`, at most
 * 8) when the work is large enough to pay for starting them (pair-years × draws ≥ 10^7),
 * else 1.
 * @example defaultThreads(898_494, 1000) // 2 on a 2-core machine
 */
export function defaultThreads(pairYears: number, draws: number): number {
  if (pairYears * draws < 1e7) return 1;
  return Math.max(1, Math.min(8, os.availableParallelism()));
}

/**
 * Runs the sensitivity analysis on `threads` worker threads: the years are independent, so
 * each thread takes a share of them (balanced by pair-years) and writes its rows into shared
 * output arrays; the Sobol' sums are pooled in year order afterwards. The result is
 * identical, to the bit, whatever the number of threads. Falls back to this thread for
 * `threads` ≤ 1 or when the worker script is not built (running from the TypeScript
 * sources, e.g. under the test runner).
 * @example const res = await runSensitivityThreaded(table, model, spec, 2);
 */
export async function runSensitivityThreaded(
  table: SensitivityTable,
  model: SensitivityModel,
  spec: SensitivitySpec,
  threads: number,
  progress?: SensitivityProgress,
): Promise<SensitivityResult> {
  const script = new URL('./sensitivity-worker.js', import.meta.url);
  const built = import.meta.url.endsWith('.js') && existsSync(fileURLToPath(script));
  const plan = planSensitivity(table, model, spec);
  const years = [...plan.byYear.keys()];
  const groups = splitYears(years.map((y) => [y, plan.byYear.get(y)!.length] as const), Math.min(threads, years.length));
  if (!built || groups.length <= 1) return runSensitivity(table, model, spec, progress);
  const out = sensitivityRows(table.keys.length, true);
  // the columns the workers read, once in shared memory instead of a copy per worker (the
  // table's own when it lives there: a scored table or one read from the score cache); the raw and imputed columns only when an alternative
  // normalisation or imputation is fitted on them
  const alternatives = spec.normalisers.length > 0 || model.imputations !== undefined;
  const shared: SensitivityTable = { keys: toShared(table.keys), raw: table.raw.map((c) => (alternatives ? toShared(c) : new Float64Array(0))), norm: table.norm.map(toShared), imputed: alternatives ? table.imputed?.map((c) => (c ? toShared(c) : null)) : undefined };
  let done = 0;
  const parts = await Promise.all(
    groups.map(
      (group) =>
        new Promise<YearSobol[]>((resolve, reject) => {
          const data: SensitivityWorkerData = { table: shared, model, spec, years: group, out };
          const w = new Worker(script, { workerData: data });
          w.on('message', (msg: { type: 'year'; rows: number } | { type: 'done'; sums: YearSobol[] }) => {
            if (msg.type === 'year') progress?.('sensitivity', (done += msg.rows), table.keys.length);
            else resolve(msg.sums);
          });
          w.on('error', reject);
          w.on('exit', (code) => {
            if (code !== 0) reject(new Error(`sensitivity worker stopped with exit code ${code}`));
          });
        }),
    ),
  );
  return sensitivityResult(plan, out, parts.flat());
}

/**
 * Splits years into at most `threads` groups of about equal pair-years (largest year first,
 * each to the lightest group); each group in year order.
 * @example splitYears([[2000, 10], [2001, 10], [2002, 5]], 2) // [[2000, 2002], [2001]]
 */
export function splitYears(sizes: readonly (readonly [number, number])[], threads: number): number[][] {
  const n = Math.max(1, threads);
  const groups = Array.from({ length: n }, () => ({ years: [] as number[], load: 0 }));
  const order = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [year, size] of order) {
    let best = groups[0]!;
    for (const g of groups) if (g.load < best.load) best = g;
    best.years.push(year);
    best.load += size;
  }
  return groups.filter((g) => g.years.length > 0).map((g) => g.years.sort((a, b) => a - b));
}
