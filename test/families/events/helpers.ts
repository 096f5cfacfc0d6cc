import path from 'node:path';
import type { Iso3 } from '../../../src/domain/country.js';
import type { DyadYearTable } from '../../../src/domain/dyad-year-table.js';
import { eventsFamily } from '../../../src/families/events/family.js';
import type { IndicatorData } from '../../../src/families/family.js';
import { ROOT } from '../../helpers/cli.js';
import { loadIndicator, testContext } from '../../helpers/load-context.js';

/** A fixture of this family by file name. */
export const fixture = (name: string): string => path.join(ROOT, 'test/families/events/fixtures', name);

/** Loads one events indicator over one source. */
export function loadEvents(source: Record<string, unknown>, measure = 'mean_daily', options: Record<string, unknown> = { min_observed: 0 }): Promise<IndicatorData> {
  return loadIndicator(eventsFamily, 'events', [source], measure, options, testContext());
}

/** The value of a pair-year, or null. */
export const at = (t: DyadYearTable, a: string, b: string, year: number): number | null => t.get(a as Iso3, b as Iso3, year);
