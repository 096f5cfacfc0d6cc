import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './helpers/cli.js';
import { checkArchitecture, importCycles, importsOf, isPureModule, sourceFiles } from './helpers/architecture.js';

const SRC = path.join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Writes a small source tree (path → text) into a fresh temporary folder and returns it. */
function tree(modules: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-arch-'));
  for (const [p, text] of Object.entries(modules)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), text);
  }
  return dir;
}

/** A tree that keeps every rule: one module per layer, each importing the one below. */
const CLEAN: Readonly<Record<string, string>> = {
  'index.ts': "export { main } from './cli/main.js';\n",
  'domain/year.ts': 'export type Year = number;\n',
  'core/score.ts': "import type { Year } from '../domain/year.js';\nexport const score = (y: Year) => y;\n",
  'format/read-csv.ts': "import { readFile } from 'node:fs/promises';\nexport const read = (p: string) => readFile(p);\n",
  'families/family.ts': "export interface Family { name: string }\n",
  'families/registry.ts': "export { demo } from './demo/family.js';\n",
  'families/families.ts': "import * as registry from './registry.js';\nexport const families = Object.values(registry);\n",
  'families/demo/family.ts': "import type { Family } from '../family.js';\nimport { read } from '../../format/read-csv.js';\nimport { measure } from './measures.js';\nexport const demo: Family = { name: measure };\nvoid read;\n",
  'families/demo/measures.ts': "import { score } from '../../core/score.js';\nexport const measure = String(score(1));\n",
  'config/read-config.ts': "import { families } from '../families/families.js';\nexport const config = families;\n",
  'analysis/rank.ts': "import { score } from '../core/score.js';\nexport const rank = score;\n",
  'report/write.ts': "import { rank } from '../analysis/rank.js';\nimport { config } from '../config/read-config.js';\nexport const write = () => [rank, config];\n",
  'pipeline/run.ts': "import { write } from '../report/write.js';\nexport const run = write;\n",
  'cli/main.ts': "import { run } from '../pipeline/run.js';\nexport const main = run;\n",
};

describe('architecture', () => {
  it('src/ keeps every import rule: layers one way, no cycle (type imports included), families self-contained, pure modules pure', () => {
    expect(checkArchitecture(SRC)).toEqual([]);
  });

  it('puts every module of src/ in a layer, and finds the modules it should (the checker reads the real tree)', () => {
    const all = sourceFiles(SRC);
    expect(all.length).toBeGreaterThan(200);
    expect(all).toContain('families/registry.ts');
    expect(all.filter(isPureModule)).toContain('core/score.ts');
    expect(isPureModule('families/trade/compute-trade.ts')).toBe(true);
    expect(isPureModule('families/trade/read-cow-trade.ts')).toBe(false);
    expect(isPureModule('families/events/run-duckdb.ts')).toBe(false);
  });

  it('passes a small tree that keeps the rules (so the planted breaches below fail for their own reason)', () => {
    const dir = tree(CLEAN);
    try {
      expect(checkArchitecture(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails on a planted upward import, a planted cycle of type imports, a family importing another, and a pure module doing I/O', () => {
    const dir = tree({
      ...CLEAN,
      // core → families: against the direction
      'core/score.ts': "import type { Family } from '../families/family.js';\nimport type { Year } from '../domain/year.js';\nexport const score = (y: Year, f?: Family) => y + (f ? 0 : 0);\n",
      // a cycle made of type imports only
      'report/a.ts': "import type { B } from './b.js';\nexport interface A { b: B }\n",
      'report/b.ts': "import type { A } from './a.js';\nexport interface B { a: A }\n",
      // one family reaching into another
      'families/other/measures.ts': "import { measure } from '../demo/measures.js';\nexport const other = measure;\n",
      // a pure module reading a file
      'families/demo/compute-demo.ts': "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      'analysis/trend.ts': "import { read } from '../format/read-csv.js';\nexport const t = read;\n",
      // a module outside every layer
      'io/old.ts': 'export const old = 1;\n',
    });
    try {
      const bad = checkArchitecture(dir);
      expect(bad).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^core\/score\.ts imports families\/family\.ts \(types\): core\/ may not import families\//),
          'import cycle: report/a.ts ↔ report/b.ts',
          expect.stringMatching(/^families\/other\/measures\.ts imports families\/demo\/measures\.ts: a family folder is imported only by itself/),
          'families/demo/compute-demo.ts imports node:fs: a pure module imports an I/O package',
          'analysis/trend.ts imports format/read-csv.ts: a pure module imports an I/O module',
          expect.stringMatching(/^io\/old\.ts: not in a layer/),
        ]),
      );
      expect(bad).toHaveLength(6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads type-only, side-effect and dynamic imports, and finds each cycle once', () => {
    const edges = importsOf('pipeline/x.ts', "import type { A } from './a.js';\nimport './b.js';\nexport { c } from '../report/c.js';\nconst d = await import('./d.js');\n");
    expect(edges.map((e) => [e.to, e.typeOnly])).toEqual([
      ['pipeline/a.ts', true],
      ['pipeline/b.ts', false],
      ['report/c.ts', false],
      ['pipeline/d.ts', false],
    ]);
    expect(importCycles([{ from: 'a', to: 'b', typeOnly: true }, { from: 'b', to: 'c', typeOnly: false }, { from: 'c', to: 'a', typeOnly: false }, { from: 'c', to: 'd', typeOnly: false }])).toEqual([['a', 'b', 'c']]);
  });

  it('keeps every command handler of src/cli/commands short: parse, one pipeline call, print (at most 30 lines)', () => {
    const long: string[] = [];
    for (const f of files(path.join(SRC, 'cli', 'commands'))) {
      const lines = readFileSync(f, 'utf8').split('\n');
      const start = lines.findIndex((l) => /^\s*handler: async/.test(l));
      if (start < 0) continue;
      const indent = lines[start]!.search(/\S/);
      const end = lines.findIndex((l, i) => i > start && l.search(/\S/) === indent && /^\s*}/.test(l));
      if (end - start + 1 > 30) long.push(`${path.relative(ROOT, f)}: ${end - start + 1} lines`);
      const calls = new Set([...lines.slice(start, end).join('\n').matchAll(/\b(run[A-Z]\w*)\(/g)].map((m) => m[1]));
      if (calls.size !== 1) long.push(`${path.relative(ROOT, f)}: calls ${[...calls].join(', ') || 'no pipeline function'}`);
    }
    expect(long).toEqual([]);
  });

  it('spells normalise one way in src/', () => {
    // String.prototype.normalize is the platform's API, not our spelling
    const bad = files(SRC).filter((f) => /normaliz/i.test(readFileSync(f, 'utf8').replace(/\.normalize\(/g, '')));
    expect(bad.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('cites no document the repository does not have (METHODS.md lives outside it): src/, docs/ and the README', () => {
    const docs = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? docs(p) : /\.(ts|md)$/.test(e.name) ? [p] : [];
      });
    const all = [...docs(SRC), ...docs(path.join(ROOT, 'docs')), path.join(ROOT, 'README.md')];
    const bad = all.filter((f) => /METHODS\.md/.test(readFileSync(f, 'utf8')));
    expect(bad.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('never calls process.exit, and only the executable (cli/bin.ts) sets process.exitCode', () => {
    expect(files(SRC).filter((f) => /process\.exit\(/.test(readFileSync(f, 'utf8')))).toEqual([]);
    const setters = files(SRC).filter((f) => /process\.exitCode\s*=[^=]/.test(readFileSync(f, 'utf8')));
    expect(setters.map((f) => path.relative(SRC, f))).toEqual(['cli/bin.ts']);
  });
});
