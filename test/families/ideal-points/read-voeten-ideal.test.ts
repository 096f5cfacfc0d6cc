import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { InputError } from '../../../src/domain/errors.js';
import { readVoetenIdeal } from '../../../src/families/ideal-points/read-voeten-ideal.js';

const fx = (f: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', f);
const cw = createCrosswalk();

async function rowsOf(file: string, crosswalk = cw) {
  const r = await readVoetenIdeal(fx(file), crosswalk);
  const p = r.points;
  return { ...r, tuples: Array.from({ length: p.count }, (_, i) => [p.state[i], p.year[i], p.theta[i], p.q5[i], p.q10[i], p.q90[i], p.q95[i]]) };
}

async function problemsOf(file: string): Promise<string[]> {
  try {
    await readVoetenIdeal(fx(file), cw);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message.split('\n');
  }
  throw new Error('expected an InputError');
}

describe('readVoetenIdeal', () => {
  it("reads Voeten's All file (CRLF): year = session + 1945, COW codes as of that year", async () => {
    const r = await rowsOf('ideal_all_small.csv');
    expect(r.layout).toBe('estimates');
    expect(r.dimension).toBe('All');
    expect(r.tuples).toContainEqual(['USA', 2010, 2.4, 2.2, 2.25, 2.55, 2.6]);
    expect(r.tuples).toContainEqual(['RUS', 1990, 0.5, 0.3, 0.35, 0.65, 0.7]); // COW 365 in 1990: the USSR, reported as Russia
    expect(r.tuples).toContainEqual(['DEU', 1990, 1.2, 1, 1.05, 1.35, 1.4]); // West Germany (260) is DEU
    expect(r.tuples).toContainEqual(['DDR', 1989, -0.8, -1, -0.95, -0.65, -0.6]);
    expect(r.points.count).toBe(12);
    expect(r.missing).toBe(0);
    expect(r.collisions).toEqual([]);
  });

  it('reads an issue dimension (quoted cells, the suffix on every column)', async () => {
    const r = await rowsOf('ideal_humanrights_small.csv');
    expect(r.dimension).toBe('HumanRights');
    expect(r.tuples).toEqual([
      ['USA', 2010, 2.7, 2, 2.2, 3.2, 3.4],
      ['RUS', 2010, -0.4, -1, -0.9, 0.1, 0.2],
      ['IRN', 2010, -1.9, -2.5, -2.4, -1.4, -1.3],
    ]);
  });

  it('reads the 2019 country-session table: its year column checked, NaN and empty rows missing', async () => {
    const r = await rowsOf('ideal_country_session.csv');
    expect(r.layout).toBe('country_session');
    expect(r.tuples).toEqual([
      ['USA', 1990, 2.6, 2.4, 2.45, 2.75, 2.8],
      ['RUS', 1990, 0.5, 0.3, 0.35, 0.65, 0.7],
    ]);
    expect(r.missing).toBe(2); // Liberia without a session, China with NaN
  });

  it('drops a state-session given under two codes the succession rules merge, and says so', async () => {
    const r = await rowsOf('ideal_all_small.csv', createCrosswalk({ succession: { DDR: 'DEU' } }));
    expect(r.collisions).toEqual(['DEU 1989 (COW 260, 265)']);
    expect(r.tuples.some(([s, y]) => s === 'DEU' && y === 1989)).toBe(false);
    expect(r.points.count).toBe(10);
  });

  it('reports every bad row together, with line and column', async () => {
    const f = fx('ideal_broken.csv');
    expect(await problemsOf('ideal_broken.csv')).toEqual([
      `${f}: 6 problem(s) in the file; nothing was written`,
      `${f}:3: column "ccode": unknown country cow code "999"; closest known: "990", "987", "986"; expected a COW state code`,
      `${f}:4: column "session": expected a session number (1, 2, …; year = session + 1945), got "sixty"`,
      `${f}:5: column "IdealPoint": expected an ideal point (a number; empty, NA or NaN for missing), got "high"`,
      `${f}:6: column "Q5%": the quantiles are out of order (Q5% -0.5, Q10% -1.1, Q90% -0.6, Q95% -0.55); they must not decrease`,
      `${f}:7: COW 2 in session 64 is already given on line 2; keep one row`,
      `${f}:8: expected 14 fields like the header, found 6; check for an unquoted comma or a missing field`,
    ]);
  });

  it("checks the 2019 table's year against the session", async () => {
    const f = fx('ideal_country_session_broken.csv');
    expect(await problemsOf('ideal_country_session_broken.csv')).toEqual([
      `${f}: 2 problem(s) in the file; nothing was written`,
      `${f}:2: column "year": the year "1991.0" is not session 45 + 1945 = 1990; the published files label each session so — check the row`,
      `${f}:3: column "ci95": expected a posterior quantile (a number; empty, NA or NaN for missing), got "low"`,
    ]);
  });

  it('names the expected columns when the header has no ideal point', async () => {
    const lines = await problemsOf('../../alliances/fixtures/atop_small.csv');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/atop_small\.csv:1: no ideal-point column; expected `ccode`, `session`, `IdealPoint…`/);
  });
});
