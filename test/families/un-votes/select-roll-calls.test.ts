import { describe, expect, it } from 'vitest';
import { selectRollCalls } from '../../../src/families/un-votes/select-roll-calls.js';
import { ISSUE_BITS } from '../../../src/families/un-votes/roll-call-data.js';
import { rollCallsOf } from './roll-calls-of.js';

const base = { year_by: 'session', keep_unanimous: false } as const;
const rcids = (d: ReturnType<typeof rollCallsOf>, calls: Int32Array) => [...calls].map((c) => d.rollCalls.rcid[c]);

describe('selectRollCalls', () => {
  it('labels a roll call with session + 1945 and leaves session 19 out', () => {
    const d = rollCallsOf(
      [
        { rcid: 10, session: 18 },
        { rcid: 879, session: 19 },
        { rcid: 20, session: 20 },
      ],
      { USA: 'YYY', RUS: 'NNN' },
    );
    const s = selectRollCalls(d, base);
    expect(s.years.map((y) => y.year)).toEqual([1963, 1965]);
    expect(s.dropped.session19).toBe(1);
  });

  it('drops a roll call unanimous among all yes/abstain/no voters, judged over everyone, not the pair', () => {
    const d = rollCallsOf(
      [
        { rcid: 1, session: 45 },
        { rcid: 2, session: 45 },
        { rcid: 3, session: 45 },
        { rcid: 4, session: 45 },
      ],
      // 1: all yes (absent does not count) → unanimous; 2: USA/RUS agree but FRA abstains → kept;
      // 3: nobody voted → dropped; 4: split
      { USA: 'YY.Y', RUS: 'YY.N', FRA: '8A.Y' },
    );
    const s = selectRollCalls(d, base);
    expect(rcids(d, s.years[0]!.calls)).toEqual([2, 4]);
    expect(s.dropped.unanimous).toBe(2);
    const kept = selectRollCalls(d, { ...base, keep_unanimous: true });
    expect(rcids(d, kept.years[0]!.calls)).toEqual([1, 2, 3, 4]);
  });

  it('keeps roll calls tagged with any of the issues asked for, "important" included', () => {
    const d = rollCallsOf(
      [
        { rcid: 1, session: 45, issues: ISSUE_BITS.hr },
        { rcid: 2, session: 45, issues: ISSUE_BITS.me | ISSUE_BITS.nu },
        { rcid: 3, session: 45, issues: ISSUE_BITS.important },
        { rcid: 4, session: 45 },
      ],
      { USA: 'YYYY', RUS: 'NNNN' },
    );
    expect(rcids(d, selectRollCalls(d, { ...base, issues: ['hr', 'nu'] }).years[0]!.calls)).toEqual([1, 2]);
    expect(rcids(d, selectRollCalls(d, { ...base, issues: ['important'] }).years[0]!.calls)).toEqual([3]);
    expect(selectRollCalls(d, { ...base, issues: ['co'] }).years).toEqual([]);
    expect(selectRollCalls(d, { ...base, issues: ['co'] }).dropped.issue).toBe(4);
  });

  it('can label by the calendar year of the vote; roll calls without a date are then dropped', () => {
    const d = rollCallsOf(
      [
        { rcid: 1, session: 45, date: 19901001 },
        { rcid: 2, session: 45, date: 19910315 },
        { rcid: 3, session: 45 },
      ],
      { USA: 'YYY', RUS: 'NNN' },
    );
    const s = selectRollCalls(d, { ...base, year_by: 'date' });
    expect(s.years.map((y) => [y.year, rcids(d, y.calls)])).toEqual([
      [1990, [1]],
      [1991, [2]],
    ]);
    expect(s.dropped.noDate).toBe(1);
    expect(selectRollCalls(d, base).years.map((y) => y.year)).toEqual([1990]);
  });

  it('orders each year\'s roll calls by rcid whatever the order of the roll-call file', () => {
    const d = rollCallsOf(
      [
        { rcid: 30, session: 45 },
        { rcid: 10, session: 45 },
        { rcid: 20, session: 45 },
      ],
      { USA: 'YYY', RUS: 'NNN' },
    );
    expect(rcids(d, selectRollCalls(d, base).years[0]!.calls)).toEqual([10, 20, 30]);
  });
});
