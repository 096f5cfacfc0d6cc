import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { configDifferences, indexChanges, inputDifferences, largestMovers, type DiffRow } from '../../src/analysis/report-diff.js';

const row = (a: string, b: string, year: number, index: number | null): DiffRow => ({ a, b, year, index });

describe('report differences', () => {
  it('lists a changed value, a gained and a lost index, and rows of one report only', () => {
    const a = [row('IRN', 'RUS', 2000, 50), row('IRN', 'RUS', 2001, null), row('IRN', 'RUS', 2002, 40), row('CHN', 'RUS', 2000, 70)];
    const b = [row('IRN', 'RUS', 2000, 55), row('IRN', 'RUS', 2001, 30), row('IRN', 'RUS', 2002, null), row('IRN', 'USA', 2000, 10)];
    expect(indexChanges(a, b).map((c) => [c.a, c.b, c.year, c.status, c.change])).toEqual([
      ['CHN', 'RUS', 2000, 'only_a', null],
      ['IRN', 'RUS', 2000, 'changed', 5],
      ['IRN', 'RUS', 2001, 'gained_index', null],
      ['IRN', 'RUS', 2002, 'lost_index', null],
      ['IRN', 'USA', 2000, 'only_b', null],
    ]);
  });

  it('finds no change between a report and itself (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ year: fc.integer({ min: 1946, max: 2024 }), index: fc.option(fc.double({ min: 0, max: 100, noNaN: true })) }), { selector: (x) => x.year }), (xs) => {
        const rows = xs.map((x) => row('IRN', 'RUS', x.year, x.index));
        return indexChanges(rows, rows).length === 0;
      }),
    );
  });

  it('orders the largest movers by the size of the change', () => {
    const c = indexChanges([row('A', 'B', 1, 10), row('A', 'B', 2, 10), row('A', 'B', 3, 10)], [row('A', 'B', 1, 12), row('A', 'B', 2, 1), row('A', 'B', 3, 15)]);
    expect(largestMovers(c, 2).map((m) => m.year)).toEqual([2, 3]);
  });

  it('names the config leaves that differ, and the inputs', () => {
    expect(configDifferences({ a: 1, b: { c: [1, 2], d: 'x' } }, { a: 1, b: { c: [1, 3] }, e: true })).toEqual([
      { key: 'b.c', a: [1, 2], b: [1, 3] },
      { key: 'b.d', a: 'x', b: undefined },
      { key: 'e', a: undefined, b: true },
    ]);
    expect(inputDifferences([{ title: 'un: votes', path: 'v.csv', sha256: 'x' }, { title: 'arms', path: 's.csv', sha256: 'y' }], [{ title: 'un: votes', path: 'v.csv', sha256: 'z' }, { title: 'arms', path: 's.csv', sha256: 'y' }]).map((d) => d.title)).toEqual(['un: votes']);
  });
});
