import { createCrosswalk, type Crosswalk } from '../domain/crosswalk.js';
import type { Iso3 } from '../domain/country.js';
import { AppError, InputError, type Problem } from '../errors.js';
import type { IndicatorData, LoadContext, PeriodData } from '../indicators/family.js';
import type { PeriodKind } from '../domain/period.js';
import { WarningCollector } from '../core/warnings.js';
import { resolveSourcePath, type ResolvedConfig, type ResolvedIndicator } from './read-config.js';

/** Progress callback (label, done, total); the CLI draws it on a terminal only. */
export type ProgressFn = (label: string, done: number, total: number) => void;

/** The loaded indicators of a config, with warnings. */
export interface LoadedIndicators {
  readonly crosswalk: Crosswalk;
  readonly data: ReadonlyMap<string, IndicatorData>;
  readonly warnings: WarningCollector;
}

/**
 * Loads every indicator of a config through its family. Problems of *all* indicators are
 * collected and thrown together as one {@link InputError}, so one run shows every bad file.
 */
export async function loadIndicators(config: ResolvedConfig, progress: ProgressFn = () => {}): Promise<LoadedIndicators> {
  let crosswalk: Crosswalk;
  try {
    crosswalk = createCrosswalk({ succession: config.succession });
  } catch (e) {
    throw new InputError([{ file: config.file, line: 0, path: 'succession', message: (e as Error).message }]);
  }
  const warnings = new WarningCollector();
  const data = new Map<string, IndicatorData>();
  const problems: Problem[] = [];
  let omitted = 0;
  for (const ind of config.indicators) {
    const ctx = contextFor(config, ind, crosswalk, warnings, progress);
    try {
      progress(`reading ${ind.id}`, 0, 1);
      data.set(ind.id, await ind.family.load(ind.spec, ctx));
      progress(`reading ${ind.id}`, 1, 1);
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
  return { crosswalk, data, warnings };
}

/**
 * Loads the dated indicators of a config at a finer period (`entente measures --period`):
 * those whose family can compute `kind` ({@link Family.periods}); problems of all of them
 * are thrown together, as by {@link loadIndicators}.
 */
export async function loadPeriodIndicators(config: ResolvedConfig, kind: PeriodKind, progress: ProgressFn = () => {}): Promise<{ data: Map<string, PeriodData>; warnings: WarningCollector }> {
  const crosswalk = createCrosswalk({ succession: config.succession });
  const warnings = new WarningCollector();
  const data = new Map<string, PeriodData>();
  const problems: Problem[] = [];
  let omitted = 0;
  for (const ind of config.indicators) {
    const dated = ind.family.periods;
    if (!dated || !dated.kinds.includes(kind)) continue;
    try {
      data.set(ind.id, await dated.load(ind.spec, contextFor(config, ind, crosswalk, warnings, progress), kind));
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
  return { data, warnings };
}

function contextFor(
  config: ResolvedConfig,
  ind: ResolvedIndicator,
  crosswalk: Crosswalk,
  warnings: WarningCollector,
  progress: ProgressFn,
): LoadContext {
  return {
    crosswalk,
    resolvePath: (p) => resolveSourcePath(config, p),
    years: config.years,
    states: config.states ? new Set<Iso3>(config.states) : null,
    seed: config.seed,
    warn: (w) => warnings.add(w),
    progress: (label, done, total) => progress(`${ind.id}: ${label}`, done, total),
  };
}
