import { describe, expect, it } from 'vitest';
import { scorePanel, type ScoreOptions } from '../../src/core/score.js';
import { explainPair, percentileAmong, type ExplainModel } from '../../src/analysis/explain.js';
import type { Iso3 } from '../../src/domain/country.js';
import { dataOf, indicator } from '../helpers/indicator-data.js';
import { STATE_SYSTEM } from '../helpers/state-system.js';

const opts: ScoreOptions = { scale: [0, 100], aggregation: 'arithmetic', formula: null, minCoverage: 0.5, geometricFloor: 0.01, years: null, states: null, pairs: null, stateSystem: STATE_SYSTEM };
const model = (o: Partial<ExplainModel> = {}): ExplainModel => ({
  weights: Float64Array.of(3, 1),
  aggregation: 'arithmetic',
  settings: { geometricFloor: 0.01, formula: null },
  scale: [0, 100],
  smoothed: false,
  ...o,
});
const IRN = 'IRN' as Iso3;
const RUS = 'RUS' as Iso3;

// un weight 3, arms weight 1, both normalise: none
//   IRN–RUS 2015: un 0.8, arms 0.2 → I = 100·(0.75·0.8 + 0.25·0.2) = 65 (contributions 60 + 5)
//   IRN–RUS 2016: un 0.6, arms —   → I = 60 (coverage 0.75)
//   IRN–RUS 2017: un 0.6, arms 0.6 → I = 60
//   CHN–RUS 2015: un 0.5, arms 0.9 (a peer for percentiles)
function table(aggregation: ScoreOptions['aggregation'] = 'arithmetic') {
  const un = dataOf([['IRN', 'RUS', 2015, 0.8], ['IRN', 'RUS', 2016, 0.6], ['IRN', 'RUS', 2017, 0.6], ['CHN', 'RUS', 2015, 0.5]]);
  const arms = dataOf([['IRN', 'RUS', 2015, 0.2], ['IRN', 'RUS', 2017, 0.6], ['CHN', 'RUS', 2015, 0.9]]);
  return scorePanel([indicator('un', un, { weight: 3 }), indicator('arms', arms, { weight: 1 })], { ...opts, aggregation });
}

describe('explainPair', () => {
  it('lists raw, normalised, weight used and contribution, adding up to the index', () => {
    const years = explainPair(table(), RUS, IRN, model());
    expect(years.map((y) => y.year)).toEqual([2015, 2016, 2017]);
    const y15 = years[0]!;
    expect(y15.index).toBeCloseTo(65, 12);
    expect(y15.components.map((c) => [c.id, c.raw, c.norm, c.weightUsed])).toEqual([
      ['un', 0.8, 0.8, 0.75],
      ['arms', 0.2, 0.2, 0.25],
    ]);
    expect(y15.components[0]!.contribution).toBeCloseTo(60, 12);
    expect(y15.components[1]!.contribution).toBeCloseTo(5, 12);
    for (const y of years) {
      const sum = y.components.reduce((s, c) => s + (c.contribution === c.contribution ? c.contribution : 0), 0);
      expect(sum).toBeCloseTo(y.index, 12);
    }
  });

  it('splits a change with an indicator leaving into a pure value term and a coverage term', () => {
    // 2015 → 2016: common set {un}: I* = 80 in 2015 and 60 in 2016, so un's term = 60 − 80 = −20;
    // coverage = (60 − 60) − (65 − 80) = +15; −20 + 15 = −5 = 60 − 65
    const ch = explainPair(table(), IRN, RUS, model())[1]!.change!;
    expect(ch.fromYear).toBe(2015);
    expect(ch.total).toBeCloseTo(-5, 12);
    expect(ch.terms[0]).toBeCloseTo(-20, 12);
    expect(ch.terms[1]).toBeNaN();
    expect(ch.coverage).toBeCloseTo(15, 12);
    expect(ch.terms[0]! + ch.coverage).toBe(ch.total);
  });

  it('gives no term to an indicator whose value did not move', () => {
    // 2016 → 2017: arms enters at 0.6 = un's value, so the index stays 60: un 0, coverage 0
    const ch = explainPair(table(), IRN, RUS, model())[2]!.change!;
    expect(ch.total).toBeCloseTo(0, 12);
    expect(ch.terms[0]).toBeCloseTo(0, 12);
    expect(ch.coverage).toBeCloseTo(0, 12);
  });

  it('gives w·Δn to each indicator present in both years (arithmetic)', () => {
    const un = dataOf([['IRN', 'RUS', 2015, 0.8], ['IRN', 'RUS', 2016, 0.4]]);
    const arms = dataOf([['IRN', 'RUS', 2015, 0.2], ['IRN', 'RUS', 2016, 0.6]]);
    const t = scorePanel([indicator('un', un, { weight: 3 }), indicator('arms', arms)], opts);
    const ch = explainPair(t, IRN, RUS, model())[1]!.change!;
    expect(ch.terms[0]).toBeCloseTo(100 * 0.75 * -0.4, 12); // −30
    expect(ch.terms[1]).toBeCloseTo(100 * 0.25 * 0.4, 12); // +10
    expect(ch.coverage).toBeCloseTo(0, 12);
    expect(ch.total).toBeCloseTo(-20, 12);
  });

  it('adds up exactly under geometric aggregation too', () => {
    const years = explainPair(table('geometric'), IRN, RUS, model({ aggregation: 'geometric' }));
    for (const y of years) {
      const sum = y.components.reduce((s, c) => s + (c.contribution === c.contribution ? c.contribution : 0), 0);
      expect(sum).toBeCloseTo(y.index, 10);
      if (y.change) {
        const terms = [...y.change.terms].filter((x) => x === x).reduce((s, x) => s + x, 0);
        expect(terms + y.change.coverage).toBeCloseTo(y.change.total, 10);
      }
    }
  });

  it('compares with the previous year that has an index, skipping a year below min_coverage', () => {
    const un = dataOf([['IRN', 'RUS', 2015, 0.8], ['IRN', 'RUS', 2017, 0.5]]);
    const arms = dataOf([['IRN', 'RUS', 2015, 0.2], ['IRN', 'RUS', 2016, 0.4], ['IRN', 'RUS', 2017, 0.3]]);
    const t = scorePanel([indicator('un', un, { weight: 3 }), indicator('arms', arms)], opts);
    const years = explainPair(t, IRN, RUS, model());
    expect(years[1]!.index).toBeNaN(); // 2016: only arms, coverage 0.25 < 0.5
    expect(years[1]!.change).toBeNull();
    expect(years[2]!.change!.fromYear).toBe(2015);
    expect(years[2]!.change!.total).toBeCloseTo(100 * (0.75 * 0.5 + 0.25 * 0.3) - 65, 12);
  });

  it('names the strongest and weakest components by percentile among the year\'s pairs', () => {
    const y15 = explainPair(table(), IRN, RUS, model())[0]!;
    // un: IRN–RUS 0.8 vs CHN–RUS 0.5 → percentile 1; arms: 0.2 vs 0.9 → 0
    expect(y15.components.map((c) => c.percentile)).toEqual([1, 0]);
    expect(y15.strongest).toBe('un');
    expect(y15.weakest).toBe('arms');
    expect(percentileAmong(Float64Array.of(1, 2, 2, 3), Uint32Array.of(0, 1, 2, 3), 2)).toBe(0.5);
  });

  it('restricts to the years asked for and returns nothing for an unknown pair', () => {
    expect(explainPair(table(), IRN, RUS, model(), { from: 2016, to: 2016 }).map((y) => y.year)).toEqual([2016]);
    expect(explainPair(table(), IRN, RUS, model(), { from: 2016, to: 2016 })[0]!.change!.fromYear).toBe(2015);
    expect(explainPair(table(), 'USA' as Iso3, RUS, model())).toEqual([]);
  });
});
