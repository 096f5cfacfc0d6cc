import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { InputError } from '../../../src/domain/errors.js';
import { igoFamily as fam, IgoConfigError } from '../../../src/families/igo/family.js';
import { readCowIgoDyads, readIgoStateYear } from '../../../src/families/igo/read-cow-igo.js';
import { loadIndicator, testContext } from '../../helpers/load-context.js';

const fx = (f: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', f);
const I = (c: string) => c as Iso3;
const cw = createCrosswalk();

async function problemsOf(read: () => Promise<unknown>): Promise<string[]> {
  try {
    await read();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message.split('\n');
  }
  throw new Error('expected an InputError');
}

describe('COW IGO readers', () => {
  it('reads the dyad-year counts (quoted header): dated codes, observed zeros, missing counts, merged codes', async () => {
    const r = await readCowIgoDyads(fx('igo_small.csv'), cw);
    expect(r.counts.get(I('RUS'), I('USA'), 1990)).toBe(2); // COW 365 in 1990 is the USSR, reported as Russia
    expect(r.counts.get(I('IRN'), I('USA'), 1991)).toBe(0); // a listed 0 is an observed zero
    expect(r.counts.has(I('RUS'), I('USA'), 1991)).toBe(false); // NA: not covered
    expect(r.counts.get(I('DEU'), I('USA'), 1990)).toBe(4); // 260 and 255 are both DEU in 1990: the larger count
    expect(r.years).toEqual([1990, 1991]);
    expect([r.rows, r.missing, r.merged, r.selfPairs]).toEqual([9, 1, 1, 1]);
    expect(r.counts.size).toBe(6);
  });

  it('reads the state-year file into full memberships per state-year', async () => {
    const t = await readIgoStateYear(fx('igo_state_year_small.csv'), cw);
    expect(t.organisations).toBe(5);
    expect(t.totals.get(I('USA'), 1990)).toBe(4);
    expect(t.totals.get(I('RUS'), 1990)).toBe(3); // associate membership (2) is not full
    expect(t.totals.get(I('IRN'), 1990)).toBe(3); // -9 counted as not full
    expect(t.totals.get(I('DEU'), 1990)).toBe(5); // the larger of 260 and 255
    expect(t.totals.get(I('IRN'), 1991)).toBe(0);
    expect([t.withMissing, t.merged]).toEqual([1, 1]);
  });

  it('reports every bad row of the counts together', async () => {
    const f = fx('igo_broken.csv');
    expect(await problemsOf(() => readCowIgoDyads(f, cw))).toEqual([
      `${f}: 6 problem(s) in the file; nothing was written`,
      `${f}:3: column "dyadigos": expected the number of shared IGOs (a whole number ≥ 0; empty, NA or -9 for missing), got "-1"`,
      `${f}:4: column "dyadigos": expected the number of shared IGOs (a whole number ≥ 0; empty, NA or -9 for missing), got "3.5"`,
      `${f}:5: column "ccode2": unknown country cow code "999"; closest known: "990", "987", "986"; expected a COW state code of 1990`,
      `${f}:6: pair-year 2-365 1990 is already given on line 2; keep one row`,
      `${f}:7: column "ccode2": a pair needs two different states, got 2 twice`,
      `${f}:8: expected 4 fields like the header, found 3; check for an unquoted comma or a missing field`,
    ]);
  });

  it('reports every bad row of the state-year file together', async () => {
    const f = fx('igo_state_year_broken.csv');
    expect(await problemsOf(() => readIgoStateYear(f, cw))).toEqual([
      `${f}: 3 problem(s) in the file; nothing was written`,
      `${f}:3: COW 2 in 1990 is already given on line 2; keep one row`,
      `${f}:4: column "year": expected a four-digit year (1000–4095), got "199"`,
      `${f}:5: column "ACP": expected an IGO membership code (-9 missing, -1 not a system member, 0 no, 1 full, 2 associate, 3 observer), got "5"`,
    ]);
  });
});

describe('igoFamily', () => {
  const load = (measure: string, source: Record<string, unknown>) => loadIndicator(fam, 'igo', [source], measure, {}, testContext());

  it('is the igo family: count (default) and share, format cow_igo', () => {
    expect(fam.name).toBe('igo');
    expect(fam.defaultId).toBe('igo');
    expect(fam.measures).toEqual(['count', 'share']);
    expect(fam.formats).toEqual(['cow_igo']);
    expect(fam.citations.join('\n')).toMatch(/Pevehouse, Jon C\. W\./);
    expect(fam.optionsSchema.safeParse({ totals: 'x.csv' }).success).toBe(false);
    expect(fam.sourceSchema.safeParse({ format: 'cow_igo', path: 'x.csv', totals: 'y.csv' }).success).toBe(true);
  });

  it('gives the count per pair-year, covered years from the file, absent pair-years missing', async () => {
    const d = await load('count', { format: 'cow_igo', path: fx('igo_small.csv') });
    expect(d.values.get(I('IRN'), I('RUS'), 1990)).toBe(3);
    expect(d.values.get(I('IRN'), I('USA'), 1991)).toBe(0);
    expect(d.coverage).toEqual([{ from: 1990, to: 1991 }]);
    expect(d.zeroInsideCoverage).toBe(false);
    expect(d.extras).toEqual([]);
    expect(d.notes.join('\n')).toMatch(/igo_small\.csv: 9 rows, 6 pair-years, 1990–1991/);
  });

  it('gives share = count / min(totals), empty when undefined or when the files disagree', async () => {
    const d = await load('share', { format: 'cow_igo', path: fx('igo_small.csv'), totals: fx('igo_state_year_small.csv') });
    expect(d.values.get(I('RUS'), I('USA'), 1990)).toBe(2 / 3);
    expect(d.values.get(I('IRN'), I('USA'), 1990)).toBe(1 / 3);
    expect(d.values.get(I('IRN'), I('RUS'), 1990)).toBe(1);
    expect(d.values.get(I('DEU'), I('USA'), 1990)).toBe(1);
    expect(d.values.has(I('IRN'), I('USA'), 1991)).toBe(false); // 0 / min(2, 0): undefined
    expect(d.values.has(I('IRN'), I('RUS'), 1991)).toBe(false); // 2 shared but Iran has 0: inconsistent
    expect(d.extras.map((x) => x.suffix)).toEqual(['count']);
    expect(d.inputs.map((i) => i.role)).toEqual(['path', 'totals']);
    const notes = d.notes.join('\n');
    expect(notes).toMatch(/1 pair-year\(s\) where one state has no full membership: share undefined, empty/);
    expect(notes).toMatch(/1 pair-year\(s\) count more shared IGOs than a state's total \(the files disagree\): share empty, e\.g\. IRN-RUS 1991: 2 > 0/);
  });

  it('refuses share without totals, saying why and what to add', async () => {
    const p = load('share', { format: 'cow_igo', path: fx('igo_small.csv') });
    await expect(p).rejects.toBeInstanceOf(IgoConfigError);
    await expect(p).rejects.toThrow(/the dyadic counts do not determine: add `totals:` with COW's state-year file/);
  });
});

describe('the bundled synthetic sample (indicators/sample/cow_igo_*.csv)', () => {
  it('loads count and share: every pair 1990–2014, the two files consistent (no share above 1, none left empty)', async () => {
    const ctx = testContext();
    const count = await loadIndicator(fam, 'igo', [{ format: 'cow_igo', path: 'indicators/sample/cow_igo_dyads.csv' }], 'count', {}, ctx);
    expect(count.coverage).toEqual([{ from: 1990, to: 2014 }]);
    expect(count.values.size).toBe(66 * 25);
    const share = await loadIndicator(fam, 'igo', [{ format: 'cow_igo', path: 'indicators/sample/cow_igo_dyads.csv', totals: 'indicators/sample/cow_igo_state_year.csv' }], 'share', {}, ctx);
    expect(share.values.size).toBe(66 * 25);
    for (const k of share.values.keys()) expect(share.values.getByKey(k)!).toBeLessThanOrEqual(1);
    expect(share.notes.join('\n')).not.toMatch(/disagree|without a total|undefined/);
    expect(share.notes.join('\n')).toMatch(/counted as not full members/); // the sample has a few -9 cells
  });
});
