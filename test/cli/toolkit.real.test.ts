import { expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';
import { describeShared } from '../helpers/shared-data.js';
import { packageOf, readRecords } from './toolkit-helpers.js';

// Every toolkit command on the real UN votes + COW trade files (2008–2014), through the CLI.
describeShared('the analyst toolkit on the real data', () => {
  const config = path.join(ROOT, 'test/fixtures/toolkit/real.yaml');
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'entente-toolkit-real-')), 'report');

  it('explains RUS–IRN 2014, with contributions adding up to the index', async () => {
    const r = await runCli(['explain', 'RUS', 'IRN', '--year', '2014', '--config', config, '--out', out]);
    expect(r.code, r.err).toBe(0);
    const [row] = readRecords(path.join(out, 'explain_IRN_RUS.csv'));
    expect(Number(row!['un_contrib']) + Number(row!['trade_contrib'])).toBeCloseTo(Number(row!['index']), 5);
    expect(Number(row!['un_raw'])).toBeGreaterThan(0.5); // Iran and Russia vote alike in the Assembly
  });

  it('ranks the partners of Russia', async () => {
    const r = await runCli(['rank', '--state', 'RUS', '--year', '2014', '--since', '2008', '--top', '5', '--bottom', '0', '--config', config, '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/partners of RUS ranked in 2014/);
  });

  it('writes trends and breaks', async () => {
    const r = await runCli(['trends', '--config', config, '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(readRecords(path.join(out, 'trends.csv')).length).toBeGreaterThan(10_000);
  });

  it('runs a short sensitivity analysis and records it', async () => {
    const r = await runCli(['sensitivity', '--draws', '20', '--config', config, '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(packageOf(out).stochastic['sensitivity']).toMatchObject({ draws: 20 });
    expect(readRecords(path.join(out, 'sobol.csv')).some((x) => x['factor'] === 'normalise')).toBe(true);
  });

  it('audits the panel', async () => {
    const r = await runCli(['audit', '--config', config, '--out', out]);
    expect(r.code, r.err).toBe(0);
    const rows = readRecords(path.join(out, 'audit.csv'));
    // trade salience is heavily skewed: the JRC screen flags it
    expect(rows.find((x) => x['check'] === 'outliers' && x['indicator'] === 'trade' && x['year'] === '')!['flag']).toBe('outliers');
    expect(packageOf(out).names).toEqual(expect.arrayContaining(['alignment', 'explain_irn_rus', 'trends', 'breaks', 'sensitivity', 'sobol', 'audit']));
  });
});
