/**
 * `entente rerun <report>/datapackage.json`: re-scores a report from its replication record
 * (`entente.replication`, see `report/replication.ts`) — the same config (found by its
 * SHA-256), the same command-line overrides and data folder — after checking that every input
 * file still has the SHA-256 the package lists, then writes the report (replacing the folder
 * under the usual rules, or into `--out`) and compares each file with the report it came from.
 * @module
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError, UsageError } from '../domain/errors.js';
import { hashFile } from '../format/hash-file.js';
import { readConfig, type ResolvedConfig } from '../config/read-config.js';
import { packageSources } from '../report/datapackage.js';
import { parseMarker, prepareReport, replaceReport, REPORT_MARKER } from '../report/report-folder.js';
import type { ReplicationRecord } from '../report/replication.js';
import type { ScoreRun } from '../report/score-run.js';
import type { Iso3 } from '../domain/country.js';
import type { ProgressFn } from './load-indicators.js';
import { computeScore, reportContents, runInputs } from './score.js';

/** Options of {@link runRerun}. */
export interface RerunOptions {
  /** Where to write (default: the folder of the package, replaced). */
  readonly out?: string | undefined;
  /** The config file to use when it is not where the report says (it must have the recorded SHA-256). */
  readonly config?: string | undefined;
  readonly force?: boolean | undefined;
  readonly note?: ((text: string) => void) | undefined;
}

/** How the rerun's files compare with the report's. */
export interface RerunComparison {
  /** Files with the same bytes. */
  readonly same: readonly string[];
  /** Files whose bytes differ. */
  readonly differ: readonly string[];
  /** Files of the report the rerun did not write, and files it wrote that the report had not. */
  readonly missing: readonly string[];
  readonly added: readonly string[];
}

/** What a rerun did. */
export interface RerunResult {
  readonly run: ScoreRun;
  readonly outDir: string;
  readonly configFile: string;
  readonly comparison: RerunComparison;
}

interface PackageJson {
  sources?: { title?: string; path?: string; sha256?: string }[];
  entente?: { config?: { path?: string; sha256?: string }; replication?: ReplicationRecord };
}

/**
 * Re-scores the report whose `datapackage.json` is `pkgFile` (or the folder holding it).
 * @throws {InputError} naming the first input (or the config) whose SHA-256 differs from the
 *   recorded one, or that is gone — before anything is written.
 * @throws {UsageError} when the package has no replication record or the config cannot be found.
 * @example const r = await runRerun('reports/sample/datapackage.json'); r.comparison.differ // []
 */
export async function runRerun(pkgFile: string, o: RerunOptions = {}, progress?: ProgressFn): Promise<RerunResult> {
  const file = isFolder(pkgFile) ? path.join(pkgFile, 'datapackage.json') : pkgFile;
  const folder = path.dirname(path.resolve(file));
  let pkg: PackageJson;
  try {
    pkg = JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
  } catch (e) {
    throw new UsageError(`${file}: not a readable datapackage.json (${(e as Error).message}); give the datapackage.json of an Entente report`);
  }
  const rec = pkg.entente?.replication;
  const sha = pkg.entente?.config?.sha256;
  if (!rec || typeof sha !== 'string' || !rec.resolved) {
    throw new UsageError(`${file} has no replication record (entente.replication): it was made by an older Entente, or not by Entente; score it again with this version`);
  }
  const configFile = await findConfig(folder, pkg, sha, o.config);
  const env = { ...process.env };
  delete env['ENTENTE_DATA_DIR'];
  const base = await readConfig(configFile, env);
  // the data folder the report was made with (ENTENTE_DATA_DIR then, or data_dir:)
  const dataEnv = rec.resolved.data_dir_from === 'ENTENTE_DATA_DIR' && rec.resolved.data_dir !== null ? { ...env, ENTENTE_DATA_DIR: path.resolve(base.dir, rec.resolved.data_dir) } : env;
  const read = dataEnv === env ? base : await readConfig(configFile, dataEnv);
  const config: ResolvedConfig = {
    ...read,
    years: rec.resolved.years,
    states: rec.resolved.states as Iso3[] | null,
    pairs: rec.resolved.pairs === null ? null : rec.resolved.pairs.map((p) => p.split('-') as [Iso3, Iso3]),
    ...(Object.keys(rec.command_line ?? {}).length > 0 ? { commandLine: rec.command_line } : {}),
    // `--columns lean` shapes alignment.csv: the rerun writes the same columns
    ...(rec.command_line?.['columns'] === 'lean' ? { columns: 'lean' as const } : {}),
  };
  await checkInputs(config, pkg.sources ?? []);

  const outDir = path.resolve(o.out ?? folder);
  const inPlace = outDir === folder;
  const before = await folderHashes(folder);
  // in place, the folder is this report (its package names this config by SHA-256): its marker
  // may name the config by a path that no longer leads there (the report was moved)
  const target = { dir: outDir, configFile: inPlace ? null : config.file, force: o.force, note: o.note };
  await prepareReport(target, 'replace');
  const run = await computeScore(config, progress);
  const recorded = (pkg.sources ?? []).map((s) => `${s.title}\u0000${s.path}\u0000${s.sha256}`);
  const now = packageSources(config, run.data).map((s) => `${s.title}\u0000${s.path}\u0000${s.sha256}`);
  if (recorded.join('\n') !== now.join('\n')) {
    const first = now.find((s) => !recorded.includes(s)) ?? recorded.find((s) => !now.includes(s))!;
    throw new InputError([{ file: first.split('\u0000')[1]!, line: 0, message: `this run reads other inputs than the report lists under sources (${first.split('\u0000')[0]}); nothing was written` }]);
  }
  progress?.('writing', 0, 1);
  await replaceReport(target, 'score', reportContents(run).files, runInputs(config, run.data));
  progress?.('writing', 1, 1);
  return { run, outDir, configFile: config.file, comparison: compare(before, await folderHashes(outDir)) };
}

/** The config with the recorded SHA-256: `--config` when given (only it), else where the marker says, else the recorded name in the working folder. */
async function findConfig(folder: string, pkg: PackageJson, sha: string, given: string | undefined): Promise<string> {
  const candidates: string[] = [];
  if (given !== undefined) candidates.push(path.resolve(given));
  else try {
    const marker = parseMarker(readFileSync(path.join(folder, REPORT_MARKER), 'utf8'));
    if (marker?.config) candidates.push(path.resolve(folder, marker.config));
  } catch {
    // no marker: the other places
  }
  if (given === undefined && typeof pkg.entente?.config?.path === 'string') candidates.push(path.resolve(pkg.entente.config.path));
  const existing = [...new Set(candidates)].filter((c) => isFile(c));
  for (const c of existing) if ((await hashFile(c)) === sha) return c;
  if (existing.length > 0) {
    const c = existing[0]!;
    throw new InputError([
      {
        file: c,
        line: 0,
        message: `the config has changed since the report was made (SHA-256 recorded ${sha.slice(0, 12)}…, now ${(await hashFile(c)).slice(0, 12)}…); its text as used is in datapackage.json under entente.replication.config_as_given — restore it, or give it with --config FILE`,
      },
    ]);
  }
  throw new UsageError(`cannot find the config of ${folder} (${candidates.join(', ') || 'no path recorded'}); give it with --config FILE (its SHA-256 must be ${sha.slice(0, 12)}…)`);
}

/**
 * Checks every input the package lists under `sources` (path relative to the config's folder)
 * against its recorded SHA-256, in the package's order.
 * @throws {InputError} naming the first file that changed or is gone.
 */
async function checkInputs(config: ResolvedConfig, sources: readonly { title?: string; path?: string; sha256?: string }[]): Promise<void> {
  for (const s of sources) {
    if (typeof s.path !== 'string' || typeof s.sha256 !== 'string') continue;
    const f = path.resolve(config.dir, s.path);
    if (!isFile(f)) throw new InputError([{ file: f, line: 0, message: `input ${s.title ?? ''} is gone (the report was made from a file here with SHA-256 ${s.sha256.slice(0, 12)}…); nothing was written` }]);
    const now = await hashFile(f);
    if (now !== s.sha256) {
      throw new InputError([{ file: f, line: 0, message: `input ${s.title ?? ''} has changed since the report was made (SHA-256 recorded ${s.sha256.slice(0, 12)}…, now ${now.slice(0, 12)}…); the rerun would not reproduce the report, nothing was written` }]);
    }
  }
}

/** SHA-256 of every file of a report folder but the marker, by name. */
async function folderHashes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let names: string[] = [];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const n of names) {
    if (n === REPORT_MARKER) continue;
    const f = path.join(dir, n);
    if (isFile(f)) out.set(n, await hashFile(f));
  }
  return out;
}

/** Compares two folders' hashes by file name. */
export function compare(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): RerunComparison {
  const same: string[] = [];
  const differ: string[] = [];
  const missing: string[] = [];
  for (const [n, h] of before) {
    const k = after.get(n);
    if (k === undefined) missing.push(n);
    else if (k === h) same.push(n);
    else differ.push(n);
  }
  const added = [...after.keys()].filter((n) => !before.has(n));
  return { same, differ, missing, added };
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
