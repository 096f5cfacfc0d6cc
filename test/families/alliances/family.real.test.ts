import path from 'node:path';
import { expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { inRanges } from '../../../src/domain/year.js';
import { alliancesFamily as fam } from '../../../src/families/alliances/family.js';
import { atopLevel } from '../../../src/families/alliances/obligation-scale.js';
import type { IndicatorData } from '../../../src/families/family.js';
import { loadIndicator, testContext } from '../../helpers/load-context.js';
import { describeShared, readGzipCsv } from '../../helpers/shared-data.js';
import { STATE_SYSTEM } from '../../helpers/state-system.js';
import { plainMeasure, plainPortfolio, type PlainTies } from './plain-reference.js';

const I = (c: string) => c as Iso3;

/** The value the scorer sees: the listed value, 0 inside a zero-recording coverage, else empty. */
function effective(d: IndicatorData, a: string, b: string, year: number): number | null {
  const v = d.values.get(I(a), I(b), year);
  if (v !== null) return v;
  return d.zeroInsideCoverage && inRanges(year, d.coverage) ? 0 : null;
}

const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describeShared('alliances on the ATOP 5.1 and COW 4.1 dyad-year files', (dataDir) => {
  const atop = path.join(dataDir, 'alliances', 'atop5.1_ddyr_peacesciencer.csv.gz');
  const cow = path.join(dataDir, 'alliances', 'cow_alliance_v4.1_ddy_peacesciencer.csv.gz');
  const cache = new Map<string, Promise<IndicatorData>>();
  const load = (measure: string, file = atop, format = 'atop') => {
    const key = `${measure} ${format}`;
    if (!cache.has(key)) cache.set(key, loadIndicator(fam, 'alliance', [{ format, path: file }], measure, {}, testContext()));
    return cache.get(key)!;
  };

  it('USA–UK have a defence obligation in every year 1950–2018 (ATOP) and 1950–2012 (COW)', async () => {
    const d = await load('defence');
    expect(years(1950, 2018).filter((y) => effective(d, 'USA', 'GBR', y) !== 1)).toEqual([]);
    const c = await load('defence', cow, 'cow_alliance');
    expect(years(1950, 2012).filter((y) => effective(c, 'USA', 'GBR', y) !== 1)).toEqual([]);
    expect(effective(c, 'USA', 'GBR', 2013)).toBeNull(); // after COW's coverage: empty, not 0
  });

  it('Russia–Iran: what the sources say for 1992–2018 (SOURCE.md spot values)', async () => {
    const o = await load('obligation');
    // ATOP lists no Russia–Iran alliance 1947–2000, then neutrality + non-aggression + consultation 2001–2018
    expect(years(1992, 2000).map((y) => effective(o, 'RUS', 'IRN', y))).toEqual(years(1992, 2000).map(() => 0));
    expect(years(2001, 2018).map((y) => effective(o, 'RUS', 'IRN', y))).toEqual(years(2001, 2018).map(() => 2));
    // no defence obligation at any time 1992–2018
    const d = await load('defence');
    expect(years(1992, 2018).filter((y) => effective(d, 'RUS', 'IRN', y) !== 0)).toEqual([]);
    // COW has no Russia–Iran row after 1946: 0 through 2012, empty after
    const c = await load('obligation', cow, 'cow_alliance');
    expect(years(1992, 2012).filter((y) => effective(c, 'RUS', 'IRN', y) !== 0)).toEqual([]);
    expect(years(2013, 2018).map((y) => effective(c, 'RUS', 'IRN', y))).toEqual(years(2013, 2018).map(() => null));
    // 1942–1946 ATOP rows include defence (the Anglo-Soviet-Iranian treaty)
    expect(effective(o, 'RUS', 'IRN', 1943)).toBe(3);
  });

  it('Russia–China and Russia–Belarus as SOURCE.md lists them', async () => {
    const o = await load('obligation');
    expect(effective(o, 'RUS', 'CHN', 1995)).toBe(1); // non-aggression only
    expect(effective(o, 'RUS', 'CHN', 2010)).toBe(2); // + consultation
    expect(effective(o, 'RUS', 'BLR', 1995)).toBe(3);
    const c = await load('obligation', cow, 'cow_alliance');
    expect(effective(c, 'RUS', 'CHN', 1960)).toBe(3); // COW: defence pact 1950–1980
    expect(effective(c, 'RUS', 'CHN', 1990)).toBe(0);
    expect(effective(c, 'RUS', 'CHN', 2005)).toBe(2); // non-aggression + entente
  });

  it('equals plain loops over the raw rows: ties on every pair-year, portfolios on every member pair of seven years (1e-12)', async () => {
    const cw = createCrosswalk();
    const raw = readGzipCsv(atop);
    const plain: PlainTies = new Map();
    const plainDefence = new Map<string, number>();
    for (const r of raw) {
      const y = Number(r['year']);
      const a = cw.resolve('cow', r['ccode1']!, y);
      const b = cw.resolve('cow', r['ccode2']!, y);
      if (a === b) continue;
      const f = (k: string) => Number(r[`atop_${k}`]);
      const level = atopLevel({ defense: f('defense'), offense: f('offense'), neutral: f('neutral'), nonagg: f('nonagg'), consul: f('consul') });
      for (const key of [`${a} ${b} ${y}`, `${b} ${a} ${y}`]) {
        plain.set(key, Math.max(plain.get(key) ?? 0, level));
        plainDefence.set(key, Math.max(plainDefence.get(key) ?? 0, f('defense')));
      }
    }
    const obligation = await load('obligation');
    const defence = await load('defence');
    const wrong: string[] = [];
    for (const [key, level] of plain) {
      const [a, b, y] = key.split(' ') as [string, string, string];
      if (obligation.values.get(I(a), I(b), Number(y)) !== level) wrong.push(`obligation ${key}`);
      if (defence.values.get(I(a), I(b), Number(y)) !== plainDefence.get(key)) wrong.push(`defence ${key}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(obligation.values.size * 2).toBe(plain.size);

    const measures = ['portfolio_s', 'portfolio_kappa', 'portfolio_pi', 'portfolio_taub'];
    const tables = new Map(await Promise.all(measures.map(async (m) => [m, await load(m)] as const)));
    // τ_b's plain reference is O(n²) per pair: all four measures on five smaller systems, S, κ, π on two full ones
    const plan: [number, readonly string[]][] = [
      [1816, measures],
      [1870, measures],
      [1913, measures],
      [1938, measures],
      [1965, measures],
      [1990, measures.slice(0, 3)],
      [2018, measures.slice(0, 3)],
    ];
    for (const [year, which] of plan) {
      const members = STATE_SYSTEM.members(year);
      const rows = new Map(members.map((s) => [s, plainPortfolio(plain, s, members, year, 3)]));
      for (const m of which) {
        const table = tables.get(m)!.values;
        let count = 0;
        let worst = 0;
        const bad: string[] = [];
        for (let i = 0; i < members.length; i++) {
          for (let j = i + 1; j < members.length; j++) {
            const want = plainMeasure(m, rows.get(members[i]!)!, rows.get(members[j]!)!, 3, true);
            const got = table.get(members[i]!, members[j]!, year);
            if (want === null || got === null) {
              if (want !== got) bad.push(`${members[i]}-${members[j]}: ${got} vs ${want}`);
              continue;
            }
            count++;
            worst = Math.max(worst, Math.abs(got - want));
          }
        }
        expect(bad.slice(0, 5), `${m} ${year}`).toEqual([]);
        expect(worst, `${m} ${year}`).toBeLessThan(1e-12);
        expect(count, `${m} ${year}`).toBe((members.length * (members.length - 1)) / 2);
      }
    }
  });
});
