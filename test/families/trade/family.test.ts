import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { AppError } from '../../../src/domain/errors.js';
import type { IndicatorData, LoadContext } from '../../../src/families/family.js';
import { loadIndicator, testContext } from '../../helpers/load-context.js';
import { tradeFamily as fam } from '../../../src/families/trade/family.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fx = (f: string): string => path.join(ROOT, 'test/families/trade/fixtures', f);
const I = (c: string): Iso3 => c as Iso3;

const ctx = testContext;

function load(sources: Record<string, unknown>[], measure = 'salience', options: Record<string, unknown> = {}, c: LoadContext = ctx()): Promise<IndicatorData> {
  return loadIndicator(fam, 'trade', sources, measure, options, c);
}

describe('tradeFamily', () => {
  it('is the trade family with salience as the default measure', () => {
    expect(fam.name).toBe('trade');
    expect(fam.defaultId).toBe('trade');
    expect(fam.measures[0]).toBe('salience');
    expect(fam.measures).toEqual(['salience', 'total', 'share', 'symmetry', 'interdependence', 'dependence', 'share_gdp', 'dependence_gdp']);
    expect(fam.formats).toEqual(['cow_trade', 'imf_dots', 'trade_flows']);
    expect(fam.citations.join('\n')).toMatch(/Barbieri, Katherine\. 1996/);
    expect(fam.citations.join('\n')).toMatch(/Keshk, and Brian Pollins\. 2009/);
    expect(fam.citations.join('\n')).toMatch(/Direction of Trade Statistics/);
    for (const m of fam.measures) expect(fam.describeMeasure(m)).toBeTruthy();
  });

  it('validates options and source blocks strictly, with defaults', () => {
    expect(fam.optionsSchema.parse({})).toEqual({ mirror: 'importer' });
    expect(fam.optionsSchema.safeParse({ miror: 'mean' }).success).toBe(false);
    expect(fam.optionsSchema.safeParse({ mirror: 'exporter' }).success).toBe(false);
    expect(fam.optionsSchema.safeParse({ gdp: { path: 'gdp.csv', codes: 'cow' } }).success).toBe(true);
    expect(fam.sourceSchema.parse({ format: 'cow_trade', path: 'x.csv' })).toEqual({ format: 'cow_trade', path: 'x.csv', flows: 'raw' });
    expect(fam.sourceSchema.safeParse({ format: 'cow_trade', path: 'x.csv', flows: 'smooth' }).success).toBe(false);
    expect(fam.sourceSchema.safeParse({ format: 'cow_trade', path: 'x.csv', totals: 't.csv' }).success).toBe(false);
    expect(fam.sourceSchema.safeParse({ format: 'imf_dots', path: 'x.csv', reporter: 'RUS' }).success).toBe(false); // flow is required
    expect(fam.sourceSchema.safeParse({ format: 'imf_dots', path: 'x.csv', reporter: 'RUS', flow: 'exports', totals: 't.csv' }).success).toBe(true);
    expect(fam.sourceSchema.parse({ format: 'trade_flows', path: 'x.csv' })).toEqual({ format: 'trade_flows', path: 'x.csv', codes: 'iso3', reported_by: 'importer' });
  });

  it('loads a COW file: salience per pair-year, coverage of the file, missing (not 0) inside it', async () => {
    const d = await load([{ format: 'cow_trade', path: 'test/families/trade/fixtures/cow_v4_small.csv' }]);
    expect(d.zeroInsideCoverage).toBe(false);
    expect(d.coverage).toEqual([{ from: 1990, to: 1991 }]);
    expect(d.values.directed).toBe(false);
    expect(d.extras.map((e) => e.suffix)).toEqual(['usd_millions']);
    expect(d.extras[0]!.table.get(I('RUS'), I('USA'), 1990)).toBe(300);
    expect(d.inputs).toEqual([{ path: fx('cow_v4_small.csv'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), role: 'path' }]);
    expect(d.notes.join('\n')).toMatch(/cow_v4_small\.csv: 8 rows, 1990–1991/);
    // USA 1990: trade with RUS 300 only (IRN one-sided) → share 1; RUS 1990: RUS–IRN one-sided → 300/300
    expect(d.values.get(I('RUS'), I('USA'), 1990)).toBe(1);
  });

  it('gives the directed share measure a directed table', async () => {
    const d = await load([{ format: 'cow_trade', path: 'test/families/trade/fixtures/cow_v4_small.csv' }], 'share');
    expect(d.values.directed).toBe(true);
  });

  it('combines two DOTS tables of one reporter and a totals file for the partners', async () => {
    const d = await load(
      [
        { format: 'imf_dots', path: 'test/families/trade/fixtures/dots_exports_small.csv', reporter: 'RUS', flow: 'exports', totals: 'test/families/trade/fixtures/totals.csv' },
        { format: 'imf_dots', path: 'test/families/trade/fixtures/dots_imports_small.csv', reporter: 'Russian Federation', flow: 'imports' },
      ],
      'salience',
    );
    // 2011: RUS–IRN 3271.8 + 342, RUS total = IRN 3613.8 + DEU 25 + CHN 70 + AUS 1.5
    const rusTotal = 3271.8 + 342 + 5 + 20 + 40 + 30 + 1 + 0.5;
    const tIrn = 3271.8 + 342;
    expect(d.values.get(I('IRN'), I('RUS'), 2011)).toBeCloseTo(Math.sqrt((tIrn / rusTotal) * (tIrn / 100000)), 12);
    expect(d.values.has(I('AUS'), I('RUS'), 2011)).toBe(false); // no total for Australia
    expect(d.coverage).toEqual([{ from: 2011, to: 2013 }]);
    expect(d.inputs.map((i) => i.role)).toEqual(['path', 'totals', 'path']);
  });

  it('reads generic flows with codes and a GDP file for the GDP measures', async () => {
    const d = await load([{ format: 'trade_flows', path: 'test/families/trade/fixtures/flows_small.csv' }], 'dependence_gdp', { gdp: 'test/families/trade/fixtures/gdp.csv' });
    expect(d.values.size).toBe(0); // gdp.csv has 2000 only
    const share = await load([{ format: 'trade_flows', path: 'test/families/trade/fixtures/flows_small.csv' }], 'share');
    expect(share.values.get(I('RUS'), I('IRN'), 2016)).toBe(2300 / (2300 + 70000));
    expect(share.values.has(I('IRN'), I('CHN'), 2016)).toBe(false); // one direction empty
  });

  it('asks for a GDP file when a GDP measure is chosen without one', async () => {
    const e = await load([{ format: 'cow_trade', path: 'test/families/trade/fixtures/cow_v4_small.csv' }], 'share_gdp').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('E_CONFIG');
    await expect(load([{ format: 'cow_trade', path: 'test/families/trade/fixtures/cow_v4_small.csv' }], 'share_gdp')).rejects.toThrow(/needs a GDP file: add `gdp:/);
  });

  it('rejects an unknown DOTS reporter with the closest spellings', async () => {
    await expect(load([{ format: 'imf_dots', path: 'test/families/trade/fixtures/dots_exports_small.csv', reporter: 'Rusia', flow: 'exports' }])).rejects.toThrow(/indicators\.trade\.source\.reporter: unknown country name "Rusia".*set `reporter:`/);
  });

  it('computes every pair and year of the source (a run\'s years and states select rows later)', async () => {
    const d = await load([{ format: 'cow_trade', path: 'test/families/trade/fixtures/cow_v4_small.csv' }], 'total', {}, ctx());
    expect(d.values.get(I('RUS'), I('USA'), 1991)).toBe(0);
    expect(d.values.size).toBeGreaterThan(1);
    expect(new Set(d.values.sortedEntries().map((e) => e.year)).size).toBeGreaterThan(1);
  });
});

