/**
 * Checks the adopted resolutions of the voting file against the Dag Hammarskjöld Library's
 * meeting tables: same date, and the same Yes-No-Abstain tally (which also checks how many
 * members voted). Disagreements are listed, not refused: the meeting tables are a scrape with
 * their own errors, and the corrections file is where a confirmed fix goes. Pure.
 */
import type { CouncilDraft } from './council-draft.js';
import type { ResolutionOutcome } from './read-unsc-meetings.js';

/** What {@link checkMeetings} found. */
export interface MeetingCheck {
  readonly notes: readonly string[];
  readonly details: readonly string[];
  /** Resolutions compared, and those whose date or tally differ. */
  readonly compared: number;
  readonly dateDiffers: number;
  readonly tallyDiffers: number;
}

/**
 * The Yes-No-Abstain tally of a draft's recorded votes, or null when they are unknown.
 * @example tallyOf(draft) // [14, 1, 0] for resolution 1696 (2006)
 */
export function tallyOf(d: CouncilDraft): [number, number, number] | null {
  if (d.votes === null) return null;
  const t: [number, number, number] = [0, 0, 0];
  for (const v of d.votes) t[v.vote === 'yes' ? 0 : v.vote === 'no' ? 1 : 2]++;
  return t;
}

/**
 * Compares every adopted draft with a resolution number that the meeting tables also record
 * (same resolution number and year).
 * @example checkMeetings(drafts, outcomes, 'meetings.csv').tallyDiffers // 0 on the corrected files
 */
export function checkMeetings(drafts: readonly CouncilDraft[], outcomes: ReadonlyMap<number, ResolutionOutcome>, file: string): MeetingCheck {
  const details: string[] = [];
  let compared = 0;
  let dateDiffers = 0;
  let tallyDiffers = 0;
  let unknownVotes = 0;
  for (const d of drafts) {
    if (d.outcome !== 'adopted' || d.resolution === null) continue;
    const o = outcomes.get(d.resolution);
    if (o === undefined || o.year !== d.year) continue;
    compared++;
    const label = `ID ${d.id} (resolution ${d.resolution} (${d.year}))`;
    if (o.date !== null && d.date !== null && o.date !== d.date) {
      dateDiffers++;
      details.push(`${label}: dated ${d.date} in the votes, ${o.date} in the meeting tables (${file}:${o.line})`);
    }
    const t = tallyOf(d);
    if (t === null) unknownVotes++;
    else if (o.tally !== null && t.join('-') !== o.tally.join('-')) {
      tallyDiffers++;
      details.push(`${label}: votes ${t.join('-')} (Yes-No-Abstain), meeting tables ${o.tally.join('-')} (${file}:${o.line})`);
    }
  }
  const notes = [
    `meeting tables ${file}: ${compared} adopted resolution(s) compared; dates differ for ${dateDiffers}, tallies for ${tallyDiffers}` +
      (unknownVotes > 0 ? `; ${unknownVotes} with member votes unknown (not compared)` : '') +
      (dateDiffers + tallyDiffers > 0 ? ' (listed by `entente validate`)' : ''),
  ];
  return { notes, details, compared, dateDiffers, tallyDiffers };
}
