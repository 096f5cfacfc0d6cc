import type { Crosswalk } from '../../domain/crosswalk.js';
import type { ExerciseList } from './exercise.js';
import { wideListMapping, type ReadWideEventListOptions } from './exercise-list-formats.js';
import { readExerciseList } from './read-exercise-list.js';

export { WIDE_EVENT_LIST_DEFAULTS, type ReadWideEventListOptions } from './exercise-list-formats.js';

/**
 * Reads a "wide" event list known only to the year (a year column, participants in `part1` …
 * `partN`): the exercise-list reader with {@link wideListMapping} (its rules are written there).
 * @throws {InputError} with every problem of the file.
 * @example
 * const list = await readWideEventList('russia_joint_exercises_2009-2018.csv.gz', createCrosswalk(), WIDE_EVENT_LIST_DEFAULTS);
 * list.years // { from: 2009, to: 2018 }
 */
export function readWideEventList(file: string, crosswalk: Crosswalk, options: ReadWideEventListOptions): Promise<ExerciseList> {
  return readExerciseList(file, crosswalk, wideListMapping(options));
}
