import { afterAll, describe, it } from 'vitest';
import { alliancesFamily } from '../../../src/families/alliances/family.js';
import { fuzzFamilyFile, type FamilyCase } from '../../fuzz/family-harness.js';
import { FUZZ_TEST_TIMEOUT_MS, removeTempFiles } from '../../fuzz/hostile.js';

afterAll(removeTempFiles);

const fixtures = 'families/alliances/fixtures';

/** ATOP, the peacesciencer copy, strongest obligation. */
const ATOP: FamilyCase = {
  family: alliancesFamily,
  measure: 'obligation',
  files: { path: `${fixtures}/atop_small.csv` },
  sources: (p) => [{ format: 'atop', path: p.path }],
};
/** ATOP's own column names, portfolio similarity over the state system. */
const ATOP_PORTFOLIO: FamilyCase = {
  family: alliancesFamily,
  measure: 'portfolio_taub',
  options: { ties: 'binary' },
  files: { path: `${fixtures}/atop_original.csv` },
  sources: (p) => [{ format: 'atop', path: p.path }],
};
/** COW Formal Alliances, defence, with a configured coverage. */
const COW: FamilyCase = {
  family: alliancesFamily,
  measure: 'defence',
  files: { path: `${fixtures}/cow_small.csv` },
  sources: (p) => [{ format: 'cow_alliance', path: p.path, coverage: { from: 1985, to: 1995 } }],
};
/** COW's original yearly file (one row per alliance), kappa. */
const COW_ORIGINAL: FamilyCase = {
  family: alliancesFamily,
  measure: 'portfolio_kappa',
  options: { distance: 'absolute' },
  files: { path: `${fixtures}/cow_original.csv` },
  sources: (p) => [{ format: 'cow_alliance', path: p.path }],
};

describe('hostile input: alliances family (load → alliance dyad reader)', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('ATOP (peacesciencer copy)', () => fuzzFamilyFile(ATOP, 'path'));
  it("ATOP's own columns, a portfolio measure", () => fuzzFamilyFile(ATOP_PORTFOLIO, 'path'));
  it('COW (peacesciencer copy)', () => fuzzFamilyFile(COW, 'path'));
  it("COW's original yearly file, a portfolio measure", () => fuzzFamilyFile(COW_ORIGINAL, 'path'));
});
