import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { runCli, ROOT, tempCopy } from '../helpers/cli.js';
import { pngSize } from '../../src/report/chart/render-chart.js';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const SAMPLE = path.join(ROOT, 'entente.yaml');

describe('entente plot', () => {
  it('draws RUS-IRN and RUS-CHN of the sample as SVG and PNG in the report folder', async () => {
    const out = path.join(tempCopy('reports'), 'sample');
    const r = await runCli(['plot', 'RUS-IRN', 'RUS-CHN', '--config', SAMPLE, '--out', out]);
    expect(r.err).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const svg = path.join(out, 'plot_RUS-IRN_RUS-CHN.svg');
    const png = path.join(out, 'plot_RUS-IRN_RUS-CHN.png');
    expect(r.out).toContain(`sha256 ${sha(svg)}  plot_RUS-IRN_RUS-CHN.svg`);
    const text = readFileSync(svg, 'utf8');
    expect(text).toContain('Alignment index, RUS–IRN and RUS–CHN, 1990–2020');
    expect(text).toContain('SYNTHETIC SAMPLE DATA');
    expect(r.err).toMatch(/SYNTHETIC/);
    expect(pngSize(readFileSync(png))).toEqual({ width: 1600, height: 900 });
  });

  it('takes its pairs comma-separated too, as --pairs does: the same files', async () => {
    const out = path.join(tempCopy('reports'), 'sample');
    await runCli(['plot', 'RUS-IRN', 'RUS-CHN', '--config', SAMPLE, '--out', out, '--name', 'spaces']);
    const r = await runCli(['plot', 'RUS-IRN,RUS-CHN', '--config', SAMPLE, '--out', out, '--name', 'commas']);
    expect(r.code, r.err).toBe(0);
    expect(sha(path.join(out, 'commas.svg'))).toBe(sha(path.join(out, 'spaces.svg')));
  });

  it('gives identical bytes on a re-run', async () => {
    const out = path.join(tempCopy('reports'), 'sample');
    await runCli(['plot', 'RUS-IRN', '--config', SAMPLE, '--out', out, '--name', 'a']);
    await runCli(['plot', 'RUS-IRN', '--config', SAMPLE, '--out', out, '--name', 'b']);
    expect(sha(path.join(out, 'b.svg'))).toBe(sha(path.join(out, 'a.svg')));
    expect(sha(path.join(out, 'b.png'))).toBe(sha(path.join(out, 'a.png')));
  });

  it('draws the interval of sensitivity.csv as a band, and stacked contributions on request', async () => {
    const dir = tempCopy('reports');
    const out = path.join(dir, 'out');
    const config = path.join(dir, 'small.yaml');
    expect((await runCli(['score', '--config', config, '--out', out])).code).toBe(0);
    writeFileSync(path.join(out, 'sensitivity.csv'), 'state_a,state_b,year,index_p05,index_p95\nIRN,RUS,2014,45,62\nIRN,RUS,2015,50,66\n');
    const r = await runCli(['plot', 'RUS-IRN', '--config', config, '--out', out, '--from', '2013']);
    expect(r.code).toBe(0);
    const svg = readFileSync(path.join(out, 'plot_RUS-IRN.svg'), 'utf8');
    expect(svg).toContain('shaded: 5–95 % interval of the index (entente sensitivity)');
    expect(svg).toContain('2013–2015');
    expect(svg).toMatch(/mark-area/);
    const c = await runCli(['plot', 'RUS-IRN', 'RUS-CHN', '--contributions', '--config', config, '--out', out]);
    expect(c.code).toBe(0);
    const stacked = readFileSync(path.join(out, 'plot_RUS-IRN_RUS-CHN_contributions.svg'), 'utf8');
    expect(stacked).toContain('>contribution of<');
    expect(stacked).toContain('>ties<');
    const i = await runCli(['plot', 'RUS-IRN', '--indicator', 'trade', '--config', config, '--out', out]);
    expect(i.code).toBe(0);
    expect(readFileSync(path.join(out, 'plot_RUS-IRN_trade.svg'), 'utf8')).toContain('Indicator trade (raw measure)');
  });

  it('exits 2 on a malformed pair, a state without data, an unknown indicator or a bad name', async () => {
    const out = path.join(tempCopy('reports'), 'x');
    for (const args of [['RUSSIA'], ['RUS-RUS'], ['RUS-XXX'], ['RUS-IRN', '--indicator', 'nope'], ['RUS-IRN', '--name', '../escape'], ['RUS-IRN', 'IRN-RUS']]) {
      const r = await runCli(['plot', ...args, '--config', SAMPLE, '--out', out]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/error:/);
    }
    expect(existsSync(out)).toBe(false);
  });
});

