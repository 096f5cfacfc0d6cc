import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { runCli, tempCopy } from '../helpers/cli.js';

describe('entente rank', () => {
  it('ranks the pairs of the latest year, most aligned first, with the change since a year', async () => {
    const dir = tempCopy('toolkit');
    const r = await runCli(['rank', '--since', '2010', '--top', '2', '--bottom', '1', '--config', path.join(dir, 'toolkit.yaml'), '--out', path.join(dir, 'r')]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('6 pairs ranked in 2017');
    expect(lines[2]).toMatch(/^\s*1\s+CHN-USA\s+57\.33\s+1\s+0$/);
    expect(lines[3]).toMatch(/^\s*2\s+IRN-RUS\s+54\.60\s+5\s+\+3$/);
    expect(lines[4]).toBe('…');
    expect(lines[5]).toMatch(/^\s*6\s+IRN-USA/);
  });

  it('ranks the partners of one state in a given year', async () => {
    const dir = tempCopy('toolkit');
    const r = await runCli(['rank', '--state', 'usa', '--year', '2012', '--config', path.join(dir, 'toolkit.yaml')]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(2, -1).map((l) => l.trim().split(/\s+/)[1])).toEqual(['CHN-USA', 'RUS-USA', 'IRN-USA']);
  });

  it('writes the whole ranking to rank.csv in the report folder, listed in datapackage.json', async () => {
    const dir = tempCopy('toolkit');
    const out = path.join(dir, 'r');
    const r = await runCli(['rank', '--state', 'USA', '--year', '2012', '--since', '2010', '--top', '1', '--bottom', '0', '--config', path.join(dir, 'toolkit.yaml'), '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/wrote .*rank\.csv \(3 pairs\)/);
    const lines = readFileSync(path.join(out, 'rank.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('rank,state_a,state_b,year,index,rank_since,change');
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 4).join('-'))).toEqual(['CHN-USA-2012', 'RUS-USA-2012', 'IRN-USA-2012']);
    const pkg = JSON.parse(readFileSync(path.join(out, 'datapackage.json'), 'utf8')) as { resources: { path: string }[] };
    expect(pkg.resources.map((x) => x.path)).toContain('rank.csv');
  });

  it('exits 2 for a year without any index', async () => {
    const dir = tempCopy('toolkit');
    const r = await runCli(['rank', '--year', '1990', '--config', path.join(dir, 'toolkit.yaml')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no pair has an index in 1990/);
  });
});
