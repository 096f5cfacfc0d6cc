import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { CsvResource, StochasticParams } from './datapackage.js';
import { hashText } from './hash-file.js';
import { addFilesToFolder } from './write-folder.js';

/** The parts of `datapackage.json` this module reads and changes. */
interface PackageJson {
  resources?: ResourceJson[];
  entente?: { config?: { sha256?: string }; stochastic?: Record<string, StochasticParams> } & Record<string, unknown>;
  [key: string]: unknown;
}

type ResourceJson = Record<string, unknown> & { name?: string; path?: string };

/** Options of {@link addResources}. */
export interface AddResourcesOptions {
  /**
   * SHA-256 of the config the new files were computed from; when given, the folder's
   * package must record the same config (else the folder would mix two configs).
   */
  readonly configSha256?: string;
}

/**
 * Describes a CSV resource as `datapackage.json` holds it (Frictionless tabular data
 * resource with a Table Schema; `""` is the missing value), the same shape `entente score`
 * writes.
 * @example resourceJson(r).hash // 'sha256:9f86…'
 */
export function resourceJson(r: CsvResource): ResourceJson {
  return {
    profile: 'tabular-data-resource',
    name: r.name,
    path: r.path,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    hash: `sha256:${r.hash}`,
    description: r.description,
    schema: {
      fields: r.fields,
      missingValues: [''],
      ...(r.primaryKey ? { primaryKey: r.primaryKey } : {}),
    },
  };
}

/**
 * Adds (or replaces, by name) CSV resources in the `datapackage.json` of an existing report
 * folder, and records the parameters of stochastic steps under `entente.stochastic.<step>`.
 * A resource already listed keeps its place; new ones are appended in the order given, so
 * re-running a command gives the same bytes. The package is rewritten atomically.
 * @throws {UsageError} when the folder has no `datapackage.json` (run `entente score` first)
 *   or, with `configSha256`, when it was made from another config.
 * @example await addResources('reports/sample', [sensitivityResource], { sensitivity: { draws: 1000, seed: 42 } });
 */
export async function addResources(
  folder: string,
  resources: readonly CsvResource[],
  stochastic?: Readonly<Record<string, StochasticParams>>,
  options: AddResourcesOptions = {},
): Promise<void> {
  const file = path.join(folder, 'datapackage.json');
  let pkg: PackageJson;
  try {
    pkg = JSON.parse(await readFile(file, 'utf8')) as PackageJson;
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(`${file}: ${missing ? 'not found' : 'not readable JSON'}; run \`entente score\` first to make the report folder`);
  }
  const recorded = pkg.entente?.config?.sha256;
  if (options.configSha256 !== undefined && recorded !== options.configSha256) {
    throw new UsageError(`${folder} was made from another config (SHA-256 ${recorded ?? 'unknown'}); run \`entente score\` with this config first`);
  }
  const list = pkg.resources ?? [];
  for (const r of resources) {
    const json = resourceJson(r);
    const at = list.findIndex((x) => x.name === r.name || x.path === r.path);
    if (at >= 0) list[at] = json;
    else list.push(json);
  }
  pkg.resources = list;
  if (stochastic && Object.keys(stochastic).length > 0) {
    pkg.entente ??= {};
    pkg.entente.stochastic = { ...(pkg.entente.stochastic ?? {}), ...stochastic };
  }
  await addFilesToFolder(folder, new Map([['datapackage.json', JSON.stringify(pkg, null, 2) + '\n']]));
}

/** A CSV file to add to a report folder: its text and its resource (the hash is computed). */
export interface CsvFile {
  readonly text: string;
  readonly resource: Omit<CsvResource, 'hash'>;
}

/**
 * Writes CSV files into an existing report folder and lists them in its `datapackage.json`
 * (with their SHA-256 computed from the text written, so the two always agree).
 * @throws {UsageError} as {@link addResources}; nothing is written then.
 * @example await addCsvFiles('reports/sample', [{ text: csv, resource: { name: 'audit', path: 'audit.csv', description: '…', fields } }]);
 */
export async function addCsvFiles(
  folder: string,
  files: readonly CsvFile[],
  stochastic?: Readonly<Record<string, StochasticParams>>,
  options: AddResourcesOptions = {},
): Promise<void> {
  const resources = files.map((f) => ({ ...f.resource, hash: hashText(f.text) }));
  // check the package first, so a refused folder gets no stray CSV
  await addResources(folder, [], undefined, options);
  await addFilesToFolder(folder, new Map(files.map((f) => [f.resource.path, f.text])));
  await addResources(folder, resources, stochastic, options);
}
