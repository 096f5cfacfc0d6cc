import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { InputError } from '../../../src/domain/errors.js';
import { readMme } from '../../../src/families/joint-drills/read-mme.js';

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fx = (f: string): string => path.join(FIX, f);
const cw = createCrosswalk();

describe('readMme on a tiny MME v7 wide file', () => {
  it('reads one exercise per row with its dates, flags and participants', async () => {
    const list = await readMme(fx('mme_small.csv'), cw);
    expect(list.rows).toBe(7);
    expect(list.exercises).toHaveLength(7);
    expect(list.exercises[0]).toEqual({
      source: 'mme_small.csv',
      line: 2,
      id: 'mme1',
      name: 'Peace Mission 2005',
      start: { year: 2005, month: 8, day: 18 },
      end: { year: 2005, month: 8, day: 25 },
      participants: ['CHN', 'RUS'],
      domains: ['Land'],
      focus: ['Warfighting'],
    });
    expect(list.years).toEqual({ from: 1982, to: 2010 });
  });

  it('keeps an unknown day unknown and falls back to the date text when the parts are empty', async () => {
    const list = await readMme(fx('mme_small.csv'), cw);
    expect(list.exercises[1]!.start).toEqual({ year: 2010, month: 8, day: null });
    expect(list.exercises[1]!.domains).toEqual(['CPX', 'Sea']);
    const text = list.exercises.find((e) => e.name === 'Text dates only')!;
    expect(text.start).toEqual({ year: 2007, month: 9, day: 4 });
    expect(text.end).toEqual({ year: 2007, month: 9, day: null });
  });

  it('resolves names in the start year, skips non-states with their line and counts a state once', async () => {
    const list = await readMme(fx('mme_small.csv'), cw);
    const cold = list.exercises.find((e) => e.name === 'Cold Start')!;
    expect(cold.participants).toEqual(['DDR', 'POL', 'RUS']);
    expect(list.skipped).toEqual([
      { line: 4, column: 'StateD', raw: '-9', reason: 'unidentified participant' },
      { line: 4, column: 'StateE', raw: 'NATO', reason: 'organisation, not a state' },
      { line: 6, column: 'StateB', raw: '-9', reason: 'unidentified participant' },
    ]);
    const relief = list.exercises.find((e) => e.name === 'Relief 98')!;
    expect(relief.participants).toEqual(['GBR', 'KNA', 'USA']);
    expect(list.exercises.find((e) => e.name === 'Solo')!.participants).toEqual(['ISR']);
  });

  it('keeps rows with a repeated MMEID apart', async () => {
    const list = await readMme(fx('mme_small.csv'), cw);
    expect(list.exercises.filter((e) => e.id === 'mme3').map((e) => e.line)).toEqual([4, 5]);
  });

  it('ignores an end before the start within the year and says so', async () => {
    const list = await readMme(fx('mme_small.csv'), cw);
    expect(list.exercises.find((e) => e.name === 'Backwards')!.end).toBeNull();
    expect(list.unreadable).toEqual([{ line: 8, message: 'end date 1982-11-10 is before the start 1982-11-11; end ignored' }]);
  });

  it('reports every bad row of a broken file together', async () => {
    const err = await readMme(fx('mme_broken.csv'), cw).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems;
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'Air'],
      [4, 'StateB'],
      [5, 'StartDate'],
      [6, undefined],
      [7, 'e.year'],
    ]);
    expect(problems[0]!.message).toBe('expected 0 or 1, got "2"');
    expect(problems[1]!.message).toMatch(/unknown country name "Rusia"; closest known: .*"Russia"/);
    expect(problems[2]!.message).toMatch(/cannot read a date/);
    expect(problems[3]!.message).toMatch(/expected 64 fields like the header, found 30/);
    expect(problems[4]!.message).toMatch(/in a year before the start/);
  });
});
