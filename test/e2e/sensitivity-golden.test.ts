import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSensitivityReport } from '../../src/pipeline/sensitivity.js';
import { ROOT } from '../helpers/cli.js';

const golden = (f: string) => readFileSync(path.join(ROOT, 'test/golden/sensitivity', f), 'utf8');
/** sobol.csv without the interval columns (the point estimates, as written before the intervals existed). */
const pointColumns = (csv: string) =>
  csv
    .split('\n')
    .map((l) => l.split(',').slice(0, 6).join(','))
    .join('\n');

describe('the sensitivity analysis of the bundled sample (golden files)', () => {
  it('writes the same bytes as before the pattern kernel, for a fixed seed', async () => {
    // golden files written by the full kernel (entente sensitivity --draws 200 --seed 3 on entente.yaml);
    // sobol-point.csv predates the interval columns, which are compared separately below
    // (one thread and several give the same bytes: test/pipeline/sensitivity-threads.test.ts)
    const outputs: string[][] = [];
    for (const threads of [1]) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-sens-golden-'));
      try {
        const out = path.join(dir, 'report');
        await runSensitivityReport({ config: path.join(ROOT, 'entente.yaml'), out, draws: 200, seed: 3, threads }, {});
        outputs.push(['sensitivity.csv', 'sobol.csv'].map((f) => readFileSync(path.join(out, f), 'utf8')));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const [[sens, sobol]] = outputs as [[string, string]];
    expect(sens).toBe(golden('sensitivity.csv'));
    expect(pointColumns(sobol)).toBe(golden('sobol-point.csv'));
    // the intervals hold their estimates
    const rows = sobol.trim().split('\n').slice(1).map((l) => l.split(','));
    for (const [, , first, total, , , fLo, fHi, tLo, tHi] of rows) {
      if (first === '') continue;
      expect(Number(fLo)).toBeLessThanOrEqual(Number(first) + 1e-6);
      expect(Number(first)).toBeLessThanOrEqual(Number(fHi) + 1e-6);
      expect(Number(tLo)).toBeLessThanOrEqual(Number(total) + 1e-6);
      expect(Number(total)).toBeLessThanOrEqual(Number(tHi) + 1e-6);
    }
  });
});
