/**
 * Roll-call selection for UN voting measures: the dataset authors' recipe (SOURCE.md
 * "Verified reproduction"; this family's README.md) with every choice explicit.
 */
import { dateYear, ISSUE_BITS, type IssueName, type RollCallData } from './roll-call-data.js';

/** The selection choices of a `un_votes` indicator (a subset of its options). */
export interface SelectionOptions {
  /** `session`: year = session + 1945 (the published convention); `date`: calendar year of the vote. */
  readonly year_by: 'session' | 'date';
  /** Keep roll calls on which every yes/abstain/no voter cast the same vote. */
  readonly keep_unanimous: boolean;
  /** Keep only roll calls tagged with at least one of these (undefined: all). */
  readonly issues?: readonly IssueName[] | undefined;
}

/** The roll calls of one year, as indices into the {@link RollCallTable}, ordered by rcid. */
export interface YearRollCalls {
  readonly year: number;
  readonly calls: Int32Array;
}

/** The outcome of {@link selectRollCalls}: kept roll calls per year, and what was left out. */
export interface RollCallSelection {
  /** Years with at least one kept roll call, ascending. */
  readonly years: readonly YearRollCalls[];
  /** Roll calls dropped, by reason. */
  readonly dropped: { readonly session19: number; readonly unanimous: number; readonly issue: number; readonly noDate: number };
}

/** The session the authors leave out of every derived measure (one vote, the Article 19 crisis). */
export const LEFT_OUT_SESSION = 19;

/** The year label of session 1 minus 1: year = session + 1945. */
export const SESSION_YEAR_OFFSET = 1945;

/**
 * Selects the roll calls that count and groups them by year.
 *
 * 1. session 19 is left out (the authors' rule; 1964 thus has no roll calls);
 * 2. with `issues`, only roll calls tagged with one of them stay;
 * 3. unless `keep_unanimous`, a roll call is dropped when all countries that voted yes,
 *    abstain or no cast the same vote (judged over every voter in the data — not just the
 *    pair, not the state filter — and over recorded votes only, whatever the absence policy);
 * 4. year = session + 1945, or the calendar year of the vote's date (`year_by: date`; a
 *    roll call without a date is then dropped and counted).
 *
 * Cost: O(roll calls + votes).
 * @example
 * selectRollCalls(data, { year_by: 'session', keep_unanimous: false }).years[0]
 * // { year: 1946, calls: Int32Array [...] }
 */
export function selectRollCalls(data: RollCallData, options: SelectionOptions): RollCallSelection {
  const { rollCalls, votes } = data;
  const n = rollCalls.rcid.length;
  const seen = new Uint8Array(n); // bit (1 << code) for each recorded yes/abstain/no
  for (let k = 0; k < votes.code.length; k++) {
    const c = votes.code[k]!;
    if (c >= 1 && c <= 3) seen[votes.call[k]!]! |= 1 << c;
  }
  let wanted = 0;
  for (const issue of options.issues ?? []) wanted |= ISSUE_BITS[issue];

  const dropped = { session19: 0, unanimous: 0, issue: 0, noDate: 0 };
  const byYear = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (rollCalls.session[i] === LEFT_OUT_SESSION) {
      dropped.session19++;
      continue;
    }
    if (wanted !== 0 && (rollCalls.issues[i]! & wanted) === 0) {
      dropped.issue++;
      continue;
    }
    const s = seen[i]!;
    if (!options.keep_unanimous && (s & (s - 1)) === 0) {
      dropped.unanimous++;
      continue;
    }
    let year: number;
    if (options.year_by === 'date') {
      year = dateYear(rollCalls.date[i]!);
      if (year === 0) {
        dropped.noDate++;
        continue;
      }
    } else year = rollCalls.session[i]! + SESSION_YEAR_OFFSET;
    const list = byYear.get(year);
    if (list) list.push(i);
    else byYear.set(year, [i]);
  }
  const years = [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, list]) => ({ year, calls: Int32Array.from(list.sort((a, b) => rollCalls.rcid[a]! - rollCalls.rcid[b]!)) }));
  return { years, dropped };
}
