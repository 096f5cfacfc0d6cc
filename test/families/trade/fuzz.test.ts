import { afterAll, describe, it } from 'vitest';
import { fuzzFamilyFile } from '../../fuzz/family-harness.js';
import { tradeCases } from '../../fuzz/family-cases.js';
import { FUZZ_TEST_TIMEOUT_MS, removeTempFiles } from '../../fuzz/hostile.js';

afterAll(removeTempFiles);

const { COW_V4, COW_V3, DOTS, DOTS_IMPORTS, FLOWS, MERGED } = tradeCases;

describe('hostile input: trade family (load → trade readers)', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('COW v4 (smoothed flows)', () => fuzzFamilyFile(COW_V4, 'path'));
  it('COW v3 with quoted names', () => fuzzFamilyFile(COW_V3, 'path'));
  it('IMF DOTS exports', () => fuzzFamilyFile(DOTS, 'path'));
  it('IMF DOTS: the totals file', () => fuzzFamilyFile(DOTS, 'totals'));
  it('IMF DOTS imports (blank first header cell)', () => fuzzFamilyFile(DOTS_IMPORTS, 'path'));
  it('trade flows', () => fuzzFamilyFile(FLOWS, 'path'));
  it('trade flows: the GDP file', () => fuzzFamilyFile(FLOWS, 'gdp'));
  it('COW and DOTS merged: a hostile COW file', () => fuzzFamilyFile(MERGED, 'cow'));
});
