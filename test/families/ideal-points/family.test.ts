import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { InputError } from '../../../src/domain/errors.js';
import { computeDistances, type StateYearIdealPoints } from '../../../src/families/ideal-points/compute-distance.js';
import { idealPointsFamily as fam } from '../../../src/families/ideal-points/family.js';
import { parseConfigText } from '../../../src/config/read-config.js';
import { loadIndicator, testContext } from '../../helpers/load-context.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fx = (f: string) => path.join(here, 'fixtures', f);
const I = (c: string) => c as Iso3;

function load(sources: Record<string, unknown>[], options: Record<string, unknown> = {}) {
  return loadIndicator(fam, 'ideal', sources, 'distance', options, testContext());
}

describe('idealPointsFamily', () => {
  it('is the ideal_points family: distance, format voeten_ideal, negative polarity by default', () => {
    expect(fam.name).toBe('ideal_points');
    expect(fam.defaultId).toBe('ideal');
    expect(fam.measures).toEqual(['distance']);
    expect(fam.formats).toEqual(['voeten_ideal']);
    expect(fam.defaultPolarity?.('distance')).toBe('negative');
    expect(fam.citations.join('\n')).toMatch(/Bailey, Michael A\., Anton Strezhnev, and Erik Voeten\. 2017/);
    expect(fam.optionsSchema.parse({})).toEqual({ interval: 'q5_q95' });
    expect(fam.optionsSchema.safeParse({ interval: 'q1_q99' }).success).toBe(false);
    expect(fam.sourceSchema.safeParse({ format: 'voeten_ideal', path: 'x.csv', dimension: 'Economy' }).success).toBe(false);
    expect(fam.sourceSchema.safeParse({ format: 'voeten_ideal', path: 'x.csv', session: 1 }).success).toBe(false);
  });

  it('gives |θa − θb| for every pair of a year, the conservative interval, and coverage by year', async () => {
    const d = await load([{ format: 'voeten_ideal', path: fx('ideal_all_small.csv') }]);
    expect(d.values.get(I('RUS'), I('USA'), 2010)).toBeCloseTo(2.3, 15);
    expect(d.values.get(I('CHN'), I('IRN'), 2010)).toBeCloseTo(1.1, 15);
    // USA [2.2, 2.6], RUS [-0.1, 0.3]: lo = 2.2 − 0.3, hi = 2.6 + 0.1
    expect(d.extras.map((x) => x.suffix)).toEqual(['lo', 'hi']);
    expect(d.extras[0]!.table.get(I('RUS'), I('USA'), 2010)).toBeCloseTo(1.9, 15);
    expect(d.extras[1]!.table.get(I('RUS'), I('USA'), 2010)).toBeCloseTo(2.7, 15);
    // overlapping intervals: lo is 0
    expect(d.extras[0]!.table.get(I('DEU'), I('USA'), 1990)).toBeCloseTo(1.0, 15);
    expect(d.values.has(I('RUS'), I('USA'), 2009)).toBe(false); // Russia has no row in 2009: missing, not 0
    expect(d.coverage).toEqual([{ from: 1989, to: 1990 }, { from: 2010, to: 2010 }]); // 2009 and 1991 hold one state only
    expect(d.zeroInsideCoverage).toBe(false);
    expect(d.notes[0]).toMatch(/ideal_all_small\.csv: 12 country-sessions, dimension All, 1989–1991, 2009–2010 \(year = session \+ 1945\)/);
  });

  it('builds the interval from the 10–90 % quantiles when asked', async () => {
    const d = await load([{ format: 'voeten_ideal', path: fx('ideal_all_small.csv') }], { interval: 'q10_q90' });
    expect(d.extras[0]!.table.get(I('RUS'), I('USA'), 2010)).toBeCloseTo(2.25 - 0.25, 15);
    expect(d.extras[1]!.table.get(I('RUS'), I('USA'), 2010)).toBeCloseTo(2.55 + 0.05, 15);
    expect(d.extras[0]!.description).toMatch(/10–90 %/);
  });

  it('refuses a file whose dimension is not the one the source block names', async () => {
    const p = load([{ format: 'voeten_ideal', path: fx('ideal_humanrights_small.csv'), dimension: 'All' }]);
    await expect(p).rejects.toBeInstanceOf(InputError);
    await expect(p).rejects.toThrow(/the header holds the HumanRights dimension, but the source block asks for `dimension: All`/);
    const ok = await load([{ format: 'voeten_ideal', path: fx('ideal_humanrights_small.csv'), dimension: 'HumanRights' }]);
    expect(ok.values.get(I('IRN'), I('USA'), 2010)).toBeCloseTo(4.6, 15);
  });

  it('merges two sources, the first one winning a country-session both give', async () => {
    const d = await load([
      { format: 'voeten_ideal', path: fx('ideal_country_session.csv') },
      { format: 'voeten_ideal', path: fx('ideal_all_small.csv') },
    ]);
    expect(d.values.get(I('RUS'), I('USA'), 1990)).toBeCloseTo(2.1, 15);
    expect(d.notes).toContain("2 country-session(s) given by more than one source: the first source's value is kept");
    expect(d.inputs.map((i) => i.role)).toEqual(['path', 'path']);
  });

  it('gets polarity negative from the config unless the block sets it', () => {
    const cfg = (extra: string) =>
      parseConfigText(`indicators:\n  ideal:\n    family: ideal_points\n    source: { format: voeten_ideal, path: x.csv }\n${extra}`, 'c.yaml', {});
    expect(cfg('').indicators[0]!.polarity).toBe('negative');
    expect(cfg('').raw.indicators['ideal']!.polarity).toBe('negative'); // the data package records what was used
    expect(cfg('    polarity: positive\n').indicators[0]!.polarity).toBe('positive');
  });
});

describe('the bundled synthetic sample (indicators/sample/un_ideal_points.csv)', () => {
  it('loads: every pair of the 12 states in 1990–2020, the planted moves of Russia visible', async () => {
    const d = await load([{ format: 'voeten_ideal', path: 'indicators/sample/un_ideal_points.csv', dimension: 'All' }]);
    expect(d.coverage).toEqual([{ from: 1990, to: 2020 }]);
    expect(d.values.size).toBe(66 * 31);
    expect(d.values.get(I('RUS'), I('USA'), 2015)!).toBeGreaterThan(d.values.get(I('RUS'), I('USA'), 2012)! + 0.2);
    expect(d.values.get(I('CHN'), I('RUS'), 2005)!).toBeLessThan(d.values.get(I('CHN'), I('RUS'), 1995)! - 0.5);
    for (const k of d.values.keys()) {
      const v = d.values.getByKey(k)!;
      expect(d.extras[0]!.table.getByKey(k)! <= v && v <= d.extras[1]!.table.getByKey(k)!).toBe(true);
    }
  });
});

describe('computeDistances', () => {
  it('leaves the interval empty when a quantile is missing, the distance not', () => {
    const p: StateYearIdealPoints = {
      count: 2,
      state: [I('RUS'), I('USA')],
      year: Int32Array.of(1990, 1990),
      theta: Float64Array.of(0.5, 2.5),
      q5: Float64Array.of(NaN, 2),
      q10: Float64Array.of(0.4, 2.1),
      q90: Float64Array.of(0.6, 2.9),
      q95: Float64Array.of(0.7, 3),
    };
    const d = computeDistances(p, 'q5_q95');
    expect(d.distance.get(I('RUS'), I('USA'), 1990)).toBe(2);
    expect(d.lo.has(I('RUS'), I('USA'), 1990)).toBe(false);
    expect(computeDistances(p, 'q10_q90').lo.get(I('RUS'), I('USA'), 1990)).toBeCloseTo(1.5, 15);
  });
});
