import { afterAll, describe, it } from 'vitest';
import { tradeFamily } from '../../src/io/families/trade.js';
import { fuzzFamilyFile, type FamilyCase } from './family-harness.js';
import { FUZZ_TEST_TIMEOUT_MS, removeTempFiles } from './hostile.js';

afterAll(removeTempFiles);

const COW_V4: FamilyCase = {
  family: tradeFamily,
  measure: 'salience',
  files: { path: 'trade/cow_v4_small.csv' },
  sources: (p) => [{ format: 'cow_trade', path: p.path, flows: 'smoothed' }],
};
const COW_V3: FamilyCase = {
  family: tradeFamily,
  measure: 'interdependence',
  files: { path: 'trade/cow_v3_quoted.csv' },
  sources: (p) => [{ format: 'cow_trade', path: p.path }],
};
/** IMF DOTS exports with the partners' totals (both fuzzed in turn). */
const DOTS: FamilyCase = {
  family: tradeFamily,
  measure: 'dependence',
  files: { path: 'trade/dots_exports_small.csv', totals: 'trade/totals.csv' },
  sources: (p) => [{ format: 'imf_dots', path: p.path, reporter: 'RUS', flow: 'exports', totals: p.totals }],
};
const DOTS_IMPORTS: FamilyCase = {
  family: tradeFamily,
  measure: 'share',
  files: { path: 'trade/dots_imports_small.csv' },
  sources: (p) => [{ format: 'imf_dots', path: p.path, reporter: 'Russia', flow: 'imports' }],
};
/** Generic directed flows with GDP (a GDP measure reads the `gdp:` file). */
const FLOWS: FamilyCase = {
  family: tradeFamily,
  measure: 'dependence_gdp',
  files: { path: 'trade/flows_small.csv', gdp: 'trade/gdp.csv' },
  options: (p) => ({ gdp: { path: p.gdp, codes: 'iso3' } }),
  sources: (p) => [{ format: 'trade_flows', path: p.path, reported_by: 'exporter' }],
};

/** COW and DOTS as two sources of one indicator (reports reconciled). */
const MERGED: FamilyCase = {
  family: tradeFamily,
  measure: 'symmetry',
  options: { mirror: 'mean' },
  files: { cow: 'trade/cow_v4_small.csv', dots: 'trade/dots_imports_small.csv' },
  sources: (p) => [
    { format: 'cow_trade', path: p.cow },
    { format: 'imf_dots', path: p.dots, reporter: 'IRN', flow: 'imports' },
  ],
};

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
