/**
 * Merging the exercise lists of several sources of one indicator (e.g. MME to 2010 plus an
 * analyst's list after it). An exercise of a later source that has the same set of state
 * participants as a not-yet-matched exercise of an earlier source, and whose start date lies
 * within `toleranceDays` of it, is the same exercise: it is counted once (the earlier
 * source's record is kept) and reported. Dates known only to the month or year match any
 * date inside that month or year (± the tolerance). Each exercise matches at most one other.
 */
import { participantKey, type Exercise } from './exercise.js';
import { comparePartialDates, earliestDay, latestDay, type PartialDate } from './partial-date.js';

/** Default tolerance of start dates for a duplicate, in days. */
export const DEFAULT_DUPLICATE_DAYS = 3;

/** A pair of records found to be the same exercise in two sources. */
export interface DuplicateExercise {
  /** The record kept (from the earlier source in the config's order). */
  readonly kept: Exercise;
  /** The record dropped (from the later source). */
  readonly dropped: Exercise;
  /** Days between the two start dates (0 when their possible spans overlap). */
  readonly gapDays: number;
}

/** The merged list and the duplicates removed. */
export interface MergedExercises {
  readonly exercises: readonly Exercise[];
  readonly duplicates: readonly DuplicateExercise[];
}

/**
 * Days between two partial dates: the gap between the spans of days they may denote, 0 when
 * the spans overlap.
 * @example dateGapDays({ year: 2009, month: 7, day: 22 }, { year: 2009, month: null, day: null }) // 0
 * @example dateGapDays({ year: 2009, month: 7, day: 22 }, { year: 2009, month: 7, day: 26 }) // 4
 */
export function dateGapDays(a: PartialDate, b: PartialDate): number {
  const gap = Math.max(earliestDay(a) - latestDay(b), earliestDay(b) - latestDay(a));
  return Math.max(0, gap);
}

/**
 * A total order on exercises by content (start, participants, name, id) and then position,
 * so that results do not depend on the order of rows in a file.
 * @example [b, a].sort(compareExercises) // a (started earlier) first
 */
export function compareExercises(a: Exercise, b: Exercise): number {
  return (
    comparePartialDates(a.start, b.start) ||
    cmp(participantKey(a.participants), participantKey(b.participants)) ||
    cmp(a.name, b.name) ||
    cmp(a.id, b.id) ||
    cmp(a.source, b.source) ||
    a.line - b.line
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Candidate {
  readonly ex: Exercise;
  readonly sourceIndex: number;
  matched: boolean;
}

/**
 * Merges the exercise lists of several sources (in config order) and removes cross-source
 * duplicates; exercises of one source are never merged with each other.
 * Complexity O(n log n + d) with d the candidates sharing a participant set.
 * @example
 * mergeSources([[peaceMission2009FromMme], [peaceMission2009FromRussianList]], 3)
 * // { exercises: [peaceMission2009FromMme], duplicates: [{ kept: …Mme, dropped: …RussianList, gapDays: 0 }] }
 */
export function mergeSources(sources: readonly (readonly Exercise[])[], toleranceDays: number = DEFAULT_DUPLICATE_DAYS): MergedExercises {
  const bySet = new Map<string, Candidate[]>();
  const exercises: Exercise[] = [];
  const duplicates: DuplicateExercise[] = [];
  sources.forEach((list, sourceIndex) => {
    const sorted = [...list].sort(compareExercises);
    const added: Candidate[] = [];
    for (const ex of sorted) {
      const key = participantKey(ex.participants);
      let best: Candidate | null = null;
      let bestGap = Infinity;
      for (const c of bySet.get(key) ?? []) {
        if (c.matched || c.sourceIndex >= sourceIndex) continue;
        const gap = dateGapDays(c.ex.start, ex.start);
        if (gap <= toleranceDays && gap < bestGap) {
          best = c;
          bestGap = gap;
        }
      }
      if (best !== null) {
        best.matched = true;
        duplicates.push({ kept: best.ex, dropped: ex, gapDays: bestGap });
        continue;
      }
      exercises.push(ex);
      added.push({ ex, sourceIndex, matched: false });
    }
    // candidates of this source become visible only to later sources
    for (const c of added) {
      const key = participantKey(c.ex.participants);
      const list = bySet.get(key);
      if (list) list.push(c);
      else bySet.set(key, [c]);
    }
  });
  return { exercises, duplicates };
}
