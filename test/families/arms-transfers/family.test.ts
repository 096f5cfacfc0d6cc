import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { InputError } from '../../../src/domain/errors.js';
import type { IndicatorData, LoadContext } from '../../../src/families/family.js';
import { loadIndicator, testContext } from '../../helpers/load-context.js';
import { armsTransfersFamily as fam } from '../../../src/families/arms-transfers/family.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fx = (f: string): string => path.join(ROOT, 'test/families/arms-transfers/fixtures', f);
const I = (c: string): Iso3 => c as Iso3;

const ctx = testContext;

function load(sources: Record<string, unknown>[], measure = 'tiv', options: Record<string, unknown> = {}, c: LoadContext = ctx()): Promise<IndicatorData> {
  return loadIndicator(fam, 'arms', sources, measure, options, c);
}

describe('armsTransfersFamily', () => {
  it('is a directed family with the measures of the issue, log_tiv first', () => {
    expect(fam.name).toBe('arms_transfers');
    expect(fam.defaultId).toBe('arms');
    expect(fam.direction).toBe('directed');
    expect(fam.measures).toEqual(['log_tiv', 'tiv', 'import_share', 'export_share', 'stock']);
    expect(fam.formats).toEqual(['sipri_register', 'sipri_tiv']);
    expect(fam.citations[0]).toMatch(/SIPRI Arms Transfers Database/);
  });

  it('validates options and source blocks strictly, with defaults', () => {
    expect(fam.optionsSchema.parse({})).toEqual({ allocation: 'even', exclude_uncertain: false, stock_half_life: 5, flow_window: 1, pair_precedence: 'listed' });
    expect(fam.optionsSchema.safeParse({ alocation: 'even' }).success).toBe(false);
    expect(fam.optionsSchema.safeParse({ allocation: 'random' }).success).toBe(false);
    expect(fam.sourceSchema.safeParse({ format: 'sipri_register', path: 'x.csv', encoding: 'latin1' }).success).toBe(true);
    expect(fam.sourceSchema.safeParse({ format: 'sipri_register', path: 'x.csv', enconding: 'latin1' }).success).toBe(false);
    expect(fam.sourceSchema.safeParse({ format: 'sipri_tiv', path: 'x.csv' }).success).toBe(false);
    expect(fam.sourceSchema.safeParse({ format: 'sipri_tiv', path: 'x.csv', table: 'pairs' }).success).toBe(true);
  });

  it('reads the raw register: Soviet Union deliveries count for Russia, coverage is the delivery years, zeros inside', async () => {
    const d = await load([{ format: 'sipri_register', path: fx('register_raw.csv') }]);
    expect(d.values.get(I('RUS'), I('IRN'), 2006)).toBe(181.25);
    expect(d.values.get(I('RUS'), I('IRN'), 2016)).toBe(220);
    expect(d.values.get(I('RUS'), I('IRN'), 1990)).toBe(200);
    expect(d.values.get(I('USA'), I('TUR'), 2020)).toBeCloseTo(2 / 3, 12);
    expect(d.coverage).toEqual([{ from: 1990, to: 2021 }]);
    expect(d.zeroInsideCoverage).toBe(true);
    expect(d.inputs).toHaveLength(1);
    expect(d.inputs[0]!.role).toBe('register');
    expect(d.inputs[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists the skipped non-state parties with counts for entente validate, never silently', async () => {
    const d = await load([{ format: 'sipri_register', path: fx('register_raw.csv') }]);
    expect(d.notes[0]).toMatch(/8 deal\(s\).*header on line 7, latin1, 2 record\(s\) broken over two lines re-joined; coverage 1990–2021/);
    expect(d.notes).toContain('skipped 2 deal(s) with non-state parties (3.4 TIV); they are not states and form no dyad');
    expect(d.notes).toContain('  non-state armed groups (*): Hezbollah (Lebanon)* (1)');
    expect(d.notes).toContain('  unknown parties: unknown supplier(s) (1)');
  });

  it('reports every unknown name with its line and the closest spellings', async () => {
    const err = await load([{ format: 'sipri_register', path: fx('register_unknown_names.csv') }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const p = (err as InputError).problems;
    expect(p.map((x) => [x.line, x.column])).toEqual([
      [3, 'Recipient'],
      [4, 'Supplier'],
    ]);
    expect(p[0]!.message).toMatch(/unknown country name "Atlantis"/);
    expect(p[1]!.message).toMatch(/"Rusia".*closest known:.*"Russia"/);
  });

  it('lets a pair table take precedence and extends coverage to its year', async () => {
    const d = await load([
      { format: 'sipri_register', path: fx('register_raw.csv') },
      { format: 'sipri_tiv', table: 'pairs', path: fx('pairs_raw.csv') },
    ]);
    expect(d.values.get(I('RUS'), I('IRN'), 2024)).toBe(42);
    expect(d.values.get(I('RUS'), I('LAO'), 2024)).toBe(0.25);
    expect(d.values.get(I('USA'), I('TUR'), 2024)).toBe(5);
    expect(d.coverage).toEqual([
      { from: 1990, to: 2021 },
      { from: 2024, to: 2024 },
    ]);
    expect(d.notes).toContain('  non-state armed groups (*): Ukraine Rebels* (1)');
    expect(d.inputs.map((i) => i.role)).toEqual(['register', 'pairs']);
  });

  it('uses an importer table as the import_share denominator', async () => {
    const d = await load(
      [
        { format: 'sipri_register', path: fx('register_raw.csv') },
        { format: 'sipri_tiv', table: 'importers', path: fx('importers_raw.csv') },
      ],
      'import_share',
    );
    expect(d.values.get(I('RUS'), I('VNM'), 2021)).toBe(1);
    expect(d.notes.some((n) => /importer table .*: 4 row\(s\), years 2019–2021/.test(n))).toBe(true);
  });

  it('refuses importer/exporter tables alone, which give no supplier→recipient values', async () => {
    await expect(load([{ format: 'sipri_tiv', table: 'importers', path: fx('importers_raw.csv') }])).rejects.toThrow(/only importer\/exporter tables/);
  });

  it('drops a deal repeated in a second register, with a warning', async () => {
    const c = ctx();
    const d = await load(
      [
        { format: 'sipri_register', path: fx('register_raw.csv') },
        { format: 'sipri_register', path: fx('register_clean.csv') },
      ],
      'tiv',
      {},
      c,
    );
    expect(d.values.get(I('RUS'), I('IRN'), 2016)).toBe(220);
    expect(c.warnings).toHaveLength(8);
    expect(c.warnings[0]!.kind).toBe('duplicate-across-sources');
  });

  it('keeps the first of two pair tables that give the same pair-year, with a warning, never the sum', async () => {
    const c = ctx();
    const d = await load(
      [
        { format: 'sipri_register', path: fx('register_raw.csv') },
        { format: 'sipri_tiv', table: 'pairs', path: fx('pairs_raw.csv') },
        { format: 'sipri_tiv', table: 'pairs', path: fx('pairs_clean.csv') },
      ],
      'tiv',
      {},
      c,
    );
    expect(d.values.get(I('RUS'), I('IRN'), 2024)).toBe(42);
    expect(c.warnings.filter((w) => w.kind === 'duplicate-across-sources')).toHaveLength(4);
  });

  it('reads the bundled synthetic sample', async () => {
    const d = await load([{ format: 'sipri_register', path: 'indicators/sample/sipri_trade_register.csv' }], 'log_tiv');
    expect(d.coverage).toEqual([{ from: 1990, to: 2020 }]);
    expect(d.values.size).toBeGreaterThan(100);
    expect(d.notes[0]).toMatch(/synthetic/);
    let before = 0;
    let after = 0;
    for (let y = 1995; y <= 2005; y++) before += d.values.get(I('RUS'), I('IRN'), y) ?? 0;
    for (let y = 2007; y <= 2017; y++) after += d.values.get(I('RUS'), I('IRN'), y) ?? 0;
    expect(after).toBeGreaterThan(before);
  });
});
