import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import type { Crosswalk } from '../../../src/domain/crosswalk.js';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { InputError, UnknownCountryError } from '../../../src/domain/errors.js';
import { flowTable } from '../../../src/families/trade/flow-list.js';
import { isDotsAggregate, readImfDots } from '../../../src/families/trade/read-imf-dots.js';

const FIX = path.resolve(__dirname, 'fixtures');
const fx = (name: string) => path.join(FIX, name);
const crosswalk = createCrosswalk();
const S = (x: string) => x as Iso3;
const RUS = S('RUS');

async function problemsOf(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  return [...(e as InputError).problems];
}

describe('isDotsAggregate', () => {
  it('recognises regions, groups and residual rows, not countries', () => {
    for (const a of ['World', 'Euro Area', 'Advanced Economies', 'Memorandum Items', 'Countries & Areas not specified', 'Asia not specified', 'Other Countries not included elsewhere', 'Emerging Market and Developing Economies by Source of Export Earnings: Fuel', 'Sub-Saharan Africa']) {
      expect(isDotsAggregate(a), a).toBe(true);
    }
    for (const c of ['Iran, Islamic Rep. of', 'Australia', 'South Africa', 'Central African Rep.', 'China, P.R.: Mainland']) expect(isDotsAggregate(c), c).toBe(false);
  });
});

describe('readImfDots', () => {
  it('reads exports as exporter reports reporter → partner, empty cells missing', async () => {
    const set = await readImfDots(fx('dots_exports_small.csv'), crosswalk, { reporter: RUS, flow: 'exports' });
    const t = flowTable(set.exporterReports);
    expect(set.importerReports.count).toBe(0);
    expect(t.get(RUS, S('IRN'), 2011)).toBe(3271.8);
    expect(t.get(RUS, S('IRN'), 2012)).toBe(1900.4);
    expect(t.has(RUS, S('IRN'), 2013)).toBe(false); // empty cell = not reported
    expect(t.has(RUS, S('DEU'), 2012)).toBe(false);
    expect(t.get(RUS, S('CHN'), 2013)).toBe(60);
    expect(set.coverage).toEqual([{ from: 2011, to: 2013 }]);
    expect(set.completeFor).toEqual(new Set(['RUS']));
  });

  it('reads imports as importer reports partner → reporter, and accepts a blank first header cell', async () => {
    const set = await readImfDots(fx('dots_imports_small.csv'), crosswalk, { reporter: RUS, flow: 'imports' });
    const t = flowTable(set.importerReports);
    expect(set.exporterReports.count).toBe(0);
    expect(t.get(S('IRN'), RUS, 2011)).toBe(342);
    expect(t.get(S('AUS'), RUS, 2012)).toBe(0.25);
    expect(t.has(S('DEU'), RUS, 2013)).toBe(false);
  });

  it('skips aggregate rows, the reporter itself and an identical repeated row, and lists them in the notes', async () => {
    const set = await readImfDots(fx('dots_exports_small.csv'), crosswalk, { reporter: RUS, flow: 'exports' });
    const t = flowTable(set.exporterReports);
    expect(t.get(RUS, S('AUS'), 2011)).toBe(1); // read once, not summed
    const notes = set.notes.join('\n');
    expect(notes).toMatch(/4 aggregate row\(s\) skipped: World; Euro Area; Asia not specified; Memorandum Items/);
    expect(notes).toMatch(/1 partner row\(s\) repeated with identical values, read once/);
    expect(notes).toMatch(/the reporter's own row skipped/);
    expect(notes).toMatch(/4 partner\(s\)/);
  });

  it('keeps only the asked years', async () => {
    const set = await readImfDots(fx('dots_exports_small.csv'), crosswalk, { reporter: RUS, flow: 'exports', years: { from: 2012, to: 2012 } });
    expect([...new Set(set.exporterReports.year)]).toEqual([2012]);
  });

  it('skips non-state partners the crosswalk does not know, and lists them', async () => {
    const strict: Crosswalk = {
      ...crosswalk,
      resolve: (system, raw, year) => {
        if (raw === 'China, P.R.: Hong Kong') throw new UnknownCountryError(raw, system, []);
        return crosswalk.resolve(system, raw, year);
      },
    };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-dots-'));
    const f = path.join(dir, 'hk.csv');
    writeFileSync(f, 'Counterpart Country,2011\n"China, P.R.: Hong Kong",5\nGermany,6\n');
    const hk = await readImfDots(f, strict, { reporter: RUS, flow: 'exports' });
    expect(hk.notes.join('\n')).toMatch(/1 non-state partner\(s\) skipped: China, P\.R\.: Hong Kong/);
    expect(flowTable(hk.exporterReports).get(RUS, S('DEU'), 2011)).toBe(6);
  });

  it('reports every bad row together: non-numeric, unknown partner (with closest spellings), ragged, negative, repeated with other values', async () => {
    const problems = await problemsOf(readImfDots(fx('dots_bad.csv'), crosswalk, { reporter: RUS, flow: 'exports' }));
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6]);
    expect(problems[0]!.column).toBe('2013');
    expect(problems[1]!.message).toMatch(/unknown country name "Narnia"/);
    expect(problems[2]!.message).toMatch(/expected 4 fields like the header, found 3/);
    expect(problems[3]!.message).toMatch(/a number ≥ 0.*got "-2"/);
    expect(problems[4]!.message).toMatch(/"Australia" is listed again with other values \(first on line 2\)/);
  });

  it('rejects non-year columns (only annual tables) and title lines above the header', async () => {
    const header = await problemsOf(readImfDots(fx('dots_bad_header.csv'), crosswalk, { reporter: RUS, flow: 'exports' }));
    expect(header.map((p) => p.column)).toEqual([3, 4]);
    expect(header[0]!.message).toMatch(/got "2012Q1"; only annual DOTS tables/);
    const title = await problemsOf(readImfDots(fx('dots_title_lines.csv'), crosswalk, { reporter: RUS, flow: 'exports' }));
    expect(title[0]!.message).toMatch(/expected the first column "Counterpart Country".*remove title lines/);
  });
});

