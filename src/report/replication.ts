/**
 * The replication record of a report (`entente.replication` in `datapackage.json`): what a
 * rerun needs besides the input files (whose SHA-256 the package lists under `sources`) —
 * the config as given, the command-line overrides, the run as resolved (years, states,
 * pairs, data folder and where it came from), and the versions of Entente (and its commit
 * when known) and Node. Paths are relative to the config's folder, so a report moved
 * elsewhere still names its inputs.
 * @module
 */
import path from 'node:path';
import type { ResolvedConfig } from '../config/read-config.js';
import type { Iso3 } from '../domain/country.js';
import type { YearRange } from '../domain/year.js';
import { toolCommit, toolVersion } from './tool-version.js';

/** Where the data folder of a run came from. */
export type DataDirOrigin = 'data_dir' | 'ENTENTE_DATA_DIR';

/** The replication record, as written. */
export interface ReplicationRecord {
  /** The config file's text, byte for byte. */
  readonly config_as_given: string;
  /** Overrides given on the command line (`pairs`, `states`, `from`, `to`). */
  readonly command_line: Readonly<Record<string, string | number>>;
  readonly resolved: {
    readonly years: YearRange | null;
    readonly states: readonly Iso3[] | null;
    /** `AAA-BBB`, as resolved (succession rules applied). */
    readonly pairs: readonly string[] | null;
    /** The data folder relative to the config's folder (`/`-separated), or null without one. */
    readonly data_dir: string | null;
    readonly data_dir_from: DataDirOrigin | null;
  };
  readonly runtime: { readonly entente: string; readonly commit: string | null; readonly node: string };
  readonly rerun: string;
}

/**
 * The replication record of a run's config.
 * @example replicationRecord(config).resolved.years // { from: 1990, to: 2020 }
 */
export function replicationRecord(config: ResolvedConfig): ReplicationRecord {
  const rel = (p: string) => path.relative(config.dir, p).split(path.sep).join('/') || '.';
  let from: DataDirOrigin | null = null;
  if (config.dataDir !== null) {
    const own = typeof config.raw.data_dir === 'string' ? path.resolve(config.dir, config.raw.data_dir) : null;
    from = own === config.dataDir ? 'data_dir' : 'ENTENTE_DATA_DIR';
  }
  return {
    config_as_given: config.text,
    command_line: config.commandLine ?? {},
    resolved: {
      years: config.years,
      states: config.states,
      pairs: config.pairs === null ? null : config.pairs.map(([a, b]) => `${a}-${b}`),
      data_dir: config.dataDir === null ? null : rel(config.dataDir),
      data_dir_from: from,
    },
    runtime: { entente: toolVersion(), commit: toolCommit(), node: process.version },
    rerun: 'entente rerun datapackage.json (from the folder of the config, or with --config FILE): re-scores from the same inputs, checks their SHA-256 and compares the files',
  };
}
