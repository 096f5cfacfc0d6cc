import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, runCli, tempCopy } from '../helpers/cli.js';
import { packageOf, readRecords } from './toolkit-helpers.js';

describe('entente trends', () => {
  it('writes trends.csv and breaks.csv and finds the planted jump of IRN–RUS in 2014', async () => {
    const dir = tempCopy('toolkit');
    const out = path.join(dir, 'report');
    const r = await runCli(['trends', '--from', '2013', '--to', '2017', '--config', path.join(dir, 'toolkit.yaml'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/6 pairs with a slope over 2013–2017/);
    const breaks = readRecords(path.join(out, 'breaks.csv'));
    const irn = breaks.filter((b) => b['state_a'] === 'IRN' && b['state_b'] === 'RUS');
    expect(irn.map((b) => b['year'])).toEqual(['2014']);
    expect(Number(irn[0]!['size'])).toBeGreaterThan(25);
    const trends = readRecords(path.join(out, 'trends.csv'));
    expect(trends).toHaveLength(6);
    expect(trends.find((t) => t['state_a'] === 'IRN' && t['state_b'] === 'USA')!['years']).toBe('5');
    expect(packageOf(out).names).toEqual(expect.arrayContaining(['trends', 'breaks']));
  });

  it('exits 2 for a window that ends before it starts', async () => {
    const dir = tempCopy('toolkit');
    expect((await runCli(['trends', '--from', '2016', '--to', '2012', '--config', path.join(dir, 'toolkit.yaml')])).code).toBe(2);
  });
});

// The bundled sample's generator plants structural breaks (scripts/sample/latent.mjs); the
// detector must find them on the sample config once every family's sample is in it.
const FAMILIES = ['un_votes', 'arms_transfers', 'joint_drills', 'trade'];
const sampleConfig = readFileSync(path.join(ROOT, 'entente.yaml'), 'utf8');
const missingFamilies = FAMILIES.filter((f) => !new RegExp(`family:\\s*${f}\\b`).test(sampleConfig));
const describeSample = missingFamilies.length === 0 ? describe : describe.skip;
if (missingFamilies.length > 0) console.warn(`skipping the planted-breaks test: entente.yaml does not score the family sample(s) ${missingFamilies.join(', ')} yet`);

describeSample(`entente trends on the bundled sample${missingFamilies.length ? ` (skipped: no ${missingFamilies.join(', ')} sample in entente.yaml yet)` : ''}`, () => {
  it('finds every break the sample generator planted (within a year, with its sign)', async () => {
    const { PLANTED_BREAKS } = (await import(pathToFileURL(path.join(ROOT, 'scripts/sample/latent.mjs')).href)) as {
      PLANTED_BREAKS: { a: string; b: string; year: number; before: number; after: number }[];
    };
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'entente-trends-')), 'report');
    const r = await runCli(['trends', '--config', path.join(ROOT, 'entente.yaml'), '--out', out]);
    expect(r.code).toBe(0);
    const breaks = readRecords(path.join(out, 'breaks.csv'));
    for (const p of PLANTED_BREAKS) {
      const hit = breaks.find((b) => b['state_a'] === p.a && b['state_b'] === p.b && Math.abs(Number(b['year']) - p.year) <= 1);
      expect(hit, `${p.a}-${p.b} ${p.year}`).toBeDefined();
      expect(Math.sign(Number(hit!['size']))).toBe(Math.sign(p.after - p.before));
    }
  });
});
