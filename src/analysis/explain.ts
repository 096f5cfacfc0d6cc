/**
 * `explain`: why one pair scores what it scores, year by year — each indicator's raw value,
 * normalised value, weight used and contribution; the change of the index since the pair's
 * previous scored year split exactly into indicator terms plus a coverage term; and the
 * pair's strongest and weakest components (COINr `get_str_weak`, by percentile among all
 * pairs of the same year).
 */
import type { Iso3 } from '../domain/country.js';
import { aggregators, scaleResult, type AggregateSettings, type AggregationName } from '../core/aggregate.js';
import { rowsByYear, rowsOfPair } from '../core/panel-keys.js';
import { yearOfKey } from '../domain/dyad-year-key.js';
import type { ScoreTable } from '../core/score.js';

/** How the index was aggregated, so a counterfactual index can be recomputed. */
export interface ExplainModel {
  /** The configured (relative) weights, by indicator position in the table. */
  readonly weights: Float64Array;
  readonly aggregation: AggregationName;
  readonly settings: AggregateSettings;
  readonly scale: readonly [number, number];
  /**
   * True when the table's index is a moving average (`smooth_index`): the change is then
   * split by the change of each (smoothed) contribution, see {@link decompositions}.
   */
  readonly smoothed: boolean;
}

/** One indicator of one pair-year. */
export interface ExplainComponent {
  readonly id: string;
  /** The family's measure after temporal transforms (NaN = missing). */
  readonly raw: number;
  /** Normalised value on [0, 1] (NaN = missing). */
  readonly norm: number;
  /** Weight renormalised over the indicators present (NaN when absent). */
  readonly weightUsed: number;
  /** Part of the index on its scale; the contributions of a year add up to the index. */
  readonly contribution: number;
  /**
   * Percentile of this pair among all pairs of the year on this indicator:
   * (r − 1)/(n − 1) with r the rank of its normalised value (ties at their average rank),
   * 0.5 when the pair is alone. Range [0, 1]; NaN when missing.
   */
  readonly percentile: number;
}

/** The change of the index since the pair's previous scored year, split exactly. */
export interface ExplainChange {
  /** The previous year with an index (the gap may exceed one year). */
  readonly fromYear: number;
  /** I_t − I_from. */
  readonly total: number;
  /** Per indicator (table order): its term of the change, NaN when present in only one of the two years. */
  readonly terms: Float64Array;
  /** The part of the change due to indicators entering or leaving (coverage change). */
  readonly coverage: number;
  /** J_t − J_from of the chain-linked index (NaN when the table has none). */
  readonly chained: number;
  /**
   * The chained change's coverage term, J_t − J_from − Σ terms: zero by construction (up to
   * rounding), since each link is computed on the indicators present in both years — except
   * where the chain breaks (no indicator in common) or the index is smoothed.
   */
  readonly chainedCoverage: number;
}

/** One year of one pair, explained. */
export interface ExplainYear {
  readonly year: number;
  /** The index (NaN when coverage is below `min_coverage`). */
  readonly index: number;
  /** The chain-linked index (NaN when empty); undefined when the table has none. */
  readonly indexChained?: number | undefined;
  readonly coverage: number;
  readonly components: readonly ExplainComponent[];
  /** Null in the pair's first scored year and in years without an index. */
  readonly change: ExplainChange | null;
  /** Indicator id with the highest percentile (ties: first in config order); null when none is present. */
  readonly strongest: string | null;
  /** Indicator id with the lowest percentile (ties: first in config order). */
  readonly weakest: string | null;
}

/** A rule splitting I_t − I_s into indicator terms and a coverage term. */
type Decomposition = (table: ScoreTable, model: ExplainModel, rowT: number, rowS: number) => { terms: Float64Array; coverage: number };

/**
 * The rules that split a change, by name:
 *
 * - `counterfactual` (default): with C the indicators present in both years, I*_t and I*_s
 *   are the indices recomputed over C alone (same weights, same aggregation, no coverage
 *   threshold). Then
 *   ΔI = Σ_{i∈C} (c*_{i,t} − c*_{i,s}) + [(I_t − I*_t) − (I_s − I*_s)],
 *   where c* are the contributions of the counterfactual indices (they add up to I*). The
 *   first sum holds pure value changes (for arithmetic aggregation c*_{i,t} − c*_{i,s} =
 *   w_i/Σ_C w · (n_{i,t} − n_{i,s}) on the scale), the bracket is the effect of
 *   indicators entering or leaving, including the re-weighting they cause.
 * - `contribution`: term_i = c_{i,t} − c_{i,s} for indicators with a contribution in both
 *   years, coverage = Σ entering c_{i,t} − Σ leaving c_{i,s}. Used for a smoothed index,
 *   whose contributions are moving averages.
 *
 * Both add up to ΔI exactly (up to floating-point rounding).
 */
export const decompositions: Readonly<Record<'counterfactual' | 'contribution', Decomposition>> = {
  counterfactual: (table, model, t, s) => {
    const m = table.ids.length;
    const vt = new Float64Array(m).fill(NaN);
    const vs = new Float64Array(m).fill(NaN);
    for (let i = 0; i < m; i++) {
      const a = table.norm[i]![t]!;
      const b = table.norm[i]![s]!;
      if (a === a && b === b) {
        vt[i] = a;
        vs[i] = b;
      }
    }
    const terms = new Float64Array(m).fill(NaN);
    const total = table.index[t]! - table.index[s]!;
    const ct = aggregateRow(vt, model);
    const cs = aggregateRow(vs, model);
    if (ct === null || cs === null) return { terms, coverage: total };
    let sum = 0;
    for (let i = 0; i < m; i++) {
      if (vt[i] !== vt[i]) continue;
      terms[i] = ct.contributions[i]! - cs.contributions[i]!;
      sum += terms[i]!;
    }
    const coverage = table.index[t]! - ct.index - (table.index[s]! - cs.index);
    return { terms, coverage: closeResidual(total, sum, coverage) };
  },
  contribution: (table, _model, t, s) => {
    const m = table.ids.length;
    const terms = new Float64Array(m).fill(NaN);
    let coverage = 0;
    let sum = 0;
    for (let i = 0; i < m; i++) {
      const a = table.contrib[i]![t]!;
      const b = table.contrib[i]![s]!;
      if (a === a && b === b) {
        terms[i] = a - b;
        sum += a - b;
      } else if (a === a) coverage += a;
      else if (b === b) coverage -= b;
    }
    return { terms, coverage: closeResidual(table.index[t]! - table.index[s]!, sum, coverage) };
  },
};

/**
 * Explains one pair: one entry per year of the panel (within `years` when given), in year
 * order. Contributions come from the table (they add up to the index); the change since
 * the previous year with an index is split by {@link decompositions} so that
 * Σ terms + coverage = I_t − I_s exactly.
 * @returns an empty list when the panel has no row for the pair.
 * @example
 * const years = explainPair(table, 'IRN' as Iso3, 'RUS' as Iso3, model);
 * years.at(-1)!.change!.total // e.g. 3.2, = Σ terms + coverage
 */
export function explainPair(
  table: ScoreTable,
  a: Iso3,
  b: Iso3,
  model: ExplainModel,
  years: { readonly from: number; readonly to: number } | null = null,
): ExplainYear[] {
  const run = rowsOfPair(table.keys, a, b);
  if (!run) return [];
  const m = table.ids.length;
  const byYear = rowsByYear(table.keys);
  const split = decompositions[model.smoothed ? 'contribution' : 'counterfactual'];
  const out: ExplainYear[] = [];
  let previous = -1;
  for (let r = run.start; r < run.end; r++) {
    const year = yearOfKey(table.keys[r]!);
    const index = table.index[r]!;
    const inRange = years === null || (year >= years.from && year <= years.to);
    if (inRange) {
      const peers = byYear.get(year)!;
      const components: ExplainComponent[] = [];
      for (let i = 0; i < m; i++) {
        const norm = table.norm[i]![r]!;
        components.push({
          id: table.ids[i]!,
          raw: table.raw[i]![r]!,
          norm,
          weightUsed: table.weightUsed[i]![r]!,
          contribution: table.contrib[i]![r]!,
          percentile: norm === norm ? percentileAmong(table.norm[i]!, peers, norm) : NaN,
        });
      }
      let change: ExplainChange | null = null;
      if (index === index && previous >= 0) {
        const { terms, coverage } = split(table, model, r, previous);
        const chained = table.indexChained ? table.indexChained[r]! - table.indexChained[previous]! : NaN;
        let sum = 0;
        for (const x of terms) if (x === x) sum += x;
        change = { fromYear: yearOfKey(table.keys[previous]!), total: index - table.index[previous]!, terms, coverage, chained, chainedCoverage: chained - sum };
      }
      const chained = table.indexChained ? { indexChained: table.indexChained[r]! } : {};
      out.push({ year, index, ...chained, coverage: table.coverage[r]!, components, change, ...strongWeak(components) });
    }
    if (index === index) previous = r;
  }
  return out;
}

/**
 * The pair's percentile on one indicator among the rows `peers`: (below + (equal − 1)/2)/(n − 1)
 * over the peers with a value, 0.5 when n = 1. Same convention as the `rank` normaliser.
 * @example percentileAmong(Float64Array.of(0.1, 0.5, 0.9), Uint32Array.of(0, 1, 2), 0.5) // 0.5
 */
export function percentileAmong(column: Float64Array, peers: Uint32Array, value: number): number {
  let below = 0;
  let equal = 0;
  let n = 0;
  for (let k = 0; k < peers.length; k++) {
    const v = column[peers[k]!]!;
    if (v !== v) continue;
    n++;
    if (v < value) below++;
    else if (v === value) equal++;
  }
  return n > 1 ? (below + (equal - 1) / 2) / (n - 1) : 0.5;
}

function strongWeak(components: readonly ExplainComponent[]): { strongest: string | null; weakest: string | null } {
  let strongest: ExplainComponent | null = null;
  let weakest: ExplainComponent | null = null;
  for (const c of components) {
    if (c.percentile !== c.percentile) continue;
    if (strongest === null || c.percentile > strongest.percentile) strongest = c;
    if (weakest === null || c.percentile < weakest.percentile) weakest = c;
  }
  return { strongest: strongest?.id ?? null, weakest: weakest?.id ?? null };
}

/** The index and contributions of one row on the scale, without the coverage threshold. */
function aggregateRow(values: Float64Array, model: ExplainModel): { index: number; contributions: Float64Array } | null {
  let any = false;
  for (const v of values) if (v === v) any = true;
  if (!any) return null;
  const res = aggregators[model.aggregation]({ values, weights: model.weights }, model.settings);
  return res === null ? null : scaleResult(res, model.scale, model.weights);
}

/**
 * The coverage term as the exact residual ΔI − Σ terms, so the split adds up to the
 * change to the last bit; `computed` (the same quantity computed directly) is used when
 * ΔI is not finite.
 */
function closeResidual(total: number, sumTerms: number, computed: number): number {
  return Number.isFinite(total) ? total - sumTerms : computed;
}
