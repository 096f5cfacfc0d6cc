import { describe, expect, it } from 'vitest';
import { biggestMovers, indicatorCoverage, lastIndexYear, panelFacts, yearRanking } from '../../src/analysis/summary-stats.js';
import { scorePanel, type ScoreOptions } from '../../src/core/score.js';
import { dataOf, indicator, type Row } from '../helpers/indicator-data.js';
import { STATE_SYSTEM } from '../helpers/state-system.js';

const opts: ScoreOptions = { scale: [0, 100], aggregation: 'arithmetic', formula: null, minCoverage: 0.5, geometricFloor: 0.01, years: null, states: null, pairs: null, stateSystem: STATE_SYSTEM };

// index = 100 · value (one indicator, normalise none)
const rows: Row[] = [
  ['RUS', 'IRN', 2000, 0.2], ['RUS', 'IRN', 2010, 0.9],
  ['RUS', 'CHN', 2000, 0.5], ['RUS', 'CHN', 2010, 0.9],
  ['USA', 'RUS', 2000, 0.6], ['USA', 'RUS', 2010, 0.1],
  ['USA', 'GBR', 2000, 0.9], ['USA', 'GBR', 2010, 0.8],
  ['FRA', 'DEU', 2010, 0.4],
];

function table(extra: Row[] = []) {
  return scorePanel([indicator('un', dataOf([...rows, ...extra]))], opts);
}

describe('summary statistics', () => {
  it('counts the panel', () => {
    expect(panelFacts(table())).toEqual({ rows: 9, rowsWithIndex: 9, pairs: 5, states: 7, from: 2000, to: 2010 });
    expect(lastIndexYear(table())).toBe(2010);
  });

  it('ranks the last year with shared ranks for ties, listed by pair code', () => {
    const r = yearRanking(table(), 2010, 2);
    // 90 (CHN–RUS), 90 (IRN–RUS), 80 (GBR–USA), 40 (DEU–FRA), 10 (RUS–USA)
    expect(r.ranked).toBe(5);
    expect(r.top.map((p) => `${p.rank} ${p.a}-${p.b} ${p.index.toFixed(0)}`)).toEqual(['1 CHN-RUS 90', '1 IRN-RUS 90']);
    expect(r.bottom.map((p) => `${p.rank} ${p.a}-${p.b}`)).toEqual(['5 RUS-USA', '4 DEU-FRA']);
    expect([r.tiedAtTop, r.tiedAtBottom]).toEqual([2, 1]);
  });

  it('keeps the bottom list disjoint from the top when there are few pairs', () => {
    const r = yearRanking(table(), 2010, 4);
    expect(r.top).toHaveLength(4);
    expect(r.bottom.map((p) => `${p.a}-${p.b}`)).toEqual(['RUS-USA']);
  });

  it('finds the biggest rises and falls over the span, only among pairs with an index in both years', () => {
    const m = biggestMovers(table(), 2010, 10, 5);
    expect([m.from, m.to, m.compared]).toEqual([2000, 2010, 4]);
    expect(m.rises.map((x) => `${x.a}-${x.b} ${x.change.toFixed(0)}`)).toEqual(['IRN-RUS 70', 'CHN-RUS 40']);
    expect(m.falls.map((x) => `${x.a}-${x.b} ${x.change.toFixed(0)}`)).toEqual(['RUS-USA -50', 'GBR-USA -10']);
    // a span longer than the panel starts at its first year
    expect(biggestMovers(table(), 2010, 50, 5).from).toBe(2000);
  });

  it('reports each indicator\'s coverage and mean weight', () => {
    const t = scorePanel([indicator('un', dataOf(rows)), indicator('arms', dataOf([['RUS', 'IRN', 2010, 0.5]]))], opts);
    const [un, arms] = indicatorCoverage(t);
    expect(un).toMatchObject({ id: 'un', present: 9, share: 1, from: 2000, to: 2010 });
    expect(arms).toMatchObject({ id: 'arms', present: 1, from: 2010, to: 2010 });
    expect(arms!.share).toBeCloseTo(1 / 9, 12);
    expect(un!.meanWeightUsed + arms!.meanWeightUsed).toBeCloseTo(1, 12);
  });

  it('does not depend on the order of the input rows', () => {
    const a = scorePanel([indicator('un', dataOf(rows))], opts);
    const b = scorePanel([indicator('un', dataOf([...rows].reverse()))], opts);
    expect(yearRanking(b, 2010, 3)).toEqual(yearRanking(a, 2010, 3));
    expect(biggestMovers(b, 2010, 10, 3)).toEqual(biggestMovers(a, 2010, 10, 3));
  });
});
