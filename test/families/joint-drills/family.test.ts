import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { InputError } from '../../../src/domain/errors.js';
import type { IndicatorData, LoadContext } from '../../../src/families/family.js';
import { loadIndicator, testContext } from '../../helpers/load-context.js';
import { jointDrillsFamily as fam } from '../../../src/families/joint-drills/family.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fx = (f: string): string => path.join(ROOT, 'test/families/joint-drills/fixtures', f);
const I = (c: string): Iso3 => c as Iso3;

const ctx = testContext;

function load(sources: Record<string, unknown>[], measure = 'weighted', options: Record<string, unknown> = {}, c: LoadContext = ctx()): Promise<IndicatorData> {
  return loadIndicator(fam, 'drills', sources, measure, options, c);
}

describe('jointDrillsFamily', () => {
  it('is a symmetric family with weighted first', () => {
    expect(fam.name).toBe('joint_drills');
    expect(fam.defaultId).toBe('drills');
    expect(fam.direction).toBe('symmetric');
    expect(fam.measures).toEqual(['weighted', 'count', 'stock', 'window']);
    expect(fam.formats).toEqual(['mme', 'mme_long', 'jme', 'events', 'wide_list']);
    expect(fam.citations.join(' ')).toMatch(/D'Orazio, V. & Galambos, K. \(2021\).*Kuo, R. & Blankenship, B. \(2021\)/);
    for (const m of fam.measures) expect(fam.describeMeasure(m)).not.toMatch(/unknown/);
  });

  it('validates options and source blocks strictly, with defaults', () => {
    expect(fam.optionsSchema.parse({})).toEqual({
      split_years: false,
      domain_weights: {},
      focus_weights: {},
      duration_weighting: 'none',
      base: 'weighted',
      stock_half_life: 5,
      window_years: 5,
      duplicate_days: 3,
    });
    expect(fam.optionsSchema.safeParse({ split_year: true }).success).toBe(false);
    expect(fam.optionsSchema.safeParse({ domain_weights: { Space: 1 } }).success).toBe(false);
    expect(fam.optionsSchema.safeParse({ domain_weights: { CPX: -1 } }).success).toBe(false);
    expect(fam.optionsSchema.safeParse({ focus_weights: { Humanitarian: 0.5 }, duration_weighting: 'log_days' }).success).toBe(true);
    expect(fam.sourceSchema.parse({ format: 'events', path: 'x.csv' })).toEqual({ format: 'events', path: 'x.csv', codes: 'name' });
    expect(fam.sourceSchema.safeParse({ format: 'mme', path: 'x.csv', codes: 'iso3' }).success).toBe(false);
    expect(fam.sourceSchema.safeParse({ format: 'mme', path: 'x.csv', implicit_participant: 'Russia' }).success).toBe(false);
    expect(fam.sourceSchema.safeParse({ format: 'wide_list', path: 'x.csv', implicit_participant: 'RUS', covers_state: 'all' }).success).toBe(true);
    expect(fam.sourceSchema.safeParse({ format: 'mme', path: 'x.csv', coverage: { from: 2010, to: 1980 } }).success).toBe(false);
  });

  it('reads MME: weighted values, coverage inferred, zeros left to the core, notes with lines', async () => {
    const d = await load([{ format: 'mme', path: fx('mme_small.csv') }]);
    expect(d.values.get(I('CHN'), I('RUS'), 2005)).toBe(1);
    expect(d.values.get(I('JPN'), I('USA'), 2010)).toBe(0.25);
    expect(d.coverage).toEqual([{ from: 1982, to: 2010 }]);
    expect(d.zeroInsideCoverage).toBe(true);
    expect(d.extras).toEqual([]);
    expect(d.inputs).toHaveLength(1);
    expect(d.inputs[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(d.notes.join('\n')).toContain('mme_small.csv: 7 exercise(s) read from 7 row(s); coverage 1982–2010 (inferred)');
    expect(d.notes.join('\n')).toContain('"-9" ×2 (unidentified participant; lines 4, 6)');
  });

  it('honours a declared coverage: values outside it are missing', async () => {
    const d = await load([{ format: 'mme', path: fx('mme_small.csv'), coverage: { from: 2000, to: 2008 } }]);
    expect(d.coverage).toEqual([{ from: 2000, to: 2008 }]);
    expect(d.values.get(I('CHN'), I('RUS'), 2005)).toBe(1);
    expect(d.values.get(I('JPN'), I('USA'), 2010)).toBeNull();
  });

  it('adds the implicit participant and covers only its pairs beyond the global years', async () => {
    const d = await load([
      { format: 'mme', path: fx('mme_small.csv') },
      { format: 'wide_list', path: fx('wide_list_small.csv'), implicit_participant: 'RUS' },
    ]);
    expect(d.zeroInsideCoverage).toBe(false);
    expect(d.coverage).toEqual([{ from: 1982, to: 2013 }]);
    expect(d.values.get(I('BLR'), I('RUS'), 2013)).toBe(1);
    expect(d.values.get(I('AUS'), I('RUS'), 2012)).toBeCloseTo(1 / 3, 12);
    expect(d.values.get(I('AUS'), I('USA'), 2012)).toBeNull();
    expect(d.values.get(I('CHN'), I('RUS'), 2012)).toBe(0);
    expect(d.values.get(I('CHN'), I('USA'), 2012)).toBeNull();
    expect(d.values.get(I('CHN'), I('USA'), 2000)).toBe(0);
    const notes = d.notes.join('\n');
    expect(notes).toContain('wide_list_small.csv: RUS added to every exercise as the implicit participant (0 already named it)');
    expect(notes).toContain('pairs with RUS only 2011–2013');
  });

  it('reports the same exercise in two sources once, with both lines', async () => {
    const c = ctx();
    const d = await load(
      [
        { format: 'mme', path: fx('mme_small.csv') },
        { format: 'events', path: fx('events_small.csv'), codes: 'iso3' },
        { format: 'jme', path: fx('jme_small.csv') },
      ],
      'count',
      {},
      c,
    );
    // Peace Mission 2005 (MME line 2 = JME line 2) and Cooperation 2007-09 (MME line 7 = JME "Month only" line 5)
    expect(d.values.get(I('CHN'), I('RUS'), 2005)).toBe(1);
    expect(d.values.get(I('CHN'), I('RUS'), 2007)).toBe(1);
    const dup = d.notes.filter((n) => n.includes('duplicate:'));
    expect(dup).toEqual([
      '  duplicate: jme_small.csv:2 "Peace Mission 2005" 2005-08-18 = mme_small.csv:2 "Peace Mission 2005" 2005-08-18 [CHN, RUS]',
      '  duplicate: jme_small.csv:5 "Month only" 2007-09 = mme_small.csv:7 "Text dates only" 2007-09-04 [CHN, RUS]',
    ]);
    expect(c.warnings.map((w) => w.kind)).toContain('duplicate-across-sources');
  });

  it('collects the problems of every source before failing', async () => {
    const err = await load([
      { format: 'mme', path: fx('mme_broken.csv') },
      { format: 'jme', path: fx('jme_broken.csv') },
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const files = new Set((err as InputError).problems.map((p) => path.basename(p.file)));
    expect(files).toEqual(new Set(['mme_broken.csv', 'jme_broken.csv']));
  });

  it('loads the bundled synthetic sample', async () => {
    const d = await load([{ format: 'mme', path: 'indicators/sample/mme_exercises.csv' }]);
    expect(d.coverage).toEqual([{ from: 1990, to: 2020 }]);
    const states = new Set(d.values.sortedEntries().flatMap((e) => [e.a, e.b]));
    expect([...states].sort()).toEqual(['BRA', 'CHN', 'DEU', 'FRA', 'GBR', 'IND', 'IRN', 'ISR', 'RUS', 'SYR', 'TUR', 'USA']);
    // more drills where the latent alignment is high: CHN–RUS after its 2001 break vs CHN–USA
    const sum = (a: string, b: string) => Array.from({ length: 19 }, (_, k) => d.values.get(I(a), I(b), 2002 + k) ?? 0).reduce((x, y) => x + y, 0);
    expect(sum('CHN', 'RUS')).toBeGreaterThan(3 * sum('CHN', 'USA'));
  });
});
