import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

describe('warnings that point to entente validate', () => {
  it('are printed once by score, and not by validate, whose listing shows what they point to', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-warn-'));
    try {
      const score = await runCli(['score', '--config', path.join(ROOT, 'entente.yaml'), '--out', path.join(dir, 'r')]);
      expect(score.code, score.err).toBe(0);
      const pointer = score.err.split('\n').filter((l) => l.includes('non-state participant entries skipped (see `entente validate`)'));
      expect(pointer).toHaveLength(1);
      const validate = await runCli(['validate', '--config', path.join(ROOT, 'entente.yaml')]);
      expect(validate.code).toBe(0);
      expect(validate.err).not.toContain('(see `entente validate`)');
      expect(validate.out).toMatch(/non-state participant entries skipped: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
