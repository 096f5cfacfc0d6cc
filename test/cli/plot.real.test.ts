import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, ROOT, tempCopy } from '../helpers/cli.js';
import { describeShared } from '../helpers/shared-data.js';
import { pngSize } from '../../src/report/chart/render-chart.js';

describeShared('entente plot on the real data', (dataDir) => {
  const config = path.join(ROOT, 'examples', 'real-data-levels.yaml');
  it('draws RUS-IRN and RUS-CHN from examples/real-data-levels.yaml', async () => {
    const out = path.join(tempCopy('reports'), 'real');
    const r = await runCli(['plot', 'RUS-IRN', 'RUS-CHN', '--config', config, '--out', out]);
    expect(r.err).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const svg = readFileSync(path.join(out, 'plot_RUS-IRN_RUS-CHN.svg'), 'utf8');
    expect(svg).not.toContain('SYNTHETIC');
    expect(pngSize(readFileSync(path.join(out, 'plot_RUS-IRN_RUS-CHN.png')))).toEqual({ width: 1600, height: 900 });
    void dataDir;
  });
});
