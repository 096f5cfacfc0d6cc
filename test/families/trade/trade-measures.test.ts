import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRADE_MEASURE_NAMES, tradeMeasures, type DyadTradeFacts } from '../../../src/families/trade/trade-measures.js';

const facts = (shareA: number | null, shareB: number | null, over: Partial<DyadTradeFacts> = {}): DyadTradeFacts => ({ trade: 10, shareA, shareB, gdpRatioA: null, gdpRatioB: null, ...over });

describe('tradeMeasures', () => {
  it('salience is the geometric mean of the two shares (Barbieri 1996)', () => {
    expect(tradeMeasures.salience.value(facts(0.04, 0.25))).toBeCloseTo(0.1, 12);
  });

  it('symmetry is 1 − |share_i − share_j| and interdependence is salience × symmetry', () => {
    expect(tradeMeasures.symmetry.value(facts(0.04, 0.25))).toBeCloseTo(0.79, 12);
    expect(tradeMeasures.interdependence.value(facts(0.04, 0.25))).toBeCloseTo(0.079, 12);
  });

  it('dependence is the weak link, the smaller share', () => {
    expect(tradeMeasures.dependence.value(facts(0.04, 0.25))).toBe(0.04);
  });

  it('total is log1p of bilateral trade and needs no totals', () => {
    expect(tradeMeasures.total.value(facts(null, null, { trade: Math.E - 1 }))).toBeCloseTo(1, 12);
    expect(tradeMeasures.total.value(facts(null, null, { trade: 0 }))).toBe(0);
    expect(tradeMeasures.total.needs).toBe('trade');
  });

  it('share is directed: the value seen from side a', () => {
    expect(tradeMeasures.share.directed).toBe(true);
    expect(tradeMeasures.share.value(facts(0.04, 0.25))).toBe(0.04);
  });

  it('the GDP variants divide trade by GDP (Oneal & Russett 1997)', () => {
    const f = facts(null, null, { gdpRatioA: 0.02, gdpRatioB: 0.5 });
    expect(tradeMeasures.share_gdp.value(f)).toBe(0.02);
    expect(tradeMeasures.dependence_gdp.value(f)).toBe(0.02);
    expect(tradeMeasures.dependence_gdp.needs).toBe('gdp');
  });

  it('a share-based measure is missing (null), not 0, when a share is unknown', () => {
    for (const m of ['salience', 'symmetry', 'interdependence', 'dependence'] as const) {
      expect(tradeMeasures[m].value(facts(0.5, null))).toBeNull();
      expect(tradeMeasures[m].value(facts(null, 0.5))).toBeNull();
    }
    expect(tradeMeasures.share.value(facts(null, 0.5))).toBeNull();
    expect(tradeMeasures.dependence_gdp.value(facts(null, null, { gdpRatioA: 0.1 }))).toBeNull();
  });

  it('share-based measures lie in [0, 1] and the symmetric ones do not depend on the side', () => {
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(share, share, (a, b) => {
        for (const m of ['salience', 'symmetry', 'interdependence', 'dependence'] as const) {
          const v = tradeMeasures[m].value(facts(a, b))!;
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
          expect(tradeMeasures[m].value(facts(b, a))).toBe(v);
        }
      }),
    );
  });

  it('salience is the default measure and every measure has a description', () => {
    expect(TRADE_MEASURE_NAMES[0]).toBe('salience');
    expect(Object.keys(tradeMeasures).sort()).toEqual([...TRADE_MEASURE_NAMES].sort());
    for (const m of TRADE_MEASURE_NAMES) expect(tradeMeasures[m].description.length).toBeGreaterThan(10);
  });
});
