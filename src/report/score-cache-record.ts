/**
 * What the score cache (`score-cache.ts`) records of a run, and the run it gives back: the
 * fingerprint a cache must match, the cache file of a run as a report file, and the
 * {@link ScoreRun} rebuilt from a decoded cache (everything the toolkit commands read; the
 * indicators' source values are not kept and throw when read).
 * @module
 */
import path from 'node:path';
import type { ResolvedConfig } from '../config/read-config.js';
import { DyadYearTable } from '../domain/dyad-year-table.js';
import type { IndicatorData } from '../domain/indicator-data.js';
import { WarningCollector } from '../core/warnings.js';
import type { ChunkedContent } from './report-content.js';
import { replicationRecord } from './replication.js';
import type { ScoreRun } from './score-run.js';
import { cacheHeader, encodeScoreCache, type CacheFingerprint, type CacheHeader, type DecodedCache } from './score-cache.js';
import { toolCommit, toolVersion } from './tool-version.js';
import type { ReportWriter } from './report-writer.js';

/**
 * The fingerprint of a config as this Entente resolves it: a cache made under another one
 * (another config text, data folder, years, states or pairs, Entente or Node) is not used.
 * @example cacheFingerprint(config).config === config.sha256 // true
 */
export function cacheFingerprint(config: ResolvedConfig): CacheFingerprint {
  const rec = replicationRecord(config);
  return { entente: toolVersion(), commit: toolCommit(), node: process.version, config: config.sha256, resolved: JSON.stringify({ ...rec.resolved, command_line: rec.command_line }) };
}

/** An input's path as the cache records it: relative to the config's folder, `/`-separated. */
export function cachedInputPath(config: Pick<ResolvedConfig, 'dir'>, file: string): string {
  return path.relative(config.dir, file).split(path.sep).join('/') || '.';
}

/**
 * The cache file of a run, as a report file written in chunks (see `score-cache.ts`); with a
 * {@link ReportWriter}, written on its thread when the folder is written.
 * @example files.set(SCORE_CACHE_FILE, scoreCacheContent(run));
 */
export function scoreCacheContent(run: ScoreRun, writer?: ReportWriter | null): ChunkedContent {
  let takeBack = (): boolean => false;
  // made once: by the writer thread's job, and again here only if this thread takes it back
  let made: { header: CacheHeader; flags: { keys: Float64Array; values: Float64Array }[][] } | null = null;
  const parts = () => (made ??= makeParts());
  const makeParts = () => {
    const inputs = (id: string) => (run.data.get(id)?.inputs ?? []).map((f) => ({ role: f.role, path: cachedInputPath(run.config, f.path), sha256: f.sha256 }));
    const header = cacheHeader(run, cacheFingerprint(run.config), inputs);
    const flags = run.config.indicators.map((ind) =>
      (run.data.get(ind.id)?.flags ?? []).map((f) => {
        const keys = f.table.sortedKeyArray();
        return { keys, values: Float64Array.from(keys, (k) => f.table.getByKey(k)!) };
      }),
    );
    return { header, flags };
  };
  return {
    kind: 'chunked',
    write(sink) {
      const { header, flags } = parts();
      encodeScoreCache(header, run.table, flags, sink);
    },
    // the writer thread writes it after alignment.csv, unless this thread is free first
    ...(writer
      ? {
          async writeFile(file: string) {
            const { header, flags } = parts();
            const job = writer.writeOrTakeBack(file, { kind: 'cache', header, table: writer.share(run.table), flags }, false);
            takeBack = job.takeBack;
            await job.done;
          },
          takeBack: () => takeBack(),
        }
      : {}),
  };
}

/** A value the cache does not keep: reading it is a bug of the command that read the cache. */
function notKept(what: string): never {
  throw new Error(`${what} is not kept in the score cache; a command that reads it must score the panel again`);
}

/**
 * The run a decoded cache stands for, under the config it was checked against: the table, the
 * indicators' inputs, coverage, notes, provenance and flags, the warnings, the calibration.
 * The indicators' source values (`values`, `extras`) are not kept: reading them throws.
 * @example const run = runFromCache(readScoreCacheFile(file), config, stateSystem);
 */
export function runFromCache(cache: DecodedCache, config: ResolvedConfig, stateSystem: ScoreRun['stateSystem']): ScoreRun {
  const data = new Map<string, IndicatorData>();
  cache.header.indicators.forEach((ind, i) => {
    const flags = ind.flags.map((f, k) => {
      const cols = cache.flags[i]![k]!;
      const table = new DyadYearTable(f.directed, f.size);
      cols.keys.forEach((key, r) => table.setByKey(key, cols.values[r]!));
      return { kind: f.kind, description: f.description, table };
    });
    const d = {
      coverage: ind.coverage,
      zeroInsideCoverage: ind.zeroInsideCoverage,
      inputs: ind.inputs.map((f) => ({ role: f.role, path: path.resolve(config.dir, f.path), sha256: f.sha256 })),
      notes: ind.notes,
      ...(ind.details !== undefined ? { details: ind.details } : {}),
      ...(ind.flags.length > 0 ? { flags } : {}),
      ...(ind.provenance !== undefined ? { provenance: ind.provenance } : {}),
    };
    // not enumerable: printing or copying the data does not read them
    Object.defineProperty(d, 'values', { get: () => notKept(`the source values of ${ind.id}`) });
    Object.defineProperty(d, 'extras', { get: () => notKept(`the source columns of ${ind.id}`) });
    data.set(ind.id, d as unknown as IndicatorData);
  });
  const warnings = new WarningCollector();
  for (const { warning, count } of cache.header.warnings) for (let k = 0; k < count; k++) warnings.add(warning);
  return {
    config,
    data,
    table: cache.table,
    sample: cache.header.sample,
    warnings,
    stateSystem,
    ...(cache.header.calibration ? { calibration: cache.header.calibration } : {}),
  };
}
