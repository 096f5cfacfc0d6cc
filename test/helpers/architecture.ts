/**
 * The import rules of `src/`, as a checker that reads a source tree and lists every breach.
 * `test/architecture.test.ts` runs it on `src/` (no breach allowed) and on small planted trees
 * (each breach found), so the rules are enforced, not just written down.
 *
 * The rules:
 * 1. Every module lives in a layer (the first folder under `src/`); imports run one way,
 *    from a higher layer to a lower one:
 *    cli → pipeline → report → analysis → config → families → core | format → domain.
 *    `core` and `format` are siblings: neither imports the other. `src/index.ts` (the
 *    library's front door) may import any layer; no module imports it.
 * 2. No import cycle, type-only imports included.
 * 3. A family folder (`families/<f>/`) imports only itself, the shared family modules
 *    (`families/*.ts`, `families/kit/`) and lower layers — never another family. The
 *    shared family modules import no family folder, except the registry (`registry.ts`: one
 *    line per family, its `family.ts`).
 * 4. Pure modules touch no input or output: `domain/`, `core/`, `analysis/`, and every
 *    module of a family folder or `families/kit/` except its I/O modules, never import
 *    `node:*`, an I/O package (DuckDB, resvg, csv-parse), a `format/` module, or (other than
 *    for types) an I/O module. A family's I/O modules are its `family.ts` (the wiring) and
 *    the files named `read-*.ts` (readers) or `run-*.ts` (engines and queries).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The layers from the bottom up; a module may import its own layer and the ones below. */
export const LAYERS = ['domain', 'core', 'format', 'families', 'config', 'analysis', 'report', 'pipeline', 'cli'] as const;

/** Rank of a layer: higher ranks import lower ones. `core` and `format` share a rank. */
const RANK: Readonly<Record<string, number>> = { domain: 0, core: 1, format: 1, families: 2, config: 3, analysis: 4, report: 5, pipeline: 6, cli: 7, index: 8 };

/** Layers whose modules never touch input or output. */
const PURE_LAYERS = new Set(['domain', 'core', 'analysis']);

/** Packages that do input or output, which pure modules must not import. */
const IO_PACKAGES = /^(@duckdb\/|@resvg\/|csv-parse|dejavu-fonts-ttf)/;

/** One import of a module: where it points (a module under the tree, or a package) and whether it is type-only. */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
}

/** All `.ts` files below a folder, as paths relative to it with `/` separators. */
export function sourceFiles(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    return e.isDirectory() ? sourceFiles(root, rel) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

const IMPORT = /(?:^|\n)[ \t]*(import|export)(\s+type)?\s+(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/**
 * The imports of one module's text: static `import`/`export … from`, side-effect imports and
 * dynamic `import('…')`; relative ones resolved to a path under the tree (`.js` → `.ts`).
 */
export function importsOf(file: string, text: string): ImportEdge[] {
  const out: ImportEdge[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4]!;
    const typeOnly = m[2] !== undefined;
    const to = spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts') : spec;
    out.push({ from: file, to, typeOnly });
  }
  return out;
}

/** The layer of a module path (`families/trade/family.ts` → `families`), `index` for the front door. */
export function layerOf(file: string): string {
  return file === 'index.ts' ? 'index' : file.split('/')[0]!;
}

/** The family folder a module belongs to (`trade` for `families/trade/x.ts`), or null. */
function familyOf(file: string): string | null {
  const parts = file.split('/');
  return parts[0] === 'families' && parts.length > 2 && parts[1] !== 'kit' ? parts[1]! : null;
}

/** True for a family's I/O module: `family.ts`, `read-*.ts` or `run-*.ts` inside `families/`. */
export function isFamilyIoModule(file: string): boolean {
  return file.startsWith('families/') && /(^|\/)(family|read-[^/]*|run-[^/]*)\.ts$/.test(file);
}

/** True when a module must stay pure (rule 4). */
export function isPureModule(file: string): boolean {
  const layer = layerOf(file);
  if (PURE_LAYERS.has(layer)) return true;
  if (layer !== 'families') return false;
  const inFolder = file.split('/').length > 2;
  return inFolder && !isFamilyIoModule(file);
}

/** Every cycle of the import graph, each as its modules in order (one cycle per strongly connected set). */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (!next.has(e.from)) next.set(e.from, []);
    next.get(e.from)!.push(e.to);
  }
  // Tarjan's strongly connected components
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      const selfLoop = (next.get(v) ?? []).includes(v);
      if (scc.length > 1 || selfLoop) cycles.push(scc.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}

/**
 * Checks a source tree against the rules above and returns one line per breach (empty when
 * the tree keeps them all).
 * @example checkArchitecture('src') // []
 */
export function checkArchitecture(root: string): string[] {
  const files = sourceFiles(root);
  const known = new Set(files);
  const edges = files.flatMap((f) => importsOf(f, readFileSync(path.join(root, f), 'utf8')));
  const local = edges.filter((e) => known.has(e.to));
  const bad: string[] = [];
  for (const f of files) if (!(layerOf(f) in RANK)) bad.push(`${f}: not in a layer (${LAYERS.join(', ')})`);
  for (const e of edges) {
    const from = layerOf(e.from);
    const what = `${e.from} imports ${e.to}${e.typeOnly ? ' (types)' : ''}`;
    if (known.has(e.to)) {
      const to = layerOf(e.to);
      if (e.to === 'index.ts') bad.push(`${what}: nothing imports the front door src/index.ts`);
      else if (from !== to && (RANK[to] ?? 99) >= (RANK[from] ?? -1)) bad.push(`${what}: ${from}/ may not import ${to}/ (imports run ${[...LAYERS].reverse().join(' → ')})`);
      const ff = familyOf(e.from);
      const ft = familyOf(e.to);
      if (ft !== null && ff !== ft && !(e.from === 'families/registry.ts' && e.to.endsWith('/family.ts'))) {
        bad.push(`${what}: a family folder is imported only by itself${ff === null ? '' : ''} (and its family.ts by the registry)`);
      }
      if (isPureModule(e.from) && !e.typeOnly && (to === 'format' || isFamilyIoModule(e.to))) bad.push(`${what}: a pure module imports an I/O module`);
    } else if (e.to.startsWith('.')) {
      bad.push(`${what}: no such module`);
    } else if (isPureModule(e.from) && (e.to.startsWith('node:') || IO_PACKAGES.test(e.to))) {
      bad.push(`${what}: a pure module imports an I/O package`);
    }
  }
  for (const c of importCycles(local)) bad.push(`import cycle: ${c.join(' ↔ ')}`);
  return bad;
}
