import { afterAll, describe, it } from 'vitest';
import { fuzzFamilyFile } from '../../fuzz/family-harness.js';
import { drillsCases } from '../../fuzz/family-cases.js';
import { FUZZ_TEST_TIMEOUT_MS, removeTempFiles } from '../../fuzz/hostile.js';

afterAll(removeTempFiles);

const { MME, MME_LONG, JME, EVENTS, WIDE, MERGED } = drillsCases;

describe('hostile input: joint_drills family (load → exercise readers)', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('MME v7 (wide)', () => fuzzFamilyFile(MME, 'path'));
  it('MME long form (troopdata)', () => fuzzFamilyFile(MME_LONG, 'path'));
  it('JME v3 sheet', () => fuzzFamilyFile(JME, 'path'));
  it('event list', () => fuzzFamilyFile(EVENTS, 'path'));
  it('wide year-only list with an implicit participant', () => fuzzFamilyFile(WIDE, 'path'));
  it('MME and an event list merged: a hostile event list', () => fuzzFamilyFile(MERGED, 'events'));
});
