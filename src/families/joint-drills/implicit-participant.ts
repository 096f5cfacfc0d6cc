import type { Iso3 } from '../../domain/country.js';
import { distinctSorted, type Exercise } from './exercise.js';

/** Exercises with the implicit participant added, and how many already listed it. */
export interface WithImplicitParticipant {
  readonly exercises: readonly Exercise[];
  /** Exercises that already named the state (left as they were). */
  readonly alreadyListed: number;
}

/**
 * Adds a participant every exercise of a list implies but does not name — the host of a
 * national list, e.g. Russia in a list of "exercises with Russia" (`implicit_participant:
 * RUS`). An exercise that already names the state is left unchanged (and counted).
 * @example
 * addImplicitParticipant([{ …, participants: ['CHN'] }], 'RUS').exercises[0].participants // ['CHN', 'RUS']
 */
export function addImplicitParticipant(exercises: readonly Exercise[], state: Iso3): WithImplicitParticipant {
  let alreadyListed = 0;
  const out = exercises.map((ex) => {
    if (ex.participants.includes(state)) {
      alreadyListed++;
      return ex;
    }
    return { ...ex, participants: distinctSorted([...ex.participants, state]) };
  });
  return { exercises: out, alreadyListed };
}
