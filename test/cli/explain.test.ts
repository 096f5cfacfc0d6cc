import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { runCli, tempCopy } from '../helpers/cli.js';
import { packageOf, readRecords } from './toolkit-helpers.js';

describe('entente explain', () => {
  it('prints the pair year by year and writes explain_<A>_<B>.csv whose numbers add up', async () => {
    const dir = tempCopy('toolkit');
    const out = path.join(dir, 'report');
    const r = await runCli(['explain', 'rus', 'IRN', '--config', path.join(dir, 'toolkit.yaml'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^year\s+index\s+change\s+coverage Δ\s+un\s+Δ un\s+trade\s+Δ trade\s+strongest\s+weakest/m);
    expect(r.out).toContain('wrote');
    const rows = readRecords(path.join(out, 'explain_IRN_RUS.csv'));
    expect(rows.map((x) => x['year'])).toEqual(['2010', '2011', '2012', '2013', '2014', '2015', '2016', '2017']);
    for (const row of rows) {
      const sum = Number(row['un_contrib']) + Number(row['trade_contrib']);
      expect(sum).toBeCloseTo(Number(row['index']), 5);
      if (row['change'] === '') continue;
      const parts = Number(row['change_coverage']) + Number(row['un_change']) + Number(row['trade_change']);
      expect(parts).toBeCloseTo(Number(row['change']), 5);
    }
    expect(packageOf(out).names).toEqual(expect.arrayContaining(['alignment', 'explain_irn_rus']));
  });

  it('shows one year in detail with --year', async () => {
    const dir = tempCopy('toolkit');
    const r = await runCli(['explain', 'IRN', 'RUS', '--year', '2014', '--config', path.join(dir, 'toolkit.yaml'), '--out', path.join(dir, 'r')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/IRN-RUS 2014: index [\d.]+ \(coverage 1\.00\), \+[\d.]+ since 2013/);
    expect(r.out).toMatch(/^un\s+0\.8000\s+0\.800\s+0\.667/m);
  });

  it('exits 2 for a malformed state or a pair without data', async () => {
    const dir = tempCopy('toolkit');
    const cfg = path.join(dir, 'toolkit.yaml');
    expect((await runCli(['explain', 'RUSSIA', 'IRN', '--config', cfg])).code).toBe(2);
    const r = await runCli(['explain', 'FRA', 'IRN', '--config', cfg, '--out', path.join(dir, 'r')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no data for FRA-IRN/);
  });
});
