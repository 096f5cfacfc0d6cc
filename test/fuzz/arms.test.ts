import { afterAll, describe, it } from 'vitest';
import { armsTransfersFamily } from '../../src/io/families/arms-transfers.js';
import { fuzzFamilyFile, type FamilyCase } from './family-harness.js';
import { FUZZ_TEST_TIMEOUT_MS, removeTempFiles } from './hostile.js';

afterAll(removeTempFiles);

/** SIPRI's raw register export: Latin-1, note lines above the header, records broken over two lines, CRLF/LF mixed. */
const RAW_REGISTER: FamilyCase = {
  family: armsTransfersFamily,
  measure: 'log_tiv',
  files: { register: 'arms/register_raw.csv' },
  sources: (p) => [{ format: 'sipri_register', path: p.register }],
};

/** A cleaned register (UTF-8, header first), declared UTF-8, with the stock measure over a flow window. */
const CLEAN_REGISTER: FamilyCase = {
  family: armsTransfersFamily,
  measure: 'stock',
  options: { allocation: 'even', flow_window: 3, exclude_uncertain: true },
  files: { register: 'arms/register_clean.csv' },
  sources: (p) => [{ format: 'sipri_register', path: p.register, encoding: 'utf8' }],
};

/** SIPRI TIV tables next to a valid register: pairs, importer and exporter totals (raw, with notes). */
const TIV: FamilyCase = {
  family: armsTransfersFamily,
  measure: 'import_share',
  files: { register: 'arms/register_clean.csv', pairs: 'arms/pairs_raw.csv', importers: 'arms/importers_raw.csv', exporters: 'arms/exporters_raw.csv' },
  sources: (p) => [
    { format: 'sipri_register', path: p.register },
    { format: 'sipri_tiv', path: p.pairs, table: 'pairs' },
    { format: 'sipri_tiv', path: p.importers, table: 'importers' },
    { format: 'sipri_tiv', path: p.exporters, table: 'exporters' },
  ],
};

/** A cleaned pair table alone (header first). */
const CLEAN_PAIRS: FamilyCase = {
  family: armsTransfersFamily,
  measure: 'tiv',
  files: { pairs: 'arms/pairs_clean.csv' },
  sources: (p) => [{ format: 'sipri_tiv', path: p.pairs, table: 'pairs' }],
};

/** Two registers of one indicator (repeated deals dropped). */
const TWO_REGISTERS: FamilyCase = {
  family: armsTransfersFamily,
  measure: 'export_share',
  options: { flow_window: 5, pair_precedence: 'supplier_year', allocation: 'even' },
  files: { raw: 'arms/register_raw.csv', clean: 'arms/register_clean.csv', pairs: 'arms/pairs_clean.csv' },
  sources: (p) => [
    { format: 'sipri_register', path: p.raw },
    { format: 'sipri_register', path: p.clean, coverage: { from: 1990, to: 2022 } },
    { format: 'sipri_tiv', path: p.pairs, table: 'pairs' },
  ],
};

describe('hostile input: arms_transfers family (load → SIPRI readers)', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('a hostile raw register (Latin-1, note lines kept for body mutations)', () => fuzzFamilyFile(RAW_REGISTER, 'register', { keep: 7 }));
  it('a hostile raw register, mutated anywhere', () => fuzzFamilyFile(RAW_REGISTER, 'register', { keep: 0 }));
  it('a hostile clean register declared UTF-8', () => fuzzFamilyFile(CLEAN_REGISTER, 'register'));
  it('a hostile raw TIV pair table next to a valid register', () => fuzzFamilyFile(TIV, 'pairs', { keep: 8 }));
  it('a hostile raw importer table next to a valid register', () => fuzzFamilyFile(TIV, 'importers', { keep: 8 }));
  it('a hostile raw exporter table next to a valid register', () => fuzzFamilyFile({ ...TIV, measure: 'export_share' }, 'exporters', { keep: 8 }));
  it('a hostile clean pair table alone', () => fuzzFamilyFile(CLEAN_PAIRS, 'pairs'));
  it('two registers and a pair table: a hostile second register', () => fuzzFamilyFile(TWO_REGISTERS, 'clean'));
  it('two registers and a pair table: a hostile pair table', () => fuzzFamilyFile(TWO_REGISTERS, 'pairs'));
});
