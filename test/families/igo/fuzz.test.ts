import { afterAll, describe, it } from 'vitest';
import { igoFamily } from '../../../src/families/igo/family.js';
import { fuzzFamilyFile, type FamilyCase } from '../../fuzz/family-harness.js';
import { FUZZ_TEST_TIMEOUT_MS, removeTempFiles } from '../../fuzz/hostile.js';

afterAll(removeTempFiles);

const fixtures = 'families/igo/fixtures';

/** The dyad-year counts (quoted header, the byte scanner's header path). */
const COUNT: FamilyCase = {
  family: igoFamily,
  measure: 'count',
  files: { path: `${fixtures}/igo_small.csv` },
  sources: (p) => [{ format: 'cow_igo', path: p.path }],
};
/** share: the counts with COW's state-year file (both fuzzed in turn). */
const SHARE: FamilyCase = {
  family: igoFamily,
  measure: 'share',
  files: { path: `${fixtures}/igo_small.csv`, totals: `${fixtures}/igo_state_year_small.csv` },
  sources: (p) => [{ format: 'cow_igo', path: p.path, totals: p.totals }],
};

describe('hostile input: igo family (load → COW IGO readers)', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('dyad-year counts', () => fuzzFamilyFile(COUNT, 'path'));
  it('share: a hostile counts file', () => fuzzFamilyFile(SHARE, 'path'));
  it('share: a hostile state-year file', () => fuzzFamilyFile(SHARE, 'totals'));
});
