import path from 'node:path';
import { expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { inRanges } from '../../../src/domain/year.js';
import type { IndicatorData } from '../../../src/families/family.js';
import { idealPointsFamily as fam } from '../../../src/families/ideal-points/family.js';
import { readVoetenIdeal } from '../../../src/families/ideal-points/read-voeten-ideal.js';
import { loadIndicator, testContext } from '../../helpers/load-context.js';
import { describeShared, readGzipCsv } from '../../helpers/shared-data.js';

const I = (c: string) => c as Iso3;

describeShared('ideal_points on the published ideal-point files', (dataDir) => {
  const file = (d: string) => path.join(dataDir, 'unga', `voeten_idealpointestimates_${d}_apr2020.csv.gz`);
  let all: Promise<IndicatorData> | undefined;
  const loadAll = () => (all ??= loadIndicator(fam, 'ideal', [{ format: 'voeten_ideal', path: file('All'), dimension: 'All' }], 'distance', {}, testContext()));

  it('gives the published θ difference for Russia–USA, Russia–China and Russia–Iran in 2010 (session 65)', async () => {
    const d = await loadAll();
    // θ in session 65: USA 2.519054, RUS 0.02300832, CHN -0.8585649, IRN -2.028844 (7 significant digits)
    expect(Math.abs(d.values.get(I('RUS'), I('USA'), 2010)! - 2.49604568)).toBeLessThan(1e-12);
    expect(Math.abs(d.values.get(I('CHN'), I('RUS'), 2010)! - 0.88157322)).toBeLessThan(1e-12);
    expect(Math.abs(d.values.get(I('IRN'), I('RUS'), 2010)! - 2.05185232)).toBeLessThan(1e-12);
    // the interval holds the distance: RUS [-0.1154612, 0.1801353], USA [2.325611, 2.71889]
    expect(d.extras[0]!.table.get(I('RUS'), I('USA'), 2010)).toBeCloseTo(2.325611 - 0.1801353, 12);
    expect(d.extras[1]!.table.get(I('RUS'), I('USA'), 2010)).toBeCloseTo(2.71889 + 0.1154612, 12);
    // sessions 1–74 → 1946–2019, with no session 19 (1964) in the file
    expect(inRanges(1964, d.coverage)).toBe(false);
    expect(d.coverage).toEqual([{ from: 1946, to: 1963 }, { from: 1965, to: 2019 }]);
    expect(d.notes[0]).toMatch(/10469 country-sessions, dimension All, 1946–1963, 1965–2019/);
  });

  it('equals a plain reference over the raw rows on every pair of six years', async () => {
    const d = await loadAll();
    const cw = createCrosswalk();
    const rows = readGzipCsv(file('All'), ['ccode', 'session', 'IdealPoint', 'Q5%', 'Q95%']);
    for (const year of [1950, 1975, 1990, 2000, 2010, 2019]) {
      const here = rows
        .filter((r) => Number(r['session']) + 1945 === year)
        .map((r) => ({ s: cw.resolve('cow', r['ccode']!, year), t: Number(r['IdealPoint']), l: Number(r['Q5%']), h: Number(r['Q95%']) }));
      let pairs = 0;
      const wrong: string[] = [];
      for (let i = 0; i < here.length; i++) {
        for (let j = i + 1; j < here.length; j++) {
          const a = here[i]!;
          const b = here[j]!;
          pairs++;
          const got = [d.values.get(a.s, b.s, year), d.extras[0]!.table.get(a.s, b.s, year), d.extras[1]!.table.get(a.s, b.s, year)];
          const want = [Math.abs(a.t - b.t), Math.max(0, a.l - b.h, b.l - a.h), Math.max(a.h - b.l, b.h - a.l)];
          if (got.some((g, k) => g !== want[k])) wrong.push(`${a.s}-${b.s} ${year}: ${got.join(' ')} vs ${want.join(' ')}`);
        }
      }
      expect(wrong.slice(0, 5)).toEqual([]);
      let inYear = 0;
      for (const k of d.values.keys()) if (k % 4096 === year) inYear++;
      expect(inYear, `${year}`).toBe(pairs);
      expect(pairs).toBeGreaterThan(1000);
    }
  });

  it('reads every issue dimension, each labelled by its header', async () => {
    const cw = createCrosswalk();
    const first = { Important: 1983, HumanRights: 1970, MiddleEast: 1974, Nuclear: 1978, NoNukes: 1946 };
    for (const dim of ['Important', 'HumanRights', 'MiddleEast', 'Nuclear', 'NoNukes'] as const) {
      const f = await readVoetenIdeal(file(dim), cw);
      expect(f.dimension).toBe(dim);
      expect(f.collisions).toEqual([]);
      expect(Math.min(...f.points.year)).toBe(first[dim]);
    }
  });
});
