import type { Iso3 } from '../../../src/domain/country.js';
import { distinctSorted, type Exercise } from '../../../src/families/joint-drills/exercise.js';
import { parseDateText } from '../../../src/families/joint-drills/partial-date.js';

/** A tiny exercise for unit tests: `ex('2005-08-18', 'CHN RUS')`. */
export function ex(start: string, participants: string, over: Partial<Exercise> = {}): Exercise {
  const s = parseDateText(start);
  if (s === null) throw new Error(`bad test date ${start}`);
  return {
    source: 'test.csv',
    line: 2,
    id: 'x',
    name: '',
    start: s,
    end: null,
    participants: distinctSorted(participants.split(' ') as Iso3[]),
    domains: [],
    focus: [],
    ...over,
  };
}
