import { describe, expect, it } from 'vitest';
import { splitByDays, yearAllocations } from '../../../src/families/joint-drills/year-allocation.js';

describe('year allocation', () => {
  const newYear = { start: { year: 1975, month: 12, day: 28 }, end: { year: 1976, month: 1, day: 3 } };

  it('counts an exercise in the year it starts by default', () => {
    expect(yearAllocations.start(newYear)).toEqual([{ year: 1975, share: 1 }]);
  });

  it('splits an exercise across New Year by its days', () => {
    const s = splitByDays(newYear);
    expect(s.map((x) => x.year)).toEqual([1975, 1976]);
    expect(s[0]!.share).toBeCloseTo(4 / 7, 12);
    expect(s[1]!.share).toBeCloseTo(3 / 7, 12);
  });

  it('reads an unknown end day as the last day of its month', () => {
    const s = splitByDays({ start: { year: 1997, month: 12, day: 16 }, end: { year: 1998, month: 1, day: null } });
    expect(s[0]!.share).toBeCloseTo(16 / 47, 12);
  });

  it('keeps an exercise inside one year whole', () => {
    expect(splitByDays({ start: { year: 2009, month: null, day: null }, end: null })).toEqual([{ year: 2009, share: 1 }]);
  });
});
