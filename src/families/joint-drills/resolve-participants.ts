import type { CodeSystem } from '../../domain/code-system.js';
import type { Crosswalk } from '../../domain/crosswalk.js';
import type { Iso3 } from '../../domain/country.js';
import { UnknownCountryError } from '../../domain/errors.js';
import { distinctSorted, type SkippedParticipant } from './exercise.js';
import { nonStateReason } from './non-state-participants.js';

/** One participant cell of a row: the column it is in and its text. */
export interface ParticipantCell {
  readonly column: string;
  readonly raw: string;
}

/** A participant the crosswalk does not know, with the crosswalk's message (closest spellings). */
export interface UnknownParticipant {
  readonly column: string;
  readonly raw: string;
  readonly message: string;
}

/** The state participants of one row, and what was skipped or unknown. */
export interface ResolvedParticipants {
  /** Distinct ISO3 codes, sorted. Two spellings of one state count once. */
  readonly participants: readonly Iso3[];
  readonly skipped: readonly SkippedParticipant[];
  readonly unknown: readonly UnknownParticipant[];
}

/**
 * Resolves the participant cells of one row to distinct ISO3 codes: empty cells are ignored,
 * known non-state entries ({@link nonStateReason}) are skipped with their line, anything the
 * crosswalk does not know is returned in `unknown` for the reader to report.
 * @param year the exercise's start year (names and codes of historical states depend on it)
 * @example
 * resolveParticipants([{ column: 'StateA', raw: 'Russia' }, { column: 'StateB', raw: '-9' }], 'name', 1999, 7, cw)
 * // { participants: ['RUS'], skipped: [{ line: 7, column: 'StateB', raw: '-9', reason: 'unidentified participant' }], unknown: [] }
 */
export function resolveParticipants(
  cells: readonly ParticipantCell[],
  system: CodeSystem,
  year: number | undefined,
  line: number,
  crosswalk: Crosswalk,
): ResolvedParticipants {
  const codes: Iso3[] = [];
  const skipped: SkippedParticipant[] = [];
  const unknown: UnknownParticipant[] = [];
  for (const cell of cells) {
    const raw = cell.raw.trim();
    if (raw === '') continue;
    const reason = nonStateReason(raw);
    if (reason !== null) {
      skipped.push({ line, column: cell.column, raw, reason });
      continue;
    }
    try {
      codes.push(crosswalk.resolve(system, raw, year));
    } catch (e) {
      if (!(e instanceof UnknownCountryError)) throw e;
      unknown.push({ column: cell.column, raw, message: e.message });
    }
  }
  return { participants: distinctSorted(codes), skipped, unknown };
}
