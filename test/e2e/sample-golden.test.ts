import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readConfig } from '../../src/config/read-config.js';
import { computeScore, reportFiles } from '../../src/pipeline/score.js';
import { ROOT } from '../helpers/cli.js';

const text = (v: string | Uint8Array | undefined) => (typeof v === 'string' ? v : Buffer.from(v!).toString('utf8'));

describe('the bundled sample report (golden files)', () => {
  it('matches the committed report byte for byte', async () => {
    const files = reportFiles(await computeScore(await readConfig(path.join(ROOT, 'entente.yaml'))));
    // regenerate on purpose with: npx vitest run test/e2e/sample-golden.test.ts -u
    await expect(text(files.get('alignment.csv'))).toMatchFileSnapshot('../golden/sample/alignment.csv');
    // the replication record names the Node version of the run: the golden file holds a placeholder
    const pkg = text(files.get('datapackage.json')).replace(/("node": )"v[0-9.]+"/, '$1"(node version)"');
    await expect(pkg).toMatchFileSnapshot('../golden/sample/datapackage.json');
    await expect(text(files.get('summary.md'))).toMatchFileSnapshot('../golden/sample/summary.md');
    await expect(text(files.get('states.csv'))).toMatchFileSnapshot('../golden/sample/states.csv');
  });

  it('says it is synthetic', async () => {
    const files = reportFiles(await computeScore(await readConfig(path.join(ROOT, 'entente.yaml'))));
    expect(JSON.parse(text(files.get('datapackage.json'))).sample).toBe(true);
    expect(text(files.get('summary.md'))).toMatch(/SYNTHETIC/);
  });
});
