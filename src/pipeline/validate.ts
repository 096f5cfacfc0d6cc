/**
 * `entente validate`: reads the config and every input of every indicator, so that each
 * problem surfaces (as an error listing them all) without scoring or writing anything.
 * @module
 */
import { readConfig, type ResolvedConfig } from '../config/read-config.js';
import { loadIndicators, type LoadedIndicators, type ProgressFn } from './load-indicators.js';

/** What `entente validate` read: the config and each indicator's data, notes and warnings. */
export interface ValidateOutcome {
  readonly config: ResolvedConfig;
  readonly loaded: LoadedIndicators;
}

/**
 * Runs `entente validate`.
 * @throws {ConfigError} / {InputError} listing every problem of the config or a file.
 * @example const { loaded } = await runValidate('examples/real-data.yaml');
 */
export async function runValidate(configFile: string, progress?: ProgressFn): Promise<ValidateOutcome> {
  const config = await readConfig(configFile);
  const loaded = await loadIndicators(config, progress);
  return { config, loaded };
}
