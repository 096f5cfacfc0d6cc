import { describe, expect, it } from 'vitest';
import { dateGapDays, mergeSources } from '../../../src/families/joint-drills/merge-sources.js';
import { ex } from './exercise-fixture.js';

describe('merging sources', () => {
  it('counts an exercise found in two sources once and reports both lines', () => {
    const a = ex('2009-07-22', 'CHN RUS', { source: 'mme.csv', line: 10 });
    const b = ex('2009', 'CHN RUS', { source: 'rus.csv', line: 80 });
    const m = mergeSources([[a], [b]], 3);
    expect(m.exercises).toEqual([a]);
    expect(m.duplicates).toEqual([{ kept: a, dropped: b, gapDays: 0 }]);
  });

  it('matches start dates within the tolerance only', () => {
    const a = ex('2009-07-22', 'CHN RUS');
    expect(mergeSources([[a], [ex('2009-07-25', 'CHN RUS')]], 3).duplicates).toHaveLength(1);
    expect(mergeSources([[a], [ex('2009-07-26', 'CHN RUS')]], 3).duplicates).toHaveLength(0);
    expect(dateGapDays(a.start, ex('2009-07-26', 'CHN RUS').start)).toBe(4);
  });

  it('needs the same participant set', () => {
    const m = mergeSources([[ex('2009-07-22', 'CHN RUS')], [ex('2009-07-22', 'CHN KAZ RUS')]], 3);
    expect(m.duplicates).toHaveLength(0);
    expect(m.exercises).toHaveLength(2);
  });

  it('matches one to one: two year-only exercises against one dated exercise', () => {
    const m = mergeSources([[ex('2009-07-22', 'CHN RUS')], [ex('2009', 'CHN RUS', { name: 'a' }), ex('2009', 'CHN RUS', { name: 'b' })]], 3);
    expect(m.duplicates).toHaveLength(1);
    expect(m.exercises).toHaveLength(2);
  });

  it('never merges exercises of one source', () => {
    const m = mergeSources([[ex('2009-07-22', 'CHN RUS'), ex('2009-07-22', 'CHN RUS', { line: 3 })]], 3);
    expect(m.exercises).toHaveLength(2);
    expect(m.duplicates).toHaveLength(0);
  });

  it('does not depend on the order of the rows', () => {
    const first = [ex('2009-07-22', 'CHN RUS', { line: 2 }), ex('2009-07-24', 'CHN RUS', { line: 3 })];
    const second = [ex('2009-07-23', 'CHN RUS', { source: 'b', line: 5 }), ex('2009', 'CHN RUS', { source: 'b', line: 6 })];
    const m1 = mergeSources([first, second], 3);
    const m2 = mergeSources([[...first].reverse(), [...second].reverse()], 3);
    expect(m2).toEqual(m1);
  });
});
