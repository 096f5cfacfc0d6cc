import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLOCATION_NAMES, allocateTiv } from '../../../src/families/arms-transfers/allocate.js';
import { deliveredTiv, SMALL_TIV } from '../../../src/families/arms-transfers/small-tiv.js';
import type { SipriDeal } from '../../../src/families/arms-transfers/deal.js';

const sum = (parts: readonly { tiv: number }[]): number => parts.reduce((s, p) => s + p.tiv, 0);

describe('allocateTiv', () => {
  it('splits evenly over the delivery years by default rule even', () => {
    expect(allocateTiv(362.5, [2006, 2007], 'even')).toEqual([
      { year: 2006, tiv: 181.25 },
      { year: 2007, tiv: 181.25 },
    ]);
    expect(allocateTiv(63, [2023, 2024], 'even').map((p) => p.tiv)).toEqual([31.5, 31.5]);
  });

  it('puts everything in the first or the last delivery year', () => {
    expect(allocateTiv(63, [2023, 2024], 'first_year')).toEqual([{ year: 2023, tiv: 63 }]);
    expect(allocateTiv(63, [2023, 2024], 'last_year')).toEqual([{ year: 2024, tiv: 63 }]);
  });

  it('sorts and de-duplicates the years first', () => {
    expect(allocateTiv(30, [2012, 2010, 2012, 2011], 'even').map((p) => p.year)).toEqual([2010, 2011, 2012]);
  });

  it('allocates nothing without delivery years or TIV', () => {
    expect(allocateTiv(0, [2020], 'even')).toEqual([]);
    expect(allocateTiv(12, [], 'even')).toEqual([]);
  });

  it('always sums back to the deal’s delivered TIV, whatever the rule', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e5, noNaN: true }),
        fc.uniqueArray(fc.integer({ min: 1950, max: 2024 }), { minLength: 1, maxLength: 43 }),
        fc.constantFrom(...ALLOCATION_NAMES),
        (tiv, years, rule) => {
          const parts = allocateTiv(tiv, years, rule);
          expect(Math.abs(sum(parts) - tiv)).toBeLessThanOrEqual(1e-9 * tiv);
          for (const p of parts) expect(p.tiv).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('deliveredTiv', () => {
  const deal = (tivDelivered: number | null, deliveryYears: number[]): SipriDeal => ({
    line: 1,
    recipient: 'Iran',
    supplier: 'Russia',
    orderYear: 2000,
    orderYearUncertain: false,
    numberOrdered: 1,
    numberOrderedUncertain: false,
    weaponDesignation: 'x',
    weaponDescription: 'y',
    numberDelivered: 1,
    numberDeliveredUncertain: false,
    deliveryYears,
    status: 'New',
    comments: '',
    tivPerUnit: 1,
    tivTotalOrder: 1,
    tivDelivered,
  });

  it("reads SIPRI's 0 with delivery years as more than 0 but less than 0.5", () => {
    expect(deliveredTiv(deal(0, [2020]))).toBe(SMALL_TIV);
    expect(deliveredTiv(deal(362.5, [2006, 2007]))).toBe(362.5);
  });

  it('is 0 for a deal with nothing delivered yet', () => {
    expect(deliveredTiv(deal(0, []))).toBe(0);
  });
});
