import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { runCli, ROOT, tempCopy } from '../helpers/cli.js';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('the report folder of entente score', () => {
  for (const [what, config] of [
    ['the bundled sample', () => path.join(ROOT, 'entente.yaml')],
    ['a tiny real-style config', (dir: string) => path.join(dir, 'small.yaml')],
  ] as const) {
    it(`is byte-identical when scored twice (${what}), and score prints the SHA-256 of alignment.csv`, async () => {
      const dir = tempCopy('reports');
      const a = path.join(dir, 'a');
      const b = path.join(dir, 'b');
      const ra = await runCli(['score', '--config', config(dir), '--out', a]);
      const rb = await runCli(['score', '--config', config(dir), '--out', b]);
      expect([ra.code, rb.code]).toEqual([0, 0]);
      const files = readdirSync(a).sort();
      expect(files).toEqual(expect.arrayContaining(['alignment.csv', 'datapackage.json', 'states.csv', 'summary.md']));
      expect(readdirSync(b).sort()).toEqual(files);
      for (const f of files) expect(sha(path.join(b, f)), f).toBe(sha(path.join(a, f)));
      expect(ra.out).toContain(`sha256 ${sha(path.join(a, 'alignment.csv'))}  alignment.csv`);
    });
  }
});
