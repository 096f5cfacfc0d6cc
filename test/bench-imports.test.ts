/**
 * The benchmarks (bench/*.mjs) and scripts load library modules from the build by path. A
 * module that moves or a name that moves to another module breaks them only when someone runs
 * `npm run bench`; this test reads every such import and checks that the source module exists
 * and exports each name.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers/cli.js';

const DESTRUCTURED = /const\s*\{([^}]+)\}\s*=\s*await\s+(?:imp\(\s*'|import\(\s*pathToFileURL\(\s*path\.join\(\s*(?:dist|root, process\.env\.ENTENTE_DIST \?\? 'dist')\s*,\s*')([a-z0-9/.-]+)\.js'/g;

function exportsOf(src: string): Set<string> {
  const text = readFileSync(src, 'utf8');
  const names = new Set<string>();
  for (const m of text.matchAll(/export\s+(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z0-9_$]+)/g)) names.add(m[1]!);
  for (const m of text.matchAll(/export\s+(?:type\s+)?\{([^}]+)\}/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()!.replace(/^type\s+/, '').trim();
      if (name) names.add(name);
    }
  }
  return names;
}

describe('benchmark and script imports', () => {
  it('name only modules of src/ that exist and names they export', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const dir of ['bench', 'scripts']) {
      for (const f of readdirSync(path.join(ROOT, dir)).filter((n) => n.endsWith('.mjs'))) {
        const text = readFileSync(path.join(ROOT, dir, f), 'utf8');
        for (const m of text.matchAll(DESTRUCTURED)) {
          const src = path.join(ROOT, 'src', `${m[2]}.ts`);
          if (!existsSync(src)) {
            problems.push(`${dir}/${f}: src/${m[2]}.ts does not exist`);
            continue;
          }
          const exported = exportsOf(src);
          for (const raw of m[1]!.split(',')) {
            const name = raw.trim().split(':')[0]!.trim();
            if (name === '') continue;
            checked++;
            if (!exported.has(name)) problems.push(`${dir}/${f}: src/${m[2]}.ts does not export ${name}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });
});
