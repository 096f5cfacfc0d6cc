import path from 'node:path';
import { UsageError } from '../domain/errors.js';
import { resourceJson, type CsvResource, type ResourceJson, type StochasticParams } from './datapackage.js';
import { hashText } from '../format/hash-file.js';
import { addToReport } from './report-folder.js';
import type { ReportContent, ReportFiles } from './report-content.js';

/** The parts of `datapackage.json` this module reads and changes. */
interface PackageJson {
  resources?: ResourceJson[];
  entente?: { config?: { sha256?: string }; stochastic?: Record<string, StochasticParams> } & Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * A file other than a CSV (a chart) as `datapackage.json` lists it: name (its file name,
 * lower-cased, as Frictionless names must be), path, format, media type and SHA-256.
 * @example fileResourceJson('plot_RUS-IRN.svg', 'image/svg+xml', hash, 'chart') // { name: 'plot_rus-irn.svg', format: 'svg', … }
 */
export function fileResourceJson(file: string, mediatype: string, sha256: string, description: string): ResourceJson {
  return {
    name: file.toLowerCase().replace(/[^a-z0-9._-]/g, '-'),
    path: file,
    format: path.extname(file).slice(1).toLowerCase(),
    mediatype,
    hash: `sha256:${sha256}`,
    description,
  };
}

/**
 * A `datapackage.json` text with resources added (or replaced, by name or path) and the
 * parameters of stochastic steps recorded under `entente.stochastic.<step>`. A resource
 * already listed keeps its place; new ones are appended in the order given, so re-running a
 * command gives the same bytes.
 * @throws {UsageError} when the text is not a JSON object.
 * @example withResources(pkgText, [resourceJson(audit)]) // the package listing audit.csv
 */
export function withResources(pkgText: string, resources: readonly ResourceJson[], stochastic?: Readonly<Record<string, StochasticParams>>): string {
  let pkg: PackageJson;
  try {
    pkg = JSON.parse(pkgText) as PackageJson;
  } catch {
    pkg = null as unknown as PackageJson;
  }
  if (pkg === null || typeof pkg !== 'object' || Array.isArray(pkg)) throw new UsageError('datapackage.json of the report folder is not readable JSON; run `entente score` to write the report again');
  const list = Array.isArray(pkg.resources) ? pkg.resources : [];
  for (const json of resources) {
    const at = list.findIndex((x) => x.name === json.name || x.path === json.path);
    if (at >= 0) list[at] = json;
    else list.push(json);
  }
  pkg.resources = list;
  if (stochastic && Object.keys(stochastic).length > 0) {
    pkg.entente ??= {};
    pkg.entente.stochastic = { ...(pkg.entente.stochastic ?? {}), ...stochastic };
  }
  return JSON.stringify(pkg, null, 2) + '\n';
}

/** A CSV file to add to a report folder: its text and its resource (the hash is computed). */
export interface CsvFile {
  readonly text: string;
  readonly resource: Omit<CsvResource, 'hash'>;
}

/** Options of {@link addCsvFiles}. */
export interface AddCsvOptions {
  /**
   * SHA-256 of the config the new files were computed from; when given, the folder's
   * package must record the same config (else the folder would mix two configs).
   */
  readonly configSha256?: string;
}

/** Files a command adds to a report, with the resources that list them in `datapackage.json`. */
export interface Addition {
  readonly files: ReadonlyMap<string, string | Uint8Array>;
  readonly resources: readonly ResourceJson[];
  /** Parameters of stochastic steps, recorded under `entente.stochastic.<step>`. */
  readonly stochastic?: Readonly<Record<string, StochasticParams>> | undefined;
}

/**
 * CSV files as an {@link Addition}: each listed with its Table Schema and the SHA-256 of the
 * text written, so the file and the package always agree.
 * @example csvAddition([auditFile(rows, 6)]).resources[0].name // 'audit'
 */
export function csvAddition(files: readonly CsvFile[], stochastic?: Readonly<Record<string, StochasticParams>>): Addition {
  return {
    files: new Map(files.map((f) => [f.resource.path, f.text])),
    resources: files.map((f) => resourceJson({ ...f.resource, hash: hashText(f.text) })),
    stochastic,
  };
}

/**
 * What to write to add `a` to a report whose `datapackage.json` is `pkgText`: its files and
 * the updated package.
 * @example additionFiles(pkgText, csvAddition([file])).get('datapackage.json')
 */
export function additionFiles(pkgText: string, a: Addition): Map<string, ReportContent> {
  const out = new Map<string, ReportContent>(a.files);
  out.set('datapackage.json', withResources(pkgText, a.resources, a.stochastic));
  return out;
}

/**
 * A whole score report (`report`, as `reportContents` makes it) with `a` added: its files,
 * and its `datapackage.json` (made after `alignment.csv` is written) listing them too.
 * @example additionWithReport(reportContents(run).files, csvAddition([file]))
 */
export function additionWithReport(report: ReportFiles, a: Addition): Map<string, ReportContent> {
  const out = new Map<string, ReportContent>(report);
  for (const [name, content] of a.files) out.set(name, content);
  const pkg = report.get('datapackage.json');
  if (pkg === undefined) throw new Error('a score report without datapackage.json');
  out.set('datapackage.json', {
    kind: 'deferred',
    make: () => {
      const text = typeof pkg === 'string' ? pkg : pkg instanceof Uint8Array ? Buffer.from(pkg).toString('utf8') : pkg.kind === 'deferred' ? pkg.make() : null;
      if (text === null) throw new Error('datapackage.json cannot be chunked');
      return withResources(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'), a.resources, a.stochastic);
    },
  });
  return out;
}

/**
 * Writes CSV files into an existing score report folder and lists them in its
 * `datapackage.json`, all in one committed step (see `addToReport`): a reader sees the old
 * folder or the new one with the files and the package that lists them, never a mix.
 * @throws {UsageError} when the folder has no report (run `entente score` first) or, with
 *   `configSha256`, was made from another config; nothing is written then.
 * @example await addCsvFiles('reports/sample', [{ text: csv, resource: { name: 'audit', path: 'audit.csv', description: '…', fields } }]);
 */
export async function addCsvFiles(
  folder: string,
  files: readonly CsvFile[],
  stochastic?: Readonly<Record<string, StochasticParams>>,
  options: AddCsvOptions = {},
): Promise<void> {
  await addToReport({ dir: folder, configFile: null }, [], {
    make: (pkgText) => {
      if (pkgText === null) throw new UsageError(`${path.resolve(folder)}: no report there; run \`entente score\` first to make the report folder`);
      return additionFiles(pkgText, csvAddition(files, stochastic));
    },
    accept: (pkg) => {
      const recorded = pkg.entente?.config?.sha256;
      if (options.configSha256 !== undefined && recorded !== options.configSha256) {
        throw new UsageError(`${path.resolve(folder)} was made from another config (SHA-256 ${String(recorded ?? 'unknown')}); run \`entente score\` with this config first`);
      }
    },
  });
}
