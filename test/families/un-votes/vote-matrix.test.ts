import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { buildVoteMatrices } from '../../../src/families/un-votes/vote-matrix.js';
import { selectRollCalls } from '../../../src/families/un-votes/select-roll-calls.js';
import type { RollCallData } from '../../../src/families/un-votes/roll-call-data.js';
import { rollCallsOf, session } from './roll-calls-of.js';

const keepAll = { year_by: 'session', keep_unanimous: true } as const;

function rows(d: RollCallData, absent: 'drop' | 'abstain' | 'no'): Record<string, string> {
  const m = buildVoteMatrices(d, selectRollCalls(d, keepAll), absent).years[0]!;
  const nc = m.calls.length;
  return Object.fromEntries(d.votes.states.map((s, i) => [s, [...m.codes.subarray(i * nc, (i + 1) * nc)].join('')]));
}

describe('buildVoteMatrices', () => {
  it('applies the absence policy: drop (no vote), abstain or no', () => {
    const d = rollCallsOf(session(3), { USA: 'Y8N', RUS: '8AY' });
    expect(rows(d, 'drop')).toEqual({ RUS: '021', USA: '103' });
    expect(rows(d, 'abstain')).toEqual({ RUS: '221', USA: '123' });
    expect(rows(d, 'no')).toEqual({ RUS: '321', USA: '133' });
  });

  it('merges two seats of one state order-independently: a vote beats an absence, different votes cancel', () => {
    // two source entities both resolved to DEU (e.g. West Germany and unified Germany)
    const votes = (order: number[]): RollCallData => {
      const entries: [number, number, number][] = [
        [0, 0, 1], // roll call 0: DEU yes …
        [0, 0, 8], // … and DEU absent → yes
        [0, 1, 1], // roll call 1: DEU yes …
        [0, 1, 3], // … and DEU no → conflict, no vote
        [0, 2, 8], // roll call 2: absent twice → absent
        [0, 2, 8],
        [1, 0, 3],
        [1, 1, 3],
        [1, 2, 3],
      ];
      const e = order.map((i) => entries[i]!);
      return {
        rollCalls: { rcid: Int32Array.of(1, 2, 3), session: Int16Array.of(45, 45, 45), date: new Int32Array(3), issues: new Uint8Array(3) },
        votes: { states: ['DEU', 'USA'] as Iso3[], state: Uint16Array.from(e.map((x) => x[0])), call: Int32Array.from(e.map((x) => x[1])), code: Int8Array.from(e.map((x) => x[2])) },
        recordsAbsences: true,
        notes: [],
      };
    };
    const forward = votes([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const backward = votes([8, 7, 6, 5, 4, 3, 2, 1, 0]);
    for (const d of [forward, backward]) {
      const m = buildVoteMatrices(d, selectRollCalls(d, keepAll), 'abstain');
      expect(m.conflicts).toBe(1);
      expect([...m.years[0]!.codes.subarray(0, 3)]).toEqual([1, 0, 2]);
    }
  });
});
