import { afterAll, describe, it } from 'vitest';
import { unVotesFamily } from '../../src/io/families/un-votes.js';
import { fuzzFamilyFile, type FamilyCase } from './family-harness.js';
import { FUZZ_TEST_TIMEOUT_MS, removeTempFiles } from './hostile.js';

afterAll(removeTempFiles);

/** The `unvotes` release: votes, roll calls and issues (each fuzzed while the others stay valid). */
const UNVOTES: FamilyCase = {
  family: unVotesFamily,
  measure: 'agree',
  files: { votes: 'un/un_votes.csv', rollcalls: 'un/un_roll_calls.csv', issues: 'un/un_roll_call_issues.csv' },
  sources: (p) => [{ format: 'unvotes', votes: p.votes, rollcalls: p.rollcalls, issues: p.issues }],
};

/** The same, selecting roll calls by issue (so the issues file is used, not only read). */
const UNVOTES_ISSUES: FamilyCase = { ...UNVOTES, measure: 'kappa', options: { issues: ['hr', 'co'], keep_unanimous: true, absent: 'no' } };

/** Voeten's COW-coded release: votes and roll calls. */
const VOETEN: FamilyCase = {
  family: unVotesFamily,
  measure: 's_sq',
  files: { votes: 'un/votes_voeten.csv', rollcalls: 'un/rollcalls_voeten.csv' },
  sources: (p) => [{ format: 'voeten', votes: p.votes, rollcalls: p.rollcalls }],
};

/** By calendar year of the vote, with bootstrap bounds. */
const UNVOTES_BY_DATE: FamilyCase = {
  ...UNVOTES,
  measure: 'pi',
  options: { year_by: 'date', bootstrap: { draws: 20, level: 0.8 }, min_joint_votes: 2 },
};

/** Both releases as two sources of one indicator (merged). */
const BOTH: FamilyCase = {
  family: unVotesFamily,
  measure: 'agree',
  files: { ...UNVOTES.files, vvotes: 'un/votes_voeten.csv', vrollcalls: 'un/rollcalls_voeten.csv' },
  sources: (p) => [...UNVOTES.sources(p), { format: 'voeten', votes: p.vvotes, rollcalls: p.vrollcalls }],
};

describe('hostile input: un_votes family (load → readers)', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('unvotes: a hostile un_votes.csv', () => fuzzFamilyFile(UNVOTES, 'votes'));
  it('unvotes: a hostile un_roll_calls.csv', () => fuzzFamilyFile(UNVOTES, 'rollcalls'));
  it('unvotes: a hostile un_roll_call_issues.csv, selecting by issue', () => fuzzFamilyFile(UNVOTES_ISSUES, 'issues'));
  it('voeten: a hostile votes file', () => fuzzFamilyFile(VOETEN, 'votes'));
  it('voeten: a hostile roll-call file', () => fuzzFamilyFile(VOETEN, 'rollcalls'));
  it('unvotes by date with bootstrap bounds and filters: a hostile roll-call file', () => fuzzFamilyFile(UNVOTES_BY_DATE, 'rollcalls'));
  it('unvotes by date with bootstrap bounds and filters: a hostile votes file', () => fuzzFamilyFile(UNVOTES_BY_DATE, 'votes'));
  it('both releases merged: a hostile voeten votes file', () => fuzzFamilyFile(BOTH, 'vvotes'));
});
