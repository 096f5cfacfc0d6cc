import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isAlias, isMap, isPair, isScalar, isSeq, visit, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { configSchema, INDICATOR_COMMON_KEYS, reportNameFromFile, type RawConfig } from './schema.js';
import { compileFormula, type CompiledFormula } from '../core/formula.js';
import { mathjsParser } from './formula-parser.js';
import { ConfigError, FormulaError, type Problem } from '../domain/errors.js';
import { hashText } from '../format/hash-file.js';
import type { Family, IndicatorSpec, SourceSpec } from '../families/family.js';
import type { NormaliserName, QuantileLevels } from '../core/normalise.js';
import type { CombineName } from '../core/combine.js';
import type { AggregationName } from '../core/aggregate.js';
import type { PanelName } from '../core/score.js';
import { DEFAULT_MAX_AGE, type ImputeSpec } from '../core/impute.js';
import type { Iso3 } from '../domain/country.js';
import { createCrosswalk } from '../domain/crosswalk.js';
import { lookupPair, lookupState } from '../domain/state-lookup.js';
import { stateSystemOf } from '../domain/state-system.js';
import type { YearRange } from '../domain/year.js';
import { families } from '../families/families.js';
import { DEFAULTS } from '../domain/defaults.js';
import { latentSettings, type LatentSettings } from './latent-config.js';
import type { LatentEntry } from '../core/latent/latent-score.js';

/** One indicator after validation, with its family resolved. */
export interface ResolvedIndicator {
  readonly id: string;
  readonly family: Family;
  readonly spec: IndicatorSpec;
  readonly weight: number;
  readonly normalise: NormaliserName;
  readonly goalposts: { readonly min: number; readonly max: number } | undefined;
  /** `goalposts: { min_quantile, max_quantile }`: bounds from the pool's quantiles. */
  readonly goalpostQuantiles?: QuantileLevels | undefined;
  /** `winsorise: { lower, upper }`: quantile levels of the pool. */
  readonly winsorise?: QuantileLevels | undefined;
  /** `pool_exclude:`: flagged pair-years left out of the pool the normaliser is fitted on. */
  readonly poolExclude?: readonly string[] | undefined;
  readonly polarity: 'positive' | 'negative';
  readonly combine: CombineName;
  readonly lag: number | undefined;
  readonly window: number | undefined;
  readonly halfLife: number | undefined;
  /** `impute:` and `max_age:` (method `none` when not configured). */
  readonly impute: ImputeSpec;
  /** How it enters `aggregation: latent` (default `linear`). */
  readonly latent: LatentEntry;
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
  /** `min_indicators`: fewer indicators of positive weight present → no index. */
  readonly minIndicators: number;
  readonly precision: number;
  readonly seed: number;
  readonly geometricFloor: number;
  readonly succession: Readonly<Record<string, string>>;
  readonly wide: boolean;
  readonly smoothIndex: number | undefined;
  /** `chain.reference_year` (undefined = the year of the fullest basket). */
  readonly chainReferenceYear: number | undefined;
  /** `panel:` observed pair-years only (default) or every pair of existing states (see core/score.ts). */
  readonly panel: PanelName;
  /** `weights_calibration:` — `effective` calibrates the weights (see analysis/weight-calibration.ts). */
  readonly weightsCalibration?: 'none' | 'effective' | undefined;
  /** Settings of `aggregation: latent` (defaults when the block is absent). */
  readonly latent: LatentSettings;
  readonly sampleDeclared: boolean;
  readonly indicators: readonly ResolvedIndicator[];
  /** `--columns lean`: alignment.csv holds only the keys, the index and the coverage (absent = every column). */
  readonly columns?: 'lean' | undefined;
  /** The command-line overrides applied (`--pairs`, `--states`, `--from`, `--to`, `--columns lean`) as given, for the record; absent when none. */
  readonly commandLine?: Readonly<Record<string, string | number>>;
}

/**
 * Reads and validates a config file (YAML or JSON). Every problem is reported with
 * `file:line:col: key.path: what was expected`, all at once.
 * @throws {ConfigError} listing every problem.
 */
export async function readConfig(file: string, env: NodeJS.ProcessEnv = process.env): Promise<ResolvedConfig> {
  let text: string;
  try {
    const size = (await stat(file)).size;
    if (size > MAX_CONFIG_BYTES) throw configTooLarge(file, size);
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    const hint = (e as NodeJS.ErrnoException).code === 'ENOENT' ? '; run in the project folder or pass --config FILE' : '';
    throw new ConfigError([{ file, line: 0, message: `cannot read the config file: ${(e as Error).message}${hint}` }]);
  }
  return parseConfigText(text, file, env);
}

/**
 * The largest config file read: 4 MiB. A config is a few KB; a list of every pair of states
 * is about 300 KB. Bounds the time and memory of the YAML parser.
 */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/**
 * The problems of a config, reported together: the first {@link DEFAULTS.maxErrors} located
 * (locating one searches the document), the rest counted.
 */
class ConfigProblems {
  readonly kept: Problem[] = [];
  omitted = 0;

  /** Adds a problem; `make` (which locates it) runs only for a problem that is kept. */
  add(make: () => Problem): void {
    if (this.kept.length < DEFAULTS.maxErrors) this.kept.push(make());
    else this.omitted++;
  }

  get any(): boolean {
    return this.kept.length > 0;
  }

  /** The error listing every kept problem and the count of the others. */
  error(): ConfigError {
    return new ConfigError(this.kept, this.omitted);
  }

  /** @throws {ConfigError} ({@link error}) when there is any problem. */
  throwIfAny(): void {
    if (this.any) throw this.error();
  }
}

/** Validates config text (see {@link readConfig}); `file` is used in messages and for relative paths. */
export function parseConfigText(text: string, file: string, env: NodeJS.ProcessEnv = process.env): ResolvedConfig {
  if (text.length > MAX_CONFIG_BYTES) throw configTooLarge(file, text.length);
  const lineCounter = new LineCounter();
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // yaml's own `uniqueKeys` check compares every key of a mapping with every other (40,000
  // keys: minutes); duplicates are found in one pass by `duplicateKeys` instead
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const problems = new ConfigProblems();
  for (const err of doc.errors) {
    problems.add(() => {
      const pos = err.linePos?.[0] ?? lineCounter.linePos(err.pos[0]);
      // the YAML parser reads nesting recursively and reports running out of stack as an error
      const what = /Maximum call stack/.test(err.message) ? TOO_DEEP : err.message.split('\n')[0];
      return { file, line: pos.line, column: pos.col, message: `not valid YAML/JSON: ${what}` };
    });
  }
  problems.throwIfAny();
  checkDepth(doc, lineCounter, file); // before anything walks the document recursively
  duplicateKeys(doc, lineCounter, file, problems);
  problems.throwIfAny();
  const data = configData(doc, lineCounter, file);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError([{ file, line: 1, column: 1, message: 'the config must be a mapping of keys (name, indicators, …)' }]);
  }
  const locate = (p: readonly PropertyKey[], key?: string): { line: number; column: number } => locateNode(doc, lineCounter, p, key);
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    zodProblems(parsed.error, [], file, locate, problems);
    throw problems.error();
  }
  const raw = parsed.data;
  const indicators: ResolvedIndicator[] = [];
  for (const [id, block] of Object.entries(raw.indicators)) {
    const at = ['indicators', id];
    const family = Object.hasOwn(families, block.family) ? families[block.family] : undefined; // not `__proto__`, `constructor`…
    if (!family) {
      problems.add(() => ({ file, ...locate([...at, 'family']), path: `${at.join('.')}.family`, message: `unknown family "${block.family}"; expected one of ${Object.keys(families).join(', ')}` }));
      continue;
    }
    const measure = block.measure ?? family.measures[0]!;
    if (!family.measures.includes(measure)) {
      problems.add(() => ({ file, ...locate([...at, 'measure']), path: `${at.join('.')}.measure`, message: `unknown measure "${measure}" for family ${family.name}; expected one of ${family.measures.join(', ')}` }));
    }
    const rest: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(block)) if (!INDICATOR_COMMON_KEYS.includes(k)) rest[k] = v;
    const opts = family.optionsSchema.safeParse(rest);
    if (!opts.success) zodProblems(opts.error, at, file, locate, problems);
    const sourceBlocks = block.sources ?? (block.source ? [block.source] : []);
    const sourcePath = block.sources ? [...at, 'sources'] : [...at, 'source'];
    const sources: SourceSpec[] = [];
    sourceBlocks.forEach((s, i) => {
      const p = block.sources ? [...sourcePath, i] : sourcePath;
      if (!family.formats.includes(s.format)) {
        problems.add(() => ({ file, ...locate([...p, 'format']), path: `${p.join('.')}.format`, message: `unknown format "${s.format}" for family ${family.name}; expected one of ${family.formats.join(', ')}` }));
        return;
      }
      const r = family.sourceSchema.safeParse(s);
      if (!r.success) zodProblems(r.error, p, file, locate, problems);
      else sources.push(r.data as SourceSpec);
    });
    if (!opts.success) continue;
    // a family may set the polarity of a measure (e.g. a distance is negative) unless the block does
    const given = (data as { indicators?: Record<string, Record<string, unknown>> }).indicators?.[id];
    if (given?.['polarity'] === undefined && family.measures.includes(measure)) block.polarity = family.defaultPolarity?.(measure) ?? block.polarity;
    indicators.push({
      id,
      family,
      spec: { id, family: family.name, sources, measure, options: opts.data as Record<string, unknown> },
      weight: block.weight,
      normalise: block.normalise as NormaliserName,
      goalposts: block.goalposts && 'min' in block.goalposts ? block.goalposts : undefined,
      goalpostQuantiles: block.goalposts && 'min_quantile' in block.goalposts ? { lower: block.goalposts.min_quantile, upper: block.goalposts.max_quantile } : undefined,
      winsorise: block.winsorise,
      poolExclude: block.pool_exclude,
      polarity: block.polarity,
      combine: block.combine as CombineName,
      lag: block.lag,
      window: block.window,
      halfLife: block.half_life,
      impute: { method: block.impute ?? 'none', maxAge: block.max_age ?? DEFAULT_MAX_AGE },
      latent: block.latent ?? 'linear',
    });
  }
  if (raw.aggregation === 'latent') latentProblems(raw, indicators, file, locate, problems);
  let formula: CompiledFormula | null = null;
  if (raw.aggregation === 'formula' && raw.formula !== undefined) {
    try {
      formula = compileFormula(mathjsParser(), raw.formula, Object.keys(raw.indicators));
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      problems.add(() => {
        const pos = locate(['formula']);
        // the formula's text starts after `formula: ` and an optional quote
        const node = doc.getIn(['formula'], true) as YamlNode | undefined;
        const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') ? 1 : 0;
        const column = e.position !== null ? pos.column + quoted + e.position : pos.column;
        return { file, line: pos.line, column, path: 'formula', message: e.message };
      });
    }
  }
  if (raw.formula !== undefined && raw.aggregation !== 'formula') {
    problems.add(() => ({ file, ...locate(['formula']), path: 'formula', message: '`formula:` is only used with `aggregation: formula`' }));
  }
  const chosen = chosenStates(raw, file, locate, problems);
  problems.throwIfAny();
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
    states: chosen.states,
    pairs: chosen.pairs,
    scale: raw.scale,
    aggregation: raw.aggregation as AggregationName,
    formula,
    minCoverage: raw.min_coverage,
    minIndicators: raw.min_indicators ?? 1,
    precision: raw.precision,
    seed: raw.seed,
    geometricFloor: raw.geometric_floor,
    succession: raw.succession ?? {},
    wide: raw.wide,
    smoothIndex: raw.smooth_index,
    chainReferenceYear: raw.chain?.reference_year,
    panel: raw.panel,
    weightsCalibration: raw.weights_calibration,
    latent: latentSettings(raw.latent),
    sampleDeclared: raw.sample === true,
    indicators,
  };
}

/**
 * The checks of `aggregation: latent` that need the indicators: at least one indicator in the
 * model, `latent.sign` naming one of them, and `two_part` only on a positive measure (its 0
 * must mean none).
 */
function latentProblems(raw: RawConfig, indicators: readonly ResolvedIndicator[], file: string, locate: Locate, problems: ConfigProblems): void {
  const inModel = indicators.filter((i) => i.latent !== 'none').map((i) => i.id);
  if (inModel.length === 0) {
    problems.add(() => ({ file, ...locate(['indicators']), path: 'indicators', message: '`aggregation: latent` needs at least one indicator in the model; every one has `latent: none`' }));
  }
  const sign = raw.latent?.sign;
  if (sign !== undefined && !inModel.includes(sign)) {
    problems.add(() => ({ file, ...locate(['latent', 'sign']), path: 'latent.sign', message: `"${sign}" is not an indicator in the latent model; expected one of ${inModel.join(', ')}` }));
  }
  for (const ind of indicators) {
    if (ind.latent === 'two_part' && ind.polarity === 'negative') {
      problems.add(() => ({ file, ...locate(['indicators', ind.id, 'latent']), path: `indicators.${ind.id}.latent`, message: '`two_part` splits a measure into presence (> 0) and intensity, so it needs a positive measure whose 0 means none; this one has negative polarity — use `linear` or `rank_normal`' }));
    }
  }
}

function configTooLarge(file: string, size: number): ConfigError {
  const n = (x: number) => x.toLocaleString('en-US');
  return new ConfigError([{ file, line: 0, message: `the config file is ${n(size)} bytes, more than the ${n(MAX_CONFIG_BYTES)} (4 MiB) a config may have; a config is a few KB — check that this is the config file` }]);
}

type Locate = (p: readonly PropertyKey[], key?: string) => { line: number; column: number };

/**
 * The config's `states:` and `pairs:` read through the crosswalk of its succession rules (ISO3
 * codes or unambiguous names; see `domain/state-lookup.ts`), each unknown one a problem at its
 * line with the closest spellings; a bad `succession:` is a problem at its line.
 */
function chosenStates(raw: RawConfig, file: string, locate: Locate, problems: ConfigProblems): { states: Iso3[] | null; pairs: (readonly [Iso3, Iso3])[] | null } {
  let crosswalk;
  try {
    crosswalk = createCrosswalk({ succession: raw.succession ?? {} });
  } catch (e) {
    problems.add(() => ({ file, ...locate(['succession']), path: 'succession', message: (e as Error).message }));
    return { states: null, pairs: null };
  }
  if (raw.states === undefined && raw.pairs === undefined) return { states: null, pairs: null };
  const system = stateSystemOf(crosswalk);
  let states: Iso3[] | null = null;
  if (raw.states !== undefined) {
    const found = new Set<Iso3>();
    raw.states.forEach((s, i) => {
      const r = lookupState(s, crosswalk, system);
      if (r.ok) found.add(r.state);
      else problems.add(() => ({ file, ...locate(['states', i]), path: `states.${i}`, message: r.message }));
    });
    states = [...found];
    if (states.length === 1 && raw.states.length > 1) {
      problems.add(() => ({ file, ...locate(['states']), path: 'states', message: `every state listed is ${states![0]} after the succession rules; a pair needs two different states` }));
    }
  }
  let pairs: (readonly [Iso3, Iso3])[] | null = null;
  if (raw.pairs !== undefined) {
    pairs = [];
    for (const [i, p] of raw.pairs.entries()) {
      const r = lookupPair(p, crosswalk, system);
      if (r.ok) pairs.push(r.pair);
      else problems.add(() => ({ file, ...locate(['pairs', i]), path: `pairs.${i}`, message: r.message }));
    }
  }
  return { states, pairs };
}

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

function zodProblems(error: z.ZodError, prefix: readonly PropertyKey[], file: string, locate: Locate, problems: ConfigProblems): void {
  for (const issue of error.issues) {
    const full = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.add(() => ({ file, ...locate(full, key), path: [...full, key].join('.'), message: `unknown key "${key}"; check the spelling (see the config reference in README.md)` }));
      }
      continue;
    }
    // a bad key of a record (`succession: { Q0: RUS }`): zod says "Invalid key in record"; its own issue says why
    const inner = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
    const message = inner !== undefined ? `the key is not valid: ${inner}` : issue.message;
    const at = () => (inner !== undefined && full.length > 0 ? locate(full.slice(0, -1), String(full[full.length - 1])) : locate(full));
    problems.add(() => ({ file, ...at(), path: full.length > 0 ? full.join('.') : '(top level)', message }));
  }
}

/** How deep lists and mappings may nest in a config: a config nests 6 levels at most. */
export const MAX_CONFIG_DEPTH = 32;

const TOO_DEEP = `lists or mappings nest too deeply (a config nests a few levels; at most ${MAX_CONFIG_DEPTH})`;

/**
 * Refuses a document whose lists and mappings nest more than {@link MAX_CONFIG_DEPTH} levels,
 * walking it with an explicit stack (the document's own walkers recurse, and would run out of
 * stack on thousands of levels).
 * @throws {ConfigError} at the first node too deep.
 */
function checkDepth(doc: Document, lc: LineCounter, file: string): void {
  const pending: [unknown, number][] = [[doc.contents, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= MAX_CONFIG_DEPTH) {
      const { line, col } = lc.linePos((node as YamlNode).range?.[0] ?? 0);
      throw new ConfigError([{ file, line, column: col, message: TOO_DEEP }]);
    }
    for (const item of node.items as unknown[]) {
      if (isPair(item)) pending.push([item.key, depth + 1], [item.value, depth + 1]);
      else pending.push([item, depth + 1]);
    }
  }
}

/**
 * Finds keys repeated in a mapping, in one pass per mapping (a set of the keys seen), and
 * reports each repeat where it stands with the line of the first.
 */
function duplicateKeys(doc: Document, lc: LineCounter, file: string, problems: ConfigProblems): void {
  visit(doc, {
    Map(_key, map) {
      const first = new Map<unknown, number>();
      for (const item of map.items) {
        if (!isScalar(item.key)) continue;
        const k = item.key.value;
        const at = item.key.range?.[0] ?? 0;
        const seen = first.get(k);
        if (seen === undefined) first.set(k, at);
        else {
          problems.add(() => {
            const { line, col } = lc.linePos(at);
            return { file, line, column: col, message: `duplicate key "${String(k)}" (first at line ${lc.linePos(seen).line}); keep one` };
          });
        }
      }
    },
  });
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
