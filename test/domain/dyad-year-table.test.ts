import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { iso3FromIndex } from '../../src/domain/country.js';
import { DyadYearTable } from '../../src/domain/dyad-year-table.js';
import { packKey, unpackKey, yearOfKey } from '../../src/domain/dyad-year-key.js';

const iso3 = fc.integer({ min: 0, max: 17575 }).map(iso3FromIndex);

describe('packed dyad-year keys', () => {
  it('give back the year and both states of every pair and year, up to ZZZ-ZZZ 4095 (property)', () => {
    fc.assert(
      fc.property(iso3, iso3, fc.integer({ min: 0, max: 4095 }), (a, b, year) => {
        const key = packKey(a, b, year);
        expect(yearOfKey(key)).toBe(year);
        expect(yearOfKey(key)).toBe(key % 4096);
        expect(unpackKey(key)).toEqual({ a, b, year });
      }),
      { numRuns: 2000 },
    );
  });

  it('keep a table\'s years whatever the pair', () => {
    const t = new DyadYearTable(false);
    t.set(iso3FromIndex(17575), iso3FromIndex(17574), 2019, 1);
    t.set(iso3FromIndex(0), iso3FromIndex(1), 1946, 0);
    expect([...t.years()].sort()).toEqual([1946, 2019]);
  });
});
