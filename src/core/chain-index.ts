/**
 * The chain-linked index (`index_chained`): a series per pair whose year-to-year changes are
 * computed on the indicators present in both years, so an indicator entering or leaving the
 * basket (a source that starts or ends) moves it not at all — the practice statistical offices
 * follow when a price index's basket changes (chain-linking: each link compares two adjacent
 * periods on the items common to both, and the links are multiplied; ILO/IMF/OECD/UNECE/
 * Eurostat/World Bank 2004, *Consumer Price Index Manual*, ch. 9; System of National Accounts
 * 2008, ch. 15). The
 * alignment index is an interval scale (its zero is arbitrary), so the links are changes in
 * index points and are added, not ratios multiplied.
 *
 * For a pair with consecutive scored years s < t (years with a level index; a gap may be longer
 * than a year) and C the indicators present in both, the link is
 *
 *   Δ_{s,t} = I*_t(C) − I*_s(C)
 *
 * where I*(C) is the index recomputed over C alone — the same weights renormalised over C, the
 * same aggregation and scale, no coverage threshold. With the same indicators present in both
 * years I*(C) = I, so Δ is the level index's own change. The series is anchored at the reference
 * year R: J_R = I_R, and J_t = J_s + Δ_{s,t} forwards, J_s = J_t − Δ_{s,t} backwards. A pair
 * without an index in R is anchored at its scored year nearest to R (the later one on a tie).
 * Where two consecutive scored years have no indicator in common (no link can be computed) the
 * series breaks, and each linked segment is anchored the same way at its own year nearest to R.
 * J is empty exactly where the level index is empty; it can leave the scale [lo, hi], since it
 * carries changes, not levels.
 *
 * The chain runs through the pair's years in the pool (the pair-years some source has a value
 * for), so a row's J never depends on which rows a run asks for. A row outside the pool — a year
 * without any source value that `states:`/`pairs:` still ask for and a zero-recording source
 * fills — is linked to the pair's previous pooled year with an index (the next one when there is
 * none) and changes no other row.
 * @module
 */
import { aggregators, scaleResult, type AggregateSettings, type AggregationName } from './aggregate.js';
import { pairRuns } from './panel-keys.js';
import { newColumn } from './score-table.js';
import { yearOfKey } from '../domain/dyad-year-key.js';

/** How the level index was aggregated, so the index over a subset of indicators can be recomputed. */
export interface ChainModel {
  /** The configured (relative) weights, by indicator position. */
  readonly weights: Float64Array;
  readonly aggregation: AggregationName;
  readonly settings: AggregateSettings;
  readonly scale: readonly [number, number];
}

/**
 * The index of one row recomputed over the indicators `keep` says (the others treated as
 * absent), on the scale; null when none is kept or the aggregation gives no index.
 * @example restrictedIndex(norm, row, Uint8Array.of(1, 0), model) // the index of indicator 0 alone
 */
export function restrictedIndex(norm: readonly Float64Array[], row: number, keep: Uint8Array, model: ChainModel): number | null {
  const m = norm.length;
  const values = new Float64Array(m).fill(NaN);
  let any = false;
  for (let i = 0; i < m; i++) {
    if (!keep[i]) continue;
    values[i] = norm[i]![row]!;
    any = true;
  }
  if (!any) return null;
  const res = aggregators[model.aggregation]({ values, weights: model.weights }, model.settings);
  return res === null ? null : scaleResult(res, model.scale, model.weights).index;
}

/**
 * The link Δ_{s,t} between two rows of one pair (see the module's formula), or null when the
 * two years have no indicator in common (the chain breaks there).
 * @example chainLink(norm, index, 0, 1, model) // I_1 − I_0 when the same indicators are present in both rows
 */
export function chainLink(norm: readonly Float64Array[], index: Float64Array, s: number, t: number, model: ChainModel): number | null {
  const m = norm.length;
  const common = new Uint8Array(m);
  let same = true;
  let any = false;
  for (let i = 0; i < m; i++) {
    const a = norm[i]![s]!;
    const b = norm[i]![t]!;
    const ps = a === a;
    const pt = b === b;
    if (ps !== pt) same = false;
    if (ps && pt) {
      common[i] = 1;
      any = true;
    }
  }
  if (!any) return null;
  if (same) return index[t]! - index[s]!;
  const it = restrictedIndex(norm, t, common, model);
  const is = restrictedIndex(norm, s, common, model);
  return it === null || is === null ? null : it - is;
}

/**
 * The chain-linked index of every row (keys sorted by pair, then year; NaN where `index` is
 * NaN), anchored at `referenceYear` as the module describes.
 * @example chainIndex(keys, index, norm, model, 2000) // equals index in 2000, same changes while the basket is unchanged
 */
export function chainIndex(keys: Float64Array, index: Float64Array, norm: readonly Float64Array[], model: ChainModel, referenceYear: number, pooled: Uint8Array | null = null): Float64Array {
  const out = newColumn(keys.length).fill(NaN);
  const runs = pairRuns(keys);
  const rows: number[] = [];
  const links: (number | null)[] = [];
  for (let p = 0; p + 1 < runs.length; p++) {
    rows.length = 0;
    for (let r = runs[p]!; r < runs[p + 1]!; r++) if (index[r] === index[r] && (pooled === null || pooled[r])) rows.push(r);
    if (rows.length === 0) {
      // no pooled year with an index: the rows asked for chain among themselves
      if (pooled !== null) out.set(chainIndex(keys.subarray(runs[p]!, runs[p + 1]!), index.subarray(runs[p]!, runs[p + 1]!), norm.map((c) => c.subarray(runs[p]!, runs[p + 1]!)), model, referenceYear), runs[p]!);
      continue;
    }
    links.length = 0;
    for (let k = 1; k < rows.length; k++) links.push(chainLink(norm, index, rows[k - 1]!, rows[k]!, model));
    // segments: maximal runs of rows joined by links
    let start = 0;
    for (let k = 1; k <= rows.length; k++) {
      if (k < rows.length && links[k - 1] !== null) continue;
      anchorSegment(keys, index, rows, links, start, k, referenceYear, out);
      start = k;
    }
    if (pooled !== null) linkOutsidePool(norm, index, rows, runs[p]!, runs[p + 1]!, pooled, model, out);
  }
  return out;
}

/** The rows of one pair outside the pool: each linked to the previous pooled row with an index (else the next). */
function linkOutsidePool(norm: readonly Float64Array[], index: Float64Array, chained: readonly number[], start: number, end: number, pooled: Uint8Array, model: ChainModel, out: Float64Array): void {
  let k = 0; // chained[k] is the first pooled row after r
  for (let r = start; r < end; r++) {
    while (k < chained.length && chained[k]! < r) k++;
    if (pooled[r] || index[r] !== index[r]) continue;
    const before = k > 0 ? chained[k - 1]! : -1;
    if (before >= 0) {
      const d = chainLink(norm, index, before, r, model);
      if (d !== null) out[r] = out[before]! + d;
      else out[r] = index[r]!; // no indicator in common: a segment of its own
    } else {
      const after = chained[k]!;
      const d = chainLink(norm, index, r, after, model);
      out[r] = d !== null ? out[after]! - d : index[r]!;
    }
  }
}

/** Fills the rows rows[from..to) of one linked segment: anchored at its year nearest to R, linked both ways. */
function anchorSegment(keys: Float64Array, index: Float64Array, rows: readonly number[], links: readonly (number | null)[], from: number, to: number, referenceYear: number, out: Float64Array): void {
  let anchor = from;
  let best = Infinity;
  for (let k = from; k < to; k++) {
    const d = Math.abs(yearOfKey(keys[rows[k]!]!) - referenceYear);
    if (d <= best) {
      // `<=`: on a tie (one year before R, one after) the later year wins
      best = d;
      anchor = k;
    }
  }
  out[rows[anchor]!] = index[rows[anchor]!]!;
  for (let k = anchor + 1; k < to; k++) out[rows[k]!] = out[rows[k - 1]!]! + links[k - 1]!;
  for (let k = anchor - 1; k >= from; k--) out[rows[k]!] = out[rows[k + 1]!]! - links[k]!;
}

/**
 * The default reference year: the year whose pair-years have the highest mean coverage (the
 * fullest basket), the latest such year on a tie; null for an empty panel.
 * @example defaultReferenceYear(keys, coverage) // e.g. 2010
 */
export function defaultReferenceYear(keys: Float64Array, coverage: Float64Array): number | null {
  const sum = new Map<number, number>();
  const count = new Map<number, number>();
  for (let r = 0; r < keys.length; r++) {
    const y = yearOfKey(keys[r]!);
    sum.set(y, (sum.get(y) ?? 0) + coverage[r]!);
    count.set(y, (count.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestMean = -Infinity;
  for (const y of [...sum.keys()].sort((a, b) => a - b)) {
    const mean = sum.get(y)! / count.get(y)!;
    if (mean >= bestMean - 1e-12) {
      best = y;
      bestMean = Math.max(mean, bestMean);
    }
  }
  return best;
}
