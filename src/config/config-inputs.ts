import { stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, type Problem } from '../domain/errors.js';
import { inputFileFault } from '../format/input-file.js';
import { resolveSourcePath, type ResolvedConfig } from './read-config.js';

/** Keys of a source block that name an input file (a path, or `{ path, codes }` for `totals`). */
const SOURCE_FILE_KEYS = ['path', 'votes', 'rollcalls', 'issues', 'totals'] as const;

/**
 * Keys of a source block that name a project-owned file kept beside the config (the Security
 * Council's `corrections:`), resolved against the config's folder, never the data folder.
 */
const CONFIG_RELATIVE_SOURCE_KEYS = ['corrections'] as const;

/** Characters that make a path a glob pattern. */
const GLOB = /[*?[]/;

/** Keys of an indicator's family options that name an input file (`gdp:` of the trade family). */
const OPTION_FILE_KEYS = ['gdp'] as const;

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
    const list = config.raw.indicators[ind.id]?.sources !== undefined;
    ind.spec.sources.forEach((source, i) => {
      const at = list ? `indicators.${ind.id}.sources.${i}` : `indicators.${ind.id}.source`;
      for (const k of SOURCE_FILE_KEYS) {
        const written = fileRef(source[k]);
        // a glob (the events family's `path: data/*.parquet`) is expanded by its family, which
        // says when it matches nothing
        if (written !== null && GLOB.test(written)) continue;
        if (written !== null) out.push({ key: `${at}.${k}`, written, path: resolveSourcePath(config, written) });
      }
      for (const k of CONFIG_RELATIVE_SOURCE_KEYS) {
        const written = fileRef(source[k]);
        if (written !== null) out.push({ key: `${at}.${k}`, written, path: path.resolve(config.dir, written) });
      }
    });
    for (const k of OPTION_FILE_KEYS) {
      const written = fileRef(ind.spec.options[k]);
      if (written !== null) out.push({ key: `indicators.${ind.id}.${k}`, written, path: resolveSourcePath(config, written) });
    }
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
  const inputs = configInputs(config);
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
