/**
 * `validity`: measures an index as an index, for every series of a table of named series
 * (see `index-series.ts`), as one long table of metrics:
 *
 * - **criterion validity** — the Mann–Whitney AUC (`auc.ts`) of the series separating
 *   pair-years of formal defence pacts (which a valid alignment index scores high) from
 *   pair-years of strategic rivalry or of militarised disputes (scored low), overall (`all`)
 *   and per decade (`1950s`, …). A pair-year in both groups is left out of both; only the
 *   years both criterion sources cover count. A series computed from the criterion's own
 *   family (alliances as an input) is not measured on it: the metric would measure the
 *   input, not the index.
 * - **convergent validity** — Pearson's r of the series with another measure of alignment
 *   (ideal-point distance: r should be negative), over the pair-years with both, overall and
 *   per decade; not for a series computed from that measure's family.
 * - **boundary artefact** — for each year t in which an indicator enters or leaves the panel
 *   (it has values in one of t − 1, t and none in the other), over the pairs whose indicator
 *   set changes there and that have the series in both years, the median of the change not
 *   explained by the indicators present in both years:
 *     a_{p,t} = (S_{p,t} − S_{p,t−1}) − Σ_{i∈C} (c*_{i,t} − c*_{i,t−1}),
 *   C the indicators present in both years and c* the contributions of the index recomputed
 *   over C (`explain`'s counterfactual split; for the level index a_{p,t} is exactly
 *   `explain`'s coverage term). A series free of coverage artefacts (chain-linked) has a = 0.
 * - **effective weights and Cronbach's α** of the configured index (`effective-weights.ts`,
 *   `cronbach.ts`): nominal weight w_i/Σw, effective weight Cov(c_i, I)/Var(I), overall
 *   (scope = indicator id) and per decade (scope `<indicator>:<decade>`, over the decade's
 *   pair-years, nominal weights renormalised over the indicators present in it), and α over
 *   the normalised indicators (all of them, and per decade those with values in it).
 *
 * Rows come in a fixed order (metric, then series in table order, then scope), so the same
 * inputs give the same table.
 */
import { aucMannWhitney } from './auc.js';
import { pearson } from './correlation.js';
import { cronbachAlpha } from './cronbach.js';
import { covarianceShares, effectiveWeights } from './effective-weights.js';
import { decompositions } from './explain.js';
import type { IndexSeries } from './index-series.js';
import { pairOfKey, yearOfKey } from '../domain/dyad-year-key.js';
import { inRanges, type YearRange } from '../domain/year.js';
import type { ScoreTable } from '../core/score-table.js';

/** One line of `validity.csv`. */
export interface ValidityRow {
  readonly metric: string;
  /** `all`, a decade (`1990s`), an indicator id, `<indicator>:<year>` for a boundary, or `<indicator>:<decade>` (`un:1990s`) for a weight within a decade. */
  readonly scope: string;
  readonly series: string;
  /** NaN when it cannot be computed (written empty). */
  readonly value: number;
  /** `count` for numbers of pair-years (written as integers). */
  readonly kind: 'number' | 'count';
}

/** Pair-years looked up by the packed canonical key of the score table (a `DyadYearTable` is one). */
export interface PairYearLookup {
  getByKey(key: number): number | undefined;
}

/** A group of pair-years: those with a value > 0 in `set`, within `years`. */
export interface CriterionGroup {
  /** Plural noun for the metric names and notes: `allies`, `rivals`, `disputes`. */
  readonly name: string;
  readonly set: PairYearLookup;
  /** The years the source covers (outside them membership is unknown). */
  readonly years: readonly YearRange[];
}

/** Two groups a valid index separates, the first scored higher. */
export interface Criterion {
  /** e.g. `auc_allies_rivals`. */
  readonly metric: string;
  readonly positive: CriterionGroup;
  readonly negative: CriterionGroup;
  /** Series computed from an indicator of this family are not measured on the criterion. */
  readonly excludesFamily: string;
}

/** Another measure of alignment the series should correlate with. */
export interface Correlate {
  /** e.g. `corr_ideal_distance`. */
  readonly metric: string;
  readonly values: PairYearLookup;
  readonly excludesFamily: string;
}

/** What {@link validityRows} measures. */
export interface ValidityInput {
  /** The series, the configured `index` first. */
  readonly series: readonly IndexSeries[];
  readonly criteria: readonly Criterion[];
  readonly correlates: readonly Correlate[];
  /** The configured weights by indicator position of the first series' table. */
  readonly weights: readonly number[];
}

/** The rows and, for each metric not measured on a series, why. */
export interface ValidityResult {
  readonly rows: ValidityRow[];
  readonly notes: string[];
}

/**
 * The decade of a year as a scope. @example decadeOf(1994) // '1990s'
 */
export function decadeOf(year: number): string {
  return `${Math.floor(year / 10) * 10}s`;
}

/**
 * Every validity metric of every series (see the module comment), in a fixed order.
 * @example validityRows({ series, criteria: [allyRival], correlates: [], weights: [0.4, 0.6] }).rows[0].metric // 'auc_allies_rivals'
 */
export function validityRows(input: ValidityInput): ValidityResult {
  const rows: ValidityRow[] = [];
  const notes: string[] = [];
  const measured = <C extends { metric: string; excludesFamily: string }>(c: C, each: (s: IndexSeries) => ValidityRow[]) => {
    const skipped: string[] = [];
    for (const s of input.series) {
      if (s.families.has(c.excludesFamily)) skipped.push(s.name);
      else rows.push(...each(s));
    }
    if (skipped.length > 0) notes.push(`${c.metric}: not measured on ${skipped.join(', ')}, computed from the ${c.excludesFamily} family (the metric would measure an input, not the index)`);
  };
  for (const c of input.criteria) measured(c, (s) => criterionRows(s, c));
  for (const c of input.correlates) measured(c, (s) => correlateRows(s, c));
  for (const s of input.series) if (s.indicator === undefined) rows.push(...boundaryRows(s));
  const first = input.series[0];
  if (first !== undefined) rows.push(...weightRows(first, input.weights));
  return { rows, notes };
}

/**
 * The AUC of one series on one criterion, `all` then each decade with both groups present,
 * each with the two group sizes (`<metric>_n_<group>`).
 * @example criterionRows(series, allyRival).find((r) => r.scope === 'all')!.value // e.g. 0.91
 */
export function criterionRows(s: IndexSeries, c: Criterion): ValidityRow[] {
  const keys = s.table.keys;
  const pos = new Map<string, number[]>([['all', []]]);
  const neg = new Map<string, number[]>([['all', []]]);
  for (let r = 0; r < keys.length; r++) {
    const v = s.values[r]!;
    if (v !== v) continue;
    const key = keys[r]!;
    const year = yearOfKey(key);
    if (!inRanges(year, c.positive.years) || !inRanges(year, c.negative.years)) continue;
    const p = (c.positive.set.getByKey(key) ?? 0) > 0;
    const n = (c.negative.set.getByKey(key) ?? 0) > 0;
    if (p === n) continue; // neither, or both (ambiguous)
    const into = p ? pos : neg;
    const decade = decadeOf(year);
    into.get('all')!.push(v);
    if (!into.has(decade)) into.set(decade, []);
    into.get(decade)!.push(v);
  }
  const scopes = ['all', ...[...new Set([...pos.keys(), ...neg.keys()])].filter((k) => k !== 'all').sort()];
  const out: ValidityRow[] = [];
  for (const scope of scopes) {
    const a = pos.get(scope) ?? [];
    const b = neg.get(scope) ?? [];
    if (scope !== 'all' && (a.length === 0 || b.length === 0)) continue;
    const auc = aucMannWhitney(a, b);
    out.push({ metric: c.metric, scope, series: s.name, value: auc.auc, kind: 'number' });
    out.push({ metric: `${c.metric}_n_${c.positive.name}`, scope, series: s.name, value: auc.nPositive, kind: 'count' });
    out.push({ metric: `${c.metric}_n_${c.negative.name}`, scope, series: s.name, value: auc.nNegative, kind: 'count' });
  }
  return out;
}

/**
 * Pearson's r of one series with another measure, `all` then each decade with at least 3
 * pair-years with both, with the count (`<metric>_n`).
 * @example correlateRows(series, idealDistance)[0].value // e.g. −0.62
 */
export function correlateRows(s: IndexSeries, c: Correlate): ValidityRow[] {
  const keys = s.table.keys;
  const other = new Float64Array(keys.length).fill(NaN);
  const byDecade = new Map<string, number[]>();
  for (let r = 0; r < keys.length; r++) {
    const v = c.values.getByKey(keys[r]!);
    if (v === undefined || s.values[r] !== s.values[r]) continue;
    other[r] = v;
    const d = decadeOf(yearOfKey(keys[r]!));
    if (!byDecade.has(d)) byDecade.set(d, []);
    byDecade.get(d)!.push(r);
  }
  const out: ValidityRow[] = [];
  const put = (scope: string, rows: ArrayLike<number> | null) => {
    const r = pearson(s.values, other, rows);
    out.push({ metric: c.metric, scope, series: s.name, value: r.r, kind: 'number' });
    out.push({ metric: `${c.metric}_n`, scope, series: s.name, value: r.n, kind: 'count' });
  };
  put('all', null);
  for (const d of [...byDecade.keys()].sort()) if (byDecade.get(d)!.length >= 3) put(d, byDecade.get(d)!);
  return out;
}

/** A year in which an indicator enters or leaves the panel. */
export interface Boundary {
  readonly indicator: string;
  /** Position of the indicator in the table. */
  readonly at: number;
  /** The first year of the new indicator set (the change t − 1 → t). */
  readonly year: number;
  readonly kind: 'enters' | 'leaves';
}

/**
 * The years in which each indicator enters or leaves the panel: consecutive years t − 1, t
 * of the table where it has values (any pair) in one and none in the other. Ordered by year,
 * then by indicator position.
 * @example indicatorBoundaries(table) // [{ indicator: 'drills', year: 2011, kind: 'leaves', … }, { indicator: 'trade', year: 2015, … }]
 */
export function indicatorBoundaries(table: ScoreTable): Boundary[] {
  const years = new Map<number, Uint32Array>();
  const m = table.ids.length;
  for (let r = 0; r < table.keys.length; r++) {
    const y = yearOfKey(table.keys[r]!);
    let c = years.get(y);
    if (c === undefined) years.set(y, (c = new Uint32Array(m)));
    for (let i = 0; i < m; i++) if (table.norm[i]![r] === table.norm[i]![r]) c[i]!++;
  }
  const sorted = [...years.keys()].sort((a, b) => a - b);
  const out: Boundary[] = [];
  for (let k = 1; k < sorted.length; k++) {
    const y = sorted[k]!;
    if (sorted[k - 1] !== y - 1) continue;
    const before = years.get(y - 1)!;
    const now = years.get(y)!;
    for (let i = 0; i < m; i++) {
      if (before[i]! > 0 === now[i]! > 0) continue;
      out.push({ indicator: table.ids[i]!, at: i, year: y, kind: now[i]! > 0 ? 'enters' : 'leaves' });
    }
  }
  return out;
}

/**
 * The boundary artefact of one series at each indicator boundary of its table: the median
 * a_{p,t} (see the module comment) over the pairs whose indicator set changes there
 * (`boundary_artefact_median`, scope `<indicator>:<year>`) and how many pairs
 * (`boundary_artefact_pairs`).
 * @example boundaryRows(series).find((r) => r.scope === 'trade:2015')!.value // e.g. 14.7 for the level index
 */
export function boundaryRows(s: IndexSeries): ValidityRow[] {
  const t = s.table;
  const split = decompositions[s.model.smoothed ? 'contribution' : 'counterfactual'];
  const out: ValidityRow[] = [];
  const boundaries = indicatorBoundaries(t);
  if (boundaries.length === 0) return out;
  const rowsOfYear = new Map<number, number[]>();
  for (let r = 1; r < t.keys.length; r++) {
    const y = yearOfKey(t.keys[r]!);
    if (pairOfKey(t.keys[r - 1]!) !== pairOfKey(t.keys[r]!) || yearOfKey(t.keys[r - 1]!) !== y - 1) continue;
    if (s.values[r] !== s.values[r] || s.values[r - 1] !== s.values[r - 1]) continue;
    if (!rowsOfYear.has(y)) rowsOfYear.set(y, []);
    rowsOfYear.get(y)!.push(r);
  }
  for (const b of boundaries) {
    const col = t.norm[b.at]!;
    const changes: number[] = [];
    for (const r of rowsOfYear.get(b.year) ?? []) {
      if (col[r] === col[r] === (col[r - 1] === col[r - 1])) continue; // the indicator is in both or neither
      const { terms } = split(t, s.model, r, r - 1);
      let explained = 0;
      for (const x of terms) if (x === x) explained += x;
      changes.push(s.values[r]! - s.values[r - 1]! - explained);
    }
    const scope = `${b.indicator}:${b.year}`;
    out.push({ metric: 'boundary_artefact_median', scope, series: s.name, value: median(changes), kind: 'number' });
    out.push({ metric: 'boundary_artefact_pairs', scope, series: s.name, value: changes.length, kind: 'count' });
  }
  return out;
}

/**
 * Nominal and effective weights of each indicator of the series' table (scope = indicator
 * id), the same per decade (scope `<indicator>:<decade>`, e.g. `un:1990s`: over the decade's
 * pair-years with an index, for the indicators with values in it, nominal weights
 * renormalised over those, w_i/Σ_{j present} w_j), and Cronbach's α of its normalised
 * indicators: over every indicator (scope `all`) and, per decade, over the indicators with
 * values in that decade, each with `alpha_n`, the pair-years with every one of them
 * (listwise). Within a decade the effective weights Cov(c_i, I)/Var(I) still add up to 1.
 * @example weightRows(series, [0.4, 0.6]).filter((r) => r.metric === 'effective_weight' && !r.scope.includes(':')) // one per indicator, adding up to 1
 * @example weightRows(series, [0.4, 0.6]).find((r) => r.scope === 'un:1990s')!.metric // 'nominal_weight'
 */
export function weightRows(s: IndexSeries, weights: readonly number[]): ValidityRow[] {
  const t = s.table;
  const out: ValidityRow[] = [];
  const w = effectiveWeights(t.ids, weights, s.values, t.contrib, t.norm);
  const decades = new Map<string, number[]>();
  for (let r = 0; r < t.keys.length; r++) {
    const d = decadeOf(yearOfKey(t.keys[r]!));
    if (!decades.has(d)) decades.set(d, []);
    decades.get(d)!.push(r);
  }
  const perDecade = [...decades.keys()].sort().map((d) => ({ decade: d, ...decadeWeights(s, weights, decades.get(d)!) }));
  for (const x of w) out.push({ metric: 'nominal_weight', scope: x.id, series: s.name, value: x.nominal, kind: 'number' });
  for (const { decade, present, nominal } of perDecade) present.forEach((i, k) => out.push({ metric: 'nominal_weight', scope: `${t.ids[i]!}:${decade}`, series: s.name, value: nominal[k]!, kind: 'number' }));
  for (const x of w) out.push({ metric: 'effective_weight', scope: x.id, series: s.name, value: x.covarianceShare, kind: 'number' });
  for (const { decade, present, effective } of perDecade) present.forEach((i, k) => out.push({ metric: 'effective_weight', scope: `${t.ids[i]!}:${decade}`, series: s.name, value: effective[k]!, kind: 'number' }));
  const a = cronbachAlpha(t.norm, null);
  out.push({ metric: 'alpha', scope: 'all', series: s.name, value: a.alpha, kind: 'number' });
  out.push({ metric: 'alpha_n', scope: 'all', series: s.name, value: a.n, kind: 'count' });
  // per decade, over the indicators with values in that decade (sources that never overlap —
  // trade to 2014, event data from 2018 — leave no pair-year with every indicator)
  for (const d of [...decades.keys()].sort()) {
    const rows = decades.get(d)!;
    const present = t.norm.filter((col) => rows.some((r) => col[r] === col[r]));
    if (present.length < 2) continue;
    const x = cronbachAlpha(present, rows);
    out.push({ metric: 'alpha', scope: d, series: s.name, value: x.alpha, kind: 'number' });
    out.push({ metric: 'alpha_n', scope: d, series: s.name, value: x.n, kind: 'count' });
  }
  return out;
}

/**
 * The weights of one decade: the indicators (positions) with values in a pair-year of the
 * decade that has an index, their nominal weights renormalised over them and their
 * effective weights ({@link covarianceShares} over the decade's rows). None when the decade
 * has no index.
 */
function decadeWeights(s: IndexSeries, weights: readonly number[], rows: readonly number[]): { present: number[]; nominal: number[]; effective: number[] } {
  const t = s.table;
  const indexed = rows.filter((r) => s.values[r] === s.values[r]);
  const present = t.norm.flatMap((col, i) => (indexed.some((r) => col[r] === col[r]) ? [i] : []));
  if (present.length === 0) return { present, nominal: [], effective: [] };
  const total = present.reduce((sum, i) => sum + weights[i]!, 0);
  const shares = covarianceShares(s.values, t.contrib, indexed);
  return { present, nominal: present.map((i) => (total > 0 ? weights[i]! / total : NaN)), effective: present.map((i) => shares[i]!) };
}

/** The median (mean of the two middle values for an even count); NaN when empty. */
function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const v = Float64Array.from(values).sort();
  const h = v.length >> 1;
  return v.length % 2 === 1 ? v[h]! : (v[h - 1]! + v[h]!) / 2;
}
