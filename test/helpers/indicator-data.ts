import { DyadYearTable } from '../../src/domain/dyad-year-table.js';
import type { Iso3 } from '../../src/domain/country.js';
import type { IndicatorData } from '../../src/families/family.js';
import type { ScoreIndicator } from '../../src/core/score.js';

/** A row of a tiny in-memory indicator: [a, b, year, value]. */
export type Row = readonly [string, string, number, number];

/** Builds IndicatorData from rows (test helper). */
export function dataOf(rows: readonly Row[], opts: { directed?: boolean; coverage?: { from: number; to: number }[]; zero?: boolean } = {}): IndicatorData {
  const t = new DyadYearTable(opts.directed ?? false);
  for (const [a, b, y, v] of rows) t.set(a as Iso3, b as Iso3, y, v);
  return { values: t, coverage: opts.coverage ?? [], zeroInsideCoverage: opts.zero ?? false, extras: [], inputs: [], notes: [] };
}

/** A ScoreIndicator with defaults (weight 1, normalise none, positive, max). */
export function indicator(id: string, data: IndicatorData, over: Partial<ScoreIndicator> = {}): ScoreIndicator {
  return { id, weight: 1, normalise: 'none', polarity: 'positive', combine: 'max', temporal: {}, data, ...over };
}
