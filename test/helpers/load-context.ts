import path from 'node:path';
import { createCrosswalk } from '../../src/domain/crosswalk.js';
import type { Warning } from '../../src/core/warnings.js';
import { stateSystemOf } from '../../src/domain/state-system.js';
import type { Family, IndicatorData, LoadContext, SourceSpec } from '../../src/families/family.js';
import { ROOT } from './cli.js';

/** A family test's load context: paths relative to the repository, warnings and progress labels collected. */
export type TestContext = LoadContext & { readonly warnings: Warning[]; readonly progressed: string[] };

/**
 * A load context for family tests (see {@link TestContext}); `over` replaces any field. The
 * state system follows the crosswalk given (default rules otherwise).
 */
export function testContext(over: Partial<LoadContext> = {}): TestContext {
  const warnings: Warning[] = [];
  const progressed: string[] = [];
  const crosswalk = over.crosswalk ?? createCrosswalk();
  return {
    crosswalk,
    stateSystem: stateSystemOf(crosswalk),
    resolvePath: (p) => (path.isAbsolute(p) ? p : path.join(ROOT, p)),
    seed: 1,
    warn: (w) => warnings.push(w),
    progress: (label) => {
      if (!progressed.includes(label)) progressed.push(label);
    },
    warnings,
    progressed,
    ...over,
  };
}

/** Loads one indicator of `family` the way the config loader does: options and sources through the family's schemas. */
export function loadIndicator(family: Family, id: string, sources: Record<string, unknown>[], measure: string, options: Record<string, unknown>, context: LoadContext): Promise<IndicatorData> {
  return family.load(
    { id, family: family.name, measure, options: family.optionsSchema.parse(options) as Record<string, unknown>, sources: sources.map((s) => family.sourceSchema.parse(s) as SourceSpec) },
    context,
  );
}
