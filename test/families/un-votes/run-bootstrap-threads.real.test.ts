import path from 'node:path';
import { expect, it } from 'vitest';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { readUnvotes } from '../../../src/families/un-votes/read-unvotes.js';
import { computeUnVotes, presentMask } from '../../../src/families/un-votes/score-un-votes.js';
import { bootstrapIntervals } from '../../../src/families/un-votes/bootstrap-intervals.js';
import { UN_MEASURES } from '../../../src/families/un-votes/measures.js';
import { describeShared } from '../../helpers/shared-data.js';
import { bytes, withBuiltThreads } from './built-bootstrap.js';

describeShared('the UN bootstrap on worker threads, real unvotes release', (dir) => {
  it('gives byte-identical bounds on 1 and 2 threads for every pair-year of every session', async () => {
    const unga = (f: string) => path.join(dir, 'unga', f);
    const data = await readUnvotes({ votes: unga('unvotes_un_votes.csv.gz'), rollcalls: unga('unvotes_un_roll_calls.csv.gz') }, createCrosswalk());
    const comp = computeUnVotes(data, { year_by: 'session', keep_unanimous: false, absent: 'drop' });
    const present = presentMask(comp, 'agree', 10);
    const options = { draws: 20, level: 0.9 };
    const one = bootstrapIntervals(comp.matrices.years, comp.pairs, present, UN_MEASURES.agree, options, 20240601);
    await withBuiltThreads(async (threaded) => {
      const two = await threaded(comp.matrices.years, comp.pairs, present, 'agree', options, 20240601, 2);
      expect(bytes(two.lo)).toBe(bytes(one.lo));
      expect(bytes(two.hi)).toBe(bytes(one.hi));
    });
    let defined = 0;
    for (let p = 0; p < comp.pairs.size; p++) if (one.lo[p] === one.lo[p]) defined++;
    expect(defined).toBeGreaterThan(800_000);
  }, 120_000);
});
