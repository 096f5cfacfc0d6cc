import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { runCli, tempCopy } from '../helpers/cli.js';
import { packageOf, readRecords } from './toolkit-helpers.js';

describe('entente audit', () => {
  it('prints the indicator table and alpha and writes audit.csv', async () => {
    const dir = tempCopy('toolkit');
    const out = path.join(dir, 'report');
    const r = await runCli(['audit', '--config', path.join(dir, 'toolkit.yaml'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^indicator\s+coverage\s+skew\s+kurtosis\s+r with index\s+nominal w\s+effective w\s+outliers/m);
    expect(r.out).toMatch(/^trade\s+0\.979/m); // 47 of 48 pair-years
    expect(r.out).toMatch(/Cronbach's alpha -?[\d.]+ over 47 complete pair-years/);
    const rows = readRecords(path.join(out, 'audit.csv'));
    const nominal = rows.filter((x) => x['check'] === 'weight_nominal').map((x) => Number(x['value']));
    expect(nominal[0]).toBeCloseTo(2 / 3, 6);
    const effective = rows.filter((x) => x['check'] === 'weight_effective' && x['year'] === '').map((x) => Number(x['value']));
    expect(effective[0]! + effective[1]!).toBeCloseTo(1, 5);
    expect(rows.some((x) => x['check'] === 'correlation' && x['year'] === '2014')).toBe(true);
    expect(packageOf(out).names).toContain('audit');
  });
});
