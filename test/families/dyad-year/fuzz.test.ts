import { afterAll, describe, it } from 'vitest';
import { dyadYearFamily } from '../../../src/families/dyad-year/family.js';
import { fuzzFamilyFile, type FamilyCase } from '../../fuzz/family-harness.js';
import { FUZZ_TEST_TIMEOUT_MS, removeTempFiles } from '../../fuzz/hostile.js';

afterAll(removeTempFiles);

/** A symmetric dyad-year file (the family's one format). */
const SYMMETRIC: FamilyCase = {
  family: dyadYearFamily,
  measure: 'value',
  files: { path: 'families/dyad-year/fixtures/dyad_year_small.csv' },
  sources: (p) => [{ format: 'dyad_year', path: p.path }],
};
/** The same read as directed rows with zero fill inside a declared coverage. */
const DIRECTED: FamilyCase = { ...SYMMETRIC, options: { direction: 'directed' }, sources: (p) => [{ format: 'dyad_year', path: p.path, coverage: { from: 2010, to: 2020 }, zero_fill: true }] };

describe('hostile input: dyad_year family (load → the dyad-year reader)', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('a hostile symmetric file', () => fuzzFamilyFile(SYMMETRIC, 'path'));
  it('a hostile directed file with zero fill', () => fuzzFamilyFile(DIRECTED, 'path'));
});
