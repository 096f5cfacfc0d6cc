import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { completeness } from '../../../src/families/trade/completeness.js';
import { NO_FLOWS } from '../../../src/families/trade/flow-list.js';
import type { TradeFlowSet } from '../../../src/families/trade/trade-flow-set.js';

const S = (x: string) => x as Iso3;
const set = (from: number, to: number, completeFor: TradeFlowSet['completeFor']): TradeFlowSet => ({
  label: 'x',
  importerReports: NO_FLOWS,
  exporterReports: NO_FLOWS,
  coverage: [{ from, to }],
  completeFor,
  totals: null,
  notes: [],
});

describe('completeness', () => {
  it('sums every state inside a complete source, only the reporter inside a DOTS table, nobody outside', () => {
    const complete = completeness([set(1870, 2014, 'all'), set(2015, 2023, new Set([S('RUS')]))]);
    expect(complete(S('IRN'), 2010)).toBe(true);
    expect(complete(S('IRN'), 2020)).toBe(false);
    expect(complete(S('RUS'), 2020)).toBe(true);
    expect(complete(S('RUS'), 2030)).toBe(false);
  });
});
