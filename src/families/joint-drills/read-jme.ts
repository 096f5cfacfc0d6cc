import type { Crosswalk } from '../../domain/crosswalk.js';
import type { ExerciseList } from './exercise.js';
import { JME_MAPPING } from './exercise-list-formats.js';
import { readExerciseList } from './read-exercise-list.js';

/**
 * Reads D'Orazio's Joint Military Exercises coding sheet, v3, exported to CSV: the
 * exercise-list reader with {@link JME_MAPPING} (its lenient rules are written there).
 * @throws {InputError} with every problem of the file.
 * @example
 * const list = await readJme('dorazio_jme_v3_sheet.csv.gz', createCrosswalk());
 * list.unreadable // [{ line: 1531, message: 'no start year …; row skipped' }, …]
 */
export function readJme(file: string, crosswalk: Crosswalk): Promise<ExerciseList> {
  return readExerciseList(file, crosswalk, JME_MAPPING);
}
