/**
 * The raw measures of a run without the index: the same panel, coverage rule, combine rule
 * and temporal transforms as the score, but no normalisation or aggregation — the dyad-year
 * data set analysts feed their own models (as peacesciencer or fpsim data), and the like-for-
 * like output of peer tools that compute one measure for every pair.
 */
import type { ScoreExtra, ScoreIndicator, ScoreOptions } from './score.js';
import { memberTables, panelKeys, rawColumn } from './score.js';

/** Raw measures per pair-year, sorted by (state_a, state_b, year). */
export interface MeasureTable {
  readonly keys: Float64Array;
  readonly ids: readonly string[];
  readonly raw: readonly Float64Array[];
  readonly extras: readonly ScoreExtra[];
}

/**
 * Builds the raw-measure panel of a run (see {@link scorePanel} for the panel rules).
 * @example measurePanel([indicator], options).raw[0][0] // e.g. 0.8086 (UN agreement, IRN–RUS 2010)
 */
export function measurePanel(indicators: readonly ScoreIndicator[], options: ScoreOptions): MeasureTable {
  const tables = memberTables(indicators, options.stateSystem);
  const keys = panelKeys(indicators, tables, options);
  const raw = indicators.map((ind, i) => rawColumn(keys, tables[i]!, ind, options.stateSystem));
  const extras: ScoreExtra[] = [];
  for (const ind of indicators) {
    for (const x of ind.data.extras) {
      const cols = x.table.sortedColumns();
      let col: Float64Array;
      if (cols !== null && cols.keys === keys) col = cols.values;
      else {
        col = new Float64Array(keys.length);
        for (let r = 0; r < keys.length; r++) {
          const v = x.table.getByKey(keys[r]!);
          col[r] = v === undefined ? NaN : v;
        }
      }
      extras.push({ column: `${ind.id}_${x.suffix}`, values: col, type: x.type, description: x.description });
    }
  }
  return { keys, ids: indicators.map((i) => i.id), raw, extras };
}
