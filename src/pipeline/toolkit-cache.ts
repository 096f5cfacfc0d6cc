/**
 * Serving a toolkit command from the report folder's score cache (`score-cache.bin`, written
 * by `entente score`): the cache is used only when it was made by this Entente under this
 * config, as resolved now, from input files whose SHA-256 are those it records; otherwise the
 * command scores the panel again and says why.
 * @module
 */
import path from 'node:path';
import { configInputs, configSourceGlobs } from '../config/config-inputs.js';
import type { ResolvedConfig } from '../config/read-config.js';
import { createCrosswalk } from '../domain/crosswalk.js';
import { stateSystemOf } from '../domain/state-system.js';
import { hashFile } from '../format/hash-file.js';
import { CacheFormatError, readCacheFileHeader, readScoreCacheFile, SCORE_CACHE_FILE, type CacheFingerprint, type CacheHeader } from '../report/score-cache.js';
import { cacheFingerprint, runFromCache } from '../report/score-cache-record.js';
import type { ScoreRun } from '../report/score-run.js';

/** The run read from the cache, or why the panel must be scored again. */
export type CachedRunResult = { readonly run: ScoreRun; readonly file: string; readonly inputs: number } | { readonly run: null; readonly why: string };

/** Aggregations whose run the cache does not hold (their fitted model is not kept). */
const NOT_CACHED: Partial<Record<ResolvedConfig['aggregation'], string>> = {
  latent: 'the cache does not hold the fitted latent model (`aggregation: latent`)',
};

const FINGERPRINT_PARTS: readonly { readonly key: keyof CacheFingerprint; readonly what: string }[] = [
  { key: 'config', what: 'the config has changed' },
  { key: 'resolved', what: 'the config resolves otherwise' },
  { key: 'entente', what: 'it was made by another version of Entente' },
  { key: 'commit', what: 'it was made by another build of Entente' },
  { key: 'node', what: 'it was made under another version of Node.js' },
];

/**
 * The run of `config` from the score cache in `dir`, when the cache stands for it: same
 * fingerprint (config text, its resolution, Entente, Node), every input the config names
 * among those recorded, no glob among the source paths, and every recorded input with its
 * recorded SHA-256 (each file hashed in full). Never throws on a bad cache: it is a reason to
 * score again.
 * @example const got = await readCachedRun(config, 'reports/sample'); if (got.run === null) console.log(got.why);
 */
export async function readCachedRun(config: ResolvedConfig, dir: string): Promise<CachedRunResult> {
  const file = path.join(dir, SCORE_CACHE_FILE);
  const refused = NOT_CACHED[config.aggregation];
  if (refused !== undefined) return { run: null, why: refused };
  // the header first (a few kilobytes): a stale cache is recognised without reading its columns
  let header: CacheHeader;
  try {
    header = readCacheFileHeader(file);
  } catch (e) {
    if (e instanceof CacheFormatError) return { run: null, why: `${file} is not usable: ${e.message}` };
    const code = (e as NodeJS.ErrnoException).code;
    return { run: null, why: code === 'ENOENT' ? `${dir} has no score cache (${SCORE_CACHE_FILE}; \`entente score\` writes it)` : `${file} cannot be read (${code ?? String(e)})` };
  }
  try {
    const now = cacheFingerprint(config);
    const differs = FINGERPRINT_PARTS.find((p) => header.fingerprint[p.key] !== now[p.key]);
    if (differs) {
      const what = differs.key === 'resolved' ? resolvedDifference(header.fingerprint.resolved, now.resolved) : differs.what;
      return { run: null, why: `${what} since \`entente score\` wrote ${SCORE_CACHE_FILE}` };
    }
    const globs = configSourceGlobs(config);
    if (globs.length > 0) return { run: null, why: `${globs[0]} is a glob: files it matches now might not be those the cache was made from` };
    const recorded = header.indicators.flatMap((ind) => ind.inputs.map((f) => ({ ...f, id: ind.id, file: path.resolve(config.dir, f.path) })));
    if (header.indicators.map((i) => i.id).join('\u0000') !== config.indicators.map((i) => i.id).join('\u0000')) {
      return { run: null, why: 'the cache holds other indicators than the config' };
    }
    const known = new Set(recorded.map((f) => f.file));
    const unknown = configInputs(config).find((i) => !known.has(i.path));
    if (unknown) return { run: null, why: `the cache does not record ${unknown.key} (${unknown.written})` };
    const hashes = await Promise.all(recorded.map((f) => hashFile(f.file).catch(() => null)));
    const changed = recorded.findIndex((f, i) => hashes[i] !== f.sha256);
    if (changed >= 0) {
      const f = recorded[changed]!;
      return { run: null, why: `input ${f.path} (${f.id}: ${f.role}) ${hashes[changed] === null ? 'cannot be read' : 'has changed'} since \`entente score\` wrote ${SCORE_CACHE_FILE}` };
    }
    const decoded = readScoreCacheFile(file);
    const stateSystem = stateSystemOf(createCrosswalk({ succession: config.succession }));
    return { run: runFromCache(decoded, config, stateSystem), file, inputs: recorded.length };
  } catch (e) {
    if (e instanceof CacheFormatError) return { run: null, why: `${file} is not usable: ${e.message}` };
    return { run: null, why: `${file} is not usable (${(e as Error).message})` };
  }
}

/** What differs between two resolved configs of the fingerprint (their JSON), in words. */
function resolvedDifference(before: string, now: string): string {
  const WORDS: Readonly<Record<string, string>> = {
    years: 'years',
    states: 'states',
    pairs: 'pairs',
    data_dir: 'data folder (`data_dir:` or ENTENTE_DATA_DIR)',
    data_dir_from: 'data folder (`data_dir:` or ENTENTE_DATA_DIR)',
    command_line: 'command-line overrides (`entente score --pairs/--states/--from/--to`)',
  };
  try {
    const [a, b] = [JSON.parse(before) as Record<string, unknown>, JSON.parse(now) as Record<string, unknown>];
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    const words = [...new Set(keys.map((k) => WORDS[k] ?? k))];
    if (words.length > 0) return `the report was scored with other ${words.join(', ')}`;
  } catch {
    // an unreadable record: said plainly below
  }
  return 'the config resolves otherwise';
}
