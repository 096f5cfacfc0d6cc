/**
 * The record every joint-exercise reader produces (this family's README.md): one exercise with its
 * start (and end) date, its state participants as ISO3 codes and its MME-style domain and
 * focus flags. One reader, `read-exercise-list.ts`, reads every format through its column mapping; everything after reading is pure.
 */
import type { Iso3 } from '../../domain/country.js';
import type { YearRange } from '../../domain/year.js';
import type { PartialDate } from './partial-date.js';

/** Domain flags of MME v7: command-post exercise and the services involved. */
export const DOMAINS = ['CPX', 'Air', 'Land', 'Sea', 'Amphibious', 'Cyber'] as const;
/** One MME domain flag. */
export type Domain = (typeof DOMAINS)[number];

/** Focus flags of MME v7. */
export const FOCI = ['Warfighting', 'Peacekeeping', 'Humanitarian'] as const;
/** One MME focus flag. */
export type Focus = (typeof FOCI)[number];

/** One joint military exercise, as read from one source row (or row group). */
export interface Exercise {
  /** Label of the source it was read from (the file's base name), for notes. */
  readonly source: string;
  /** 1-based line of the row (the first row of the group for long-form files). */
  readonly line: number;
  /** The source's identifier (`MMEID`, `id`) or `line N` when the source has none. */
  readonly id: string;
  /** Exercise name as given (`-9` and empty = unnamed). */
  readonly name: string;
  readonly start: PartialDate;
  /** End date, or null when unknown. Never before `start`. */
  readonly end: PartialDate | null;
  /** Distinct state participants, sorted (non-state entries already dropped). */
  readonly participants: readonly Iso3[];
  readonly domains: readonly Domain[];
  readonly focus: readonly Focus[];
}

/** A participant entry a reader did not count as a state (e.g. `-9`, `NATO`), with where it was. */
export interface SkippedParticipant {
  readonly line: number;
  readonly column: string;
  readonly raw: string;
  /** Why it is not a state, e.g. `unidentified participant`. */
  readonly reason: string;
}

/** A cell a reader could not use as given, with what was done (row skipped, end ignored, …). */
export interface UnreadableRow {
  readonly line: number;
  readonly message: string;
}

/** What a reader returns for one file. */
export interface ExerciseList {
  /** The file's label (base name) used in notes. */
  readonly source: string;
  readonly exercises: readonly Exercise[];
  /** Every participant entry that is not a state, with its line. */
  readonly skipped: readonly SkippedParticipant[];
  /** Cells that could not be used as given, with what was done (row skipped, end ignored, …). */
  readonly unreadable: readonly UnreadableRow[];
  /** The years the file covers as inferred from its start years (min..max), null when empty. */
  readonly years: YearRange | null;
  /** Data rows read. */
  readonly rows: number;
}

/**
 * A canonical text key of an exercise's participant set, e.g. `CHN|RUS`.
 * @example participantKey(['CHN', 'RUS'] as Iso3[]) // 'CHN|RUS'
 */
export function participantKey(participants: readonly Iso3[]): string {
  return participants.join('|');
}

/** Sorted distinct codes. @example distinctSorted(['RUS','CHN','RUS'] as Iso3[]) // ['CHN','RUS'] */
export function distinctSorted(codes: readonly Iso3[]): Iso3[] {
  return [...new Set(codes)].sort();
}
