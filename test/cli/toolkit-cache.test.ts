import { describe, expect, it } from 'vitest';
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { folderBytes, sampleProject } from '../helpers/sample-project.js';

/** The toolkit commands that read the score cache, as typed on the command line. */
const COMMANDS: readonly (readonly string[])[] = [['explain', 'RUS', 'IRN', '--year', '2016'], ['explain', 'USA', 'GBR'], ['rank', '--state', 'RUS', '--since', '2010'], ['trends'], ['audit'], ['sensitivity', '--draws', '20']];

describe('the toolkit commands served from the score cache', () => {
  it('score writes score-cache.bin into the report folder', async () => {
    const proj = sampleProject();
    const out = path.join(proj, 'report');
    expect((await runCli(['score', '--config', path.join(proj, 'entente.yaml'), '--out', out])).code).toBe(0);
    expect(existsSync(path.join(out, 'score-cache.bin'))).toBe(true);
  });

  it.each(COMMANDS)('%s prints and writes the same bytes from the cache as when it scores again', async (...argv) => {
    const proj = sampleProject();
    const cfg = path.join(proj, 'entente.yaml');
    const cached = path.join(proj, 'cached');
    const rescored = path.join(proj, 'rescored');
    expect((await runCli(['score', '--config', cfg, '--out', cached])).code).toBe(0);
    cpSync(cached, rescored, { recursive: true });
    const a = await runCli([...argv, '--config', cfg, '--out', cached]);
    const b = await runCli([...argv, '--config', cfg, '--out', rescored, '--rescore']);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    // the cache was used by the first run only
    expect(a.err).not.toMatch(/scoring the panel again/);
    expect(b.err).toMatch(/scoring the panel again \(--rescore\)/);
    expect(a.out.replaceAll(cached, 'DIR')).toBe(b.out.replaceAll(rescored, 'DIR'));
    // warnings and the sample note are printed as when scoring
    expect(a.err).toBe(b.err.replace(/^.*scoring the panel again \(--rescore\)\n/m, ''));
    const [fa, fb] = [folderBytes(cached), folderBytes(rescored)];
    expect([...fa.keys()]).toEqual([...fb.keys()]);
    for (const [name, bytes] of fa) expect(bytes.equals(fb.get(name)!), name).toBe(true);
  });

  it('keeps the cache when a command adds files, and writes it with the score report into a folder that had none', async () => {
    const proj = sampleProject();
    const cfg = path.join(proj, 'entente.yaml');
    const out = path.join(proj, 'fresh');
    const first = await runCli(['audit', '--config', cfg, '--out', out]);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/had no report; wrote the score report of this config there too/);
    for (const argv of [['explain', 'RUS', 'IRN'], ['trends'], ['rank']]) {
      const r = await runCli([...argv, '--config', cfg, '--out', out]);
      expect(r.code, r.err).toBe(0);
      expect(r.err, argv[0]).not.toMatch(/scoring the panel again/);
    }
    expect(existsSync(path.join(out, 'score-cache.bin'))).toBe(true);
  });

  it('says why it scores again when an input has changed', async () => {
    const proj = sampleProject();
    const cfg = path.join(proj, 'entente.yaml');
    const out = path.join(proj, 'report');
    expect((await runCli(['score', '--config', cfg, '--out', out])).code).toBe(0);
    const { appendFileSync } = await import('node:fs');
    appendFileSync(path.join(proj, 'indicators', 'sample', 'cow_trade.csv'), '\n');
    const r = await runCli(['rank', '--config', cfg, '--out', out]);
    // the report was made from the old bytes: the toolkit refuses to add to it, after saying why it scored
    expect(r.err).toMatch(/scoring the panel again: input indicators\/sample\/cow_trade\.csv \(trade: [a-z]+\) has changed since `entente score`/);
  });
});
