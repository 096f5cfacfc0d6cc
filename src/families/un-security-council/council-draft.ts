/**
 * A Security Council draft put to a vote, with the member votes the sources record. Pure
 * types shared by the readers, the checks and the measures of the `un_security_council`
 * family.
 */
import type { Iso3 } from '../../domain/country.js';

/** A member's vote on a draft. Non-participation is no vote at all (no row), never a code. */
export type CouncilVote = 'yes' | 'no' | 'abstain';

/**
 * How a vote ended: `adopted` (by vote, consensus or acclamation), `vetoed` (a permanent
 * member's negative vote defeated it) or `failed` (fewer than the required affirmative votes).
 */
export type DraftOutcome = 'adopted' | 'vetoed' | 'failed';

/** One member's recorded vote, with where the source has it. */
export interface MemberVote {
  readonly state: Iso3;
  readonly vote: CouncilVote;
  /** The source's spelling of the member, as stored (for messages). */
  readonly name: string;
  /** The 1-based physical line the record starts on. */
  readonly line: number;
  /** The 1-based CSV record number (header = record 1; = the workbook's sheet row). */
  readonly record: number;
}

/** Where a draft comes from: the file, its first line and its record span. */
export interface DraftOrigin {
  readonly file: string;
  readonly line: number;
  readonly firstRecord: number;
  readonly lastRecord: number;
}

/**
 * One draft (or amendment, or procedural motion) put to a vote.
 * @example
 * // resolution 1929 (2010) as the votes file has it, after the date correction
 * { id: '1069', year: 2010, date: '2010-06-09', draft: 'S/2010/283', symbol: 'S/2010/283',
 *   resolution: 1929, outcome: 'adopted', topic: 'Non-proliferation', votes: [ … 15 votes ] }
 */
export interface CouncilDraft {
  /** The source's draft identifier (the voting file's `ID`; `line N` for the failed-drafts sample). */
  readonly id: string;
  readonly year: number;
  /** ISO date `YYYY-MM-DD`, or null when the source gives none. */
  readonly date: string | null;
  /** The draft cell as stored (after corrections). */
  readonly draft: string;
  /** The first UN document symbol in the draft cell, normalised (`S/2020/797`), or null. */
  readonly symbol: string | null;
  /** The resolution number when adopted and given, else null. */
  readonly resolution: number | null;
  readonly agenda: string;
  readonly topic: string;
  readonly category: string;
  /** The outcome label as stored (`Adopted unanimously`, `Not adopted - veto`, …). */
  readonly outcomeLabel: string;
  readonly outcome: DraftOutcome;
  /** A procedural vote: a permanent member's No is not a veto (Article 27(2) of the Charter). */
  readonly procedural: boolean;
  /** The member votes, or null when the member-level votes are unknown (dropped by a correction). */
  readonly votes: readonly MemberVote[] | null;
  readonly origin: DraftOrigin;
}

/** The votes-file outcome labels and what they mean. */
export const OUTCOME_LABELS: Readonly<Record<string, DraftOutcome>> = {
  'Adopted unanimously': 'adopted',
  'Adopted by majority': 'adopted',
  'Adopted by consensus': 'adopted',
  'Adopted by acclamation': 'adopted',
  'Not adopted - veto': 'vetoed',
  'Not adopted - failed to receive required number of votes': 'failed',
};

/** The votes-file vote codes. */
export const VOTE_CODES: Readonly<Record<string, CouncilVote>> = { Yes: 'yes', No: 'no', Abstain: 'abstain' };

/**
 * The outcome a label means, or null for an unknown label (whitespace around it ignored).
 * @example outcomeOf(' Not adopted - veto') // 'vetoed'
 */
export function outcomeOf(label: string): DraftOutcome | null {
  return OUTCOME_LABELS[label.trim()] ?? null;
}
