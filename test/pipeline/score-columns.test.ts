import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { folderBytes, sampleProject } from '../helpers/sample-project.js';

describe('entente score --columns lean: alignment.csv with the index and coverage only', () => {
  let proj: string;
  let full: Map<string, Buffer>;
  let lean: Map<string, Buffer>;
  const args = ['--from', '2010', '--states', 'RUS,IRN,CHN,USA'];
  beforeAll(async () => {
    proj = sampleProject();
    const config = path.join(proj, 'entente.yaml');
    const a = await runCli(['score', '--config', config, '--out', path.join(proj, 'full'), ...args]);
    expect(a.code, a.err).toBe(0);
    const b = await runCli(['score', '--config', config, '--out', path.join(proj, 'lean'), '--columns', 'lean', ...args]);
    expect(b.code, b.err).toBe(0);
    full = folderBytes(path.join(proj, 'full'));
    lean = folderBytes(path.join(proj, 'lean'));
  });
  afterAll(() => rmSync(proj, { recursive: true, force: true }));

  const csv = (files: Map<string, Buffer>) => files.get('alignment.csv')!.toString('utf8').trimEnd().split('\n').map((l) => l.split(','));

  it('keeps the keys, index, chained index and coverage, cell for cell as the full file has them', () => {
    const f = csv(full);
    const l = csv(lean);
    expect(l[0]).toEqual(['state_a', 'state_b', 'year', 'index', 'index_chained', 'coverage']);
    expect(f[0]!.length).toBeGreaterThan(l[0]!.length);
    expect(l.length).toBe(f.length);
    const at = l[0]!.map((c) => f[0]!.indexOf(c));
    for (let r = 1; r < f.length; r++) expect(l[r]).toEqual(at.map((i) => f[r]![i]!));
  });

  it('describes the lean columns in datapackage.json and records --columns lean for rerun', () => {
    const pkg = JSON.parse(lean.get('datapackage.json')!.toString('utf8'));
    const res = pkg.resources.find((r: { name: string }) => r.name === 'alignment');
    expect(res.schema.fields.map((f: { name: string }) => f.name)).toEqual(csv(lean)[0]);
    expect(pkg.entente.replication.command_line.columns).toBe('lean');
    const fullPkg = JSON.parse(full.get('datapackage.json')!.toString('utf8'));
    expect(fullPkg.entente.replication.command_line.columns).toBeUndefined();
  });

  it('leaves the summary and the states table as the full report has them', () => {
    expect(lean.get('summary.md')!.equals(full.get('summary.md')!)).toBe(true);
    expect(lean.get('states.csv')!.equals(full.get('states.csv')!)).toBe(true);
  });

  it('is reproduced byte for byte by entente rerun (lean again)', async () => {
    const r = await runCli(['rerun', path.join(proj, 'lean', 'datapackage.json'), '--config', path.join(proj, 'entente.yaml')]);
    expect(r.code, r.err).toBe(0);
    const again = folderBytes(path.join(proj, 'lean'));
    for (const [name, bytes] of lean) expect(again.get(name)!.equals(bytes), name).toBe(true);
  });

  it('refuses a value other than full or lean', async () => {
    const r = await runCli(['score', '--config', path.join(proj, 'entente.yaml'), '--out', path.join(proj, 'x'), '--columns', 'thin']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/columns/);
  });
});
