import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysInPeriod, isLeapYear, periodFromIndex, periodIndex, periodLabel, periodsPerYear, PERIOD_KINDS } from '../../src/domain/period.js';

describe('calendar periods', () => {
  it('index and back is the identity, and indexes increase in time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PERIOD_KINDS), fc.integer({ min: 1000, max: 4095 }), fc.integer({ min: 1, max: 12 }), (kind, year, s) => {
        const sub = ((s - 1) % periodsPerYear(kind)) + 1;
        const i = periodIndex(kind, year, sub);
        expect(periodFromIndex(kind, i)).toEqual({ year, sub });
        if (sub < periodsPerYear(kind)) expect(periodIndex(kind, year, sub + 1)).toBe(i + 1);
        else expect(periodIndex(kind, year + 1, 1)).toBe(i + 1);
      }),
    );
  });

  it('the days of the months and of the quarters add up to the days of the year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 4095 }), (year) => {
        const months = Array.from({ length: 12 }, (_, m) => daysInPeriod('month', year, m + 1)).reduce((a, b) => a + b);
        const quarters = [1, 2, 3, 4].map((q) => daysInPeriod('quarter', year, q)).reduce((a, b) => a + b);
        expect(months).toBe(daysInPeriod('year', year, 1));
        expect(quarters).toBe(daysInPeriod('year', year, 1));
      }),
    );
  });

  it('knows the Gregorian leap years and writes labels', () => {
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true]);
    expect(daysInPeriod('year', 2024, 1)).toBe(366);
    expect(daysInPeriod('month', 2023, 2)).toBe(28);
    expect([periodLabel('year', 2022, 1), periodLabel('quarter', 2022, 3), periodLabel('month', 2022, 3)]).toEqual(['2022', '2022-Q3', '2022-03']);
  });
});
