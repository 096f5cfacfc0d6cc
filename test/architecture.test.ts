import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers/cli.js';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('architecture', () => {
  for (const layer of ['domain', 'core', 'analysis']) {
    it(`src/${layer} imports neither node:* nor format/ nor cli/`, () => {
      const bad: string[] = [];
      for (const f of files(path.join(ROOT, 'src', layer))) {
        for (const m of importsOf(f)) {
          if (m.startsWith('node:') || /(^|\/)(format|cli)\//.test(m)) bad.push(`${path.relative(ROOT, f)} imports ${m}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }

  it('keeps the computation of each family folder pure: only its readers and its wiring touch node:* and io/', () => {
    const bad: string[] = [];
    for (const f of files(path.join(ROOT, 'src', 'families'))) {
      if (/(^|\/)(read-[^/]*|family)\.ts$/.test(f)) continue;
      // the events family's I/O side: the DuckDB engine, probing its input files, running the query
      if (/(^|\/)events\/(duckdb-engine|input-files|locate-rows|run-events-query)\.ts$/.test(f)) continue;
      for (const m of importsOf(f)) {
        if (m.startsWith('node:') || /(^|\/)(format|cli)\//.test(m)) bad.push(`${path.relative(ROOT, f)} imports ${m}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('spells normalise one way in src/', () => {
    // String.prototype.normalize is the platform's API, not our spelling
    const bad = files(path.join(ROOT, 'src')).filter((f) => /normaliz/i.test(readFileSync(f, 'utf8').replace(/\.normalize\(/g, '')));
    expect(bad.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('never calls process.exit', () => {
    const bad = files(path.join(ROOT, 'src')).filter((f) => /process\.exit\(/.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
});
