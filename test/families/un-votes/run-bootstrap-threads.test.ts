import { describe, expect, it } from 'vitest';
import { bootstrapIntervalsThreaded, bootstrapThreads, BOOTSTRAP_THREADS_ENV } from '../../../src/families/un-votes/run-bootstrap-threads.js';
import { bootstrapIntervals } from '../../../src/families/un-votes/bootstrap-intervals.js';
import { computePairComponents } from '../../../src/families/un-votes/pair-components.js';
import { UN_MEASURES } from '../../../src/families/un-votes/measures.js';
import type { YearMatrix } from '../../../src/families/un-votes/vote-matrix.js';
import { createRandom } from '../../../src/core/random.js';
import { withBuiltThreads } from './built-bootstrap.js';

import { bytes } from './built-bootstrap.js';

describe('the UN bootstrap on worker threads', () => {
  it('takes the config, then the environment, then the cores (one thread for small panels)', () => {
    expect(bootstrapThreads(3, 10, { [BOOTSTRAP_THREADS_ENV]: '2' })).toBe(3);
    expect(bootstrapThreads(undefined, 10, { [BOOTSTRAP_THREADS_ENV]: '2' })).toBe(2);
    expect(bootstrapThreads(undefined, 10, {})).toBe(1);
    expect(bootstrapThreads(undefined, 10_000_000, {})).toBeGreaterThanOrEqual(1);
    expect(() => bootstrapThreads(undefined, 10, { [BOOTSTRAP_THREADS_ENV]: 'two' })).toThrow(/ENTENTE_BOOTSTRAP_THREADS=two: expected a whole number of threads from 1 to 64/);
    expect(() => bootstrapThreads(undefined, 10, { [BOOTSTRAP_THREADS_ENV]: '0' })).toThrow(RangeError);
  });

  it('gives byte-identical bounds with 1, 2 and 3 threads, and the same as bootstrapIntervals', async () => {
    const r = createRandom(17);
    const states = 9;
    const years: YearMatrix[] = Array.from({ length: 6 }, (_, y) => {
      const n = 15 + 11 * y;
      const codes = new Uint8Array(states * n);
      for (let i = 0; i < codes.length; i++) codes[i] = r() < 0.6 ? 1 : Math.floor(r() * 4);
      return { year: 1980 + y, calls: Int32Array.from({ length: n }, (_, i) => i), states, codes };
    });
    const pc = computePairComponents(years, null);
    const present = Uint8Array.from({ length: pc.size }, (_, p) => (p % 7 === 0 ? 0 : 1));
    const options = { draws: 101, level: 0.9 };
    const one = bootstrapIntervals(years, pc, present, UN_MEASURES.kappa, options, 5);
    const fromSources = await bootstrapIntervalsThreaded(years, pc, present, 'kappa', options, 5, 2); // not built: one thread
    expect(bytes(fromSources.lo)).toBe(bytes(one.lo));
    await withBuiltThreads(async (threaded) => {
      for (const threads of [1, 2, 3]) {
        const seen: number[] = [];
        const got = await threaded(years, pc, present, 'kappa', options, 5, threads, (done) => seen.push(done));
        expect(bytes(got.lo), `lo, ${threads} threads`).toBe(bytes(one.lo));
        expect(bytes(got.hi), `hi, ${threads} threads`).toBe(bytes(one.hi));
        expect(seen.at(-1)).toBe(present.reduce((s, x) => s + x, 0));
      }
    });
    expect(one.lo.some((x) => x === x)).toBe(true);
  });
});
