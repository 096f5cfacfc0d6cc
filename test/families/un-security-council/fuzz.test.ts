import { afterAll, describe, it } from 'vitest';
import { unscFamily } from '../../../src/families/un-security-council/family.js';
import { fuzzFamilyFile, type FamilyCase } from '../../fuzz/family-harness.js';
import { FUZZ_TEST_TIMEOUT_MS, removeTempFiles } from '../../fuzz/hostile.js';

afterAll(removeTempFiles);

const FX = 'families/un-security-council/fixtures';

/** Every source of the family together (each file fuzzed while the others stay valid). */
const ALL: FamilyCase = {
  family: unscFamily,
  measure: 'shield',
  files: {
    votes: `${FX}/unsc_votes.csv`,
    corrections: `${FX}/unsc_corrections.csv`,
    vetoes: `${FX}/unsc_vetoes.csv`,
    sample: `${FX}/unsc_failed_drafts.csv`,
    meetings: `${FX}/unsc_meetings.csv`,
  },
  sources: (p) => [
    { format: 'unsc_votes', path: p.votes, corrections: p.corrections },
    { format: 'unsc_vetoes', path: p.vetoes },
    { format: 'unsc_failed_drafts', path: p.sample, role: 'votes' },
    { format: 'unsc_meetings', path: p.meetings },
  ],
};

/** Joint vetoes, which read the veto list for the years without votes. */
const CO_VETO: FamilyCase = { ...ALL, measure: 'co_veto' };

describe('hostile input: un_security_council family (load → readers, corrections, checks)', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('a hostile voting file (its corrections then match nothing: an error, never a no-op)', () => fuzzFamilyFile(ALL, 'votes'));
  it('a hostile corrections file', () => fuzzFamilyFile(ALL, 'corrections'));
  it('a hostile veto list', () => fuzzFamilyFile(CO_VETO, 'vetoes'));
  it('a hostile failed-drafts sample', () => fuzzFamilyFile(ALL, 'sample'));
  it('a hostile meeting table', () => fuzzFamilyFile(ALL, 'meetings'));
});
