import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readCriterionDyads } from '../../../../src/families/kit/criteria/read-criterion-dyads.js';
import { createCrosswalk } from '../../../../src/domain/crosswalk.js';
import { InputError } from '../../../../src/domain/errors.js';
import type { Iso3 } from '../../../../src/domain/country.js';
import { ROOT } from '../../../helpers/cli.js';

const fixture = (name: string) => path.join(ROOT, 'test', 'fixtures', 'validity', name);
const crosswalk = createCrosswalk();

async function problemsOf(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('readCriterionDyads: td_rivalries', () => {
  it('expands each rivalry into its pair-years from 1816, with COW codes read as of each year, and skips rows wholly before 1816', async () => {
    const f = await readCriterionDyads(fixture('td_rivalries.csv'), crosswalk, 'td_rivalries');
    expect(f.rows).toBe(8);
    expect(f.beforeCow).toBe(1); // Venice (324), 1494–1717
    expect(f.years).toEqual({ from: 1948, to: 2020 });
    expect(f.pairYears.get('USA' as Iso3, 'RUS' as Iso3, 2007)).toBe(1);
    expect(f.pairYears.get('RUS' as Iso3, 'USA' as Iso3, 2006)).toBeNull();
    expect(f.pairYears.get('SYR' as Iso3, 'TUR' as Iso3, 1998)).toBe(1);
    expect(f.pairYears.get('SYR' as Iso3, 'TUR' as Iso3, 1999)).toBeNull();
  });

  it('reports every bad row with file, line and column: unknown or malformed codes, bad years, a last year before the first, ragged rows', async () => {
    const e = await problemsOf(readCriterionDyads(fixture('td_rivalries_broken.csv'), crosswalk, 'td_rivalries'));
    const got = e.problems.map((p) => [path.basename(p.file), p.line, p.column ?? null, p.message]);
    expect(got).toEqual([
      ['td_rivalries_broken.csv', 3, 'ccode1', expect.stringMatching(/^expected a COW state code \(a number such as 365\), got "USSR"/)],
      ['td_rivalries_broken.csv', 4, 'styear', 'expected a four-digit year (1000–4095), got "19x9"'],
      ['td_rivalries_broken.csv', 5, 'endyear', 'the last year (1979) is before the first (styear 2010); swap them or fix the years'],
      ['td_rivalries_broken.csv', 6, null, expect.stringMatching(/^expected 10 fields like the header, found 4/)],
      ['td_rivalries_broken.csv', 7, 'ccode2', expect.stringMatching(/got "9999"/)],
    ]);
  });
});

describe('readCriterionDyads: cow_mid_ddydisps', () => {
  it('reads one pair-year per row and covers the file\'s years', async () => {
    const f = await readCriterionDyads(fixture('cow_mid_ddydisps.csv'), crosswalk, 'cow_mid_ddydisps');
    expect(f.rows).toBe(12);
    expect(f.years).toEqual({ from: 1990, to: 2019 });
    expect(f.pairYears.get('IRN' as Iso3, 'USA' as Iso3, 2002)).toBe(1);
    expect(f.pairYears.get('IRN' as Iso3, 'USA' as Iso3, 2003)).toBeNull();
  });

  it('reports a self-pair and an empty year together', async () => {
    const e = await problemsOf(readCriterionDyads(fixture('cow_mid_ddydisps_broken.csv'), crosswalk, 'cow_mid_ddydisps'));
    expect(e.problems.map((p) => [p.line, p.column ?? null, p.message])).toEqual([
      [3, 'ccode2', 'a pair needs two different states, got 2 twice'],
      [4, 'year', 'expected a four-digit year (1000–4095), got ""'],
    ]);
  });

  it('names the missing columns', async () => {
    const e = await problemsOf(readCriterionDyads(fixture('cow_mid_ddydisps.csv'), crosswalk, 'td_rivalries'));
    expect(e.problems[0]!.message).toMatch(/missing column\(s\) "styear", "endyear"/);
  });
});
