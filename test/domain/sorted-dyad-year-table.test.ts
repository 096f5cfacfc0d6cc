import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../src/domain/country.js';
import { DyadYearTable } from '../../src/domain/dyad-year-table.js';
import { packKey } from '../../src/domain/dyad-year-key.js';
import { SortedDyadYearTable } from '../../src/domain/sorted-dyad-year-table.js';

const I = (c: string): Iso3 => c as Iso3;
const rows: [string, string, number, number][] = [
  ['IRN', 'RUS', 2010, 0.8],
  ['IRN', 'RUS', 2011, 0.7],
  ['RUS', 'USA', 1990, 0],
  ['RUS', 'USA', 2010, 0.4],
];

function both(): [DyadYearTable, SortedDyadYearTable] {
  const map = new DyadYearTable(false);
  for (const [a, b, y, v] of rows) map.set(I(a), I(b), y, v);
  const keys = Float64Array.from(rows.map(([a, b, y]) => packKey(I(a), I(b), y)));
  return [map, SortedDyadYearTable.fromSorted(false, keys, Float64Array.from(rows.map((r) => r[3])))];
}

describe('SortedDyadYearTable', () => {
  it('answers every read like a Map-backed DyadYearTable', () => {
    const [map, sorted] = both();
    expect(sorted).toBeInstanceOf(DyadYearTable);
    expect(sorted.size).toBe(map.size);
    expect([...sorted.keys()]).toEqual([...map.keys()]);
    expect([...sorted.entries()]).toEqual([...map.entries()]);
    expect(sorted.sortedEntries()).toEqual(map.sortedEntries());
    expect(sorted.years()).toEqual(map.years());
    for (const [a, b, y] of [...rows, ['IRN', 'USA', 2010] as const]) {
      expect(sorted.get(I(b), I(a), y)).toBe(map.get(I(b), I(a), y));
      expect(sorted.has(I(a), I(b), y)).toBe(map.has(I(a), I(b), y));
      expect(sorted.getByKey(packKey(I(a), I(b), y))).toBe(map.getByKey(packKey(I(a), I(b), y)));
    }
    expect(sorted.get(I('RUS'), I('USA'), 1990)).toBe(0); // a present zero is not missing
  });

  it('turns into a plain Map-backed table on the first write and keeps every value', () => {
    const [map, sorted] = both();
    sorted.set(I('CHN'), I('RUS'), 2001, 0.9);
    map.set(I('CHN'), I('RUS'), 2001, 0.9);
    sorted.add(I('IRN'), I('RUS'), 2010, 0.1);
    map.add(I('IRN'), I('RUS'), 2010, 0.1);
    expect(sorted.sortedEntries()).toEqual(map.sortedEntries());
    expect(sorted.size).toBe(5);
    expect(sorted.get(I('RUS'), I('CHN'), 2001)).toBe(0.9);
  });

  it('refuses keys out of order and non-finite values', () => {
    expect(() => SortedDyadYearTable.fromSorted(false, Float64Array.of(2, 1), Float64Array.of(0, 0))).toThrow(/ascending/);
    expect(() => SortedDyadYearTable.fromSorted(false, Float64Array.of(1, 2), Float64Array.of(0, NaN))).toThrow(/non-finite/);
    expect(() => SortedDyadYearTable.fromSorted(false, Float64Array.of(1), Float64Array.of())).toThrow(/values/);
  });
});

describe('SortedDyadYearTable columns', () => {
  it('exposes its sorted arrays until it turns into a Map, and lets tables share one key array', () => {
    const keys = Float64Array.of(packKey(I('IRN'), I('RUS'), 2010), packKey(I('RUS'), I('USA'), 2010));
    const a = SortedDyadYearTable.fromSorted(false, keys, Float64Array.of(0.8, 0.4));
    const b = SortedDyadYearTable.fromSorted(false, keys, Float64Array.of(81, 85));
    expect(a.columns()!.keys).toBe(b.columns()!.keys);
    expect([...b.columns()!.values]).toEqual([81, 85]);
    b.set(I('CHN'), I('RUS'), 2010, 1);
    expect(b.columns()).toBeNull();
    expect(a.get(I('RUS'), I('USA'), 2010)).toBe(0.4); // the shared keys were not touched
    expect(b.size).toBe(3);
  });
});
