import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildSummary } from '../../src/report/summary.js';
import { readConfig } from '../../src/config/read-config.js';
import { applyOverrides, computeScore, reportFiles } from '../../src/pipeline/score.js';
import { ROOT } from '../helpers/cli.js';

const SMALL = path.join(ROOT, 'test', 'fixtures', 'reports', 'small.yaml');

describe('summary.md', () => {
  it('says what was scored, ranks the last year, names the movers, coverage and sources of a real-data config', async () => {
    const run = await computeScore(await readConfig(SMALL));
    const md = buildSummary(run);
    expect(md.split('\n')[0]).toBe('# Entente report: small');
    expect(md).not.toMatch(/SYNTHETIC/);
    expect(md).toContain('- 3 pairs of 4 states, 2010–2015: 17 pair-years, 16 of them with an index.');
    expect(md).toContain('| ties | dyad_year | value | 2 | 0.667 | goalposts 0–1 | positive | — |');
    expect(md).toContain('| trade | dyad_year | value | 1 | 0.333 | minmax | positive | — |');
    // 2015: CHN–RUS 93.3, IRN–RUS 58.1, RUS–USA 11.8
    expect(md).toContain('## Most and least aligned pairs in 2015');
    expect(md).toContain('| 1 | CHN–RUS | China – Russia | 93.3 |');
    expect(md).toContain('| 3 | RUS–USA | Russia – United States | 11.8 |');
    // movers 2010→2015 (span shorter than ten years)
    expect(md).toContain('## Biggest movers, 2010–2015');
    expect(md).toContain('| CHN–RUS | China – Russia | 56.0 | 93.3 | +37.3 |');
    expect(md).toContain('| RUS–USA | Russia – United States | 44.7 | 11.8 | -32.9 |');
    expect(md).toContain('| ties | 16 | 0.941 | 2010–2015 | 2010–2015 | missing |');
    const sha = createHash('sha256').update(readFileSync(path.join(ROOT, 'test', 'fixtures', 'reports', 'ties.csv'))).digest('hex');
    expect(md).toContain(`| ties | \`ties.csv\` | path | \`${sha}\` |`);
    expect(md).toContain(`(SHA-256 \`${run.config.sha256}\`)`);
    expect(md).not.toMatch(/\d{4}-\d{2}-\d{2}T|\d\d:\d\d:\d\d/);
  });

  it('says SYNTHETIC loudly for the bundled sample', async () => {
    const run = await computeScore(await readConfig(path.join(ROOT, 'entente.yaml')));
    const md = buildSummary(run);
    expect(md).toMatch(/^> \*\*SYNTHETIC SAMPLE DATA\.\*\*/m);
    expect(md).toContain('**SYNTHETIC sample**');
  });

  it('is written into the report folder, identical on a re-run', async () => {
    const a = reportFiles(await computeScore(await readConfig(SMALL)));
    const b = reportFiles(await computeScore(await readConfig(SMALL)));
    expect(a.get('summary.md')).toBeDefined();
    expect(b.get('summary.md')).toBe(a.get('summary.md'));
  });

  it('copes with a panel without any index', async () => {
    const config = applyOverrides(await readConfig(SMALL), { from: 2012, to: 2012, pairs: 'IRN-RUS' });
    const md = buildSummary(await computeScore(config));
    expect(md).toContain('No pair-year has an index');
  });
});
