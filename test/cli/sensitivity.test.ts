import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempCopy } from '../helpers/cli.js';
import { packageOf, readRecords } from './toolkit-helpers.js';

describe('entente sensitivity', () => {
  it('writes intervals and Sobol indices, records its parameters, and repeats itself exactly', async () => {
    const dir = tempCopy('toolkit');
    const out = path.join(dir, 'report');
    const cfg = path.join(dir, 'toolkit.yaml');
    const r = await runCli(['sensitivity', '--seed', '5', '--config', cfg, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/64 draws \(seed 5\), 4 uncertain choices/);
    const rows = readRecords(path.join(out, 'sensitivity.csv'));
    expect(rows).toHaveLength(48); // 6 pairs × 8 years
    for (const row of rows) {
      if (row['index_median'] === '') continue;
      expect(Number(row['index_p05'])).toBeLessThanOrEqual(Number(row['index_median']));
      expect(Number(row['index_median'])).toBeLessThanOrEqual(Number(row['index_p95']));
    }
    const sobol = readRecords(path.join(out, 'sobol.csv'));
    expect(sobol.filter((s) => s['year'] === '').map((s) => s['factor'])).toEqual(['weight_un', 'weight_trade', 'aggregation', 'normalise']);
    const { names, stochastic } = packageOf(out);
    expect(names).toEqual(expect.arrayContaining(['sensitivity', 'sobol']));
    expect(stochastic['sensitivity']).toMatchObject({ draws: 64, seed: 5, weight_range: 0.25, aggregation: ['arithmetic', 'geometric'], normalise: ['configured', 'rank'] });
    const first = readFileSync(path.join(out, 'sensitivity.csv'));
    expect((await runCli(['sensitivity', '--seed', '5', '--config', cfg, '--out', out])).code).toBe(0);
    expect(readFileSync(path.join(out, 'sensitivity.csv')).equals(first)).toBe(true);
  });

  it('exits 2 for too few draws', async () => {
    const dir = tempCopy('toolkit');
    const r = await runCli(['sensitivity', '--draws', '1', '--config', path.join(dir, 'toolkit.yaml'), '--out', path.join(dir, 'r')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--draws/);
  });
});
