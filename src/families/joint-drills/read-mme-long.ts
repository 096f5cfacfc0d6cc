import type { Crosswalk } from '../../domain/crosswalk.js';
import type { ExerciseList } from './exercise.js';
import { MME_LONG_MAPPING } from './exercise-list-formats.js';
import { readExerciseList } from './read-exercise-list.js';

/**
 * Reads the long reshaping of MME v7 made by the troopdata package (`mme-v7-long.csv`): the
 * exercise-list reader with {@link MME_LONG_MAPPING} (its rules are written there).
 * @throws {InputError} with every problem of the file.
 * @example
 * const list = await readMmeLong('mme_v7_long_troopdata.csv.gz', createCrosswalk());
 * list.exercises.length // 3707
 */
export function readMmeLong(file: string, crosswalk: Crosswalk): Promise<ExerciseList> {
  return readExerciseList(file, crosswalk, MME_LONG_MAPPING);
}
