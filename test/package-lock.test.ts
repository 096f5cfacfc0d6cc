import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers/cli.js';

const json = (f: string) => JSON.parse(readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, unknown>;

describe('package-lock.json', () => {
  it('records the root package as package.json declares it, so `npm install` on a fresh clone leaves the lock unchanged', () => {
    // the lock kept `bin: dist/cli/bin.js` after package.json moved to the bundle: every install rewrote it
    const pkg = json('package.json');
    const root = (json('package-lock.json').packages as Record<string, Record<string, unknown>>)[''];
    for (const key of ['name', 'version', 'license', 'bin', 'engines', 'dependencies', 'devDependencies'] as const) {
      expect(root?.[key], key).toEqual(pkg[key]);
    }
  });
});

describe('package.json main and types', () => {
  it('point at the built front door src/index.ts, which loads and exposes the library (run after `npm run build`)', async () => {
    const pkg = json('package.json');
    expect(pkg.main).toBe('dist/index.js');
    expect(pkg.types).toBe('dist/index.d.ts');
    const built = path.join(ROOT, String(pkg.main));
    const lib = (await import(built)) as Record<string, unknown>;
    for (const name of ['main', 'readConfig', 'computeScore', 'runScore', 'runMeasures', 'scorePanel', 'families']) {
      expect(lib[name], name).toBeDefined();
    }
    expect(readFileSync(path.join(ROOT, String(pkg.types)), 'utf8')).toContain('runScore');
  });
});
