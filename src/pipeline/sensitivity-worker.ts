/**
 * Worker-thread entry of the sensitivity analysis: runs the draws of the years it is given
 * (see `sensitivity-threads.ts`), writes their rows into the shared output arrays, reports each
 * finished year with its pair-years, and returns the years' Sobol' sums.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { planSensitivity, runSensitivityYears, type SensitivityModel, type SensitivityRows, type SensitivitySpec, type SensitivityTable } from '../analysis/sensitivity.js';

/** What the main thread sends. */
export interface SensitivityWorkerData {
  readonly table: SensitivityTable;
  readonly model: SensitivityModel;
  readonly spec: SensitivitySpec;
  readonly years: readonly number[];
  readonly out: SensitivityRows;
}

if (parentPort) {
  const { table, model, spec, years, out } = workerData as SensitivityWorkerData;
  const port = parentPort;
  const plan = planSensitivity(table, model, spec);
  const sums = runSensitivityYears(plan, years, out, (_, rows) => port.postMessage({ type: 'year', rows }));
  port.postMessage({ type: 'done', sums });
}
