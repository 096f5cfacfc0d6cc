import { describe, expect, it } from 'vitest';
import { coverageAt, setChange, setChangeText, setChangesInWindow, splitChange } from '../../src/analysis/coverage-changes.js';
import type { ExplainModel } from '../../src/analysis/explain.js';
import { biggestMovers } from '../../src/analysis/summary-stats.js';
import { scorePanel, type ScoreOptions } from '../../src/core/score.js';
import type { Iso3 } from '../../src/domain/country.js';
import { coverageSection } from '../../src/report/coverage-section.js';
import { dataOf, indicator, type Row } from '../helpers/indicator-data.js';
import { STATE_SYSTEM } from '../helpers/state-system.js';

const opts: ScoreOptions = { scale: [0, 100], aggregation: 'arithmetic', formula: null, minCoverage: 0.1, geometricFloor: 0.01, years: null, states: null, pairs: null, stateSystem: STATE_SYSTEM };
const model: ExplainModel = { weights: Float64Array.of(1, 1), aggregation: 'arithmetic', settings: { geometricFloor: 0.01, formula: null }, scale: [0, 100], smoothed: false };
const RUS = 'RUS' as Iso3;
const USA = 'USA' as Iso3;

// RUS–USA: a = 0.2 throughout; b = 1.0 in 2000–2001, then it ends (a source leaving): the level index falls 60 → 20
// CHN–RUS: a rises 0.2 → 0.5 with b present throughout at 0.5: a real move of +15
const a = dataOf([['RUS', 'USA', 2000, 0.2], ['RUS', 'USA', 2001, 0.2], ['RUS', 'USA', 2002, 0.2], ['CHN', 'RUS', 2000, 0.2], ['CHN', 'RUS', 2001, 0.2], ['CHN', 'RUS', 2002, 0.5]] as Row[]);
const b = dataOf([['RUS', 'USA', 2000, 1], ['RUS', 'USA', 2001, 1], ['CHN', 'RUS', 2000, 0.5], ['CHN', 'RUS', 2001, 0.5], ['CHN', 'RUS', 2002, 0.5]] as Row[]);
const table = scorePanel([indicator('a', a), indicator('b', b)], opts);
const rowsOf = (y: number) => [...table.keys.keys()].filter((r) => table.keys[r]! % 4096 === y);

describe('coverage changes', () => {
  it('name the indicators entering and leaving, without a leading sign', () => {
    const [chn2002, rus2002] = rowsOf(2002) as [number, number];
    const [, rus2001] = rowsOf(2001) as [number, number];
    expect(setChange(table, rus2002, rus2001)).toEqual({ entered: [], left: ['b'] });
    expect(setChangeText(setChange(table, rus2002, rus2001))).toBe('b out');
    expect(setChangeText(setChange(table, chn2002, rowsOf(2001)[0]!))).toBe('');
  });

  it('split a change into the change on common indicators and a coverage part that add up to it', () => {
    const [, rus2002] = rowsOf(2002) as [number, number];
    const [, rus2001] = rowsOf(2001) as [number, number];
    const s = splitChange(table, model, rus2002, rus2001);
    expect(s.total).toBeCloseTo(-40, 9);
    expect(s.common).toBeCloseTo(0, 9); // a did not move
    expect(s.coverage).toBeCloseTo(-40, 9);
    const [chn2002] = rowsOf(2002) as [number];
    const t = splitChange(table, model, chn2002, rowsOf(2001)[0]!);
    expect(t.coverage).toBe(0);
    expect(t.common).toBeCloseTo(15, 9);
  });

  it('rank the biggest movers by the change on common indicators: a source ending is not a move', () => {
    const plain = biggestMovers(table, 2002, 2, 5);
    expect(plain.falls[0]).toMatchObject({ a: 'RUS', b: 'USA' });
    const split = biggestMovers(table, 2002, 2, 5, (t, s) => splitChange(table, model, t, s).coverage);
    expect(split.falls).toEqual([]);
    expect(split.rises[0]).toMatchObject({ a: 'CHN', b: 'RUS', coverage: 0 });
    expect(split.coverageChanged).toBe(1);
  });

  it('label a break year with its coverage part, and count set changes in a window', () => {
    expect(coverageAt(table, model, RUS, USA, 2002)).toEqual({ coverage: expect.closeTo(-40, 9), set: 'b out' });
    expect(coverageAt(table, model, RUS, USA, 2001)).toEqual({ coverage: 0, set: '' });
    expect(setChangesInWindow(table, RUS, USA, 2000, 2002)).toBe(1);
    expect(setChangesInWindow(table, 'CHN' as Iso3, RUS, 2000, 2002)).toBe(0);
  });

  it('list each source\'s years and the years the set of indicators changes in summary.md', () => {
    const lines = coverageSection(table);
    expect(lines).toContain('| a | 2000–2002 |');
    expect(lines).toContain('| b | 2000–2002 |');
    const withGap = scorePanel([indicator('a', a), indicator('b', dataOf([['RUS', 'USA', 2000, 1]] as Row[]))], opts);
    const text = coverageSection(withGap).join('\n');
    expect(text).toContain('| b | 2000 |');
    expect(text).toContain('- 2001: b leaves (last year 2000)');
  });
});
