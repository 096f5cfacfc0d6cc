/**
 * Test helper: builds a {@link RollCallData} from a compact text form. Each state's votes
 * are a string with one character per roll call: Y yes, A abstain, N no, 8 absent, . none.
 * @example
 * rollCallsOf([{ rcid: 1, session: 45 }, { rcid: 2, session: 45 }], { USA: 'YN', RUS: 'NN' })
 */
import type { Iso3 } from '../../../src/domain/country.js';
import type { RollCallData } from '../../../src/families/un-votes/roll-call-data.js';

export interface CallSpec {
  readonly rcid: number;
  readonly session: number;
  readonly date?: number;
  readonly issues?: number;
}

const CODE: Record<string, number> = { Y: 1, A: 2, N: 3, '8': 8 };

export function rollCallsOf(calls: readonly CallSpec[], votes: Readonly<Record<string, string>>): RollCallData {
  const states = Object.keys(votes).sort() as Iso3[];
  const state: number[] = [];
  const call: number[] = [];
  const code: number[] = [];
  states.forEach((s, si) => {
    const line = votes[s]!;
    if (line.length !== calls.length) throw new Error(`${s}: ${line.length} votes for ${calls.length} roll calls`);
    [...line].forEach((ch, c) => {
      if (ch === '.') return;
      const v = CODE[ch];
      if (v === undefined) throw new Error(`bad vote character ${ch}`);
      state.push(si);
      call.push(c);
      code.push(v);
    });
  });
  return {
    rollCalls: {
      rcid: Int32Array.from(calls.map((c) => c.rcid)),
      session: Int16Array.from(calls.map((c) => c.session)),
      date: Int32Array.from(calls.map((c) => c.date ?? 0)),
      issues: Uint8Array.from(calls.map((c) => c.issues ?? 0)),
    },
    votes: { states, state: Uint16Array.from(state), call: Int32Array.from(call), code: Int8Array.from(code) },
    recordsAbsences: code.includes(8),
    notes: [],
  };
}

/** `n` roll calls of one session with rcids 1..n. */
export function session(n: number, s = 45): CallSpec[] {
  return Array.from({ length: n }, (_, i) => ({ rcid: i + 1, session: s }));
}
