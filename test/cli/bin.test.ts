import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, tempCopy } from '../helpers/cli.js';

// the executable package.json publishes (the bundle made by `npm run build`)
const BIN = path.join(ROOT, (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { entente: string } }).bin.entente);

function newestSource(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return t;
}

describe('the entente binary', () => {
  beforeAll(() => {
    // the binary users run is the built one: build it when it is missing or older than src/
    if (!existsSync(BIN) || statSync(BIN).mtimeMs < newestSource(path.join(ROOT, 'src'))) {
      execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    }
  });

  it('loads only yargs and the command builders for --help, no pipeline (lazy imports)', () => {
    // a loader hook lists every JavaScript file the process loads, with its size
    const hook = `data:text/javascript,${encodeURIComponent(
      'export async function load(u, c, n) { const r = await n(u, c); if (u.startsWith("file:")) process.stderr.write("LOADED " + (r.source == null ? 0 : r.source.length) + " " + u + "\\n"); return r; }',
    )}`;
    const register = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(hook)});`)}`;
    const r = spawnSync(process.execPath, ['--import', register, BIN, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/entente <command>/);
    const loaded = r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.split(' '));
    expect(loaded.length).toBeGreaterThan(1);
    const bytes = loaded.reduce((s, [, n]) => s + Number(n), 0);
    // yargs and its helpers are ~250 KB; the pipelines (CSV engines, scoring, reports) are ~2 MB more
    expect(bytes).toBeLessThan(500_000);
  });

  it('scores a config and exits 0', () => {
    const dir = tempCopy('generic');
    const r = spawnSync(process.execPath, [BIN, 'score', '--config', 'good.yaml'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/wrote reports\/tiny\/alignment\.csv \(4 pair-years\)/);
    expect(existsSync(path.join(dir, 'reports', 'tiny', 'datapackage.json'))).toBe(true);
  });

  it('exits 2 with file and line on bad input', () => {
    const dir = tempCopy('generic');
    writeFileSync(path.join(dir, 'good.csv'), readFileSync(path.join(dir, 'broken.csv')));
    const r = spawnSync(process.execPath, [BIN, 'score', '--config', 'good.yaml'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/good\.csv:3:/);
    expect(existsSync(path.join(dir, 'reports', 'tiny'))).toBe(false);
  });

  it('prints help with an example per command', () => {
    const r = spawnSync(process.execPath, [BIN, 'score', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Examples:/);
  });
});
