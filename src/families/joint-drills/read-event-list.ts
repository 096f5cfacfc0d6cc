import type { Crosswalk } from '../../domain/crosswalk.js';
import type { ExerciseList } from './exercise.js';
import { eventListMapping, type ReadEventListOptions } from './exercise-list-formats.js';
import { readExerciseList } from './read-exercise-list.js';

export { EVENT_LIST_SEPARATOR, type ReadEventListOptions } from './exercise-list-formats.js';

/**
 * Reads a plain event list (`name,start,end,participants,domain,focus`, one exercise per row):
 * the exercise-list reader with {@link eventListMapping} (its rules are written there).
 * @throws {InputError} with every problem of the file.
 * @example
 * const list = await readEventList('my_drills.csv', createCrosswalk(), { codes: 'iso3' });
 */
export function readEventList(file: string, crosswalk: Crosswalk, options: ReadEventListOptions): Promise<ExerciseList> {
  return readExerciseList(file, crosswalk, eventListMapping(options));
}
