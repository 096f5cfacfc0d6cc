/**
 * `smooth_index: w`: an optional trailing moving average of the index of each pair, applied
 * after aggregation (the last step of the pipeline, after the per-indicator temporal
 * transforms lag → window → half_life):
 *
 *   Ĩ_t = mean{ I_u : t − w < u ≤ t, I_u present }, and missing when I_t is missing,
 *
 * so smoothing never invents a value in a year without one. Each contribution is averaged
 * over the same years, an absent contribution counting as 0, so the smoothed contributions
 * still add up to the smoothed index. The chain-linked index, when the table has one, is
 * averaged over the same years. Normalised values, coverage and weights used are
 * left as they are (they describe the year itself).
 */
import { pairRuns } from './panel-keys.js';
import { yearOfKey } from '../domain/dyad-year-key.js';
import { newColumn, type ScoreTable } from './score-table.js';

/**
 * Smooths a series given by years (ascending) and values (NaN = missing): trailing mean
 * over the w calendar years ending at each year, over the values present.
 * @example smoothSeries([2000, 2001, 2002], Float64Array.of(2, 4, 6), 2) // [2, 3, 5]
 */
export function smoothSeries(years: ArrayLike<number>, values: Float64Array, w: number): Float64Array {
  const out = new Float64Array(values.length).fill(NaN);
  for (let t = 0; t < values.length; t++) {
    if (values[t] !== values[t]) continue;
    let s = 0;
    let n = 0;
    for (let u = t; u >= 0 && years[u]! > years[t]! - w; u--) {
      const v = values[u]!;
      if (v === v) {
        s += v;
        n++;
      }
    }
    out[t] = s / n;
  }
  return out;
}

/**
 * A copy of the table with the index and contributions smoothed by a trailing moving
 * average of `w` years per pair (w ≤ 1 returns the table unchanged).
 * @example smoothIndex(table, 3).index // 3-year trailing means, per pair
 */
export function smoothIndex(table: ScoreTable, w: number): ScoreTable {
  if (!(w > 1)) return table;
  const n = table.keys.length;
  const index = newColumn(n).fill(NaN);
  const chained = table.indexChained;
  const indexChained = chained ? newColumn(n).fill(NaN) : undefined;
  const contrib = table.contrib.map(() => newColumn(n).fill(NaN));
  const runs = pairRuns(table.keys);
  for (let p = 0; p + 1 < runs.length; p++) {
    const start = runs[p]!;
    const end = runs[p + 1]!;
    for (let t = start; t < end; t++) {
      if (table.index[t] !== table.index[t]) continue;
      const yt = yearOfKey(table.keys[t]!);
      let count = 0;
      let s = 0;
      let sc = 0;
      const cs = new Float64Array(contrib.length);
      const seen = new Uint8Array(contrib.length);
      for (let u = t; u >= start && yearOfKey(table.keys[u]!) > yt - w; u--) {
        const v = table.index[u]!;
        if (v !== v) continue;
        count++;
        s += v;
        if (chained) sc += chained[u]!;
        for (let i = 0; i < contrib.length; i++) {
          const c = table.contrib[i]![u]!;
          if (c === c) {
            cs[i] = cs[i]! + c;
            seen[i] = 1;
          }
        }
      }
      index[t] = s / count;
      if (indexChained) indexChained[t] = sc / count;
      for (let i = 0; i < contrib.length; i++) if (seen[i]) contrib[i]![t] = cs[i]! / count;
    }
  }
  return { ...table, index, contrib, ...(indexChained ? { indexChained } : {}) };
}
