import { describe, expect, it } from 'vitest';
import path from 'node:path';
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
    expect(r.out.split('\n').slice(2).map((l) => l.trim().split(/\s+/)[1])).toEqual(['CHN-USA', 'RUS-USA', 'IRN-USA']);
  });

  it('exits 2 for a year without any index', async () => {
    const dir = tempCopy('toolkit');
    const r = await runCli(['rank', '--year', '1990', '--config', path.join(dir, 'toolkit.yaml')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no pair has an index in 1990/);
  });
});
