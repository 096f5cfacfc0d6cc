/**
 * The weight of one exercise (this family's README.md: "weight by duration (days), by domain (CPX vs
 * live), by focus"): w_e = Π_{domain flags of e} domain_weight · Π_{focus flags of e}
 * focus_weight · duration_weight(days_e). Every weight defaults to 1, so with no options
 * w_e = 1 and the measures are plain counts.
 */
import { DOMAINS, FOCI, type Domain, type Exercise, type Focus } from './exercise.js';
import { datePrecision, earliestDay, latestDay } from './partial-date.js';

/** Names accepted by `duration_weighting:`. */
export type DurationWeightingName = 'none' | 'days' | 'log_days';

/**
 * Duration weightings by name, a function of the exercise's length in days (≥ 1):
 * - `none` (default): 1
 * - `days`: the number of days (a 10-day exercise counts ten times a 1-day one)
 * - `log_days`: 1 + ln(days) (1 for a one-day exercise, ≈ 3.3 for ten days)
 * @example durationWeightings.log_days(1) // 1
 */
export const durationWeightings: Readonly<Record<DurationWeightingName, (days: number) => number>> = {
  none: () => 1,
  days: (days) => days,
  log_days: (days) => 1 + Math.log(days),
};

/** Every duration weighting name, for the options schema. */
export const DURATION_WEIGHTING_NAMES = Object.keys(durationWeightings) as DurationWeightingName[];

/** The configured weights of exercises. */
export interface ExerciseWeightOptions {
  /** Multiplier per domain flag (missing = 1), e.g. `{ CPX: 0.5 }`. */
  readonly domainWeights: Readonly<Partial<Record<Domain, number>>>;
  /** Multiplier per focus flag (missing = 1), e.g. `{ Humanitarian: 0.5 }`. */
  readonly focusWeights: Readonly<Partial<Record<Focus, number>>>;
  readonly durationWeighting: DurationWeightingName;
}

/**
 * Length of an exercise in days, counting both ends (a one-day exercise lasts 1 day), or null
 * when unknown: both the start and the end must be known to the day.
 * @example durationDays({ start: { year: 2005, month: 8, day: 18 }, end: { year: 2005, month: 8, day: 25 } }) // 8
 */
export function durationDays(ex: Pick<Exercise, 'start' | 'end'>): number | null {
  if (ex.end === null || datePrecision(ex.start) !== 'day' || datePrecision(ex.end) !== 'day') return null;
  return latestDay(ex.end) - earliestDay(ex.start) + 1;
}

/**
 * Median duration of the exercises whose duration is known (the value imputed for the others
 * under duration weighting), or 1 when none is known.
 * @example medianDuration([]) // 1
 */
export function medianDuration(exercises: readonly Pick<Exercise, 'start' | 'end'>[]): number {
  const known = exercises.map(durationDays).filter((d): d is number => d !== null).sort((a, b) => a - b);
  if (known.length === 0) return 1;
  const mid = known.length >> 1;
  return known.length % 2 === 1 ? known[mid]! : (known[mid - 1]! + known[mid]!) / 2;
}

/**
 * The weight w_e of one exercise: product of its domain and focus multipliers times its
 * duration weight (`imputedDays` stands in for an unknown duration). Range [0, ∞); 1 with
 * default options.
 * @example
 * // ex has the flags CPX and Sea
 * exerciseWeight(ex, { domainWeights: { CPX: 0.5 }, focusWeights: {}, durationWeighting: 'none' }, 1) // 0.5
 */
export function exerciseWeight(ex: Exercise, options: ExerciseWeightOptions, imputedDays: number): number {
  let w = 1;
  for (const d of DOMAINS) if (ex.domains.includes(d)) w *= options.domainWeights[d] ?? 1;
  for (const f of FOCI) if (ex.focus.includes(f)) w *= options.focusWeights[f] ?? 1;
  const days = durationDays(ex) ?? imputedDays;
  return w * durationWeightings[options.durationWeighting](days);
}
