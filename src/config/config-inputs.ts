import { stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, type Problem } from '../domain/errors.js';
import { inputFileFault } from '../format/input-file.js';
import { resolveSourcePath, type ResolvedConfig } from './read-config.js';
import type { InputFileKey } from '../families/family.js';

/** Characters that make a path a glob pattern. */
const GLOB = /[*?[]/;

/** One input file a config names. */
export interface ConfigInput {
  /** Where the config names it, e.g. `indicators.un.source.votes`. */
  readonly key: string;
  /** The path as written in the config. */
  readonly written: string;
  /** The path resolved against `data_dir:` / `ENTENTE_DATA_DIR` or the config's folder. */
  readonly path: string;
}

function fileRef(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && typeof (value as { path?: unknown }).path === 'string') return (value as { path: string }).path;
  return null;
}

/**
 * Every input file a config names, in config order, with the key naming it.
 * @example configInputs(config).map((i) => i.key) // ['indicators.un.source.votes', 'indicators.un.source.rollcalls', …]
 */
export function configInputs(config: ResolvedConfig): ConfigInput[] {
  const out: ConfigInput[] = [];
  for (const ind of config.indicators) {
    // the keys the family declares (Family.inputFiles), in its order
    const keys = ind.family.inputFiles;
    const resolve = (written: string, k: InputFileKey) => (k.relativeTo === 'config' ? path.resolve(config.dir, written) : resolveSourcePath(config, written));
    const list = config.raw.indicators[ind.id]?.sources !== undefined;
    ind.spec.sources.forEach((source, i) => {
      const at = list ? `indicators.${ind.id}.sources.${i}` : `indicators.${ind.id}.source`;
      for (const k of keys) {
        if (k.in !== 'source') continue;
        const written = fileRef(source[k.key]);
        // a glob (the events family's `path: data/*.parquet`) is expanded by its family, which
        // says when it matches nothing
        if (written !== null && k.relativeTo === 'data' && GLOB.test(written)) continue;
        if (written !== null) out.push({ key: `${at}.${k.key}`, written, path: resolve(written, k) });
      }
    });
    for (const k of keys) {
      if (k.in !== 'options') continue;
      const written = fileRef(ind.spec.options[k.key]);
      if (written !== null) out.push({ key: `indicators.${ind.id}.${k.key}`, written, path: resolve(written, k) });
    }
  }
  return out;
}

/**
 * The source paths of a config that are globs (the events family's `path: data/*.parquet`),
 * by the key naming them: the files they stand for are known only once the family expands
 * them.
 * @example configSourceGlobs(config) // ['indicators.events.source.path']
 */
export function configSourceGlobs(config: ResolvedConfig): string[] {
  const out: string[] = [];
  for (const ind of config.indicators) {
    const list = config.raw.indicators[ind.id]?.sources !== undefined;
    ind.spec.sources.forEach((source, i) => {
      for (const k of ind.family.inputFiles) {
        const written = k.in === 'source' ? fileRef(source[k.key]) : null;
        if (written !== null && k.relativeTo === 'data' && GLOB.test(written)) out.push(`${list ? `indicators.${ind.id}.sources.${i}` : `indicators.${ind.id}.source`}.${k.key}`);
      }
    });
  }
  return out;
}

/** Where relative source paths were resolved, for the message about missing files. */
async function resolvedAgainst(config: ResolvedConfig): Promise<string> {
  if (config.dataDir === null) return `Relative source paths are resolved against the config file's folder (${config.dir}); fix the paths, or set \`data_dir:\` to the folder that holds the data.`;
  const fromConfig = config.raw.data_dir !== undefined && path.resolve(config.dir, config.raw.data_dir) === config.dataDir;
  const origin = fromConfig ? `\`data_dir: ${config.raw.data_dir}\` of the config` : 'ENTENTE_DATA_DIR';
  let exists = true;
  try {
    exists = (await stat(config.dataDir)).isDirectory();
  } catch {
    exists = false;
  }
  const state = exists ? '' : ', a folder that does not exist';
  return `Relative source paths are resolved against ${config.dataDir} (from ${origin}${state}); put the data there, or point ENTENTE_DATA_DIR (it overrides \`data_dir:\`) at the folder that holds it.`;
}

/**
 * Checks every input file of a config before any is read, and reports all that are missing or
 * unusable together: one error listing each file with the config key that names it, and
 * saying where relative paths were resolved (`data_dir:`, `ENTENTE_DATA_DIR` or the config's
 * folder). Folders, named pipes, sockets and devices are refused here, so a FIFO never blocks
 * a run.
 * @throws {InputError} listing every missing or unusable input.
 * @example await checkConfigInputs(await readConfig('examples/real-data.yaml'));
 */
export async function checkConfigInputs(config: ResolvedConfig): Promise<void> {
  await checkInputFiles(config, configInputs(config));
}

/**
 * {@link checkConfigInputs} for a given list of a config's inputs (e.g. the criterion files
 * of its `validation:` block): every missing or unusable one in one error.
 * @throws {InputError} listing every missing or unusable input.
 * @example await checkInputFiles(config, [{ key: 'validation.rivalries.path', written: 'td.csv', path: '/data/td.csv' }]);
 */
export async function checkInputFiles(config: ResolvedConfig, inputs: readonly ConfigInput[]): Promise<void> {
  const found = await Promise.all(inputs.map(async (i) => ({ input: i, fault: await inputFileFault(i.path) })));
  const problems: Problem[] = [];
  let missing = 0;
  for (const { input, fault } of found) {
    if (fault === null) continue;
    // a dangling symbolic link is there, only broken: its own message says so
    const absent = (fault.code === 'ENOENT' || fault.code === 'ENOTDIR') && !fault.message.startsWith('a symbolic link');
    if (absent) missing++;
    // the advice on where paths are resolved is given once, above the list
    const message = absent ? `does not exist (the config says \`${input.written}\`)` : fault.message;
    problems.push({ file: input.path, line: 0, path: input.key, message });
  }
  if (problems.length === 0) return;
  const summary = `${problems.length} of the ${inputs.length} input file(s) named by ${config.file} cannot be read; nothing was read or written`;
  const where = missing > 0 ? `\n${await resolvedAgainst(config)}` : '';
  throw new InputError(problems, 0, `${summary}${where}`);
}
