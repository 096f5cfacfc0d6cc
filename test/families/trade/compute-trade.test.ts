import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import type { DyadYearTable } from '../../../src/domain/dyad-year-table.js';
import { computeTrade, MIN_TOTAL_PARTNERS, type ComputeTradeOptions } from '../../../src/families/trade/compute-trade.js';
import { NO_FLOWS, flowListOf } from '../../../src/families/trade/flow-list.js';
import { StateYearTable } from '../../../src/domain/state-year-table.js';
import type { TradeFlowSet } from '../../../src/families/trade/trade-flow-set.js';

const S = (x: string) => x as Iso3;
const [USA, RUS, IRN, CHN] = ['USA', 'RUS', 'IRN', 'CHN'].map(S) as [Iso3, Iso3, Iso3, Iso3];
type Row = readonly [string, string, number, number];

const set = (importer: readonly Row[], over: Partial<TradeFlowSet> = {}): TradeFlowSet => ({
  label: 'test',
  importerReports: flowListOf(importer),
  exporterReports: NO_FLOWS,
  coverage: [{ from: 2000, to: 2000 }],
  completeFor: 'all',
  totals: null,
  notes: [],
  ...over,
});

const opts = (over: Partial<ComputeTradeOptions> = {}): ComputeTradeOptions => ({ measure: 'salience', mirror: 'importer', gdp: null, ...over });

// USA–RUS 30, USA–IRN 10, RUS–IRN 60 in 2000 → totals USA 40, RUS 90, IRN 70
const BASE: Row[] = [
  ['USA', 'RUS', 2000, 10],
  ['RUS', 'USA', 2000, 20],
  ['USA', 'IRN', 2000, 5],
  ['IRN', 'USA', 2000, 5],
  ['RUS', 'IRN', 2000, 40],
  ['IRN', 'RUS', 2000, 20],
];

describe('computeTrade', () => {
  it('flags as gap artefacts the pair-years where a state\'s summed total rests on fewer than 5 partners, and only for share measures', () => {
    // three states: each total rests on 2 partners
    const r = computeTrade([set(BASE)], opts());
    expect(MIN_TOTAL_PARTNERS).toBe(5);
    expect(r.artefacts.get(USA, RUS, 2000)).toBe(2);
    expect(r.artefacts.size).toBe(3);
    expect(r.notes.some((n) => n.includes('gap artefacts'))).toBe(true);
    // a total from a totals file is the state's trade, whatever the partners listed
    expect(computeTrade([set(BASE)], opts({ measure: 'total' })).artefacts.size).toBe(0);
  });

  it('does not flag pair-years whose states trade with 5 or more partners', () => {
    const codes = ['USA', 'RUS', 'IRN', 'CHN', 'DEU', 'FRA'];
    const rows: Row[] = [];
    for (const a of codes) for (const b of codes) if (a !== b) rows.push([a, b, 2000, 1]);
    expect(computeTrade([set(rows)], opts()).artefacts.size).toBe(0);
  });

  it('adds both directions into bilateral trade', () => {
    const { trade } = computeTrade([set(BASE)], opts());
    expect(trade.get(RUS, USA, 2000)).toBe(30);
    expect(trade.get(IRN, RUS, 2000)).toBe(60);
    expect(trade.directed).toBe(false);
  });

  it('computes shares over each state’s total trade with all partners, and salience from them', () => {
    const share = computeTrade([set(BASE)], opts({ measure: 'share' })).values;
    expect(share.directed).toBe(true);
    expect(share.get(USA, RUS, 2000)).toBe(30 / 40);
    expect(share.get(RUS, USA, 2000)).toBe(30 / 90);
    expect(share.get(RUS, IRN, 2000)! + share.get(RUS, USA, 2000)!).toBeCloseTo(1, 15);
    expect(computeTrade([set(BASE)], opts()).values.get(USA, RUS, 2000)).toBeCloseTo(0.5, 15);
  });

  it('gives symmetry, interdependence, dependence and total by their formulas', () => {
    const v = (measure: ComputeTradeOptions['measure']) => computeTrade([set(BASE)], opts({ measure })).values.get(USA, RUS, 2000)!;
    expect(v('symmetry')).toBeCloseTo(1 - (0.75 - 1 / 3), 15);
    expect(v('interdependence')).toBeCloseTo(0.5 * (1 - (0.75 - 1 / 3)), 15);
    expect(v('dependence')).toBeCloseTo(1 / 3, 15);
    expect(v('total')).toBeCloseTo(Math.log1p(30), 15);
  });

  it('leaves bilateral trade missing, not 0, when one direction is unknown, and counts it', () => {
    const r = computeTrade([set([...BASE, ['CHN', 'USA', 2000, 7], ['USA', 'CHN', 2000, NaN]])], opts());
    expect(r.trade.has(USA, CHN, 2000)).toBe(false);
    expect(r.values.has(USA, CHN, 2000)).toBe(false);
    expect(r.values.get(USA, RUS, 2000)).toBeCloseTo(0.5, 15); // totals unaffected
    expect(r.notes.join('\n')).toMatch(/1 pair-year\(s\) with a flow known in one direction only/);
  });

  it('keeps reported zeros: zero trade gives salience 0, not missing', () => {
    const r = computeTrade([set([...BASE, ['CHN', 'USA', 2000, 0], ['USA', 'CHN', 2000, 0], ['CHN', 'IRN', 2000, 1], ['IRN', 'CHN', 2000, 1]])], opts());
    expect(r.values.get(CHN, USA, 2000)).toBe(0);
    expect(r.trade.get(CHN, USA, 2000)).toBe(0);
    expect(r.values.has(CHN, RUS, 2000)).toBe(false); // no row: unknown
  });

  it('leaves shares missing for a state whose trade is all zero (0/0)', () => {
    const r = computeTrade([set([['CHN', 'USA', 2000, 0], ['USA', 'CHN', 2000, 0]])], opts({ measure: 'share' }));
    expect(r.values.size).toBe(0);
  });

  it('reconciles importer and exporter reports of one flow by the mirror rule', () => {
    const s = set(BASE, { exporterReports: flowListOf([['USA', 'RUS', 2000, 12], ['CHN', 'RUS', 2000, 8]]) });
    const withChina = (r: Row[]) => [...r, ['RUS', 'CHN', 2000, 6] as Row];
    const s2 = { ...s, importerReports: flowListOf(withChina(BASE)) };
    const trade = (mirror: ComputeTradeOptions['mirror']) => computeTrade([s2], opts({ mirror })).trade;
    expect(trade('importer').get(USA, RUS, 2000)).toBe(30);
    expect(trade('mean').get(USA, RUS, 2000)).toBe(31);
    expect(trade('max').get(USA, RUS, 2000)).toBe(32);
    // CHN → RUS only reported by the exporter: every rule takes it
    for (const m of ['importer', 'mean', 'max'] as const) expect(trade(m).get(CHN, RUS, 2000)).toBe(14);
  });

  it('keeps the first source listed when two sources report the same flow on the same side', () => {
    const later = set([['USA', 'RUS', 2000, 99]], { label: 'later' });
    const r = computeTrade([set(BASE, { label: 'first' }), later], opts());
    expect(r.trade.get(USA, RUS, 2000)).toBe(30);
    expect(r.notes.join('\n')).toMatch(/1 flow\(s\) of later also reported on the same side by first: kept first/);
  });

  it('sums a flow listed twice within one source (two codes of one state) and says so', () => {
    const r = computeTrade([set([...BASE, ['USA', 'RUS', 2000, 1]])], opts());
    expect(r.trade.get(USA, RUS, 2000)).toBe(31);
    expect(r.notes.join('\n')).toMatch(/test: 1 flow\(s\) listed twice/);
    const poisoned = computeTrade([set([...BASE, ['USA', 'RUS', 2000, NaN]])], opts());
    expect(poisoned.trade.has(USA, RUS, 2000)).toBe(false);
  });

  it('sums totals only for states a source covers completely; a totals file fills in the others', () => {
    const dots = set(
      [['IRN', 'RUS', 2020, 4], ['CHN', 'RUS', 2020, 50]],
      { exporterReports: flowListOf([['RUS', 'IRN', 2020, 10], ['RUS', 'CHN', 2020, 40]]), completeFor: new Set([RUS]), coverage: [{ from: 2020, to: 2020 }] },
    );
    const share = computeTrade([dots], opts({ measure: 'share' })).values;
    expect(share.get(RUS, IRN, 2020)).toBe(14 / 104);
    expect(share.has(IRN, RUS, 2020)).toBe(false); // Iran's total is unknown
    expect(computeTrade([dots], opts()).values.size).toBe(0);
    const totals = new StateYearTable();
    totals.set(IRN, 2020, 140);
    const withTotals = computeTrade([{ ...dots, totals }], opts()).values;
    expect(withTotals.get(IRN, RUS, 2020)).toBeCloseTo(Math.sqrt((14 / 104) * (14 / 140)), 15);
    expect(withTotals.has(CHN, RUS, 2020)).toBe(false);
  });

  it('lets a totals file override the sum over partners', () => {
    const totals = new StateYearTable();
    totals.set(USA, 2000, 300);
    const share = computeTrade([set(BASE, { totals })], opts({ measure: 'share' })).values;
    expect(share.get(USA, RUS, 2000)).toBe(30 / 300);
    expect(share.get(RUS, USA, 2000)).toBe(30 / 90);
  });

  it('computes the GDP variants from a GDP table', () => {
    const gdp = new StateYearTable();
    gdp.set(USA, 2000, 10000);
    gdp.set(RUS, 2000, 250);
    const shareGdp = computeTrade([set(BASE)], opts({ measure: 'share_gdp', gdp })).values;
    expect(shareGdp.get(USA, RUS, 2000)).toBe(30 / 10000);
    expect(shareGdp.get(RUS, USA, 2000)).toBe(30 / 250);
    expect(shareGdp.has(IRN, RUS, 2000)).toBe(false); // no GDP for Iran
    expect(shareGdp.get(RUS, IRN, 2000)).toBe(60 / 250);
    expect(computeTrade([set(BASE)], opts({ measure: 'dependence_gdp', gdp })).values.get(RUS, USA, 2000)).toBe(30 / 10000);
  });

  it('computes every pair, so shares stay relative to every partner', () => {
    const r = computeTrade([set(BASE)], opts());
    expect(r.values.size).toBe(3);
    expect(r.values.get(USA, RUS, 2000)).toBeCloseTo(0.5, 15);
    expect(r.trade.size).toBe(3);
  });

  it('does not depend on the order of the input rows', () => {
    const rows: Row[] = [...BASE, ['CHN', 'USA', 2000, 0.1], ['USA', 'CHN', 2000, 0.7], ['CHN', 'IRN', 2000, 1 / 3], ['IRN', 'CHN', 2000, 2 / 7], ['CHN', 'RUS', 2001, 3], ['RUS', 'CHN', 2001, 1]];
    const dump = (t: DyadYearTable) => t.sortedEntries();
    const ref = dump(computeTrade([set(rows)], opts()).values);
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), (shuffled) => {
        expect(dump(computeTrade([set(shuffled)], opts()).values)).toEqual(ref);
      }),
      { numRuns: 50 },
    );
  });
});

