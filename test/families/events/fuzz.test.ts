import { afterAll, describe, it } from 'vitest';
import { eventsFamily } from '../../../src/families/events/family.js';
import { fuzzFamilyFile, type FamilyCase } from '../../fuzz/family-harness.js';
import { FUZZ_RUNS, FUZZ_TEST_TIMEOUT_MS, removeTempFiles } from '../../fuzz/hostile.js';

afterAll(removeTempFiles);

/** The events family's fixtures, relative to test/ (the harness's root). */
const F = 'families/events/fixtures/';
/** Each case opens a DuckDB database: a third of the other readers' cases keeps the suite's time. */
const runs = Math.max(10, Math.round(FUZZ_RUNS / 3));

const CASES: Record<string, FamilyCase> = {
  edges: { family: eventsFamily, measure: 'mean_daily', options: { min_observed: 0 }, files: { path: `${F}edges_small.csv` }, sources: (p) => [{ format: 'edges', path: p.path }] },
  'GDELT 2.0 export (actor codes)': {
    family: eventsFamily,
    measure: 'coop_share',
    options: { min_observed: 0 },
    files: { path: `${F}gdelt_v2_small.export.CSV` },
    sources: (p) => [{ format: 'gdelt_v2', path: p.path, actors: 'code', select: { quad_class: [1, 2, 3] } }],
  },
  ICEWS: { family: eventsFamily, measure: 'share', options: { min_observed: 0 }, files: { path: `${F}icews_small.tab` }, sources: (p) => [{ format: 'icews', path: p.path }] },
  POLECAT: { family: eventsFamily, measure: 'mean_event', options: { min_observed: 0, min_events: 1 }, files: { path: `${F}polecat_small.txt` }, sources: (p) => [{ format: 'polecat', path: p.path }] },
};

describe('hostile input: events family (DuckDB scan → checks → codes → measure)', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  for (const [name, c] of Object.entries(CASES)) it(name, () => fuzzFamilyFile(c, 'path', { runs }));
});
