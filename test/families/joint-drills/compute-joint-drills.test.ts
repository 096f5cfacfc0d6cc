import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { computeJointDrills, type JointDrillsOptions, type JointDrillsSource } from '../../../src/families/joint-drills/compute-joint-drills.js';
import type { Exercise } from '../../../src/families/joint-drills/exercise.js';
import { ex } from './exercise-fixture.js';
import { STATE_SYSTEM } from '../../helpers/state-system.js';

const I = (s: string) => s as Iso3;
const OPTIONS: JointDrillsOptions = {
  measure: 'weighted',
  base: 'weighted',
  splitYears: false,
  weights: { domainWeights: {}, focusWeights: {}, durationWeighting: 'none' },
  stockHalfLife: 5,
  windowYears: 5,
  duplicateDays: 3,
};
const global = (exercises: Exercise[], from: number, to: number, label = 'mme.csv'): JointDrillsSource => ({
  label,
  exercises,
  coverage: { years: { from, to }, state: null },
});
const run = (sources: JointDrillsSource[], over: Partial<JointDrillsOptions> = {}) => computeJointDrills(sources, { ...OPTIONS, ...over }, STATE_SYSTEM);

const bilateral = ex('2010-08-24', 'CHN RUS');
const fiveNations = ex('2010-08-24', 'CHN JPN KOR RUS USA');

describe('weighted counts', () => {
  it('gives a bilateral exercise 1 and a 5-nation exercise 0.25 to each of its 10 pairs', () => {
    const r = run([global([bilateral, fiveNations], 2010, 2010)]);
    expect(r.values.get(I('CHN'), I('RUS'), 2010)).toBe(1.25);
    expect(r.values.get(I('RUS'), I('CHN'), 2010)).toBe(1.25);
    const pairs = r.values.sortedEntries().filter((e) => !(e.a === 'CHN' && e.b === 'RUS'));
    expect(pairs).toHaveLength(9);
    for (const p of pairs) expect(p.value).toBe(0.25);
    expect(r.values.directed).toBe(false);
  });

  it('counts exercises with the count measure', () => {
    const r = run([global([bilateral, fiveNations], 2010, 2010)], { measure: 'count' });
    expect(r.values.get(I('CHN'), I('RUS'), 2010)).toBe(2);
    expect(r.values.get(I('JPN'), I('USA'), 2010)).toBe(1);
  });

  it('counts an exercise in its start year unless split_years', () => {
    const e = ex('2009-12-28', 'CHN RUS', { end: { year: 2010, month: 1, day: 3 } });
    expect(run([global([e], 2009, 2010)]).values.get(I('CHN'), I('RUS'), 2009)).toBe(1);
    const split = run([global([e], 2009, 2010)], { splitYears: true }).values;
    expect(split.get(I('CHN'), I('RUS'), 2009)).toBeCloseTo(4 / 7, 12);
    expect(split.get(I('CHN'), I('RUS'), 2010)).toBeCloseTo(3 / 7, 12);
  });

  it('applies domain and focus weights multiplicatively', () => {
    const e = ex('2010-05-01', 'CHN RUS', { domains: ['CPX', 'Sea'], focus: ['Humanitarian'] });
    const r = run([global([e], 2010, 2010)], { weights: { domainWeights: { CPX: 0.5, Sea: 2 }, focusWeights: { Humanitarian: 0.5 }, durationWeighting: 'none' } });
    expect(r.values.get(I('CHN'), I('RUS'), 2010)).toBe(0.5);
  });

  it('weights by duration and gives unknown durations the median', () => {
    const eight = ex('2005-08-18', 'CHN RUS', { end: { year: 2005, month: 8, day: 25 } });
    const two = ex('2005-09-01', 'KAZ RUS', { end: { year: 2005, month: 9, day: 2 } });
    const four = ex('2005-10-01', 'IND RUS', { end: { year: 2005, month: 10, day: 4 } });
    const unknown = ex('2005-11', 'MNG RUS');
    const r = run([global([eight, two, four, unknown], 2005, 2005)], { weights: { domainWeights: {}, focusWeights: {}, durationWeighting: 'days' } });
    expect(r.values.get(I('CHN'), I('RUS'), 2005)).toBe(8);
    expect(r.values.get(I('MNG'), I('RUS'), 2005)).toBe(4);
    expect(r.notes.some((n) => n.includes('count as 4 day(s)'))).toBe(true);
    const log = run([global([eight], 2005, 2005)], { weights: { domainWeights: {}, focusWeights: {}, durationWeighting: 'log_days' } });
    expect(log.values.get(I('CHN'), I('RUS'), 2005)).toBeCloseTo(1 + Math.log(8), 12);
  });

  it('notes exercises with fewer than two states', () => {
    const r = run([global([ex('2005-01-01', 'ISR'), bilateral], 2005, 2010)]);
    expect(r.counted).toBe(1);
    expect(r.notes[0]).toContain('1 exercise(s) with fewer than two identified state participants');
  });
});

describe('coverage', () => {
  it('leaves the 0s inside a global coverage to the core and drops values outside', () => {
    const r = run([global([bilateral, ex('2015-01-01', 'CHN RUS')], 1980, 2010)]);
    expect(r.zeroInsideCoverage).toBe(true);
    expect(r.coverage).toEqual([{ from: 1980, to: 2010 }]);
    expect(r.values.get(I('CHN'), I('RUS'), 2015)).toBeNull();
    expect(r.values.size).toBe(1);
    expect(r.notes.some((n) => n.startsWith('1 pair-year value(s) fall outside'))).toBe(true);
  });

  it('covers only the pairs of the covered state beyond the global years', () => {
    const rus: JointDrillsSource = {
      label: 'rus.csv',
      exercises: [ex('2012', 'AUS RUS USA'), ex('2012', 'CHN RUS')],
      coverage: { years: { from: 2009, to: 2012 }, state: I('RUS') },
    };
    const r = run([global([bilateral, ex('2010-03-01', 'GBR USA')], 2005, 2010), rus]);
    expect(r.zeroInsideCoverage).toBe(false);
    expect(r.coverage).toEqual([{ from: 2005, to: 2012 }]);
    // inside the global years every pair of existing states is 0 without an exercise
    expect(r.values.get(I('GBR'), I('RUS'), 2006)).toBe(0);
    expect(r.values.get(I('IRN'), I('USA'), 2006)).toBe(0);
    // beyond them, pairs with RUS only
    expect(r.values.get(I('CHN'), I('RUS'), 2012)).toBe(1);
    expect(r.values.get(I('AUS'), I('RUS'), 2012)).toBe(0.5);
    expect(r.values.get(I('IRN'), I('RUS'), 2011)).toBe(0);
    expect(r.values.get(I('GBR'), I('USA'), 2011)).toBeNull();
    // a pair of two other states recorded by the Russia-only list is a partial count: left out
    expect(r.values.get(I('AUS'), I('USA'), 2012)).toBeNull();
    expect(r.notes.some((n) => n.includes('pairs with RUS only 2011–2012'))).toBe(true);
  });
});

describe('several sources', () => {
  it('counts an exercise found in two sources once and reports it with both lines', () => {
    const a = ex('2009-07-22', 'CHN RUS', { source: 'mme.csv', line: 3495, name: 'Peace Mission 2009' });
    const b = ex('2009', 'CHN RUS', { source: 'rus.csv', line: 80, name: 'Мирная миссия-2009' });
    const r = run([global([a], 1980, 2010), { label: 'rus.csv', exercises: [b], coverage: { years: { from: 2009, to: 2018 }, state: I('RUS') } }]);
    expect(r.values.get(I('CHN'), I('RUS'), 2009)).toBe(1);
    expect(r.duplicates).toHaveLength(1);
    const line = r.notes.find((n) => n.includes('duplicate:'));
    expect(line).toContain('rus.csv:80 "Мирная миссия-2009" 2009 = mme.csv:3495 "Peace Mission 2009" 2009-07-22 [CHN, RUS]');
  });
});

describe('smoothed measures', () => {
  it('carries a decayed stock to the end of the coverage', () => {
    const r = run([global([ex('2000-01-01', 'CHN RUS')], 1995, 2005)], { measure: 'stock', stockHalfLife: 1 });
    expect(r.values.get(I('CHN'), I('RUS'), 1999)).toBeNull(); // before the first exercise: the core's 0
    expect(r.values.get(I('CHN'), I('RUS'), 2000)).toBe(1);
    expect(r.values.get(I('CHN'), I('RUS'), 2002)).toBe(0.25);
    expect(r.values.get(I('CHN'), I('RUS'), 2005)).toBeCloseTo(1 / 32, 12);
    expect(r.values.get(I('CHN'), I('RUS'), 2006)).toBeNull();
  });

  it('averages over the window, from the count base when asked', () => {
    const r = run([global([ex('2000-01-01', 'CHN KAZ RUS'), ex('2001-01-01', 'CHN KAZ RUS')], 2000, 2005)], { measure: 'window', windowYears: 2, base: 'count' });
    expect(r.values.get(I('CHN'), I('RUS'), 2000)).toBe(1);
    expect(r.values.get(I('CHN'), I('RUS'), 2001)).toBe(1);
    expect(r.values.get(I('CHN'), I('RUS'), 2002)).toBe(0.5);
    expect(r.values.get(I('CHN'), I('RUS'), 2003)).toBe(0);
  });
});

describe('determinism', () => {
  it('gives the same values whatever the order of the rows', () => {
    const list = [
      ex('2001-01-01', 'CHN KAZ KGZ RUS TJK', { line: 2 }),
      ex('2001-03-01', 'CHN RUS', { line: 3 }),
      ex('2001-05-01', 'CHN IND JPN RUS USA', { line: 4 }),
      ex('2001-05-02', 'CHN RUS USA', { line: 5 }),
      ex('2001-06-01', 'IND RUS', { line: 6 }),
    ];
    const a = run([global(list, 2000, 2002)]).values.sortedEntries();
    const b = run([global([...list].reverse(), 2000, 2002)]).values.sortedEntries();
    expect(b).toEqual(a);
  });
});
