import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, tempCopy } from '../../helpers/cli.js';
import { fixture } from './helpers.js';

const BIN = path.join(ROOT, (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { entente: string } }).bin.entente);

/** A module-resolution hook that records whether anything asked for DuckDB. */
function hookFile(dir: string): string {
  const hooks = path.join(dir, 'hooks.mjs');
  writeFileSync(hooks, "export async function resolve(s, c, next) { if (s.startsWith('@duckdb/')) process.stderr.write('DUCKDB-LOADED\\n'); return next(s, c); }\n");
  const register = path.join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  return register;
}

describe('DuckDB is loaded only when an events indicator is configured', () => {
  beforeAll(() => {
    if (!existsSync(BIN) || statSync(BIN).mtimeMs < statSync(path.join(ROOT, 'src/families/events/family.ts')).mtimeMs) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  });

  it('the bundle keeps @duckdb/node-api external', () => {
    expect(readFileSync(BIN, 'utf8')).not.toContain('class DuckDBInstanceCache');
  });

  it('a run without events never resolves @duckdb/node-api; a run with events does', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-lazy-'));
    const register = hookFile(dir);
    const generic = tempCopy('generic');
    const plain = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, BIN, 'score', '--config', 'good.yaml'], { cwd: generic, encoding: 'utf8' });
    expect(plain.status).toBe(0);
    expect(plain.stderr).not.toContain('DUCKDB-LOADED');
    writeFileSync(path.join(dir, 'e.csv'), readFileSync(fixture('edges_small.csv')));
    writeFileSync(path.join(dir, 'ev.yaml'), 'indicators:\n  events:\n    family: events\n    source: { format: edges, path: e.csv }\n    min_observed: 0\n');
    const events = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, BIN, 'validate', '--config', 'ev.yaml'], { cwd: dir, encoding: 'utf8' });
    expect(events.status).toBe(0);
    expect(events.stderr).toContain('DUCKDB-LOADED');
  });
});
