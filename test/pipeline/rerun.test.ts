import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { folderBytes, sampleProject } from '../helpers/sample-project.js';

describe('entente rerun: a report made again from its datapackage.json', () => {
  let proj: string;
  let original: Map<string, Buffer>;
  let moved: string;
  beforeAll(async () => {
    proj = sampleProject();
    const made = await runCli(['score', '--config', path.join(proj, 'entente.yaml'), '--out', path.join(proj, 'out', 'a'), '--from', '1995', '--states', 'RUS,IRN,CHN,USA,GBR,FRA,DEU']);
    expect(made.code, made.err).toBe(0);
    original = folderBytes(path.join(proj, 'out', 'a'));
    // the report travels: another folder, another depth (its marker's path to the config no longer leads there)
    moved = path.join(proj, 'archive', 'deep', 'report');
    mkdirSync(path.dirname(moved), { recursive: true });
    renameSync(path.join(proj, 'out', 'a'), moved);
  });
  afterAll(() => rmSync(proj, { recursive: true, force: true }));

  it('records the overrides and the run as resolved', () => {
    const rec = JSON.parse(original.get('datapackage.json')!.toString('utf8')).entente.replication;
    expect(rec.command_line).toEqual({ states: 'RUS,IRN,CHN,USA,GBR,FRA,DEU', from: 1995 });
    expect(rec.resolved.years).toEqual({ from: 1995, to: 2020 });
    expect(rec.resolved.states).toEqual(['RUS', 'IRN', 'CHN', 'USA', 'GBR', 'FRA', 'DEU']);
    expect(rec.config_as_given).toBe(readFileSync(path.join(proj, 'entente.yaml'), 'utf8'));
    expect(rec.runtime.node).toBe(process.version);
  });

  it('re-scores the moved report byte for byte, in place', async () => {
    const r = await runCli(['rerun', path.join(moved, 'datapackage.json'), '--config', path.join(proj, 'entente.yaml')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`reproduced: ${original.size} files byte-identical`);
    const again = folderBytes(moved);
    expect([...again.keys()]).toEqual([...original.keys()]);
    for (const [name, bytes] of original) expect(again.get(name)!.equals(bytes), name).toBe(true);
  });

  it('re-scores it into another folder with --out, the same bytes', async () => {
    const out = path.join(proj, 'again');
    const r = await runCli(['rerun', moved, '--config', path.join(proj, 'entente.yaml'), '--out', out]);
    expect(r.code, r.err).toBe(0);
    for (const [name, bytes] of original) expect(folderBytes(out).get(name)!.equals(bytes), name).toBe(true);
  });

  it('refuses (exit 2) when an input changed, naming it, and writes nothing', async () => {
    const trade = path.join(proj, 'indicators', 'sample', 'cow_trade.csv');
    const kept = readFileSync(trade);
    appendFileSync(trade, '\n');
    try {
      const r = await runCli(['rerun', path.join(moved, 'datapackage.json'), '--config', path.join(proj, 'entente.yaml')]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(trade);
      expect(r.err).toMatch(/trade \(trade\): path has changed since the report was made/);
      const now = folderBytes(moved);
      for (const [name, bytes] of original) expect(now.get(name)!.equals(bytes), name).toBe(true);
    } finally {
      writeFileSync(trade, kept);
    }
  });

  it('refuses (exit 2) a config that changed, naming it', async () => {
    const config = path.join(proj, 'entente.yaml');
    const kept = readFileSync(config);
    writeFileSync(config, kept.toString('utf8').replace('weight: 0.4', 'weight: 0.5'));
    try {
      const r = await runCli(['rerun', path.join(moved, 'datapackage.json'), '--config', config]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(config);
      expect(r.err).toMatch(/the config has changed since the report was made/);
    } finally {
      writeFileSync(config, kept);
    }
  });

  it('says a package without a replication record cannot be rerun', async () => {
    const old = path.join(proj, 'old.json');
    writeFileSync(old, JSON.stringify({ entente: { version: '0.0.1', config: { sha256: 'ab' } } }));
    const r = await runCli(['rerun', old]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no replication record/);
  });
});
