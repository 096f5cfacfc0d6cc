import type { Crosswalk } from '../../domain/crosswalk.js';
import type { ExerciseList } from './exercise.js';
import { MME_MAPPING } from './exercise-list-formats.js';
import { readExerciseList } from './read-exercise-list.js';

/**
 * Reads the Multinational Military Exercises data, v7, in its published wide form: the
 * exercise-list reader with {@link MME_MAPPING} (its rules are written there).
 * @throws {InputError} with every problem of the file.
 * @example
 * const list = await readMme('mme_v7.csv.gz', createCrosswalk());
 * list.exercises.length // 3707
 */
export function readMme(file: string, crosswalk: Crosswalk): Promise<ExerciseList> {
  return readExerciseList(file, crosswalk, MME_MAPPING);
}
