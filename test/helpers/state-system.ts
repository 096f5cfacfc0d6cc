import { createCrosswalk } from '../../src/domain/crosswalk.js';
import { stateSystemOf, type StateSystem } from '../../src/domain/state-system.js';

/** The state system under the default succession rules (SUN → RUS, …), as a run without `succession:` uses it. */
export const STATE_SYSTEM: StateSystem = stateSystemOf(createCrosswalk());
