import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { FlowListBuilder, flowListOf, flowTable } from '../../../src/families/trade/flow-list.js';

const S = (x: string) => x as Iso3;

describe('FlowListBuilder', () => {
  it('grows past its initial capacity and keeps every flow in order', () => {
    const b = new FlowListBuilder(1);
    for (let k = 0; k < 100; k++) b.push(S('RUS'), S('IRN'), 1900 + k, k);
    const l = b.finish();
    expect(l.count).toBe(100);
    expect(l.year[99]).toBe(1999);
    expect(l.value[42]).toBe(42);
  });
});

describe('flowTable', () => {
  it('sums repeated flows and leaves unknown (NaN) ones missing, making their sums missing too', () => {
    const t = flowTable(
      flowListOf([
        ['RUS', 'IRN', 2000, 1],
        ['RUS', 'IRN', 2000, 2],
        ['IRN', 'RUS', 2000, NaN],
        ['USA', 'RUS', 2000, 4],
        ['USA', 'RUS', 2000, NaN],
      ]),
    );
    expect(t.get(S('RUS'), S('IRN'), 2000)).toBe(3);
    expect(t.has(S('IRN'), S('RUS'), 2000)).toBe(false);
    expect(t.has(S('USA'), S('RUS'), 2000)).toBe(false);
  });
});
