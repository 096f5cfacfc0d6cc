/**
 * The family cases the hostile-input fuzzers load: one indicator of a family over fixture files
 * (each file fuzzed in turn while the others stay valid). Shared by the per-family fuzzers and
 * the big-input fuzzer (`big-inputs.test.ts`).
 */
import { unVotesFamily } from '../../src/families/un-votes/family.js';
import { armsTransfersFamily } from '../../src/families/arms-transfers/family.js';
import { jointDrillsFamily } from '../../src/families/joint-drills/family.js';
import { tradeFamily } from '../../src/families/trade/family.js';
import type { FamilyCase } from './family-harness.js';

/** The `unvotes` release: votes, roll calls and issues (each fuzzed while the others stay valid). */
const UN_UNVOTES: FamilyCase = {
  family: unVotesFamily,
  measure: 'agree',
  files: { votes: 'families/un-votes/fixtures/un_votes.csv', rollcalls: 'families/un-votes/fixtures/un_roll_calls.csv', issues: 'families/un-votes/fixtures/un_roll_call_issues.csv' },
  sources: (p) => [{ format: 'unvotes', votes: p.votes, rollcalls: p.rollcalls, issues: p.issues }],
};

/** The same, selecting roll calls by issue (so the issues file is used, not only read). */
const UN_UNVOTES_ISSUES: FamilyCase = { ...UN_UNVOTES, measure: 'kappa', options: { issues: ['hr', 'co'], keep_unanimous: true, absent: 'no' } };

/** Voeten's COW-coded release: votes and roll calls. */
const UN_VOETEN: FamilyCase = {
  family: unVotesFamily,
  measure: 's_sq',
  files: { votes: 'families/un-votes/fixtures/votes_voeten.csv', rollcalls: 'families/un-votes/fixtures/rollcalls_voeten.csv' },
  sources: (p) => [{ format: 'voeten', votes: p.votes, rollcalls: p.rollcalls }],
};

/** By calendar year of the vote, with bootstrap bounds. */
const UN_UNVOTES_BY_DATE: FamilyCase = {
  ...UN_UNVOTES,
  measure: 'pi',
  options: { year_by: 'date', bootstrap: { draws: 20, level: 0.8 }, min_joint_votes: 2 },
};

/** Both releases as two sources of one indicator (merged). */
const UN_BOTH: FamilyCase = {
  family: unVotesFamily,
  measure: 'agree',
  files: { ...UN_UNVOTES.files, vvotes: 'families/un-votes/fixtures/votes_voeten.csv', vrollcalls: 'families/un-votes/fixtures/rollcalls_voeten.csv' },
  sources: (p) => [...UN_UNVOTES.sources(p), { format: 'voeten', votes: p.vvotes, rollcalls: p.vrollcalls }],
};

/** The un_votes cases by name. */
export const unVotesCases = { UNVOTES: UN_UNVOTES, UNVOTES_ISSUES: UN_UNVOTES_ISSUES, VOETEN: UN_VOETEN, UNVOTES_BY_DATE: UN_UNVOTES_BY_DATE, BOTH: UN_BOTH } as const;

/** SIPRI's raw register export: Latin-1, note lines above the header, records broken over two lines, CRLF/LF mixed. */
const ARMS_RAW_REGISTER: FamilyCase = {
  family: armsTransfersFamily,
  measure: 'log_tiv',
  files: { register: 'families/arms-transfers/fixtures/register_raw.csv' },
  sources: (p) => [{ format: 'sipri_register', path: p.register }],
};

/** A cleaned register (UTF-8, header first), declared UTF-8, with the stock measure over a flow window. */
const ARMS_CLEAN_REGISTER: FamilyCase = {
  family: armsTransfersFamily,
  measure: 'stock',
  options: { allocation: 'even', flow_window: 3, exclude_uncertain: true },
  files: { register: 'families/arms-transfers/fixtures/register_clean.csv' },
  sources: (p) => [{ format: 'sipri_register', path: p.register, encoding: 'utf8' }],
};

/** SIPRI ARMS_TIV tables next to a valid register: pairs, importer and exporter totals (raw, with notes). */
const ARMS_TIV: FamilyCase = {
  family: armsTransfersFamily,
  measure: 'import_share',
  files: { register: 'families/arms-transfers/fixtures/register_clean.csv', pairs: 'families/arms-transfers/fixtures/pairs_raw.csv', importers: 'families/arms-transfers/fixtures/importers_raw.csv', exporters: 'families/arms-transfers/fixtures/exporters_raw.csv' },
  sources: (p) => [
    { format: 'sipri_register', path: p.register },
    { format: 'sipri_tiv', path: p.pairs, table: 'pairs' },
    { format: 'sipri_tiv', path: p.importers, table: 'importers' },
    { format: 'sipri_tiv', path: p.exporters, table: 'exporters' },
  ],
};

/** A cleaned pair table alone (header first). */
const ARMS_CLEAN_PAIRS: FamilyCase = {
  family: armsTransfersFamily,
  measure: 'tiv',
  files: { pairs: 'families/arms-transfers/fixtures/pairs_clean.csv' },
  sources: (p) => [{ format: 'sipri_tiv', path: p.pairs, table: 'pairs' }],
};

/** Two registers of one indicator (repeated deals dropped). */
const ARMS_TWO_REGISTERS: FamilyCase = {
  family: armsTransfersFamily,
  measure: 'export_share',
  options: { flow_window: 5, pair_precedence: 'supplier_year', allocation: 'even' },
  files: { raw: 'families/arms-transfers/fixtures/register_raw.csv', clean: 'families/arms-transfers/fixtures/register_clean.csv', pairs: 'families/arms-transfers/fixtures/pairs_clean.csv' },
  sources: (p) => [
    { format: 'sipri_register', path: p.raw },
    { format: 'sipri_register', path: p.clean, coverage: { from: 1990, to: 2022 } },
    { format: 'sipri_tiv', path: p.pairs, table: 'pairs' },
  ],
};

/** The arms_transfers cases by name. */
export const armsCases = { RAW_REGISTER: ARMS_RAW_REGISTER, CLEAN_REGISTER: ARMS_CLEAN_REGISTER, TIV: ARMS_TIV, CLEAN_PAIRS: ARMS_CLEAN_PAIRS, TWO_REGISTERS: ARMS_TWO_REGISTERS } as const;

const oneDrillsFile = (format: string, file: string, measure: string, extra: Record<string, unknown> = {}, options: Record<string, unknown> = {}): FamilyCase => ({
  family: jointDrillsFamily,
  measure,
  options,
  files: { path: file },
  sources: (p) => [{ format, path: p.path, ...extra }],
});

/** Every drills reader, each through the family's load() with options that reach the date and duration logic. */
const DRILLS_MME = oneDrillsFile('mme', 'families/joint-drills/fixtures/mme_small.csv', 'weighted', {}, { split_years: true, duration_weighting: 'log_days', domain_weights: { CPX: 0.5 } });
const DRILLS_MME_LONG = oneDrillsFile('mme_long', 'families/joint-drills/fixtures/mme_long_small.csv', 'stock', {}, { duration_weighting: 'days' });
const DRILLS_JME = oneDrillsFile('jme', 'families/joint-drills/fixtures/jme_small.csv', 'window', {}, { split_years: true });
const DRILLS_EVENTS = oneDrillsFile('events', 'families/joint-drills/fixtures/events_small.csv', 'count', { codes: 'iso3' }, { duration_weighting: 'days', focus_weights: { Humanitarian: 0.5 } });
const DRILLS_WIDE = oneDrillsFile('wide_list', 'families/joint-drills/fixtures/wide_list_small.csv', 'weighted', { implicit_participant: 'RUS' });

/** DRILLS_MME and an event list as two sources (duplicates merged across them). */
const DRILLS_MERGED: FamilyCase = {
  family: jointDrillsFamily,
  measure: 'stock',
  options: { duplicate_days: 30 },
  files: { mme: 'families/joint-drills/fixtures/mme_small.csv', events: 'families/joint-drills/fixtures/events_small.csv' },
  sources: (p) => [
    { format: 'mme', path: p.mme },
    { format: 'events', path: p.events, codes: 'iso3', coverage: { from: 2000, to: 2022 } },
  ],
};

/** The joint_drills cases by name. */
export const drillsCases = { MME: DRILLS_MME, MME_LONG: DRILLS_MME_LONG, JME: DRILLS_JME, EVENTS: DRILLS_EVENTS, WIDE: DRILLS_WIDE, MERGED: DRILLS_MERGED } as const;

const TRADE_COW_V4: FamilyCase = {
  family: tradeFamily,
  measure: 'salience',
  files: { path: 'families/trade/fixtures/cow_v4_small.csv' },
  sources: (p) => [{ format: 'cow_trade', path: p.path, flows: 'smoothed' }],
};
const TRADE_COW_V3: FamilyCase = {
  family: tradeFamily,
  measure: 'interdependence',
  files: { path: 'families/trade/fixtures/cow_v3_quoted.csv' },
  sources: (p) => [{ format: 'cow_trade', path: p.path }],
};
/** IMF TRADE_DOTS exports with the partners' totals (both fuzzed in turn). */
const TRADE_DOTS: FamilyCase = {
  family: tradeFamily,
  measure: 'dependence',
  files: { path: 'families/trade/fixtures/dots_exports_small.csv', totals: 'families/trade/fixtures/totals.csv' },
  sources: (p) => [{ format: 'imf_dots', path: p.path, reporter: 'RUS', flow: 'exports', totals: p.totals }],
};
const TRADE_DOTS_IMPORTS: FamilyCase = {
  family: tradeFamily,
  measure: 'share',
  files: { path: 'families/trade/fixtures/dots_imports_small.csv' },
  sources: (p) => [{ format: 'imf_dots', path: p.path, reporter: 'Russia', flow: 'imports' }],
};
/** Generic directed flows with GDP (a GDP measure reads the `gdp:` file). */
const TRADE_FLOWS: FamilyCase = {
  family: tradeFamily,
  measure: 'dependence_gdp',
  files: { path: 'families/trade/fixtures/flows_small.csv', gdp: 'families/trade/fixtures/gdp.csv' },
  options: (p) => ({ gdp: { path: p.gdp, codes: 'iso3' } }),
  sources: (p) => [{ format: 'trade_flows', path: p.path, reported_by: 'exporter' }],
};

/** COW and TRADE_DOTS as two sources of one indicator (reports reconciled). */
const TRADE_MERGED: FamilyCase = {
  family: tradeFamily,
  measure: 'symmetry',
  options: { mirror: 'mean' },
  files: { cow: 'families/trade/fixtures/cow_v4_small.csv', dots: 'families/trade/fixtures/dots_imports_small.csv' },
  sources: (p) => [
    { format: 'cow_trade', path: p.cow },
    { format: 'imf_dots', path: p.dots, reporter: 'IRN', flow: 'imports' },
  ],
};

/** The trade cases by name. */
export const tradeCases = { COW_V4: TRADE_COW_V4, COW_V3: TRADE_COW_V3, DOTS: TRADE_DOTS, DOTS_IMPORTS: TRADE_DOTS_IMPORTS, FLOWS: TRADE_FLOWS, MERGED: TRADE_MERGED } as const;
