import { afterAll, describe, it } from 'vitest';
import { fuzzFamilyFile } from '../../fuzz/family-harness.js';
import { armsCases } from '../../fuzz/family-cases.js';
import { FUZZ_TEST_TIMEOUT_MS, removeTempFiles } from '../../fuzz/hostile.js';

afterAll(removeTempFiles);

const { RAW_REGISTER, CLEAN_REGISTER, TIV, CLEAN_PAIRS, TWO_REGISTERS } = armsCases;

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
