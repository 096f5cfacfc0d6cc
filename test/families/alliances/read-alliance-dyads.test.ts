import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { InputError } from '../../../src/domain/errors.js';
import { readAllianceDyads } from '../../../src/families/alliances/read-alliance-dyads.js';

const fx = (f: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', f);
const cw = createCrosswalk();

/** The rows as tuples [a, b, year, level, defence]. */
async function rowsOf(file: string, format: 'atop' | 'cow_alliance') {
  const r = await readAllianceDyads(fx(file), cw, format);
  return { ...r, tuples: Array.from({ length: r.rows.count }, (_, i) => [r.rows.a[i], r.rows.b[i], r.rows.year[i], r.rows.level[i], r.rows.defence[i]]) };
}

async function problemsOf(file: string, format: 'atop' | 'cow_alliance'): Promise<string[]> {
  try {
    await readAllianceDyads(fx(file), cw, format);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message.split('\n');
  }
  throw new Error('expected an InputError');
}

describe('readAllianceDyads', () => {
  it('reads the ATOP peacesciencer copy: dated COW codes, the valued level and the defence flag', async () => {
    const r = await rowsOf('atop_small.csv', 'atop');
    expect(r.years).toEqual({ from: 1990, to: 1992 });
    expect(r.tuples).toContainEqual(['USA', 'GBR', 1990, 3, 1]);
    expect(r.tuples).toContainEqual(['PRT', 'USA', 1990, 0, 0]); // an alliance row with no obligation in force
    expect(r.tuples).toContainEqual(['USA', 'DEU', 1990, 3, 1]); // COW 260 (West Germany) is reported as Germany
    expect(r.tuples).toContainEqual(['RUS', 'CHN', 1991, 1, 0]); // COW 365 in 1991 is the USSR, reported as Russia
    expect(r.tuples).toContainEqual(['RUS', 'IRN', 1992, 2, 0]); // neutrality + non-aggression + consultation
    expect(r.tuples).toContainEqual(['FRA', 'DEU', 1992, 3, 0]); // offence without defence: level 3, defence 0
    expect(r.tuples).toContainEqual(['RUS', 'CHN', 1992, 2, 0]);
    expect(r.rows.count).toBe(18);
    expect([...r.merged]).toEqual([
      ['255–260 1990 → DEU', 1],
      ['260–255 1990 → DEU', 1],
    ]);
  });

  it("reads ATOP's own column names (stateA, stateB, defense, …)", async () => {
    const r = await rowsOf('atop_original.csv', 'atop');
    expect(r.tuples).toEqual([
      ['USA', 'GBR', 1990, 3, 1],
      ['GBR', 'USA', 1990, 3, 1],
      ['RUS', 'IRN', 1992, 2, 0],
      ['IRN', 'RUS', 1992, 2, 0],
    ]);
  });

  it('reads the COW peacesciencer copy, entente as consultation (level 2)', async () => {
    const r = await rowsOf('cow_small.csv', 'cow_alliance');
    expect(r.years).toEqual({ from: 1990, to: 1991 });
    expect(r.tuples).toContainEqual(['USA', 'GBR', 1990, 3, 1]);
    expect(r.tuples).toContainEqual(['RUS', 'CHN', 1990, 2, 0]);
    expect(r.tuples).toContainEqual(['RUS', 'IRN', 1991, 2, 0]); // neutrality
    expect(r.tuples).toContainEqual(['USA', 'ISR', 1991, 2, 0]); // entente only
    expect(r.tuples).toContainEqual(['EGY', 'ISR', 1991, 1, 0]); // non-aggression only
    expect([...r.merged]).toEqual([
      ['678–679 1990 → YEM', 1],
      ['679–678 1990 → YEM', 1],
    ]);
  });

  it("reads COW's original yearly file, one row per alliance (defense, neutrality, nonaggression, entente)", async () => {
    const r = await rowsOf('cow_original.csv', 'cow_alliance');
    expect(r.tuples).toEqual([
      ['USA', 'GBR', 1990, 3, 1],
      ['USA', 'GBR', 1990, 2, 0],
      ['RUS', 'CHN', 1991, 2, 0],
    ]);
  });

  it('reports every bad row of an ATOP file together, with line and column', async () => {
    expect(await problemsOf('atop_broken.csv', 'atop')).toEqual([
      `${fx('atop_broken.csv')}: 5 problem(s) in the file; nothing was written`,
      `${fx('atop_broken.csv')}:3: column "ccode2": unknown country cow code "999"; closest known: "990", "987", "986"; expected a COW state code of 1990`,
      `${fx('atop_broken.csv')}:4: column "year": expected a four-digit year (1000–4095), got "19x2"`,
      `${fx('atop_broken.csv')}:5: column "atop_neutral": expected 0 or 1 (the obligation is absent or present), got "2"`,
      `${fx('atop_broken.csv')}:6: column "ccode2": a pair needs two different states, got 2 twice`,
      `${fx('atop_broken.csv')}:7: expected 8 fields like the header, found 7; check for an unquoted comma or a missing field`,
    ]);
  });

  it('reports every bad row of a COW file together, with line and column', async () => {
    expect(await problemsOf('cow_broken.csv', 'cow_alliance')).toEqual([
      `${fx('cow_broken.csv')}: 3 problem(s) in the file; nothing was written`,
      `${fx('cow_broken.csv')}:3: column "year": expected a four-digit year (1000–4095), got "0"`,
      `${fx('cow_broken.csv')}:4: column "ccode1": unknown country cow code "USA"; expected a COW state code of 1990`,
      `${fx('cow_broken.csv')}:5: column "cow_nonagg": expected 0 or 1 (the obligation is absent or present), got "yes"`,
    ]);
  });

  it('names the format that fits when the columns are the other format', async () => {
    const lines = await problemsOf('cow_small.csv', 'atop');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/cow_small\.csv:1: missing column\(s\) "atop_defense" or "defense", "atop_offense" or "offense", "atop_neutral" or "neutral", "atop_nonagg" or "nonagg", "atop_consul" or "consul" for an ATOP dyad-year file; the header has .*; this looks like a COW Formal Alliances dyad-year file: set `format: cow_alliance` in the source block$/);
    expect((await problemsOf('atop_small.csv', 'cow_alliance'))[0]).toMatch(/set `format: atop`/);
  });
});
