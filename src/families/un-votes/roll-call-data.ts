/**
 * The typed intermediate both UN vote readers produce (the `unvotes` release and the numeric
 * COW-coded Voeten release): roll calls as parallel typed arrays, votes as (state, roll call,
 * code) triples. No row objects, so 10^6 votes fit in a few megabytes.
 * Methods: this family's README.md (the raw data and its quirks).
 */
import type { Iso3 } from '../../domain/country.js';

/** Vote codes as in the Voeten data: 1 yes, 2 abstain, 3 no, 8 absent (9, non-member, is never stored). */
export const VOTE = { yes: 1, abstain: 2, no: 3, absent: 8 } as const;

/** A stored vote code. */
export type VoteCode = (typeof VOTE)[keyof typeof VOTE];

/** Issue topics of a roll call (plus the State Department "important vote" flag), as bit flags. */
export const ISSUE_BITS = { me: 1, nu: 2, di: 4, hr: 8, co: 16, ec: 32, important: 64 } as const;

/** An issue filter name: `me` Palestinian conflict, `nu` nuclear, `di` arms control, `hr` human rights, `co` colonialism, `ec` economic development, `important` a US "important vote". */
export type IssueName = keyof typeof ISSUE_BITS;

/**
 * The roll calls of a release, one entry per roll call (index = position in the arrays).
 * @example
 * // roll call 0: rcid 3, session 1, 1946-01-01, no issue flags
 * { rcid: Int32Array.of(3), session: Int16Array.of(1), date: Int32Array.of(19460101), issues: Uint8Array.of(0) }
 */
export interface RollCallTable {
  /** The dataset's roll-call id (stable across releases). */
  readonly rcid: Int32Array;
  /** General Assembly session (1 = 1946). */
  readonly session: Int16Array;
  /** Date of the vote as yyyymmdd (e.g. 19901231); 0 when unknown. */
  readonly date: Int32Array;
  /** Issue flags, an OR of {@link ISSUE_BITS}. */
  readonly issues: Uint8Array;
}

/**
 * The votes of a release: vote `k` is state `states[state[k]]` voting `code[k]` on roll call
 * `call[k]` (an index into the {@link RollCallTable}). Non-member rows are not stored.
 * `states` is sorted alphabetically, so state indices follow ISO3 order.
 */
export interface VoteRecords {
  /** State index → ISO3 (after the crosswalk's succession rules), alphabetical. */
  readonly states: readonly Iso3[];
  readonly state: Uint16Array;
  readonly call: Int32Array;
  /** A {@link VoteCode}. */
  readonly code: Int8Array;
}

/** A parsed release (or several merged ones): roll calls and votes. */
export interface RollCallData {
  readonly rollCalls: RollCallTable;
  readonly votes: VoteRecords;
  /** True when the source records absences (code 8): only the numeric Voeten release does. */
  readonly recordsAbsences: boolean;
  /** Lines for `entente validate`: skipped entities, merged seats, … */
  readonly notes: readonly string[];
}

/**
 * The calendar year of a packed yyyymmdd date (0 when unknown).
 * @example dateYear(19901231) // 1990
 */
export function dateYear(date: number): number {
  return Math.floor(date / 10000);
}
