import type { bootstrapIntervalsThreaded } from '../../../src/families/un-votes/run-bootstrap-threads.js';
import { floatBytes, withBundled } from '../../helpers/bundle-sources.js';

/** The bytes of a float array, for comparisons to the bit. */
export const bytes = floatBytes;

/** Bundles the threaded bootstrap and its worker from the sources into a private folder. */
export async function withBuiltThreads<T>(fn: (threaded: typeof bootstrapIntervalsThreaded) => Promise<T>): Promise<T> {
  return withBundled<{ bootstrapIntervalsThreaded: typeof bootstrapIntervalsThreaded }, T>(
    { 'run-bootstrap-threads': 'src/families/un-votes/run-bootstrap-threads.ts', 'run-bootstrap-worker': 'src/families/un-votes/run-bootstrap-worker.ts' },
    'run-bootstrap-threads',
    (m) => fn(m.bootstrapIntervalsThreaded),
  );
}
