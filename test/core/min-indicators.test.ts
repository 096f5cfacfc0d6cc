import { describe, expect, it } from 'vitest';
import { scorePanel, type ScoreOptions } from '../../src/core/score.js';
import { runSensitivity } from '../../src/analysis/sensitivity.js';
import { unpackKey } from '../../src/domain/dyad-year-key.js';
import { dataOf, indicator, type Row } from '../helpers/indicator-data.js';
import { STATE_SYSTEM } from '../helpers/state-system.js';

const opts: ScoreOptions = { scale: [0, 100], aggregation: 'arithmetic', formula: null, minCoverage: 0, geometricFloor: 0.01, years: null, states: null, pairs: null, stateSystem: STATE_SYSTEM };

describe('min_indicators (thin data)', () => {
  // 2000: un and arms; 2001: un alone; 2002: arms alone with a weight of 0 beside un
  const un: Row[] = [['IRN', 'RUS', 2000, 0.5], ['IRN', 'RUS', 2001, 0.6]];
  const arms: Row[] = [['IRN', 'RUS', 2000, 0.2], ['IRN', 'RUS', 2002, 0.3]];
  const zero: Row[] = [['IRN', 'RUS', 2001, 0.9]];
  const inds = [indicator('un', dataOf(un)), indicator('arms', dataOf(arms)), indicator('spare', dataOf(zero), { weight: 0 })];
  const year = (t: ReturnType<typeof scorePanel>, y: number) => Array.from(t.keys).findIndex((k) => unpackKey(k).year === y);

  it('leaves a pair-year with fewer indicators present than min_indicators empty, keeping its coverage', () => {
    const t = scorePanel(inds, { ...opts, minIndicators: 2 });
    expect(t.index[year(t, 2000)]).toBeCloseTo(35, 10);
    expect(Number.isNaN(t.index[year(t, 2001)]!)).toBe(true); // un + a weight-0 indicator count as one
    expect(Number.isNaN(t.index[year(t, 2002)]!)).toBe(true);
    expect(t.coverage[year(t, 2001)]).toBeCloseTo(0.5, 12);
    expect(Number.isNaN(t.indexChained![year(t, 2001)]!)).toBe(true);
  });

  it('changes nothing at its default of 1', () => {
    const a = scorePanel(inds, opts);
    const b = scorePanel(inds, { ...opts, minIndicators: 1 });
    expect(Array.from(b.index)).toEqual(Array.from(a.index));
    expect(a.index.every((x) => x === x)).toBe(true);
  });

  it('is applied by the sensitivity analysis too', () => {
    const t = scorePanel(inds, { ...opts, minIndicators: 2 });
    const model = { indicators: inds.map((x) => ({ id: x.id, weight: x.weight, normalise: x.normalise, polarity: x.polarity })), aggregation: 'arithmetic' as const, scale: [0, 100] as const, minCoverage: 0, minIndicators: 2, geometricFloor: 0.01 };
    const res = runSensitivity(t, model, { draws: 8, seed: 1, weightRange: 0.25, aggregations: ['arithmetic'], normalisers: [] });
    expect(res.reference[year(t, 2000)]).toBeCloseTo(35, 10);
    expect(Number.isNaN(res.reference[year(t, 2001)]!)).toBe(true);
    expect(res.scored[year(t, 2002)]).toBe(0);
  });
});
