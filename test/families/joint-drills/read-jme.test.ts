import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { InputError } from '../../../src/domain/errors.js';
import { readJme } from '../../../src/families/joint-drills/read-jme.js';

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fx = (f: string): string => path.join(FIX, f);
const cw = createCrosswalk();

describe('readJme on a tiny JME v3 coding sheet', () => {
  it('cleans messy codes and skips non-codes with their line', async () => {
    const list = await readJme(fx('jme_small.csv'), cw);
    const messy = list.exercises.find((e) => e.name === 'Messy codes')!;
    expect(messy.participants).toEqual(['CAN', 'ROU', 'USA']);
    expect(messy.domains).toEqual(['CPX']);
    expect(list.skipped).toEqual([
      { line: 3, column: 'State D', raw: 'NATO', reason: 'organisation, not a state' },
      { line: 3, column: 'State E', raw: '8 NATO MEMBERS', reason: 'organisation, not a state' },
      { line: 3, column: 'State F', raw: '-9', reason: 'unidentified participant' },
      { line: 11, column: 'State B', raw: 'BMU', reason: 'non-sovereign territory' },
    ]);
  });

  it('reads the year from the date text when s.year is empty', async () => {
    const list = await readJme(fx('jme_small.csv'), cw);
    expect(list.exercises.find((e) => e.name === 'Peace mission 2010')!.start).toEqual({ year: 2010, month: 9, day: 9 });
    expect(list.exercises.find((e) => e.name === 'Month only')!.start).toEqual({ year: 2007, month: 9, day: null });
    expect(list.exercises.find((e) => e.name === 'Typo in date')!.start).toEqual({ year: 2002, month: null, day: null });
  });

  it('lists what it could not read instead of failing on the messy sheet', async () => {
    const list = await readJme(fx('jme_small.csv'), cw);
    expect(list.rows).toBe(10);
    expect(list.exercises.map((e) => e.name)).not.toContain('No date');
    expect(list.exercises.map((e) => e.name)).not.toContain('Year typo');
    expect(list.exercises.map((e) => e.name)).not.toContain('Contradiction');
    expect(list.exercises.find((e) => e.name === 'Bad end')!.end).toBeNull();
    expect(list.unreadable.map((u) => u.line)).toEqual([6, 7, 8, 9, 10]);
    expect(list.unreadable[0]!.message).toBe('start date "11/xx2002" read as the year 2002 only');
    expect(list.unreadable[1]!.message).toMatch(/no start date .*; row skipped$/);
    expect(list.unreadable[2]!.message).toMatch(/^end date ignored: cannot read a date .*"02\/126\/1993"/);
    expect(list.unreadable[3]!.message).toMatch(/start year 3009 is outside 1900–2100 .*; row skipped$/);
    expect(list.unreadable[4]!.message).toMatch(/the dates contradict each other; row skipped$/);
    expect(list.years).toEqual({ from: 1990, to: 2010 });
  });

  it('reports unknown codes and ragged rows of a broken sheet together', async () => {
    const err = await readJme(fx('jme_broken.csv'), cw).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems;
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'State B'],
      [4, undefined],
      [5, 'State A'],
    ]);
    expect(problems[0]!.message).toMatch(/unknown country iso3 code "XYZ"/);
  });
});
