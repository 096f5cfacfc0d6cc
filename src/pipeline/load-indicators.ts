import path from 'node:path';
import { createCrosswalk, type Crosswalk } from '../domain/crosswalk.js';
import { spellsText, stateSystemOf, type StateSystem } from '../domain/state-system.js';
import { droppedNote, restrictPeriodsToStateSystem, restrictToStateSystem } from '../core/state-membership.js';
import { AppError, InputError, type Problem } from '../domain/errors.js';
import type { IndicatorData, LoadContext, PeriodData } from '../families/family.js';
import type { PeriodKind } from '../domain/period.js';
import { WarningCollector } from '../core/warnings.js';
import { resolveSourcePath, type ResolvedConfig, type ResolvedIndicator } from '../config/read-config.js';
import { checkConfigInputs } from '../config/config-inputs.js';

/** Progress callback (label, done, total); the CLI draws it on a terminal only. */
export type ProgressFn = (label: string, done: number, total: number) => void;

/** The loaded indicators of a config, with warnings. */
export interface LoadedIndicators {
  readonly crosswalk: Crosswalk;
  /** Which states exist when, under the config's succession rules. */
  readonly stateSystem: StateSystem;
  readonly data: ReadonlyMap<string, IndicatorData>;
  readonly warnings: WarningCollector;
}

/**
 * Loads every indicator of a config through its family. Every input file is checked first
 * ({@link checkConfigInputs}: missing files, folders, pipes — all listed in one error); then
 * problems of *all* indicators are collected and thrown together as one {@link InputError},
 * so one run shows every bad file. Each indicator's values are kept to the pair-years whose
 * two states exist (the state system); what is dropped is counted in the indicator's notes
 * (`entente validate`). Families load every year and state of their sources: the config's
 * `years`/`states`/`pairs` never reach them.
 */
export async function loadIndicators(config: ResolvedConfig, progress: ProgressFn = () => {}): Promise<LoadedIndicators> {
  await checkConfigInputs(config); // every missing or unusable file at once, before reading any
  let crosswalk: Crosswalk;
  try {
    crosswalk = createCrosswalk({ succession: config.succession });
  } catch (e) {
    throw new InputError([{ file: config.file, line: 0, path: 'succession', message: (e as Error).message }]);
  }
  const stateSystem = stateSystemOf(crosswalk);
  const warnings = new WarningCollector();
  const data = new Map<string, IndicatorData>();
  await loadEach(config, config.indicators, async (ind) => {
    const ctx = contextFor(config, ind, crosswalk, stateSystem, warnings, progress);
    progress(`reading ${ind.id}`, 0, 1);
    data.set(ind.id, keepToStateSystem(await ind.family.load(ind.spec, ctx), stateSystem));
    progress(`reading ${ind.id}`, 1, 1);
  });
  return { crosswalk, stateSystem, data, warnings };
}

/**
 * Runs `load` for each indicator, in order, and gathers the problems of all of them (each
 * message prefixed with the indicator's id; an error that is not about the inputs stops at
 * once); throws them together, so one run reports every bad file.
 * @throws {InputError} with every problem of every indicator.
 */
async function loadEach(config: ResolvedConfig, indicators: readonly ResolvedIndicator[], load: (ind: ResolvedIndicator) => Promise<void>): Promise<void> {
  const problems: Problem[] = [];
  let omitted = 0;
  for (const ind of indicators) {
    try {
      await load(ind);
    } catch (e) {
      if (e instanceof InputError) {
        problems.push(...e.problems.map((p) => ({ ...p, message: `[${ind.id}] ${p.message}` })));
        omitted += e.omitted;
      } else if (e instanceof AppError) {
        problems.push({ file: config.file, line: 0, path: `indicators.${ind.id}`, message: e.message });
      } else throw e;
    }
  }
  if (problems.length > 0) throw new InputError(problems, omitted, `${problems.length + omitted} problem(s) in the inputs; nothing was written`);
}

/** An indicator's data with its values kept to existing states and a note on what was dropped. */
function keepToStateSystem(d: IndicatorData, system: StateSystem): IndicatorData {
  const { table, dropped } = restrictToStateSystem(d.values, system);
  if (dropped.count === 0) return d;
  return { ...d, values: table, notes: [...d.notes, ...droppedNote(dropped, (s) => spellsText(system.spells(s)))] };
}

/**
 * Loads the dated indicators of a config at a finer period (`entente measures --period`):
 * those whose family can compute `kind` ({@link Family.periods}); problems of all of them
 * are thrown together, as by {@link loadIndicators}.
 */
export async function loadPeriodIndicators(config: ResolvedConfig, kind: PeriodKind, progress: ProgressFn = () => {}): Promise<{ data: Map<string, PeriodData>; warnings: WarningCollector }> {
  await checkConfigInputs(config);
  const crosswalk = createCrosswalk({ succession: config.succession });
  const stateSystem = stateSystemOf(crosswalk);
  const warnings = new WarningCollector();
  const data = new Map<string, PeriodData>();
  const dated = config.indicators.filter((ind) => ind.family.periods?.kinds.includes(kind));
  await loadEach(config, dated, async (ind) => {
    data.set(ind.id, restrictPeriodsToStateSystem(await ind.family.periods!.load(ind.spec, contextFor(config, ind, crosswalk, stateSystem, warnings, progress), kind), stateSystem));
  });
  return { data, warnings };
}

function contextFor(
  config: ResolvedConfig,
  ind: ResolvedIndicator,
  crosswalk: Crosswalk,
  stateSystem: StateSystem,
  warnings: WarningCollector,
  progress: ProgressFn,
): LoadContext {
  return loadContext(config, ind.id, crosswalk, stateSystem, warnings, progress);
}

/**
 * The context a family loads a source in, for the config's paths and seed; progress labels
 * start with `label` (the indicator id, or e.g. `validation.allies`).
 * @example await alliancesFamily.load(spec, loadContext(config, 'validation.allies', crosswalk, system, warnings, () => {}));
 */
export function loadContext(
  config: ResolvedConfig,
  label: string,
  crosswalk: Crosswalk,
  stateSystem: StateSystem,
  warnings: WarningCollector,
  progress: ProgressFn,
): LoadContext {
  return {
    crosswalk,
    stateSystem,
    resolvePath: (p) => resolveSourcePath(config, p),
    resolveConfigPath: (p) => path.resolve(config.dir, p),
    seed: config.seed,
    warn: (w) => warnings.add(w),
    progress: (what, done, total) => progress(`${label}: ${what}`, done, total),
  };
}
