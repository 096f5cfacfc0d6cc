import { describe, expect, it } from 'vitest';
import { flowListOf } from '../../../src/families/trade/flow-list.js';
import { StateIndex } from '../../../src/families/trade/state-index.js';
import { yearBuckets } from '../../../src/families/trade/year-buckets.js';

describe('yearBuckets', () => {
  it('groups flows by ascending year, keeping input order within a year', () => {
    const b = yearBuckets(
      flowListOf([
        ['RUS', 'IRN', 2009, 1],
        ['RUS', 'IRN', 2008, 2],
        ['IRN', 'RUS', 2009, 3],
      ]),
    );
    expect([...b.ranges]).toEqual([
      [2008, [0, 1]],
      [2009, [1, 3]],
    ]);
    expect([...b.order]).toEqual([1, 0, 2]);
  });
});

describe('StateIndex', () => {
  it('numbers the states of all lists in alphabetical order', () => {
    const s = new StateIndex([flowListOf([['RUS', 'IRN', 2008, 1]]), flowListOf([['USA', 'CHN', 2008, 1]])]);
    expect(s.codes).toEqual(['CHN', 'IRN', 'RUS', 'USA']);
    expect(s.size).toBe(4);
  });
});
