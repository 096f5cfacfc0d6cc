import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { runCli, tempCopy } from '../helpers/cli.js';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('entente score', () => {
  it('writes alignment.csv and datapackage.json and prints the SHA-256', async () => {
    const dir = tempCopy('generic');
    const out = path.join(dir, 'report');
    const r = await runCli(['score', '--config', path.join(dir, 'good.yaml'), '--out', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(expect.arrayContaining(['alignment.csv', 'datapackage.json']));
    const csv = readFileSync(path.join(out, 'alignment.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('state_a,state_b,year,index,index_chained,coverage,un_raw,un_norm,un_contrib,flow_raw,flow_norm,flow_contrib');
    expect(r.out).toContain(`sha256 ${sha(path.join(out, 'alignment.csv'))}`);
    const pkg = JSON.parse(readFileSync(path.join(out, 'datapackage.json'), 'utf8'));
    expect(pkg.sample).toBe(false);
    expect(pkg.entente.config.sha256).toBe(sha(path.join(dir, 'good.yaml')));
    expect(pkg.sources[0]).toMatchObject({ path: 'good.csv', sha256: sha(path.join(dir, 'good.csv')) });
  });

  it('writes to reports/<name>/ beside the config by default', async () => {
    const dir = tempCopy('generic');
    const r = await runCli(['score', '--config', path.join(dir, 'good.yaml')]);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, 'reports', 'tiny', 'alignment.csv'))).toBe(true);
  });

  it('keeps only the pairs asked for', async () => {
    const dir = tempCopy('generic');
    const out = path.join(dir, 'r');
    expect((await runCli(['score', '--config', path.join(dir, 'good.yaml'), '--out', out, '--pairs', 'RUS-IRN', '--from', '2016'])).code).toBe(0);
    const rows = readFileSync(path.join(out, 'alignment.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rows.map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['IRN,RUS,2016']);
  });

  it('gives byte-identical reports on re-run', async () => {
    const dir = tempCopy('generic');
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    await runCli(['score', '--config', path.join(dir, 'good.yaml'), '--out', a]);
    await runCli(['score', '--config', path.join(dir, 'good.yaml'), '--out', b]);
    for (const f of readdirSync(a)) expect(sha(path.join(b, f))).toBe(sha(path.join(a, f)));
  });

  it('exits 2 on broken input, lists every bad row, and leaves the existing report untouched', async () => {
    const dir = tempCopy('generic');
    const out = path.join(dir, 'report');
    expect((await runCli(['score', '--config', path.join(dir, 'good.yaml'), '--out', out])).code).toBe(0);
    const before = sha(path.join(out, 'alignment.csv'));
    writeFileSync(path.join(dir, 'good.csv'), readFileSync(path.join(dir, 'broken.csv')));
    const r = await runCli(['score', '--config', path.join(dir, 'good.yaml'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/good\.csv:3: \[un\] expected 4 fields/);
    expect(r.err).toMatch(/good\.csv:10: column "value": \[un\] expected a finite number/);
    expect(sha(path.join(out, 'alignment.csv'))).toBe(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('exits 2 on a broken config and leaves the existing report untouched', async () => {
    const dir = tempCopy('generic');
    const out = path.join(dir, 'report');
    await runCli(['score', '--config', path.join(dir, 'good.yaml'), '--out', out]);
    const before = sha(path.join(out, 'alignment.csv'));
    writeFileSync(path.join(dir, 'good.yaml'), readFileSync(path.join(dir, 'good.yaml'), 'utf8').replace('weight: 2', 'weight: -2'));
    const r = await runCli(['score', '--config', path.join(dir, 'good.yaml'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/good\.yaml:\d+:\d+: indicators\.un\.weight: weights must be ≥ 0/);
    expect(sha(path.join(out, 'alignment.csv'))).toBe(before);
  });

  it('exits 2 with a hint on a missing config', async () => {
    const r = await runCli(['score', '--config', '/nonexistent/entente.yaml']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read the config file/);
  });

  it('exits 2 on an unknown option or command', async () => {
    expect((await runCli(['score', '--colour'])).code).toBe(2);
    expect((await runCli(['scroe'])).code).toBe(2);
    expect((await runCli(['score', '--pairs', 'RUSSIA'])).code).toBe(2);
  });
});

describe('entente validate', () => {
  it('prints what each indicator read and exits 0', async () => {
    const dir = tempCopy('generic');
    const r = await runCli(['validate', '--config', path.join(dir, 'good.yaml')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ok un \(dyad_year, value\): 4 values/);
  });

  it('exits 2 listing every problem', async () => {
    const dir = tempCopy('generic');
    writeFileSync(path.join(dir, 'good.csv'), readFileSync(path.join(dir, 'broken.csv')));
    const r = await runCli(['validate', '--config', path.join(dir, 'good.yaml')]);
    expect(r.code).toBe(2);
    expect(r.err.match(/good\.csv:\d+:/g)!.length).toBeGreaterThanOrEqual(16);
  });
});
