import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { InputError } from '../../../src/domain/errors.js';
import { JME_MAPPING, MME_LONG_MAPPING, MME_MAPPING } from '../../../src/families/joint-drills/exercise-list-formats.js';
import { readMappedDates, readMappedFlags, type ExerciseListMapping } from '../../../src/families/joint-drills/exercise-list-mapping.js';
import type { CellProblem } from '../../../src/families/joint-drills/exercise-cells.js';
import { readExerciseList } from '../../../src/families/joint-drills/read-exercise-list.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-exercise-list-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string): string => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const cw = createCrosswalk();
const cells = (row: Record<string, string>) => (column: string): string | undefined => row[column];

/** A format none of the built-in ones is: ISO3 codes in `p1`, `p2`, …, a year, a free-text type, an `op` number. */
const OPS: ExerciseListMapping = {
  required: ['op', 'year'],
  id: { column: 'op', prefix: 'op ' },
  name: 'title',
  dates: { kind: 'year', column: 'year' },
  flags: { kind: 'type_contains', column: 'kind', token: 'CPX', domain: 'CPX' },
  participants: { kind: 'slots', pattern: /^p\d+$/, codes: 'iso3', missing: 'no p1, p2, … columns', fix: 'use ISO3 codes' },
};

describe('readExerciseList: a new format is a column mapping', () => {
  it('reads exercises through a mapping it was never written for', async () => {
    const file = write('ops.csv', 'op,title,year,kind,p1,p2,p3\n7,Shield,2015,CPX staff,RUS,CHN,\n8,,2016,field,USA,-9,GBR\n');
    const list = await readExerciseList(file, cw, OPS);
    expect(list.exercises.map((e) => [e.id, e.name, e.start.year, e.participants, e.domains])).toEqual([
      ['op 7', 'Shield', 2015, ['CHN', 'RUS'], ['CPX']],
      ['op 8', '', 2016, ['GBR', 'USA'], []],
    ]);
    expect(list.skipped).toEqual([{ line: 3, column: 'p2', raw: '-9', reason: 'unidentified participant' }]);
    expect(list.years).toEqual({ from: 2015, to: 2016 });
    expect(list.rows).toBe(2);
  });

  it('reports every problem of the file with its line, column and the mapping’s hint', async () => {
    const file = write('ops_broken.csv', 'op,title,year,kind,p1,p2\n7,Shield,15,CPX,RUS,CHN\n8,Bad,2016,field,USA,XXZ\n9,Ragged,2017\n');
    const err = await readExerciseList(file, cw, OPS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems;
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'year'],
      [3, 'p2'],
      [4, undefined],
    ]);
    expect(problems[1]!.message).toMatch(/; use ISO3 codes$/);
  });

  it('says what is missing when no participant column matches', async () => {
    const file = write('ops_no_slots.csv', 'op,year,q1\n7,2015,RUS\n');
    const err = await readExerciseList(file, cw, OPS).catch((e: unknown) => e);
    expect((err as InputError).problems).toEqual([{ file, line: 1, message: 'no p1, p2, … columns' }]);
  });

  it('groups the rows of one exercise when the mapping has groupBy', async () => {
    const header = [...MME_LONG_MAPPING.required].join(',');
    const row = (country: string, gw: string, year: string): string =>
      MME_LONG_MAPPING.required.map((c) => ({ MMEID: 'mme1', Ex_Name: 'Peace Mission', StartDate: '2005-08-18', 's.year': '2005', 's.month': '8', 's.day': '18', gwcode: gw, country, year })[c] ?? '').join(',');
    const file = write('long.csv', [header, row('Russia', '365', '2005'), row('China', '710', '2005'), row('Russia', '365', '2006')].join('\n') + '\n');
    const list = await readExerciseList(file, cw, MME_LONG_MAPPING);
    expect(list.exercises).toHaveLength(1);
    expect(list.exercises[0]).toMatchObject({ id: 'mme1', line: 2, participants: ['CHN', 'RUS'], start: { year: 2005, month: 8, day: 18 } });
    expect(list.rows).toBe(3);
  });
});

describe('the date and flag strategies of a mapping', () => {
  it('reads parts first and falls back to the text (MME), strictly', () => {
    const d = readMappedDates(MME_MAPPING.dates, cells({ 's.year': '', StartDate: '8/18/05' }));
    expect(d).toMatchObject({ start: { year: 2005, month: 8, day: 18 }, end: null, problems: [], notes: [] });
    expect(readMappedDates(MME_MAPPING.dates, cells({})).problems.map((p) => p.column)).toEqual(['s.year']);
  });

  it('skips a row without a start leniently, with a note instead of a problem (JME)', () => {
    const d = readMappedDates(JME_MAPPING.dates, cells({ 'Start Date': '11/xx2002' }));
    expect(d).toMatchObject({ start: { year: 2002, month: null, day: null }, problems: [], notes: ['start date "11/xx2002" read as the year 2002 only'] });
    expect(readMappedDates(JME_MAPPING.dates, cells({})).notes).toEqual(['no start date (s.year and Start Date are empty or -9); row skipped']);
  });

  it('reads 0/1 flag columns and ;-separated flag lists, reporting what is not a flag', () => {
    const problems: CellProblem[] = [];
    expect(readMappedFlags({ kind: 'columns' }, cells({ Air: '1', Sea: '0', Humanitarian: '1' }), problems)).toEqual({ domains: ['Air'], focus: ['Humanitarian'] });
    expect(readMappedFlags({ kind: 'lists', domain: 'd', focus: 'f', separator: ';' }, cells({ d: 'sea; AIR;foo', f: '' }), problems)).toEqual({ domains: ['Air', 'Sea'], focus: [] });
    expect(problems).toEqual([{ column: 'd', message: 'unknown value "foo"; expected any of CPX, Air, Land, Sea, Amphibious, Cyber separated by ;' }]);
    expect(readMappedFlags({ kind: 'none' }, cells({ Air: '1' }), problems)).toEqual({ domains: [], focus: [] });
  });
});
