import { afterAll, describe, it } from 'vitest';
import { fuzzFamilyFile } from '../../fuzz/family-harness.js';
import { unVotesCases } from '../../fuzz/family-cases.js';
import { FUZZ_TEST_TIMEOUT_MS, removeTempFiles } from '../../fuzz/hostile.js';

afterAll(removeTempFiles);

const { UNVOTES, UNVOTES_ISSUES, VOETEN, UNVOTES_BY_DATE, BOTH } = unVotesCases;

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
