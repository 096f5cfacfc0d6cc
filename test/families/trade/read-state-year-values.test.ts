import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { InputError } from '../../../src/domain/errors.js';
import { readStateYearValues } from '../../../src/families/trade/read-state-year-values.js';

const fx = (name: string) => path.resolve(__dirname, 'fixtures', name);
const crosswalk = createCrosswalk();

describe('readStateYearValues', () => {
  it('reads state,year,total with an empty value as missing', async () => {
    const t = await readStateYearValues(fx('totals.csv'), crosswalk, { codes: 'iso3', column: 'total' });
    expect(t.get('IRN' as Iso3, 2011)).toBe(100000);
    expect(t.has('CHN' as Iso3, 2012)).toBe(false);
    expect(t.size).toBe(4);
  });

  it('reports every bad row together: unknown state, bad year, negative value, a state-year given twice', async () => {
    const e = await readStateYearValues(fx('totals_bad.csv'), crosswalk, { codes: 'iso3', column: 'total' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    const problems = (e as InputError).problems;
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
    expect(problems[0]!.message).toMatch(/unknown country iso3 code "XXQ"/);
    expect(problems[3]!.message).toMatch(/IRN 2011 is already given on line 2/);
  });

  it('names the missing column', async () => {
    await expect(readStateYearValues(fx('totals.csv'), crosswalk, { codes: 'iso3', column: 'gdp' })).rejects.toThrow(/missing column\(s\) "gdp"/);
  });
});
