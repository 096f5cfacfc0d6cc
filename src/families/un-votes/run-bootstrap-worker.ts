/**
 * Worker-thread entry of the UN bootstrap (see `run-bootstrap-threads.ts`): takes the next
 * year left from the shared queue until there is none, computes its pair-years' bounds into
 * the shared arrays, and says which year it finished after each.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { bootstrapYear, BootstrapScratch, type BootstrapOptions } from './bootstrap-intervals.js';
import { UN_MEASURES, type UnMeasureName } from './measures.js';

/** What the main thread gives each worker (typed arrays on shared memory). */
export interface BootstrapWorkerData {
  /** The plan's years: each one's year, states, roll calls and offset of its codes in `codes`. */
  readonly years: readonly { readonly year: number; readonly states: number; readonly calls: number; readonly offset: number }[];
  readonly codes: Uint8Array;
  readonly a: Uint16Array;
  readonly b: Uint16Array;
  /** The plan's pair-years grouped by year (see `bootstrapPlan`). */
  readonly order: Int32Array;
  readonly start: Int32Array;
  /** The order in which years are taken, and the index of the next one to take (atomic). */
  readonly queue: Int32Array;
  readonly next: Int32Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly measure: UnMeasureName;
  readonly options: BootstrapOptions;
  readonly seed: number;
}

if (parentPort) {
  const d = workerData as BootstrapWorkerData;
  const scratch = new BootstrapScratch(d.options.draws);
  const measure = UN_MEASURES[d.measure];
  for (let i = Atomics.add(d.next, 0, 1); i < d.queue.length; i = Atomics.add(d.next, 0, 1)) {
    const y = d.queue[i]!;
    const { year, states, calls, offset } = d.years[y]!;
    const m = { year, states, calls: new Int32Array(calls), codes: d.codes.subarray(offset, offset + states * calls) };
    bootstrapYear(m, d.order.subarray(d.start[y]!, d.start[y + 1]!), d.a, d.b, measure, d.options, d.seed, d.lo, d.hi, scratch);
    parentPort.postMessage(y);
  }
}
