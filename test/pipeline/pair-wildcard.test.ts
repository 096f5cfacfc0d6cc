import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../src/config/read-config.js';
import { applyOverrides } from '../../src/pipeline/score.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { toolVersion } from '../../src/report/tool-version.js';

describe('--pairs RUS-* (one state against all)', () => {
  it('pairs the state with every other state of the state system, once each', async () => {
    const config = await readConfig(path.join(ROOT, 'entente.yaml'));
    const all = applyOverrides(config, { pairs: 'RUS-*' }).pairs!;
    expect(all.length).toBeGreaterThan(150);
    expect(all.every(([a, b]) => a === 'RUS' && b !== 'RUS')).toBe(true);
    expect(new Set(all.map(([, b]) => b)).size).toBe(all.length);
    // the other spelling, a name, and an explicit pair already covered
    expect(applyOverrides(config, { pairs: '*-Russia' }).pairs).toEqual(all);
    expect(applyOverrides(config, { pairs: 'RUS-*,RUS-IRN' }).pairs).toEqual(all);
    expect(applyOverrides(config, { pairs: 'RUS-*,IRN-CHN' }).pairs!.length).toBe(all.length + 1);
    expect(applyOverrides(config, { pairs: 'RUS-*' }).commandLine).toEqual({ pairs: 'RUS-*' });
  });

  it('says which state it does not know', async () => {
    const config = await readConfig(path.join(ROOT, 'entente.yaml'));
    expect(() => applyOverrides(config, { pairs: 'Narnia-*' })).toThrow(/--pairs: .*Narnia/);
  });
});

describe('-h and -v', () => {
  it('are --help and --version', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect((await runCli(['-v'])).code).toBe(0);
      expect(log.mock.calls.flat().join('\n')).toContain(toolVersion());
      log.mockClear();
      expect((await runCli(['-h'])).code).toBe(0);
      const help = log.mock.calls.flat().join('\n');
      expect(help).toContain('ENTENTE_DATA_DIR');
      expect(help).toContain('rerun');
      expect(help).toContain('diff');
    } finally {
      log.mockRestore();
    }
  });
});
