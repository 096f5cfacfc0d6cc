import { afterAll, describe, it } from 'vitest';
import { jointDrillsFamily } from '../../src/io/families/joint-drills.js';
import { fuzzFamilyFile, type FamilyCase } from './family-harness.js';
import { FUZZ_TEST_TIMEOUT_MS, removeTempFiles } from './hostile.js';

afterAll(removeTempFiles);

const one = (format: string, file: string, measure: string, extra: Record<string, unknown> = {}, options: Record<string, unknown> = {}): FamilyCase => ({
  family: jointDrillsFamily,
  measure,
  options,
  files: { path: file },
  sources: (p) => [{ format, path: p.path, ...extra }],
});

/** Every drills reader, each through the family's load() with options that reach the date and duration logic. */
const MME = one('mme', 'drills/mme_small.csv', 'weighted', {}, { split_years: true, duration_weighting: 'log_days', domain_weights: { CPX: 0.5 } });
const MME_LONG = one('mme_long', 'drills/mme_long_small.csv', 'stock', {}, { duration_weighting: 'days' });
const JME = one('jme', 'drills/jme_small.csv', 'window', {}, { split_years: true });
const EVENTS = one('events', 'drills/events_small.csv', 'count', { codes: 'iso3' }, { duration_weighting: 'days', focus_weights: { Humanitarian: 0.5 } });
const WIDE = one('wide_list', 'drills/wide_list_small.csv', 'weighted', { implicit_participant: 'RUS' });

/** MME and an event list as two sources (duplicates merged across them). */
const MERGED: FamilyCase = {
  family: jointDrillsFamily,
  measure: 'stock',
  options: { duplicate_days: 30 },
  files: { mme: 'drills/mme_small.csv', events: 'drills/events_small.csv' },
  sources: (p) => [
    { format: 'mme', path: p.mme },
    { format: 'events', path: p.events, codes: 'iso3', coverage: { from: 2000, to: 2022 } },
  ],
};

describe('hostile input: joint_drills family (load → exercise readers)', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('MME v7 (wide)', () => fuzzFamilyFile(MME, 'path'));
  it('MME long form (troopdata)', () => fuzzFamilyFile(MME_LONG, 'path'));
  it('JME v3 sheet', () => fuzzFamilyFile(JME, 'path'));
  it('event list', () => fuzzFamilyFile(EVENTS, 'path'));
  it('wide year-only list with an implicit participant', () => fuzzFamilyFile(WIDE, 'path'));
  it('MME and an event list merged: a hostile event list', () => fuzzFamilyFile(MERGED, 'events'));
});
