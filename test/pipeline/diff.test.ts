import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sampleProject } from '../helpers/sample-project.js';

const csv = (file: string) => parse(readFileSync(file), { columns: true }) as Record<string, string>[];

describe('entente diff on two configs that differ only in one weight', () => {
  let proj: string;
  beforeAll(async () => {
    proj = sampleProject();
    const config = readFileSync(path.join(proj, 'entente.yaml'), 'utf8');
    // unsc's weight 0.1 → 0.3: only the pair-years where the Security Council indicator is present move (weights are renormalised over the indicators present)
    const other = config.replace(/(unsc:[\s\S]*?weight: )0\.1/, '$10.3');
    expect(other).not.toBe(config);
    writeFileSync(path.join(proj, 'heavier-unsc.yaml'), other);
    for (const [cfg, out] of [['entente.yaml', 'a'], ['heavier-unsc.yaml', 'b']]) {
      const r = await runCli(['score', '--config', path.join(proj, cfg!), '--out', path.join(proj, out!)]);
      expect(r.code, r.err).toBe(0);
    }
  });
  afterAll(() => rmSync(proj, { recursive: true, force: true }));

  it('lists exactly the pair-years whose index moved, and the one config key', async () => {
    const out = path.join(proj, 'changes.csv');
    const r = await runCli(['diff', path.join(proj, 'a'), path.join(proj, 'b'), '--csv', out]);
    expect(r.code, r.err).toBe(0);
    const a = new Map(csv(path.join(proj, 'a', 'alignment.csv')).map((x) => [`${x['state_a']}-${x['state_b']}-${x['year']}`, x['index']!]));
    const b = csv(path.join(proj, 'b', 'alignment.csv'));
    expect(b.length).toBe(a.size);
    const moved = b.filter((x) => a.get(`${x['state_a']}-${x['state_b']}-${x['year']}`) !== x['index']).map((x) => `${x['state_a']}-${x['state_b']}-${x['year']}`);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.length).toBeLessThan(a.size); // pair-years without unsc keep their index
    const listed = csv(out);
    expect(listed.map((x) => `${x['state_a']}-${x['state_b']}-${x['year']}`)).toEqual(moved);
    for (const x of listed) {
      const before = a.get(`${x['state_a']}-${x['state_b']}-${x['year']}`)!;
      expect(x['index_a']).toBe(before);
      if (x['status'] === 'changed') expect(Number(x['change'])).toBeCloseTo(Number(x['index_b']) - Number(x['index_a']), 5);
    }
    expect(r.out).toContain(`${moved.length} pair-years differ`);
    expect(r.out).toContain('config: 1 key differs');
    expect(r.out).toContain('indicators.unsc.weight: 0.1 → 0.3');
    expect(r.out).toContain('inputs: the same files');
    expect(r.out).toMatch(/largest movers:/);
  });

  it('finds nothing between a report and itself', async () => {
    const r = await runCli(['diff', path.join(proj, 'a'), path.join(proj, 'a')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('0 pair-years differ');
    expect(r.out).toContain('config: the same keys and values');
  });

  it('refuses to write its CSV into a report folder or over a file without --force', async () => {
    const inside = await runCli(['diff', path.join(proj, 'a'), path.join(proj, 'b'), '--csv', path.join(proj, 'a', 'd.csv')]);
    expect(inside.code).toBe(2);
    expect(inside.err).toMatch(/inside the report folder/);
    writeFileSync(path.join(proj, 'mine.csv'), 'keep me\n');
    const over = await runCli(['diff', path.join(proj, 'a'), path.join(proj, 'b'), '--csv', path.join(proj, 'mine.csv')]);
    expect(over.code).toBe(2);
    expect(readFileSync(path.join(proj, 'mine.csv'), 'utf8')).toBe('keep me\n');
  });
});
