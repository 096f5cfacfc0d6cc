/**
 * Per-year vote matrices (states × roll calls, one byte per cell) with the absence policy
 * applied — the representation every UN voting measure is counted over (this family's README.md).
 */
import type { RollCallData } from './roll-call-data.js';
import type { RollCallSelection } from './select-roll-calls.js';

/** How an absence (code 8) counts: not a vote, an abstention, or a no. */
export type AbsencePolicy = 'drop' | 'abstain' | 'no';

/** Effective code of each stored code under each policy (0 = no vote; 1 yes, 2 abstain, 3 no). */
const EFFECTIVE: Readonly<Record<AbsencePolicy, Uint8Array>> = {
  drop: effective(0),
  abstain: effective(2),
  no: effective(3),
};

function effective(absent: number): Uint8Array {
  const t = new Uint8Array(256);
  t[1] = 1;
  t[2] = 2;
  t[3] = 3;
  t[8] = absent;
  return t;
}

const CONFLICT = 127;

/**
 * The votes of one year: `codes[s * calls.length + c]` is state `s`'s effective vote on the
 * year's roll call `c` (0 none, 1 yes, 2 abstain, 3 no). State indices are those of
 * {@link VoteRecords.states} (alphabetical).
 */
export interface YearMatrix {
  readonly year: number;
  /** Roll-call indices of the columns (into the roll-call table), ordered by rcid. */
  readonly calls: Int32Array;
  readonly states: number;
  readonly codes: Uint8Array;
}

/** The year matrices plus the number of (state, roll call) cells where merged seats disagreed. */
export interface VoteMatrices {
  readonly years: readonly YearMatrix[];
  /** Cells where two source entities of one state (e.g. after a succession rule) cast different votes. */
  readonly conflicts: number;
}

/**
 * Builds one vote matrix per selected year.
 *
 * Several source entities can land on one state (the crosswalk's succession rules, e.g.
 * COW 260 and 255 → DEU). In a cell they are merged order-independently: a recorded
 * yes/abstain/no beats an absence; two different recorded votes make the cell "no vote"
 * (counted in `conflicts`). Then the absence policy maps 8 to none, abstain or no.
 *
 * Cost: O(votes + states × roll calls).
 * @example
 * buildVoteMatrices(data, selection, 'drop').years[0].codes // Uint8Array of states × calls
 */
export function buildVoteMatrices(data: RollCallData, selection: RollCallSelection, absent: AbsencePolicy): VoteMatrices {
  const nStates = data.votes.states.length;
  const nCalls = data.rollCalls.rcid.length;
  const yearOf = new Int32Array(nCalls).fill(-1);
  const colOf = new Int32Array(nCalls);
  const raw = selection.years.map((y, g) => {
    y.calls.forEach((call, col) => {
      yearOf[call] = g;
      colOf[call] = col;
    });
    return new Uint8Array(nStates * y.calls.length);
  });
  const { state, call, code } = data.votes;
  for (let k = 0; k < code.length; k++) {
    const c = call[k]!;
    const g = yearOf[c]!;
    if (g < 0) continue;
    const m = raw[g]!;
    const at = state[k]! * selection.years[g]!.calls.length + colOf[c]!;
    m[at] = merge(m[at]!, code[k]!);
  }
  const map = EFFECTIVE[absent];
  let conflicts = 0;
  const years = selection.years.map((y, g) => {
    const m = raw[g]!;
    for (let i = 0; i < m.length; i++) {
      const v = m[i]!;
      if (v === CONFLICT) conflicts++;
      m[i] = map[v]!;
    }
    return { year: y.year, calls: y.calls, states: nStates, codes: m };
  });
  return { years, conflicts };
}

function merge(prev: number, next: number): number {
  if (prev === 0 || prev === next) return next;
  if (prev === CONFLICT) return CONFLICT;
  const prevVote = prev <= 3;
  const nextVote = next <= 3;
  if (prevVote && nextVote) return CONFLICT;
  return prevVote ? prev : next;
}
