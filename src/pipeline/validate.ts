/**
 * `entente validate`: reads the config, every input of every indicator and the criterion data
 * of its `validation:` block (with the readers `entente validity` uses), so that each problem
 * surfaces (as an error listing them all) without scoring or writing anything.
 * @module
 */
import { createCrosswalk } from '../domain/crosswalk.js';
import { InputError } from '../domain/errors.js';
import { stateSystemOf } from '../domain/state-system.js';
import { checkInputFiles, configInputs } from '../config/config-inputs.js';
import { readConfig, type ResolvedConfig } from '../config/read-config.js';
import { loadCriteria, validationInputs, type CriteriaContext, type LoadedCriteria } from './load-criteria.js';
import { loadIndicators, type LoadedIndicators, type ProgressFn } from './load-indicators.js';

/** What `entente validate` read: the config, each indicator's data, notes and warnings, and the criterion data. */
export interface ValidateOutcome {
  readonly config: ResolvedConfig;
  readonly loaded: LoadedIndicators;
  /** The criterion data of the `validation:` block (and the indicators' defence pacts and ideal points it defaults to), by key. */
  readonly criteria: LoadedCriteria;
}

/**
 * Runs `entente validate`. Every missing or unusable file — of the indicators and of the
 * `validation:` block — is listed in one error before any is read; then the problems of every
 * indicator and every criterion file are thrown together (exit 2).
 * @throws {ConfigError} / {InputError} listing every problem of the config or a file.
 * @example const { loaded, criteria } = await runValidate('examples/real-data.yaml');
 */
export async function runValidate(configFile: string, progress?: ProgressFn): Promise<ValidateOutcome> {
  const config = await readConfig(configFile);
  await checkInputFiles(config, [...configInputs(config), ...validationInputs(config)]);
  let loaded: LoadedIndicators | null = null;
  const failed: InputError[] = [];
  try {
    loaded = await loadIndicators(config, progress);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    failed.push(e);
  }
  let criteria: LoadedCriteria = new Map();
  const context: CriteriaContext | null = loaded !== null ? { config, data: loaded.data, stateSystem: loaded.stateSystem } : indicatorlessContext(config);
  if (context !== null) {
    try {
      // when the indicators failed, only the block's own files: the indicators' problems are listed already
      criteria = await loadCriteria(context, progress, { fromIndicators: loaded !== null });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      failed.push(e);
    }
  }
  if (failed.length === 1) throw failed[0]!;
  if (failed.length > 1) {
    const problems = failed.flatMap((e) => e.problems);
    const omitted = failed.reduce((n, e) => n + e.omitted, 0);
    throw new InputError(problems, omitted, `${problems.length + omitted} problem(s) in the inputs and the criterion data of \`validation:\``);
  }
  return { config, loaded: loaded!, criteria };
}

/** The config with no indicator data, for reading the `validation:` block alone; null when the succession rules do not make a crosswalk (that error is the indicators'). */
function indicatorlessContext(config: ResolvedConfig): CriteriaContext | null {
  try {
    return { config, data: new Map(), stateSystem: stateSystemOf(createCrosswalk({ succession: config.succession })) };
  } catch {
    return null;
  }
}
