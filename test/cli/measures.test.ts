import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempCopy } from '../helpers/cli.js';
import { validateDataPackage } from '../helpers/validate-datapackage.js';

describe('entente measures', () => {
  it('writes every indicator\'s raw value per pair-year, equal to the report\'s X_raw columns', async () => {
    const dir = tempCopy('generic');
    const m = await runCli(['measures', '--config', path.join(dir, 'good.yaml'), '--out', path.join(dir, 'm')]);
    expect(m.code).toBe(0);
    expect(m.out).toMatch(/measures\.csv \(4 pair-years\)/);
    await runCli(['score', '--config', path.join(dir, 'good.yaml'), '--out', path.join(dir, 's')]);
    const measures = readFileSync(path.join(dir, 'm', 'measures.csv'), 'utf8').trim().split('\n');
    const alignment = readFileSync(path.join(dir, 's', 'alignment.csv'), 'utf8').trim().split('\n');
    expect(measures[0]).toBe('state_a,state_b,year,un_raw,flow_raw');
    const cols = alignment[0]!.split(',');
    const pick = (line: string) => {
      const c = line.split(',');
      return [c[0], c[1], c[2], c[cols.indexOf('un_raw')], c[cols.indexOf('flow_raw')]].join(',');
    };
    expect(measures.slice(1)).toEqual(alignment.slice(1).map(pick));
  });

  it('describes measures.csv in its datapackage.json', async () => {
    const dir = tempCopy('generic');
    await runCli(['measures', '--config', path.join(dir, 'good.yaml'), '--out', path.join(dir, 'm')]);
    const problems = validateDataPackage(path.join(dir, 'm'));
    expect(problems).toEqual([]);
  });
});
