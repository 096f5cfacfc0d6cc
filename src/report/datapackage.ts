import path from 'node:path';
import type { ScoreTable } from '../core/score.js';
import { directionOf, type IndicatorData } from '../families/family.js';
import type { ResolvedConfig } from '../config/read-config.js';
import { alignmentColumns } from './alignment-csv.js';
import { toolVersion } from './tool-version.js';
import { replicationRecord } from './replication.js';
import { runReferences } from './references.js';
import { portableText } from '../format/portable-path.js';

/** A Table Schema field. */
export interface SchemaField {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'number';
  readonly description: string;
  readonly unit?: string;
  readonly constraints?: Readonly<Record<string, unknown>>;
}

/** One CSV resource of the package. */
export interface CsvResource {
  readonly name: string;
  readonly path: string;
  readonly description: string;
  readonly fields: readonly SchemaField[];
  readonly primaryKey?: readonly string[];
  /** SHA-256 of the file's bytes. */
  readonly hash: string;
}

/** Parameters of a stochastic step, recorded so the run can be reproduced. */
export type StochasticParams = Readonly<Record<string, unknown>>;

/** The fields of `alignment.csv`, described. */
export function alignmentFields(table: ScoreTable, config: ResolvedConfig, data: ReadonlyMap<string, IndicatorData>): SchemaField[] {
  const [lo, hi] = config.scale;
  const byId = new Map(config.indicators.map((i) => [i.id, i]));
  const fields: SchemaField[] = [
    { name: 'state_a', type: 'string', description: 'first state of the pair, ISO 3166 alpha-3 (alphabetically first)', constraints: { required: true, pattern: '^[A-Z]{3}$' } },
    { name: 'state_b', type: 'string', description: 'second state of the pair, ISO 3166 alpha-3 (alphabetically second)', constraints: { required: true, pattern: '^[A-Z]{3}$' } },
    { name: 'year', type: 'integer', description: 'year (UN votes: session + 1945 unless configured otherwise)', constraints: { required: true } },
    { name: 'index', type: 'number', description: `alignment index on [${lo}, ${hi}] (${config.aggregation} aggregation); ${config.aggregation === 'latent' ? 'the posterior median, empty before the pair\'s first observed year' : `empty when coverage < min_coverage (${config.minCoverage})`}`, unit: 'index points', constraints: { minimum: lo, maximum: hi } },
    ...(table.indexChained
      ? [{ name: 'index_chained', type: 'number' as const, description: `chain-linked index: each year's change computed on the indicators present in both years (weights renormalised over them), linked from ${table.chainReferenceYear ?? 'the reference year'}, where it equals index; empty where index is empty; may leave [${lo}, ${hi}]`, unit: 'index points' }]
      : []),
    { name: 'coverage', type: 'number', description: 'share of the total weight whose indicators are present for this pair-year', unit: 'share', constraints: { required: true, minimum: 0, maximum: 1 } },
  ];
  for (const id of table.ids) {
    const ind = byId.get(id)!;
    const measure = ind.spec.measure;
    fields.push(
      { name: `${id}_raw`, type: 'number', description: `${id}: ${ind.family.name} measure "${measure}" before normalisation — ${ind.family.describeMeasure(measure)}` },
      { name: `${id}_norm`, type: 'number', description: `${id}: normalised (${ind.normalise}, ${ind.polarity} polarity) to [0, 1]`, unit: 'share', constraints: { minimum: 0, maximum: 1 } },
      { name: `${id}_contrib`, type: 'number', description: `${id}: part of the index; the contributions of a row add up to index${config.aggregation === 'latent' ? ' with index_prior (empty for an indicator with `latent: none`)' : ''}`, unit: 'index points' },
    );
  }
  for (const x of table.extras) fields.push({ name: x.column, type: x.type, description: x.description });
  void data;
  const names = alignmentColumns(table);
  if (names.join(',') !== fields.map((f) => f.name).join(',')) throw new Error('alignment fields out of sync with the CSV header');
  return fields;
}

/** One input file as `datapackage.json` lists it under `sources`. */
export interface PackageSource {
  readonly title: string;
  /** Relative to the config's folder, `/`-separated. */
  readonly path: string;
  readonly sha256: string;
}

/**
 * The input files of a run as `datapackage.json` lists them (`sources`): per indicator, in
 * the config's order, each file's role, path relative to the config's folder and SHA-256.
 * @example packageSources(config, data)[0] // { title: 'un (un_votes): votes', path: 'indicators/sample/un_votes.csv', sha256: '…' }
 */
export function packageSources(config: ResolvedConfig, data: ReadonlyMap<string, IndicatorData>): PackageSource[] {
  const rel = (p: string) => path.relative(config.dir, p).split(path.sep).join('/') || '.';
  return config.indicators.flatMap((ind) =>
    (data.get(ind.id)?.inputs ?? []).map((f) => ({
      title: `${ind.id} (${ind.family.name}): ${f.role}`,
      path: rel(f.path),
      sha256: f.sha256,
    })),
  );
}

/** Every text inside plain JSON data made portable ({@link portableText}). */
function portableJson(config: ResolvedConfig, v: unknown): unknown {
  if (typeof v === 'string') return portableText(config, v);
  if (Array.isArray(v)) return v.map((x) => portableJson(config, x));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, portableJson(config, x)]));
  return v;
}

/**
 * Builds `datapackage.json` (Frictionless Data Package with Table Schema) with provenance:
 * the config as used and its SHA-256, each input's path (relative to the config's folder)
 * and SHA-256, the sources' citations, the tool version, whether sample data was used, and
 * the parameters of every stochastic step. No timestamps: re-runs give identical bytes.
 */
export function buildDataPackage(args: {
  readonly config: ResolvedConfig;
  readonly data: ReadonlyMap<string, IndicatorData>;
  readonly resources: readonly CsvResource[];
  readonly sample: boolean;
  readonly stochastic?: Readonly<Record<string, StochasticParams>>;
  readonly warnings?: Readonly<Record<string, number>>;
  /** Nominal, used and effective weights (`report/weights-report.ts`). */
  readonly weights?: Readonly<Record<string, unknown>>;
  /** The fitted latent model's record (`entente.latent`), under `aggregation: latent`. */
  readonly latent?: unknown;
}): string {
  const { config, data, resources, sample } = args;
  const rel = (p: string) => path.relative(config.dir, p).split(path.sep).join('/') || '.';
  const sources = packageSources(config, data);
  const pkg = {
    profile: 'tabular-data-package',
    name: config.name.toLowerCase().replace(/[^a-z0-9._-]/g, '-'),
    title: `Entente alignment report: ${config.name}`,
    description: sample
      ? 'SYNTHETIC SAMPLE DATA: made by our own seeded generator for demonstration; not real observations.'
      : 'Dyad-year alignment index computed by Entente from the sources listed.',
    sample,
    resources: resources.map(resourceJson),
    sources,
    citations: runReferences(config, data),
    entente: {
      version: toolVersion(),
      config: { path: rel(path.resolve(config.file)), sha256: config.sha256, as_used: config.raw },
      indicators: config.indicators.map((i) => ({
        id: i.id,
        family: i.family.name,
        measure: i.spec.measure,
        weight: i.weight,
        normalise: i.normalise,
        polarity: i.polarity,
        combine: directionOf(i.family, i.spec.measure) === 'directed' || data.get(i.id)?.values.directed ? i.combine : null,
        coverage: data.get(i.id)?.coverage ?? [],
        zero_inside_coverage: data.get(i.id)?.zeroInsideCoverage ?? false,
        notes: (data.get(i.id)?.notes ?? []).map((n) => portableText(config, n)),
        ...(data.get(i.id)?.provenance ? { provenance: portableJson(config, data.get(i.id)!.provenance) } : {}),
      })),
      ...(args.weights ? { weights: args.weights } : {}),
      stochastic: args.stochastic ?? {},
      warnings: args.warnings ?? {},
      ...(args.latent !== undefined ? { latent: args.latent } : {}),
      replication: replicationRecord(config),
    },
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

export type ResourceJson = Record<string, unknown> & { name?: string; path?: string };

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
