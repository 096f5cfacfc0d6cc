/**
 * The embedded analytical engine of the `events` family: DuckDB through `@duckdb/node-api`,
 * imported only when an events indicator is loaded (the CLI bundle keeps it external, so a
 * run without event data never loads its 70 MB native library). One database per load, in a
 * fresh folder under the spill folder (removed afterwards), with a thread count, a memory limit
 * and the spill folder from the indicator's `engine:` block, else the environment, else safe
 * defaults; a query over more data than the limit spills to the folder instead of failing.
 * @module
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../../domain/errors.js';
import { EventsConfigError, MEMORY_SIZE_PATTERN, type EventsOptions } from './schema.js';

/** Engine settings as configured (`engine:` of the indicator). */
export interface EngineOptions {
  readonly threads?: number | undefined;
  readonly memory_limit?: string | undefined;
  readonly temp_directory?: string | undefined;
}

/** Environment variables that set the engine when the config does not. */
export const ENGINE_ENV = {
  threads: 'ENTENTE_DUCKDB_THREADS',
  memoryLimit: 'ENTENTE_DUCKDB_MEMORY_LIMIT',
  tempDirectory: 'ENTENTE_DUCKDB_TEMP_DIRECTORY',
} as const;

/** The default memory limit: DuckDB's own (80 % of RAM) is no default for a shared machine. */
export const DEFAULT_MEMORY_LIMIT = '1GB';

/** Settings in force. */
export interface EngineSettings {
  readonly threads: number;
  readonly memoryLimit: string;
  /** Where the run's database file and spill files go (in a fresh sub-folder, removed after the run); null = the system's temporary folder. */
  readonly tempDirectory: string | null;
}

const MEMORY = MEMORY_SIZE_PATTERN;

/**
 * The settings in force: config, then environment, then defaults (threads: the cores, at most
 * 4; memory: 1 GB; spill folder: a temporary one).
 * @throws {RangeError} for a malformed environment value (the config's are checked by its schema).
 * @example engineSettings({ threads: 2 }, {}).memoryLimit // '1GB'
 */
export function engineSettings(o: EngineOptions, env: NodeJS.ProcessEnv = process.env): EngineSettings {
  const envThreads = env[ENGINE_ENV.threads];
  let threads = o.threads;
  if (threads === undefined && envThreads) {
    threads = Number(envThreads);
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`${ENGINE_ENV.threads}=${envThreads}: expected a whole number of threads ≥ 1`);
  }
  const envMemory = env[ENGINE_ENV.memoryLimit];
  if (o.memory_limit === undefined && envMemory && !MEMORY.test(envMemory)) throw new RangeError(`${ENGINE_ENV.memoryLimit}=${envMemory}: expected a size such as 2GB or 512MB`);
  return {
    threads: threads ?? Math.max(1, Math.min(4, os.availableParallelism())),
    memoryLimit: (o.memory_limit ?? envMemory ?? DEFAULT_MEMORY_LIMIT).replace(/\s+/g, ''),
    tempDirectory: o.temp_directory ?? env[ENGINE_ENV.tempDirectory] ?? null,
  };
}

/** The engine settings of an indicator (config, environment, defaults). @throws {EventsConfigError} for a malformed environment value. */
export function indicatorEngineSettings(opts: EventsOptions): EngineSettings {
  try {
    return engineSettings(opts.engine);
  } catch (e) {
    throw new EventsConfigError((e as Error).message);
  }
}

type Connection = import('@duckdb/node-api').DuckDBConnection;
type Instance = import('@duckdb/node-api').DuckDBInstance;

/** A converted cell: numbers (BIGINT included) as numbers, dates as `YYYY-MM-DD`, text as text, NULL as null. */
export type Cell = number | string | boolean | null;

/** An open DuckDB database, closed with {@link DuckEngine.close}. */
export class DuckEngine {
  /** The engine's version, e.g. `v1.5.6`. */
  readonly version: string;
  readonly settings: EngineSettings;
  private readonly instance: Instance;
  private readonly connection: Connection;
  private readonly ownTemp: string;

  private constructor(instance: Instance, connection: Connection, version: string, settings: EngineSettings, ownTemp: string) {
    this.instance = instance;
    this.connection = connection;
    this.version = version;
    this.settings = settings;
    this.ownTemp = ownTemp;
  }

  /** Loads DuckDB (first use only) and opens an in-memory database with `settings`. */
  static async open(settings: EngineSettings): Promise<DuckEngine> {
    let api: typeof import('@duckdb/node-api');
    try {
      api = await import('@duckdb/node-api');
    } catch (e) {
      throw new InputError([{ file: '@duckdb/node-api', line: 0, message: `the DuckDB engine could not be loaded (${(e as Error).message}); reinstall with \`npm ci\`` }]);
    }
    // a database file in a fresh folder (under the spill folder, or the system's temporary one):
    // its tables can leave memory for disk, so the daily table of a large input fits any limit
    const base = settings.tempDirectory ?? os.tmpdir();
    await mkdir(base, { recursive: true });
    const ownTemp = await mkdtemp(path.join(base, 'entente-duckdb-'));
    const instance = await api.DuckDBInstance.create(path.join(ownTemp, 'events.duckdb'), {
      threads: String(settings.threads),
      memory_limit: settings.memoryLimit,
      temp_directory: path.join(ownTemp, 'spill'),
      preserve_insertion_order: 'false',
      enable_external_access: 'true',
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    const connection = await instance.connect();
    const v = await connection.runAndReadAll('SELECT version() AS v');
    return new DuckEngine(instance, connection, String(v.getRowsJS()[0]![0]), settings, ownTemp);
  }

  /** Runs a statement. */
  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** Runs a query and returns its columns' names and values (column-wise). */
  async columns(sql: string): Promise<{ names: string[]; columns: Cell[][] }> {
    const r = await this.connection.runAndReadAll(sql);
    const names = r.columnNames();
    const columns = r.getColumnsJS().map((col) => col.map(convert));
    return { names, columns: names.map((_, i) => columns[i] ?? []) };
  }

  /** Runs a query and returns its rows as objects. */
  async rows(sql: string): Promise<Record<string, Cell>[]> {
    const { names, columns } = await this.columns(sql);
    const n = columns[0]?.length ?? 0;
    const out: Record<string, Cell>[] = [];
    for (let r = 0; r < n; r++) out.push(Object.fromEntries(names.map((name, c) => [name, columns[c]![r]!])));
    return out;
  }

  /** The folder of this database's file and spill files (removed by {@link close}). */
  get folder(): string {
    return this.ownTemp;
  }

  /** Closes the database and removes its folder (database file and spill files). */
  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
    await rm(this.ownTemp, { recursive: true, force: true });
  }
}

function convert(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}
