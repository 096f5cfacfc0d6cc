import { describe, expect, it } from 'vitest';
import { mergeRollCallData } from '../../../src/families/un-votes/merge-roll-call-data.js';
import { rollCallsOf } from './roll-calls-of.js';

describe('mergeRollCallData', () => {
  it('unites states and roll calls; a roll call already in an earlier source is skipped with its votes', () => {
    const older = rollCallsOf([{ rcid: 1, session: 70 }, { rcid: 2, session: 70 }], { USA: 'Y8', RUS: 'NN' });
    const newer = rollCallsOf([{ rcid: 2, session: 70 }, { rcid: 3, session: 71 }], { USA: 'YY', IRN: 'NN' });
    const m = mergeRollCallData([older, newer]);
    expect(m.votes.states).toEqual(['IRN', 'RUS', 'USA']);
    expect([...m.rollCalls.rcid]).toEqual([1, 2, 3]);
    const votes = [...m.votes.code].map((c, k) => `${m.rollCalls.rcid[m.votes.call[k]!]} ${m.votes.states[m.votes.state[k]!]} ${c}`).sort();
    expect(votes).toEqual(['1 RUS 3', '1 USA 1', '2 RUS 3', '2 USA 8', '3 IRN 3', '3 USA 1']);
    expect(m.recordsAbsences).toBe(true);
    expect(m.notes).toEqual(['source 2: 1 roll call(s) already in an earlier source skipped with their votes']);
  });

  it('returns a single source unchanged', () => {
    const one = rollCallsOf([{ rcid: 1, session: 70 }], { USA: 'Y' });
    expect(mergeRollCallData([one])).toBe(one);
  });
});
