import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { InputError } from '../../../src/domain/errors.js';
import { readEventList } from '../../../src/families/joint-drills/read-event-list.js';

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fx = (f: string): string => path.join(FIX, f);
const cw = createCrosswalk();

describe('readEventList on a plain event list', () => {
  it('reads participants separated by ; in the source code system, and flags in any case', async () => {
    const list = await readEventList(fx('events_small.csv'), cw, { codes: 'iso3' });
    expect(list.exercises).toHaveLength(4);
    expect(list.exercises[0]).toMatchObject({
      name: 'Peace Mission 2021',
      start: { year: 2021, month: 9, day: 11 },
      end: { year: 2021, month: 9, day: 25 },
      participants: ['CHN', 'KAZ', 'RUS'],
      domains: ['Air', 'Land'],
      focus: ['Warfighting'],
    });
    expect(list.exercises[2]!.start).toEqual({ year: 2015, month: 5, day: null });
    expect(list.exercises[2]!.end).toBeNull();
    expect(list.exercises[3]!.participants).toEqual(['CHN', 'PAK']);
    expect(list.skipped).toEqual([{ line: 5, column: 'participants', raw: 'NATO', reason: 'organisation, not a state' }]);
    expect(list.years).toEqual({ from: 2015, to: 2021 });
  });

  it('reports every bad row together', async () => {
    const err = await readEventList(fx('events_broken.csv'), cw, { codes: 'iso3' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems;
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'start'],
      [4, 'end'],
      [5, 'domain'],
      [6, 'participants'],
      [7, undefined],
    ]);
    expect(problems[2]!.message).toMatch(/unknown value "Space"; expected any of CPX, Air/);
    expect(problems[3]!.message).toMatch(/unknown country iso3 code "XXX".*codes:` \(iso3\)/);
  });
});
