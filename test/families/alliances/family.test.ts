import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import type { StateSystem } from '../../../src/domain/state-system.js';
import { alliancesFamily as fam } from '../../../src/families/alliances/family.js';
import { loadIndicator, testContext } from '../../helpers/load-context.js';

const fx = (f: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', f);
const I = (c: string) => c as Iso3;

/** A made-up state system: the same members every year. */
function systemOf(members: readonly string[]): StateSystem {
  const m = [...members].sort() as Iso3[];
  return { exists: (s) => m.includes(s), members: () => m, spells: () => [], states: m, pairExists: () => true };
}

function load(measure: string, sources: Record<string, unknown>[], options: Record<string, unknown> = {}, members?: readonly string[]) {
  return loadIndicator(fam, 'alliance', sources, measure, options, testContext(members ? { stateSystem: systemOf(members) } : {}));
}

describe('alliancesFamily', () => {
  it('is the alliances family: obligation first, atop and cow_alliance, the citations of the scale and the measures', () => {
    expect(fam.name).toBe('alliances');
    expect(fam.defaultId).toBe('alliance');
    expect(fam.measures).toEqual(['obligation', 'defence', 'portfolio_s', 'portfolio_kappa', 'portfolio_pi', 'portfolio_taub']);
    expect(fam.formats).toEqual(['atop', 'cow_alliance']);
    const c = fam.citations.join('\n');
    for (const who of [/Leeds, Brett Ashley/, /Gibler, Douglas M\./, /Chiba, Daina/, /Bueno de Mesquita, Bruce\. 1975/, /Signorino, Curtis S\./, /Häge, Frank M\. 2011/]) expect(c).toMatch(who);
    for (const m of fam.measures) expect(fam.describeMeasure(m)).toBeTruthy();
    expect(fam.defaultPolarity).toBeUndefined();
  });

  it('validates options and source blocks strictly, with defaults', () => {
    expect(fam.optionsSchema.parse({})).toEqual({ ties: 'valued', distance: 'squared' });
    expect(fam.optionsSchema.safeParse({ ties: 'ordinal' }).success).toBe(false);
    expect(fam.optionsSchema.safeParse({ weighting: 'cinc' }).success).toBe(false);
    expect(fam.sourceSchema.parse({ format: 'atop', path: 'x.csv' })).toEqual({ format: 'atop', path: 'x.csv' });
    expect(fam.sourceSchema.safeParse({ format: 'cow_alliance', path: 'x.csv', coverage: { from: 1816, to: 2012 } }).success).toBe(true);
    expect(fam.sourceSchema.safeParse({ format: 'cow_alliance', path: 'x.csv', coverage: { from: 2012, to: 1816 } }).success).toBe(false);
    expect(fam.sourceSchema.safeParse({ format: 'eugene', path: 'x.csv' }).success).toBe(false);
  });

  it('gives the strongest obligation of both directions, 0 inside the source years for an unlisted pair', async () => {
    const d = await load('obligation', [{ format: 'atop', path: fx('atop_small.csv') }]);
    expect(d.values.get(I('GBR'), I('USA'), 1990)).toBe(3);
    expect(d.values.get(I('PRT'), I('USA'), 1990)).toBe(3); // USA → PRT defence, PRT → USA nothing: the maximum
    expect(d.values.get(I('IRN'), I('RUS'), 1992)).toBe(2);
    expect(d.values.get(I('CHN'), I('RUS'), 1991)).toBe(1);
    expect(d.values.get(I('DEU'), I('USA'), 1990)).toBe(3); // West Germany's row
    expect(d.zeroInsideCoverage).toBe(true);
    expect(d.coverage).toEqual([{ from: 1990, to: 1992 }]);
    expect(d.values.has(I('IRN'), I('RUS'), 1990)).toBe(false); // → 0 in the panel (inside coverage), never before 1990
    const notes = d.notes.join('\n');
    expect(notes).toMatch(/atop_small\.csv: 18 rows \(atop\), 1990–1992/);
    expect(notes).toMatch(/2 row\(s\) pair two codes that are one state under the succession rules, skipped: 255–260 1990 → DEU; 260–255 1990 → DEU/);
    expect(notes).toMatch(/1 pair-year\(s\) with a different level or defence flag in the two directions/);
  });

  it('gives the defence flag, offence alone not counting as defence', async () => {
    const d = await load('defence', [{ format: 'atop', path: fx('atop_small.csv') }]);
    expect(d.values.get(I('GBR'), I('USA'), 1991)).toBe(1);
    expect(d.values.get(I('DEU'), I('FRA'), 1992)).toBe(0);
    expect(d.values.get(I('IRN'), I('RUS'), 1992)).toBe(0);
  });

  it('merges ATOP and COW sources by the stronger tie, coverage the union (a configured coverage wins)', async () => {
    const d = await load('obligation', [
      { format: 'atop', path: fx('atop_small.csv') },
      { format: 'cow_alliance', path: fx('cow_small.csv'), coverage: { from: 1985, to: 1991 } },
    ]);
    expect(d.coverage).toEqual([{ from: 1985, to: 1992 }]);
    expect(d.values.get(I('CHN'), I('RUS'), 1990)).toBe(2); // COW only
    expect(d.values.get(I('IRN'), I('RUS'), 1991)).toBe(2); // COW neutrality
    expect(d.inputs.map((i) => i.role)).toEqual(['path', 'path']);
  });

  it('computes portfolio similarity over the state system of each covered year', async () => {
    const members = ['CHN', 'DEU', 'FRA', 'GBR', 'IRN', 'PRT', 'RUS', 'USA'];
    const d = await load('portfolio_s', [{ format: 'atop', path: fx('atop_small.csv') }], { distance: 'absolute' }, members);
    expect(d.zeroInsideCoverage).toBe(false);
    expect(d.coverage).toEqual([{ from: 1990, to: 1992 }]);
    // 1992: RUS row (CHN 2, IRN 2, RUS 3), IRN row (IRN 3, RUS 2): |d| at CHN 2, IRN 1, RUS 1 → 4
    expect(d.values.get(I('IRN'), I('RUS'), 1992)).toBeCloseTo(1 - (2 * 4) / (8 * 3), 15);
    // every pair of members in every covered year has a value
    expect(d.values.size).toBe(3 * ((8 * 7) / 2));
    expect(d.notes.join('\n')).toMatch(/portfolios over the state system of each year \(valued ties, absolute distances\): 84 pair-years/);
  });

  it('codes ties as binary when asked (any obligation 1)', async () => {
    const members = ['CHN', 'IRN', 'RUS', 'USA'];
    const d = await load('portfolio_s', [{ format: 'atop', path: fx('atop_small.csv') }], { ties: 'binary', distance: 'absolute' }, members);
    // 1992: RUS (CHN 1, IRN 1, RUS 1, USA 0), IRN (CHN 0, IRN 1, RUS 1, USA 0): one difference of 1
    expect(d.values.get(I('IRN'), I('RUS'), 1992)).toBeCloseTo(1 - 2 / 4, 15);
  });
});

describe('the bundled synthetic sample (indicators/sample/atop_alliances.csv)', () => {
  it('loads in ATOP form: obligations 0–3 over 1990–2020, the asymmetric pair collapsed to its stronger direction', async () => {
    const d = await load('obligation', [{ format: 'atop', path: 'indicators/sample/atop_alliances.csv', coverage: { from: 1990, to: 2020 } }]);
    expect(d.coverage).toEqual([{ from: 1990, to: 2020 }]);
    for (const k of d.values.keys()) expect([1, 2, 3]).toContain(d.values.getByKey(k));
    expect(d.notes.join('\n')).toMatch(/pair-year\(s\) with a different level or defence flag in the two directions/);
    const p = await load('portfolio_pi', [{ format: 'atop', path: 'indicators/sample/atop_alliances.csv' }]);
    expect(p.values.get(I('GBR'), I('USA'), 2000)).not.toBeNull();
  });
});

