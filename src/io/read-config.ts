import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isAlias, isMap, isPair, isScalar, visit, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { configSchema, INDICATOR_COMMON_KEYS, reportNameFromFile, type RawConfig } from '../core/config.js';
import { compileFormula, type CompiledFormula } from '../core/formula.js';
import { mathjsParser } from './formula-parser.js';
import { ConfigError, FormulaError, type Problem } from '../errors.js';
import { hashText } from './hash-file.js';
import type { Family, IndicatorSpec, SourceSpec } from '../indicators/family.js';
import type { NormaliserName } from '../core/normalise.js';
import type { CombineName } from '../core/combine.js';
import type { AggregationName } from '../core/aggregate.js';
import type { Iso3 } from '../domain/country.js';
import type { YearRange } from '../domain/year.js';
import { families } from './families/registry.js';

/** One indicator after validation, with its family resolved. */
export interface ResolvedIndicator {
  readonly id: string;
  readonly family: Family;
  readonly spec: IndicatorSpec;
  readonly weight: number;
  readonly normalise: NormaliserName;
  readonly goalposts: { readonly min: number; readonly max: number } | undefined;
  readonly polarity: 'positive' | 'negative';
  readonly combine: CombineName;
  readonly lag: number | undefined;
  readonly window: number | undefined;
  readonly halfLife: number | undefined;
}

/** The config as used by a run: validated, defaults filled, paths resolvable. */
export interface ResolvedConfig {
  /** The config file's path as given. */
  readonly file: string;
  /** Folder relative paths in the config are resolved against. */
  readonly dir: string;
  /** Data prefix for source paths (`data_dir:` or `ENTENTE_DATA_DIR`), absolute, or null. */
  readonly dataDir: string | null;
  /** The exact text of the config file and its SHA-256. */
  readonly text: string;
  readonly sha256: string;
  /** The parsed config with defaults, as used (goes into datapackage.json). */
  readonly raw: RawConfig;
  readonly name: string;
  readonly years: YearRange | null;
  readonly states: readonly Iso3[] | null;
  readonly pairs: readonly (readonly [Iso3, Iso3])[] | null;
  readonly scale: readonly [number, number];
  readonly aggregation: AggregationName;
  readonly formula: CompiledFormula | null;
  readonly minCoverage: number;
  readonly precision: number;
  readonly seed: number;
  readonly geometricFloor: number;
  readonly succession: Readonly<Record<string, string>>;
  readonly wide: boolean;
  readonly smoothIndex: number | undefined;
  readonly sampleDeclared: boolean;
  readonly indicators: readonly ResolvedIndicator[];
}

/**
 * Reads and validates a config file (YAML or JSON). Every problem is reported with
 * `file:line:col: key.path: what was expected`, all at once.
 * @throws {ConfigError} listing every problem.
 */
export async function readConfig(file: string, env: NodeJS.ProcessEnv = process.env): Promise<ResolvedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const hint = (e as NodeJS.ErrnoException).code === 'ENOENT' ? '; run in the project folder or pass --config FILE' : '';
    throw new ConfigError([{ file, line: 0, message: `cannot read the config file: ${(e as Error).message}${hint}` }]);
  }
  return parseConfigText(text, file, env);
}

/** Validates config text (see {@link readConfig}); `file` is used in messages and for relative paths. */
export function parseConfigText(text: string, file: string, env: NodeJS.ProcessEnv = process.env): ResolvedConfig {
  const lineCounter = new LineCounter();
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  for (const err of doc.errors) {
    const pos = err.linePos?.[0] ?? lineCounter.linePos(err.pos[0]);
    problems.push({ file, line: pos.line, column: pos.col, message: `not valid YAML/JSON: ${err.message.split('\n')[0]}` });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const data = configData(doc, lineCounter, file);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError([{ file, line: 1, column: 1, message: 'the config must be a mapping of keys (name, indicators, …)' }]);
  }
  const locate = (p: readonly PropertyKey[], key?: string): { line: number; column: number } => locateNode(doc, lineCounter, p, key);
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, [], file, locate));
    throw new ConfigError(problems);
  }
  const raw = parsed.data;
  const indicators: ResolvedIndicator[] = [];
  for (const [id, block] of Object.entries(raw.indicators)) {
    const at = ['indicators', id];
    const family = Object.hasOwn(families, block.family) ? families[block.family] : undefined; // not `__proto__`, `constructor`…
    if (!family) {
      const pos = locate([...at, 'family']);
      problems.push({ file, ...pos, path: `${at.join('.')}.family`, message: `unknown family "${block.family}"; expected one of ${Object.keys(families).join(', ')}` });
      continue;
    }
    const measure = block.measure ?? family.measures[0]!;
    if (!family.measures.includes(measure)) {
      const pos = locate([...at, 'measure']);
      problems.push({ file, ...pos, path: `${at.join('.')}.measure`, message: `unknown measure "${measure}" for family ${family.name}; expected one of ${family.measures.join(', ')}` });
    }
    const rest: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(block)) if (!INDICATOR_COMMON_KEYS.includes(k)) rest[k] = v;
    const opts = family.optionsSchema.safeParse(rest);
    if (!opts.success) problems.push(...zodProblems(opts.error, at, file, locate));
    const sourceBlocks = block.sources ?? (block.source ? [block.source] : []);
    const sourcePath = block.sources ? [...at, 'sources'] : [...at, 'source'];
    const sources: SourceSpec[] = [];
    sourceBlocks.forEach((s, i) => {
      const p = block.sources ? [...sourcePath, i] : sourcePath;
      if (!family.formats.includes(s.format)) {
        const pos = locate([...p, 'format']);
        problems.push({ file, ...pos, path: `${p.join('.')}.format`, message: `unknown format "${s.format}" for family ${family.name}; expected one of ${family.formats.join(', ')}` });
        return;
      }
      const r = family.sourceSchema.safeParse(s);
      if (!r.success) problems.push(...zodProblems(r.error, p, file, locate));
      else sources.push(r.data as SourceSpec);
    });
    if (!opts.success) continue;
    indicators.push({
      id,
      family,
      spec: { id, family: family.name, sources, measure, options: opts.data as Record<string, unknown> },
      weight: block.weight,
      normalise: block.normalise as NormaliserName,
      goalposts: block.goalposts,
      polarity: block.polarity,
      combine: block.combine as CombineName,
      lag: block.lag,
      window: block.window,
      halfLife: block.half_life,
    });
  }
  let formula: CompiledFormula | null = null;
  if (raw.aggregation === 'formula' && raw.formula !== undefined) {
    try {
      formula = compileFormula(mathjsParser(), raw.formula, Object.keys(raw.indicators));
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      const pos = locate(['formula']);
      // the formula's text starts after `formula: ` and an optional quote
      const node = doc.getIn(['formula'], true) as YamlNode | undefined;
      const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') ? 1 : 0;
      const column = e.position !== null ? pos.column + quoted + e.position : pos.column;
      problems.push({ file, line: pos.line, column, path: 'formula', message: e.message });
    }
  }
  if (raw.formula !== undefined && raw.aggregation !== 'formula') {
    problems.push({ file, ...locate(['formula']), path: 'formula', message: '`formula:` is only used with `aggregation: formula`' });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const dir = path.dirname(path.resolve(file));
  // ENTENTE_DATA_DIR overrides `data_dir:` of a config that declares one (never the sample's paths)
  const dataDirRaw = raw.data_dir === undefined ? null : env.ENTENTE_DATA_DIR || raw.data_dir;
  const dataDir = dataDirRaw === null ? null : path.resolve(env.ENTENTE_DATA_DIR ? process.cwd() : dir, dataDirRaw);
  const name = raw.name ?? reportNameFromFile(path.basename(file));
  return {
    file,
    dir,
    dataDir,
    text,
    sha256: hashText(text),
    raw,
    name,
    years: raw.years ?? null,
    states: (raw.states as Iso3[] | undefined) ?? null,
    pairs: raw.pairs ? raw.pairs.map((p) => p.split('-') as unknown as readonly [Iso3, Iso3]) : null,
    scale: raw.scale,
    aggregation: raw.aggregation as AggregationName,
    formula,
    minCoverage: raw.min_coverage,
    precision: raw.precision,
    seed: raw.seed,
    geometricFloor: raw.geometric_floor,
    succession: raw.succession ?? {},
    wide: raw.wide,
    smoothIndex: raw.smooth_index,
    sampleDeclared: raw.sample === true,
    indicators,
  };
}

type Locate = (p: readonly PropertyKey[], key?: string) => { line: number; column: number };

/**
 * The document as plain data. yaml parses an alias without its anchor (`*a` before or
 * without `&a`) or an alias bomb without an error, then throws a ReferenceError here; and it
 * drops a `__proto__` key (or makes its value the prototype), so that key is refused first,
 * as is a list or mapping used as a key (yaml would stringify it with a process warning).
 * @throws {ConfigError} at every `__proto__` or non-text key, or at the first alias that does not resolve.
 */
function configData(doc: Document, lc: LineCounter, file: string): unknown {
  const protoKeys: Problem[] = [];
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.value === '__proto__') {
        const { line, col } = lc.linePos(pair.key.range?.[0] ?? 0);
        protoKeys.push({ file, line, column: col, message: '"__proto__" cannot be a key (it would be dropped without a word); rename it' });
      } else if (pair.key !== null && !isScalar(pair.key) && !isAlias(pair.key)) {
        // `? [a, b]: 1` or `{x: 1}: 2`: yaml would turn the key into text with a process warning
        const { line, col } = lc.linePos((pair.key as YamlNode).range?.[0] ?? 0);
        protoKeys.push({ file, line, column: col, message: 'a key must be plain text, not a list or a mapping; write the key as a word' });
      }
    },
  });
  if (protoKeys.length > 0) throw new ConfigError(protoKeys);
  try {
    return doc.toJS();
  } catch (e) {
    let at: number | null = null;
    visit(doc, {
      Alias(_key, node) {
        at ??= node.range?.[0] ?? null;
        if (node.range && node.resolve(doc) === undefined) {
          at = node.range[0];
          return visit.BREAK;
        }
        return undefined;
      },
    });
    const { line, col } = lc.linePos(at ?? 0);
    throw new ConfigError([{ file, line, column: col, message: `not valid YAML/JSON: ${(e as Error).message}; define each anchor (&name) before its aliases (*name), or write the value out` }]);
  }
}

function zodProblems(error: z.ZodError, prefix: readonly PropertyKey[], file: string, locate: Locate): Problem[] {
  const out: Problem[] = [];
  for (const issue of error.issues) {
    const full = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const pos = locate(full, key);
        out.push({ file, ...pos, path: [...full, key].join('.'), message: `unknown key "${key}"; check the spelling (see the config reference in README.md)` });
      }
      continue;
    }
    const pos = locate(full);
    out.push({ file, ...pos, path: full.length > 0 ? full.join('.') : '(top level)', message: issue.message });
  }
  return out;
}

/** Line and column of the node at `p` (or of the key `key` inside it); falls back to the nearest parent. */
function locateNode(doc: Document, lc: LineCounter, p: readonly PropertyKey[], key?: string): { line: number; column: number } {
  const at = (offset: number) => {
    const { line, col } = lc.linePos(offset);
    return { line, column: col };
  };
  for (let n = p.length; n >= 0; n--) {
    const node = (n === 0 ? doc.contents : doc.getIn(p.slice(0, n) as unknown[], true)) as YamlNode | null | undefined;
    if (!node) continue;
    if (key !== undefined && n === p.length && isMap(node)) {
      const item = node.items.find((it) => isPair(it) && isScalar(it.key) && it.key.value === key);
      if (item && isScalar(item.key) && item.key.range) return at(item.key.range[0]);
    }
    if (n === p.length && n > 0) {
      // point at the key of the value when possible, else the value
      const parent = (n === 1 ? doc.contents : doc.getIn(p.slice(0, n - 1) as unknown[], true)) as YamlNode | null | undefined;
      if (parent && isMap(parent)) {
        const last = p[n - 1];
        const item = parent.items.find((it) => isPair(it) && isScalar(it.key) && it.key.value === last);
        if (item && isScalar(item.value) && item.value.range) return at(item.value.range[0]);
      }
    }
    if (node.range) return at(node.range[0]);
  }
  return { line: 1, column: 1 };
}

/** Resolves a source path: absolute stays, else against the data prefix or the config's folder. */
export function resolveSourcePath(config: Pick<ResolvedConfig, 'dir' | 'dataDir'>, p: string): string {
  if (path.isAbsolute(p)) return p;
  return path.resolve(config.dataDir ?? config.dir, p);
}
