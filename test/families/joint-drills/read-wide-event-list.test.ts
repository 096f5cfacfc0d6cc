import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { InputError } from '../../../src/domain/errors.js';
import { readWideEventList, WIDE_EVENT_LIST_DEFAULTS } from '../../../src/families/joint-drills/read-wide-event-list.js';

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fx = (f: string): string => path.join(FIX, f);
const cw = createCrosswalk();

describe('readWideEventList on a Russian-list-style file', () => {
  it('reads the year as the start and the numbered participant columns', async () => {
    const list = await readWideEventList(fx('wide_list_small.csv'), cw, WIDE_EVENT_LIST_DEFAULTS);
    expect(list.exercises).toHaveLength(5);
    expect(list.exercises[0]).toMatchObject({ id: 'id 1', name: 'Мирная миссия-2009', start: { year: 2009, month: null, day: null }, end: null, participants: ['CHN'] });
    expect(list.exercises[3]!.participants).toEqual(['AUS', 'NOR', 'USA']);
    expect(list.years).toEqual({ from: 2009, to: 2013 });
  });

  it('reports every bad row together', async () => {
    const err = await readWideEventList(fx('wide_list_broken.csv'), cw, WIDE_EVENT_LIST_DEFAULTS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'yr'],
      [4, 'part2'],
      [5, undefined],
    ]);
  });

  it('asks for the prefix when no participant column is found', async () => {
    const err = await readWideEventList(fx('wide_list_small.csv'), cw, { ...WIDE_EVENT_LIST_DEFAULTS, participantPrefix: 'state' }).catch((e: unknown) => e);
    expect((err as InputError).message).toMatch(/set `participant_prefix:`/);
  });
});
