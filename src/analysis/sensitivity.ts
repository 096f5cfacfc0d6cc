/**
 * Uncertainty and sensitivity analysis of the index (JRC/OECD Handbook step 7; COINr
 * `get_sensitivity`): a seeded Monte Carlo over the uncertain choices declared in the
 * config's `sensitivity:` block —
 *
 * - each weight w_i drawn uniformly on [w_i·(1 − r), w_i·(1 + r)] (r = `weight_range`,
 *   default 0.25), one factor per indicator with a positive weight;
 * - the aggregation rule, drawn with equal probability from `aggregation`
 *   (default arithmetic and geometric), one factor;
 * - the normalisation, drawn with equal probability from the configured normalisers and
 *   each alternative in `normalise` (applied to every indicator; `goalposts` only to
 *   indicators that declare goalposts), one factor, present when alternatives are listed;
 * - the imputation, drawn with equal probability from the configured one and each alternative
 *   in `impute` (`none`, `latest`, `linear`, `nearest`, applied to every indicator with its own `max_age`),
 *   one factor, present when alternatives are listed. Imputation changes which indicators are
 *   present, so it changes the coverage and the thin-data rules as well as the values.
 *
 * The model is the scoring pipeline from the raw columns of the {@link ScoreTable} on:
 * normalise (pooled, with polarity) → weights renormalised over the indicators present →
 * coverage threshold (`min_coverage`, on the drawn weights) → aggregation → scale. Inputs
 * are read once; each draw re-runs only normalise (pre-computed per alternative) and
 * aggregate, on typed arrays, one year at a time so the work stays in cache.
 *
 * Outputs per pair-year, over the N draws of matrix A of a Saltelli design: the median
 * index and its 5–95 % interval, the median rank within the year and its 5–95 % interval
 * (type-7 quantiles over the draws that give the pair-year an index). Per uncertain
 * factor: first-order and total Sobol' indices (Saltelli 2010 and Jansen estimators, see
 * `sobol.ts`) of the index, aggregated over pair-years as
 * S_i = Σ_r V_r·S_{i,r} / Σ_r V_r (the variance-weighted generalised index of Gamboa et
 * al. 2013), pooled over all years and per year. A pair-year whose index is missing in any
 * of a draw's k + 2 runs is left out of that draw's Sobol' terms.
 *
 * Geometric runs take e^x from `fdlibmExp` (`core/fdlibm-exp.ts`), the same double as
 * `Math.exp` without a call into C, and the draw kernel computes a row's exponentials of one
 * draw together ({@link fdlibmExpRange}); the order of every sum is unchanged, so the
 * outputs are the same bytes.
 *
 * Years are independent ({@link runSensitivityYears}), so they can run on separate threads
 * (`io/run-sensitivity.ts`); the pooled sums are added in year order afterwards, so the
 * result does not depend on how the years were split.
 */
import { fitNormaliser, type NormaliserName, type QuantileLevels } from '../core/normalise.js';
import { yearOfKey } from '../domain/dyad-year-key.js';
import { createRandom } from '../core/random.js';
import { drawResamples, saltelliDesign, SOBOL_BOOTSTRAP_RESAMPLES, sobolIntervals, type SobolDrawTerms, type SobolIntervals } from './sobol.js';
import { quantilesByProxy, quantilesOfIntegers, QuantileWorkspace } from '../core/quantile.js';
import { radixRanks, RankWorkspace } from './radix-rank.js';
import { fdlibmExp, fdlibmExpRange } from '../core/fdlibm-exp.js';
import { rowsByYear } from '../core/panel-keys.js';
import type { ScoreTable } from '../core/score.js';
import { SENSITIVITY_AGGREGATIONS } from '../config/sensitivity-config.js';

/** An aggregation rule the analysis can draw. */
export type SensitivityAggregation = (typeof SENSITIVITY_AGGREGATIONS)[number];

/** One indicator as configured (position = column of the table). */
export interface SensitivityIndicator {
  readonly id: string;
  readonly weight: number;
  readonly normalise: NormaliserName;
  readonly goalposts?: { readonly min: number; readonly max: number } | undefined;
  readonly goalpostQuantiles?: QuantileLevels | undefined;
  readonly winsorise?: QuantileLevels | undefined;
  readonly polarity: 'positive' | 'negative';
}

/** The configured model: the nominal point of the analysis. */
export interface SensitivityModel {
  readonly indicators: readonly SensitivityIndicator[];
  readonly aggregation: SensitivityAggregation;
  readonly scale: readonly [number, number];
  readonly minCoverage: number;
  /** `min_indicators`: a pair-year with fewer indicators of positive weight present has no index (default 1). */
  readonly minIndicators?: number | undefined;
  readonly geometricFloor: number;
  /**
   * Raw values (per indicator, NaN = missing) an alternative normaliser is fitted on, when
   * the scored panel is a subset of the sources (config `years`/`states`/`pairs`): the
   * pool the configured normalisation was fitted on. Default: the table's raw columns.
   */
  readonly pool?: readonly Float64Array[] | undefined;
  /**
   * The alternative imputations (`sensitivity.impute`): their names and, per alternative and
   * indicator, the raw column it gives on the table's rows (observed values and the imputed
   * ones). The configured imputation is the table itself.
   */
  readonly imputations?: { readonly levels: readonly string[]; readonly raw: readonly (readonly Float64Array[])[] } | undefined;
  /** The pair-year keys of `pool`'s rows (for `rank_year`); default: the table's keys. */
  readonly poolKeys?: Float64Array | undefined;
}

/** What to vary and how many draws (the parsed `sensitivity:` block with CLI overrides). */
export interface SensitivitySpec {
  /** N: base draws of the Saltelli design (≥ 2). */
  readonly draws: number;
  readonly seed: number;
  /** r: relative half-width of each weight's range, 0 ≤ r ≤ 1. */
  readonly weightRange: number;
  readonly aggregations: readonly SensitivityAggregation[];
  /** Alternative normalisers (the configured ones are always level 0). */
  readonly normalisers: readonly NormaliserName[];
}

/** One uncertain factor. */
export interface SensitivityFactor {
  /** `weight_<id>`, `aggregation`, `normalise` or `impute`. */
  readonly name: string;
  readonly kind: 'weight' | 'aggregation' | 'normalise' | 'impute';
  /** Indicator position for a weight factor. */
  readonly indicator?: number;
  /** Levels of a discrete factor (drawn with equal probability). */
  readonly levels?: readonly string[];
}

/** Sobol' indices of one factor, pooled over all years (`year` null) or for one year. */
export interface SobolRow {
  readonly year: number | null;
  readonly factor: string;
  readonly first: number;
  readonly total: number;
  /** Σ_r V_r: the summed variance of the index the indices are shares of. */
  readonly variance: number;
  /** Pair-years that entered the estimate. */
  readonly pairYears: number;
  /** 95 % bootstrap interval of `first` (resampling the draws; see `sobolIntervals`). */
  readonly firstLow: number;
  readonly firstHigh: number;
  /** 95 % bootstrap interval of `total`. */
  readonly totalLow: number;
  readonly totalHigh: number;
}

/** Everything the analysis produced; per-pair-year arrays follow the table's rows. */
export interface SensitivityResult extends SensitivityRows {
  readonly factors: readonly SensitivityFactor[];
  readonly draws: number;
  /** Model runs per pair-year: N·(k + 2), plus the nominal one. */
  readonly runs: number;
  readonly sobol: readonly SobolRow[];
}

/** Progress callback: (label, done, total). */
export type SensitivityProgress = (label: string, done: number, total: number) => void;

const PROBS = [0.05, 0.5, 0.95] as const;

/**
 * The uncertain factors of a model and spec, in a fixed order: weights (config order),
 * aggregation, normalisation.
 * @example sensitivityFactors(model, spec).map((f) => f.name) // ['weight_un', 'weight_trade', 'aggregation']
 */
export function sensitivityFactors(model: SensitivityModel, spec: SensitivitySpec): SensitivityFactor[] {
  const out: SensitivityFactor[] = [];
  if (spec.weightRange > 0) {
    model.indicators.forEach((ind, i) => {
      if (ind.weight > 0) out.push({ name: `weight_${ind.id}`, kind: 'weight', indicator: i });
    });
  }
  const aggs = [...new Set(spec.aggregations)];
  if (aggs.length > 1) out.push({ name: 'aggregation', kind: 'aggregation', levels: aggs });
  const alts = [...new Set(spec.normalisers)];
  if (alts.length > 0) out.push({ name: 'normalise', kind: 'normalise', levels: ['configured', ...alts] });
  const imps = model.imputations?.levels ?? [];
  if (imps.length > 0) out.push({ name: 'impute', kind: 'impute', levels: ['configured', ...imps] });
  return out;
}

/** A decoded design point: the weights, the rule and the normalisation level of one run. */
export interface Run {
  readonly weights: Float64Array;
  readonly total: number;
  readonly geometric: boolean;
  /** Normalisation level (0 = as configured). */
  readonly level: number;
  /** Imputation level (0 = as configured). */
  readonly impute: number;
}

/** The columns of a scored table the analysis reads. */
export type SensitivityTable = Pick<ScoreTable, 'keys' | 'raw' | 'norm' | 'imputed'>;

/** Per-pair-year outputs, by table row (may live in shared memory: each year's rows are written by one worker). */
export interface SensitivityRows {
  /** Index at the nominal point (the configured model, unsmoothed). */
  readonly reference: Float64Array;
  /** Rank at the nominal point within the year (0 = unranked). */
  readonly referenceRank: Float64Array;
  readonly indexMedian: Float64Array;
  readonly indexP05: Float64Array;
  readonly indexP95: Float64Array;
  readonly rankMedian: Float64Array;
  readonly rankP05: Float64Array;
  readonly rankP95: Float64Array;
  /** Draws of A (of N) that gave the pair-year an index. */
  readonly scored: Float64Array;
}

/** Sobol' sums of one year: the variance Σ_r V_r and the numerators of each factor. */
export interface YearSobol {
  readonly year: number;
  readonly variance: number;
  readonly pairYears: number;
  readonly first: Float64Array;
  readonly total: Float64Array;
  /** The year's per-draw terms, for the bootstrap intervals. */
  readonly terms: SobolDrawTerms;
}

/** Everything the years need: the factors, the decoded design, the normalised columns. */
export interface SensitivityPlan {
  readonly factors: readonly SensitivityFactor[];
  readonly draws: number;
  readonly seed: number;
  /** Normalised columns per imputation level, then normalisation level, then indicator. */
  readonly levels: readonly (readonly Float64Array[][])[];
  readonly useGeo: boolean;
  readonly runsA: readonly Run[];
  readonly runsB: readonly Run[];
  readonly runsAB: readonly Run[][];
  readonly nominal: Run;
  readonly ctx: EvalContext;
  readonly byYear: ReadonlyMap<number, Uint32Array>;
  /** Per indicator, 1 when its nominal weight is positive; with the `min_indicators` threshold (null when 1). */
  readonly minIndicators: { readonly counted: Uint8Array; readonly min: number } | null;
}

/**
 * Prepares an analysis: checks, factors, the Saltelli design decoded into runs, and the
 * normalised columns of every level (the only pass over the inputs).
 * @throws {RangeError} when `draws` < 2 or the table and the model disagree.
 * @example const plan = planSensitivity(table, model, spec); plan.factors.length // k
 */
export function planSensitivity(table: SensitivityTable, model: SensitivityModel, spec: SensitivitySpec): SensitivityPlan {
  if (!(spec.draws >= 2)) throw new RangeError(`sensitivity needs at least 2 draws, got ${spec.draws}`);
  const m = model.indicators.length;
  if (m === 0 || table.raw.length !== m) throw new RangeError('sensitivity needs the table and the model to list the same indicators');
  const factors = sensitivityFactors(model, spec);
  const k = factors.length;
  const n = spec.draws;
  const design = saltelliDesign(n, Math.max(k, 1), createRandom(spec.seed));
  const runsAB: Run[][] = [];
  for (let i = 0; i < k; i++) {
    const ab = Float64Array.from(design.a);
    for (let j = 0; j < n; j++) ab[j * design.k + i] = design.b[j * design.k + i]!;
    runsAB.push(decodeRuns(ab, n, design.k, factors, model, spec));
  }
  return {
    factors,
    draws: n,
    seed: spec.seed,
    levels: normalisationLevels(table, model, spec),
    useGeo: model.aggregation === 'geometric' || factors.some((f) => f.kind === 'aggregation' && f.levels!.includes('geometric')),
    runsA: decodeRuns(design.a, n, design.k, factors, model, spec),
    runsB: decodeRuns(design.b, n, design.k, factors, model, spec),
    runsAB,
    nominal: {
      weights: Float64Array.from(model.indicators, (x) => x.weight),
      total: model.indicators.reduce((s, x) => s + x.weight, 0),
      geometric: model.aggregation === 'geometric',
      level: 0,
      impute: 0,
    },
    ctx: { lo: model.scale[0], span: model.scale[1] - model.scale[0], minCoverage: model.minCoverage, floor: model.geometricFloor },
    byYear: rowsByYear(table.keys),
    minIndicators: (model.minIndicators ?? 1) > 1 ? { counted: Uint8Array.from(model.indicators, (x) => (x.weight > 0 ? 1 : 0)), min: model.minIndicators! } : null,
  };
}

/**
 * Allocates the per-row outputs (NaN = none yet), optionally in shared memory.
 * @example sensitivityRows(table.keys.length).indexMedian.length // rows
 */
export function sensitivityRows(rows: number, shared = false): SensitivityRows {
  const make = (fill: number) => {
    const a = shared ? new Float64Array(new SharedArrayBuffer(rows * 8)) : new Float64Array(rows);
    return fill === 0 ? a : a.fill(fill);
  };
  return {
    reference: make(NaN),
    referenceRank: make(0),
    indexMedian: make(NaN),
    indexP05: make(NaN),
    indexP95: make(NaN),
    rankMedian: make(NaN),
    rankP05: make(NaN),
    rankP95: make(NaN),
    scored: make(0),
  };
}

/**
 * Runs the draws for some years (each year is independent): writes the rows of those years
 * into `out` and returns each year's Sobol' sums. The same numbers whichever years run
 * together, so the work can be split between threads. `progress` is told each finished year
 * and its pair-years (the work is in proportion to them).
 * @example const sums = runSensitivityYears(plan, [2015, 2016], out);
 */
export function runSensitivityYears(plan: SensitivityPlan, years: readonly number[], out: SensitivityRows, progress?: (year: number, pairYears: number) => void): YearSobol[] {
  const { factors, draws: n, levels, useGeo, runsA, runsB, runsAB, nominal, ctx } = plan;
  const k = factors.length;
  let maxR = 0;
  for (const y of years) maxR = Math.max(maxR, plan.byYear.get(y)?.length ?? 0);
  // each draw's index as float32 (a monotone rounding): the quantiles are selected on these and
  // the few draws tied with a selected value are evaluated again exactly (quantilesByProxy)
  const store = new Float32Array(maxR * n);
  const rankStore = maxR < 65536 ? new Uint16Array(maxR * n) : new Uint32Array(maxR * n);
  const ws = new RankWorkspace();
  const sums: YearSobol[] = [];
  const scratch = new Scratch();
  // the pattern kernel when every run has the configured imputation (no `impute` factor)
  const kernel = levels.length === 1 ? new PatternKernel(factors, ctx, scratch) : new DrawKernel(factors, ctx);
  for (const year of years) {
    const yr = plan.byYear.get(year);
    if (!yr) continue;
    const R = yr.length;
    const block = blockRows(levels, yr, useGeo, ctx.floor, plan.minIndicators, scratch);
    const fA = scratch.zeros('fA', R);
    const rank = new Uint32Array(R);
    // nominal run
    const ref = scratch.zeros('ref', R);
    evaluate(block, nominal, ctx, ref);
    radixRanks(ref, R, rank, ws);
    for (let t = 0; t < R; t++) {
      out.reference[yr[t]!] = ref[t]!;
      out.referenceRank[yr[t]!] = rank[t]!;
    }
    const acc = new RowSums(R, k, n, ref, ctx.lo + ctx.span / 2, scratch);
    kernel.reset(block);
    for (let j = 0; j < n; j++) {
      acc.draw = j;
      if (k === 0) evaluate(block, runsA[j]!, ctx, fA);
      else kernel.draw(block, runsA[j]!, runsB[j]!, runsAB, j, fA, acc);
      radixRanks(fA, R, rank, ws);
      // draw-major (contiguous writes); summariseRows reads each row with stride R
      store.set(fA, j * R);
      rankStore.set(rank, j * R);
    }
    summariseRows(yr, store, rankStore, n, out, (t, j) => evaluateRow(block, runsA[j]!, ctx, t));
    if (k > 0) {
      const yearSums = new SobolSums(k, 0);
      acc.into(yearSums);
      sums.push({ year, variance: yearSums.variance, pairYears: yearSums.pairYears, first: yearSums.first, total: yearSums.total, terms: acc.terms });
    }
    progress?.(year, R);
  }
  return sums;
}

/**
 * The Sobol' rows from each year's sums: pooled over all years (sums added in year order,
 * so the result does not depend on how the years were split), then each year.
 * @example sobolRows(plan.factors, sums)[0].year // null
 */
export function sobolRows(factors: readonly SensitivityFactor[], yearSums: readonly YearSobol[], draws: number, seed: number): SobolRow[] {
  const k = factors.length;
  if (k === 0) return [];
  const sorted = [...yearSums].sort((a, b) => a.year - b.year);
  // the bootstrap's own stream (not the design's), the same resamples for every estimate
  const resamples = drawResamples(draws, SOBOL_BOOTSTRAP_RESAMPLES, createRandom((seed + BOOTSTRAP_SEED_OFFSET) >>> 0));
  const pooled = new SobolSums(k, draws);
  const perYear: SobolRow[] = [];
  for (const y of sorted) {
    pooled.variance += y.variance;
    pooled.pairYears += y.pairYears;
    for (let i = 0; i < k; i++) {
      pooled.first[i]! += y.first[i]!;
      pooled.total[i]! += y.total[i]!;
    }
    for (let t = 0; t < draws * k; t++) {
      pooled.terms.first[t]! += y.terms.first[t]!;
      pooled.terms.total[t]! += y.terms.total[t]!;
    }
    for (let t = 0; t < draws; t++) pooled.terms.square[t]! += y.terms.square[t]!;
    const one = new SobolSums(k, 0);
    one.variance = y.variance;
    one.pairYears = y.pairYears;
    one.first.set(y.first);
    one.total.set(y.total);
    perYear.push(...one.rows(y.year, factors, sobolIntervals(y.terms, one, draws, k, resamples)));
  }
  return [...pooled.rows(null, factors, sobolIntervals(pooled.terms, pooled, draws, k, resamples)), ...perYear];
}

/** Added to the seed for the stream of the bootstrap resamples (2^32 / golden ratio), so they are not the design's draws. */
const BOOTSTRAP_SEED_OFFSET = 0x9e3779b9;

/**
 * Runs the analysis over every pair-year of the table, in this thread. Deterministic for a
 * given spec (seed), whatever the machine.
 * @throws {RangeError} when `draws` < 2 or the table has no indicator.
 * @example
 * const res = runSensitivity(table, model, { draws: 1000, seed: 1, weightRange: 0.25, aggregations: ['arithmetic', 'geometric'], normalisers: [] });
 * res.indexP05[0] <= res.indexMedian[0] && res.indexMedian[0] <= res.indexP95[0] // true
 */
export function runSensitivity(table: SensitivityTable, model: SensitivityModel, spec: SensitivitySpec, progress?: SensitivityProgress): SensitivityResult {
  const plan = planSensitivity(table, model, spec);
  const out = sensitivityRows(table.keys.length);
  const years = [...plan.byYear.keys()];
  let done = 0;
  const sums = runSensitivityYears(plan, years, out, (_, rows) => progress?.('sensitivity', (done += rows), table.keys.length));
  return sensitivityResult(plan, out, sums);
}

/**
 * Assembles the result from the plan, the filled rows and the years' Sobol' sums.
 * @example sensitivityResult(plan, out, sums).runs // N·(k + 2) + 1
 */
export function sensitivityResult(plan: SensitivityPlan, out: SensitivityRows, sums: readonly YearSobol[]): SensitivityResult {
  return {
    factors: plan.factors,
    draws: plan.draws,
    runs: plan.draws * (plan.factors.length + 2) + 1,
    ...out,
    sobol: sobolRows(plan.factors, sums, plan.draws, plan.seed),
  };
}

/**
 * Normalised columns per imputation level (0 = as configured), normalisation level (0 = as
 * configured) and indicator, over the whole table. Every normaliser is fitted on the pool of
 * observed values (as the configured normalisation is) and applied, with the indicator's
 * polarity, to the observed and imputed values of the imputation level.
 */
function normalisationLevels(table: SensitivityTable, model: SensitivityModel, spec: SensitivitySpec): Float64Array[][][] {
  const alts = [...new Set(spec.normalisers)];
  const used = (i: number): Float64Array => {
    const imp = table.imputed?.[i];
    if (!imp) return table.raw[i]!;
    return Float64Array.from(table.raw[i]!, (x, r) => (x === x ? x : imp[r]!));
  };
  // the configured level's raw columns (observed and imputed values) are made only when an
  // alternative normaliser is fitted on them (level 0 of the configured normalisers is the table's)
  const configuredRaw = alts.length > 0 ? model.indicators.map((_, i) => used(i)) : [];
  const rawLevels: (readonly Float64Array[])[] = [configuredRaw, ...(model.imputations?.raw ?? [])];
  const apply = (name: NormaliserName, ind: SensitivityIndicator, i: number, raw: Float64Array): Float64Array => {
    const params = { goalposts: ind.goalposts, goalpostQuantiles: ind.goalpostQuantiles, winsorise: ind.winsorise };
    const fitted = fitNormaliser(name, model.pool?.[i] ?? table.raw[i]!, params, (model.pool ? model.poolKeys ?? table.keys : table.keys).map(yearOfKey));
    const col = new Float64Array(raw.length);
    for (let r = 0; r < raw.length; r++) {
      const v = fitted(raw[r]!, yearOfKey(table.keys[r]!));
      col[r] = ind.polarity === 'negative' ? 1 - v : v;
    }
    return col;
  };
  return rawLevels.map((raws, l) => [
    model.indicators.map((ind, i) => (l === 0 ? table.norm[i]! : apply(ind.normalise, ind, i, raws[i]!))),
    ...alts.map((alt) =>
      model.indicators.map((ind, i) => {
        if (alt === 'goalposts' && !ind.goalposts && !ind.goalpostQuantiles) return l === 0 ? table.norm[i]! : apply(ind.normalise, ind, i, raws[i]!);
        return apply(alt, ind, i, raws[i]!);
      }),
    ),
  ]);
}

/** Turns each row of a design matrix into a run. */
function decodeRuns(u: Float64Array, n: number, stride: number, factors: readonly SensitivityFactor[], model: SensitivityModel, spec: SensitivitySpec): Run[] {
  const runs: Run[] = [];
  for (let j = 0; j < n; j++) {
    const weights = Float64Array.from(model.indicators, (x) => x.weight);
    let geometric = model.aggregation === 'geometric';
    let level = 0;
    let impute = 0;
    factors.forEach((f, i) => {
      const x = u[j * stride + i]!;
      if (f.kind === 'weight') {
        const w0 = model.indicators[f.indicator!]!.weight;
        weights[f.indicator!] = w0 * (1 - spec.weightRange + 2 * spec.weightRange * x);
      } else {
        const pick = Math.min(f.levels!.length - 1, Math.floor(x * f.levels!.length));
        if (f.kind === 'aggregation') geometric = f.levels![pick] === 'geometric';
        else if (f.kind === 'impute') impute = pick;
        else level = pick;
      }
    });
    runs.push({ weights, total: weights.reduce((s, w) => s + w, 0), geometric, level, impute });
  }
  return runs;
}

/** Scale and thresholds of the aggregation. */
export interface EvalContext {
  readonly lo: number;
  readonly span: number;
  readonly minCoverage: number;
  readonly floor: number;
}

/**
 * The columns of one year for one imputation level, row-major (row t, indicator i at t·m + i):
 * `cols[level][0]` the normalised values with missing values as 0, `cols[level][1]` (when
 * geometric runs are drawn) ln(f + (1 − f)·v), missing as 0. Which indicators a row has
 * depends on the imputation, never on the normaliser: rows are grouped by that pattern
 * (`pattern[t]`, presence flags of pattern p at `patterns[p·m + i]`), so the weight sum
 * Σ w_i over the indicators present is computed once per run and pattern, not per row;
 * `thin[p]` = 1 when pattern p has fewer indicators than `min_indicators` (no index).
 */
interface ImputationBlock {
  readonly cols: Float64Array[][];
  readonly pattern: Uint32Array;
  readonly patterns: Float64Array;
  readonly patternCount: number;
  readonly thin: Uint8Array;
}

/** One year's rows: per imputation level (0 = as configured) its {@link ImputationBlock}. */
interface Block {
  readonly size: number;
  readonly m: number;
  readonly imp: readonly ImputationBlock[];
  /** The largest pattern count over the imputation levels. */
  readonly patternMax: number;
}

function blockRows(levels: readonly (readonly Float64Array[][])[], rows: Uint32Array, geo: boolean, floor: number, min: SensitivityPlan['minIndicators'], scratch: Scratch): Block {
  const R = rows.length;
  const m = levels[0]![0]!.length;
  const imp = levels.map((byNorm, l): ImputationBlock => {
    const cols = byNorm.map((lv, v) => {
      const values = scratch.zeros(`values ${l} ${v}`, R * m);
      const logs = geo ? scratch.zeros(`logs ${l} ${v}`, R * m) : null;
      for (let i = 0; i < m; i++) {
        const col = lv[i]!;
        for (let t = 0, at = i; t < R; t++, at += m) {
          const x = col[rows[t]!]!;
          if (x !== x) continue;
          values[at] = x;
          if (logs) logs[at] = Math.log(floor + (1 - floor) * x);
        }
      }
      return logs ? [values, logs] : [values];
    });
    const ids = new Map<string, number>();
    const pattern = new Uint32Array(R);
    const flags: number[] = [];
    const thin: number[] = [];
    const present = byNorm[0]!;
    for (let t = 0; t < R; t++) {
      let key = '';
      for (let i = 0; i < m; i++) key += present[i]![rows[t]!] === present[i]![rows[t]!] ? '1' : '0';
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
        let count = 0;
        for (let i = 0; i < m; i++) {
          const on = key.charCodeAt(i) === 49 ? 1 : 0;
          flags.push(on);
          if (on && min !== null && min.counted[i]) count++;
        }
        thin.push(min !== null && count < min.min ? 1 : 0);
      }
      pattern[t] = id;
    }
    return { cols, pattern, patterns: Float64Array.from(flags), patternCount: ids.size, thin: Uint8Array.from(thin) };
  });
  return { size: R, m, imp, patternMax: Math.max(...imp.map((b) => b.patternCount)) };
}

/**
 * Σ w_i·p_i over the indicators of each pattern of the run's imputation level (in indicator
 * order, as `aggregate.ts` adds them), NaN where it falls below the coverage threshold
 * min_coverage·Σ w or the pattern is too thin (`min_indicators`) — so a row of that pattern
 * gets no index without a branch.
 */
function patternWeights(block: Block, run: Run, ctx: EvalContext, out: Float64Array, at = 0): void {
  const ib = block.imp[run.impute]!;
  for (let p = 0; p < ib.patternCount; p++) out[at + p] = patternWeight(ib, block.m, run, ctx, p);
}

/** {@link patternWeights} of one pattern. */
function patternWeight(ib: ImputationBlock, m: number, run: Run, ctx: EvalContext, p: number): number {
  const { patterns, thin } = ib;
  const w = run.weights;
  const need = Math.max((ctx.minCoverage - 1e-12) * run.total, Number.MIN_VALUE);
  let ws = 0;
  for (let i = 0; i < m; i++) ws += w[i]! * patterns[p * m + i]!;
  return ws >= need && thin[p] === 0 ? ws : NaN;
}

/**
 * The index of row t of a block for one run (NaN below the coverage threshold): the same
 * operations, so the same double, as {@link evaluate} and the draw kernels give it.
 */
function evaluateRow(block: Block, run: Run, ctx: EvalContext, t: number): number {
  const { m } = block;
  const ib = block.imp[run.impute]!;
  const p = ib.pattern[t]!;
  const ws = patternWeight(ib, m, run, ctx, p);
  const cols = ib.cols[run.level]![run.geometric ? 1 : 0]!;
  const w = run.weights;
  let s = 0;
  for (let i = 0, base = t * m; i < m; i++) s += w[i]! * cols[base + i]!;
  const x = s / ws;
  return ctx.lo + ctx.span * (run.geometric ? fdlibmExp(x) : x);
}

/**
 * The index of every row of a block for one run, into `out` (NaN below the coverage
 * threshold): arithmetic lo + span·Σ w_i n_i / Σ w_i, geometric lo + span·exp(Σ w_i ln m_i / Σ w_i)
 * with m_i = f + (1 − f)·n_i, sums over the indicators present in indicator order — the
 * same numbers as `aggregate.ts` + `scaleResult`.
 */
function evaluate(block: Block, run: Run, ctx: EvalContext, out: Float64Array): void {
  const { m, size: R } = block;
  const ib = block.imp[run.impute]!;
  const pattern = ib.pattern;
  const cols = ib.cols[run.level]![run.geometric ? 1 : 0]!;
  const wsum = new Float64Array(ib.patternCount);
  patternWeights(block, run, ctx, wsum);
  const w = run.weights;
  const { lo, span } = ctx;
  const geo = run.geometric;
  for (let r = 0, base = 0; r < R; r++, base += m) {
    let s = 0;
    for (let i = 0; i < m; i++) s += w[i]! * cols[base + i]!;
    const x = s / wsum[pattern[r]!]!;
    out[r] = lo + span * (geo ? fdlibmExp(x) : x);
  }
}

/**
 * One draw of the Saltelli design over every row of a block in a single pass: f(A) into
 * `fA`, and f(B), f(AB_i) straight into the Sobol' sums. A run AB_i of a weight factor
 * differs from A in one weight only, so its sum reuses A's products and its partial sum
 * before that indicator (the same additions in the same order, so the same bits as a full
 * evaluation); the other factors' runs are evaluated in full.
 */
class DrawKernel {
  private readonly k: number;
  /** Per factor: the indicator of a weight factor, −1 otherwise. */
  private readonly swapped: Int32Array;
  private wsA = new Float64Array(0);
  private wsB = new Float64Array(0);
  private wsAB = new Float64Array(0);
  private pre = new Float64Array(0);
  private prod = new Float64Array(0);
  private readonly fAB: Float64Array;

  constructor(
    factors: readonly SensitivityFactor[],
    private readonly ctx: EvalContext,
  ) {
    this.k = factors.length;
    this.swapped = Int32Array.from(factors, (f) => (f.kind === 'weight' ? f.indicator! : -1));
    this.fAB = new Float64Array(this.k);
  }

  /** Sizes the work space for a block. */
  reset(block: Block): void {
    const P = block.patternMax;
    this.wsA = new Float64Array(P);
    this.wsB = new Float64Array(P);
    this.wsAB = new Float64Array(this.k * P);
    this.pre = new Float64Array(block.m);
    this.prod = new Float64Array(block.m);
  }

  draw(block: Block, a: Run, b: Run, runsAB: readonly (readonly Run[])[], j: number, fA: Float64Array, acc: RowSums): void {
    const { k, swapped, ctx, wsA, wsB, wsAB, pre, prod, fAB } = this;
    const { m, size: R, patternMax: P } = block;
    const { lo, span } = ctx;
    patternWeights(block, a, ctx, wsA);
    patternWeights(block, b, ctx, wsB);
    const ab: Run[] = [];
    for (let f = 0; f < k; f++) {
      ab.push(runsAB[f]![j]!);
      patternWeights(block, ab[f]!, ctx, wsAB, f * P);
    }
    const wA = a.weights;
    const wB = b.weights;
    const impA = block.imp[a.impute]!;
    const impB = block.imp[b.impute]!;
    const colsA = impA.cols[a.level]![a.geometric ? 1 : 0]!;
    const colsB = impB.cols[b.level]![b.geometric ? 1 : 0]!;
    const patternA = impA.pattern;
    const patternB = impB.pattern;
    // per factor, the patterns of its AB run (its imputation level decides which indicators a row has)
    const patternAB = ab.map((run) => block.imp[run.impute]!.pattern);
    const geoA = a.geometric;
    const geoB = b.geometric;
    for (let r = 0, base = 0; r < R; r++, base += m) {
      const pat = patternA[r]!;
      if (wsA[pat] !== wsA[pat]) {
        // below the coverage threshold in A: no index, and the row is left out of the Sobol' sums
        fA[r] = NaN;
        continue;
      }
      let s = 0;
      for (let i = 0; i < m; i++) {
        pre[i] = s;
        const t = wA[i]! * colsA[base + i]!;
        prod[i] = t;
        s += t;
      }
      let x = s / wsA[pat]!;
      const fa = lo + span * (geoA ? fdlibmExp(x) : x);
      fA[r] = fa;
      s = 0;
      for (let i = 0; i < m; i++) s += wB[i]! * colsB[base + i]!;
      x = s / wsB[patternB[r]!]!;
      if (x !== x) continue; // no index in B: the row is left out of this draw's Sobol' sums
      const fb = lo + span * (geoB ? fdlibmExp(x) : x);
      let complete = true;
      for (let f = 0; f < k; f++) {
        const wsf = wsAB[f * P + patternAB[f]![r]!]!;
        if (wsf !== wsf) {
          complete = false;
          break;
        }
        const run = ab[f]!;
        const q = swapped[f]!;
        if (q >= 0) {
          s = pre[q]! + run.weights[q]! * colsA[base + q]!;
          for (let i = q + 1; i < m; i++) s += prod[i]!;
        } else {
          const w = run.weights;
          const cols = block.imp[run.impute]!.cols[run.level]![run.geometric ? 1 : 0]!;
          s = 0;
          for (let i = 0; i < m; i++) s += w[i]! * cols[base + i]!;
        }
        x = s / wsf;
        fAB[f] = lo + span * (run.geometric ? fdlibmExp(x) : x);
      }
      if (complete) acc.add(r, fa, fb, fAB);
    }
  }
}

/**
 * The draw kernel of {@link DrawKernel} when every run has the configured imputation (no
 * `impute` factor), so a row's present indicators never change between runs: the rows of a
 * year are visited grouped by their pattern of present indicators, and only the present
 * indicators enter the sums (compacted columns). Bit-identical to {@link DrawKernel}: a
 * missing indicator adds w·0 = +0 to a sum that is never −0, which changes nothing; a run
 * AB_i that differs from A only in the weight of a missing indicator (or in a choice that
 * leaves the row's run unchanged) gives f(AB_i) = f(A) exactly, whose Sobol' terms are
 * zeros, so they are skipped. Work per row and draw: in proportion to the indicators
 * present, not to all of them.
 */
class PatternKernel {
  private readonly k: number;
  /** Per factor: the indicator of a weight factor, −1 otherwise. */
  private readonly swapped: Int32Array;
  private wsA = new Float64Array(0);
  private wsB = new Float64Array(0);
  private wsAB = new Float64Array(0);
  /** Rows of the block (positions within the year) grouped by pattern, in row order within a pattern. */
  private perm = new Uint32Array(0);
  /** Per pattern p: its rows perm[start[p], start[p + 1]). */
  private start = new Int32Array(0);
  /** Per pattern: the number of indicators present. */
  private present = new Int32Array(0);
  /** Per pattern p: its present indicators at idx[p·m, p·m + present[p]). */
  private idx = new Int32Array(0);
  /** Per pattern: where its first row's values start in the compacted columns. */
  private offset = new Int32Array(0);
  /** Compacted values per normalisation level, then [values, logs]: the present indicators of each row, rows in `perm` order. */
  private compact: Float64Array[][] = [];
  private pre = new Float64Array(0);
  private prod = new Float64Array(0);
  private gA = new Float64Array(0);
  private gB = new Float64Array(0);
  /** A row's arguments of e^x in one draw: f(A), the changed weights' runs, f(B). */
  private readonly xs: Float64Array;
  /** The active factors of a pattern in a draw: weight factors (factor, position, weight, weight sum). */
  private readonly wf: Int32Array;
  private readonly wt: Int32Array;
  private readonly ww: Float64Array;
  private readonly wws: Float64Array;
  /** Other active factors (factor, weight sum, geometric, columns). */
  private readonly of: Int32Array;
  private readonly ows: Float64Array;
  private readonly ogeo: Uint8Array;
  private readonly ocols: Float64Array[];

  constructor(
    factors: readonly SensitivityFactor[],
    private readonly ctx: EvalContext,
    private readonly scratch: Scratch,
  ) {
    this.k = factors.length;
    this.swapped = Int32Array.from(factors, (f) => (f.kind === 'weight' ? f.indicator! : -1));
    this.wf = new Int32Array(this.k);
    this.wt = new Int32Array(this.k);
    this.ww = new Float64Array(this.k);
    this.wws = new Float64Array(this.k);
    this.of = new Int32Array(this.k);
    this.ows = new Float64Array(this.k);
    this.ogeo = new Uint8Array(this.k);
    this.ocols = [];
    this.xs = new Float64Array(this.k + 2);
  }

  /** Groups the block's rows by pattern and compacts its columns. */
  reset(block: Block): void {
    const { m, size: R } = block;
    const ib = block.imp[0]!;
    const P = ib.patternCount;
    this.wsA = new Float64Array(P);
    this.wsB = new Float64Array(P);
    this.wsAB = new Float64Array(this.k * P);
    const start = new Int32Array(P + 1);
    for (let t = 0; t < R; t++) start[ib.pattern[t]! + 1]!++;
    for (let p = 0; p < P; p++) start[p + 1]! += start[p]!;
    const fill = start.slice(0, P);
    const perm = new Uint32Array(R);
    for (let t = 0; t < R; t++) perm[fill[ib.pattern[t]!]!++] = t;
    const present = new Int32Array(P);
    const idx = new Int32Array(P * m);
    const offset = new Int32Array(P);
    let total = 0;
    for (let p = 0; p < P; p++) {
      let c = 0;
      for (let i = 0; i < m; i++) if (ib.patterns[p * m + i]) idx[p * m + c++] = i;
      present[p] = c;
      offset[p] = total;
      total += c * (start[p + 1]! - start[p]!);
    }
    this.compact = ib.cols.map((byKind, level) =>
      byKind.map((cols, kind) => {
        const out = this.scratch.zeros(`compact ${level} ${kind}`, total);
        for (let p = 0; p < P; p++) {
          const c = present[p]!;
          for (let u = start[p]!, at = offset[p]!; u < start[p + 1]!; u++) {
            const base = perm[u]! * m;
            for (let t = 0; t < c; t++) out[at++] = cols[base + idx[p * m + t]!]!;
          }
        }
        return out;
      }),
    );
    this.perm = perm;
    this.start = start;
    this.present = present;
    this.idx = idx;
    this.offset = offset;
    this.pre = new Float64Array(m);
    this.prod = new Float64Array(m);
    this.gA = new Float64Array(m);
    this.gB = new Float64Array(m);
  }

  draw(block: Block, a: Run, b: Run, runsAB: readonly (readonly Run[])[], j: number, fA: Float64Array, acc: RowSums): void {
    const { k, swapped, ctx, wsA, wsB, wsAB, perm, start, present, idx, offset, compact, pre, prod, gA, gB } = this;
    const { wf, wt, ww, wws, of, ows, ogeo, ocols, xs } = this;
    const m = block.m;
    const P = block.imp[0]!.patternCount;
    const { lo, span } = ctx;
    patternWeights(block, a, ctx, wsA);
    patternWeights(block, b, ctx, wsB);
    for (let f = 0; f < k; f++) patternWeights(block, runsAB[f]![j]!, ctx, wsAB, f * P);
    const wA = a.weights;
    const wB = b.weights;
    const colsA = compact[a.level]![a.geometric ? 1 : 0]!;
    const colsB = compact[b.level]![b.geometric ? 1 : 0]!;
    const geoA = a.geometric;
    const geoB = b.geometric;
    const { count, sum, sumSq, first, total, diff, centre } = acc;
    const termFirst = acc.terms.first;
    const termTotal = acc.terms.total;
    const dk = j * k;
    let square = 0;
    for (let p = 0; p < P; p++) {
      const u0 = start[p]!;
      const u1 = start[p + 1]!;
      const wa = wsA[p]!;
      if (wa !== wa) {
        // below the coverage threshold in A: no index, and the row is left out of the Sobol' sums
        for (let u = u0; u < u1; u++) fA[perm[u]!] = NaN;
        continue;
      }
      const c = present[p]!;
      const wb = wsB[p]!;
      let complete = wb === wb;
      for (let t = 0; t < c; t++) {
        const i = idx[p * m + t]!;
        gA[t] = wA[i]!;
        gB[t] = wB[i]!;
      }
      // the factors whose run differs from A on this pattern
      let nw = 0;
      let no = 0;
      for (let f = 0; f < k && complete; f++) {
        const wsf = wsAB[f * P + p]!;
        if (wsf !== wsf) complete = false;
        const run = runsAB[f]![j]!;
        const q = swapped[f]!;
        if (q >= 0) {
          let t = 0;
          while (t < c && idx[p * m + t] !== q) t++;
          if (t === c) continue; // the indicator is missing: f(AB_i) = f(A)
          wf[nw] = f;
          wt[nw] = t;
          ww[nw] = run.weights[q]!;
          wws[nw++] = wsf;
        } else {
          if (run.level === a.level && run.geometric === geoA) continue; // the same run as A
          of[no] = f;
          ows[no] = wsf;
          ogeo[no] = run.geometric ? 1 : 0;
          ocols[no++] = compact[run.level]![run.geometric ? 1 : 0]!;
        }
      }
      for (let u = u0, at = offset[p]!; u < u1; u++, at += c) {
        const r = perm[u]!;
        let s = 0;
        for (let t = 0; t < c; t++) {
          pre[t] = s;
          const x = gA[t]! * colsA[at + t]!;
          prod[t] = x;
          s += x;
        }
        if (!complete) {
          const x = s / wa;
          fA[r] = lo + span * (geoA ? fdlibmExp(x) : x);
          continue;
        }
        // the arguments of f(A), of each changed weight's run and of f(B), then their
        // exponentials in one loop (geometric runs): xs[0] A, xs[1, 1 + nw) the weights, xs[1 + nw] B
        xs[0] = s / wa;
        for (let e = 0; e < nw; e++) {
          const q = wt[e]!;
          s = pre[q]! + ww[e]! * colsA[at + q]!;
          for (let t = q + 1; t < c; t++) s += prod[t]!;
          xs[1 + e] = s / wws[e]!;
        }
        s = 0;
        for (let t = 0; t < c; t++) s += gB[t]! * colsB[at + t]!;
        xs[1 + nw] = s / wb;
        if (geoA) fdlibmExpRange(xs, 0, geoB ? 2 + nw : 1 + nw);
        else if (geoB) xs[1 + nw] = fdlibmExp(xs[1 + nw]!);
        const fa = lo + span * xs[0]!;
        fA[r] = fa;
        const fb = lo + span * xs[1 + nw]!;
        // RowSums.add, for the factors that change the row's run
        const cr = centre[r]!;
        const da = fa - cr;
        const db = fb - cr;
        count[r]!++;
        sum[r]! += da + db;
        sumSq[r]! += da * da + db * db;
        square += da * da + db * db;
        const row = r * k;
        for (let e = 0; e < nw; e++) {
          const d = lo + span * xs[1 + e]! - cr - da;
          const cell = row + wf[e]!;
          first[cell]! += db * d;
          total[cell]! += d * d;
          diff[cell]! += d;
          termFirst[dk + wf[e]!]! += db * d;
          termTotal[dk + wf[e]!]! += d * d;
        }
        for (let e = 0; e < no; e++) {
          const cols = ocols[e]!;
          s = 0;
          for (let t = 0; t < c; t++) s += gA[t]! * cols[at + t]!;
          const x = s / ows[e]!;
          const d = lo + span * (ogeo[e] ? fdlibmExp(x) : x) - cr - da;
          const cell = row + of[e]!;
          first[cell]! += db * d;
          total[cell]! += d * d;
          diff[cell]! += d;
          termFirst[dk + of[e]!]! += db * d;
          termTotal[dk + of[e]!]! += d * d;
        }
      }
    }
    acc.terms.square[j] = square;
  }
}

/** Per-row running sums of the Sobol' estimators within one year (factor i of row r at r·k + i). */
class RowSums {
  readonly count: Float64Array;
  readonly sum: Float64Array;
  readonly sumSq: Float64Array;
  readonly first: Float64Array;
  readonly total: Float64Array;
  /** Σ (f(AB_i) − f(A)): lets the first-order sum be re-centred on the row's sample mean at the end. */
  readonly diff: Float64Array;
  readonly centre: Float64Array;
  /** The per-draw sums over rows of the Sobol' terms (for the bootstrap intervals). */
  readonly terms: SobolDrawTerms;
  /** The draw being added. */
  draw = 0;

  constructor(
    readonly size: number,
    readonly k: number,
    n: number,
    reference: Float64Array,
    fallback: number,
    scratch: Scratch,
  ) {
    // the year's terms are kept (the bootstrap intervals); the rest is work space
    this.terms = { first: new Float64Array(n * k), total: new Float64Array(n * k), square: new Float64Array(n) };
    this.count = scratch.zeros('count', size);
    this.sum = scratch.zeros('sum', size);
    this.sumSq = scratch.zeros('sumSq', size);
    this.first = scratch.zeros('first', k * size);
    this.total = scratch.zeros('total', k * size);
    this.diff = scratch.zeros('diff', k * size);
    // outputs are centred on the nominal index while summing (accuracy); the first-order sum
    // is re-centred on the sample mean at the end (variance of the estimator)
    this.centre = scratch.zeros('centre', size);
    for (let r = 0; r < size; r++) this.centre[r] = reference[r] === reference[r] ? reference[r]! : fallback;
  }

  /** Adds one draw of row r: f(A), f(B) and f(AB_i) (factor i at i). */
  add(r: number, fa: number, fb: number, fAB: Float64Array): void {
    const { k, centre, first, total, diff } = this;
    const c = centre[r]!;
    const a = fa - c;
    const b = fb - c;
    if (a !== a || b !== b) return;
    for (let i = 0; i < k; i++) if (fAB[i] !== fAB[i]) return;
    this.count[r]!++;
    this.sum[r]! += a + b;
    this.sumSq[r]! += a * a + b * b;
    const { terms, draw } = this;
    terms.square[draw]! += a * a + b * b;
    for (let i = 0, at = r * k, dt = draw * k; i < k; i++, at++, dt++) {
      const d = fAB[i]! - c - a;
      first[at]! += b * d;
      total[at]! += d * d;
      diff[at]! += d;
      terms.first[dt]! += b * d;
      terms.total[dt]! += d * d;
    }
  }

  /** Adds each row's variance and estimator numerators (per-row means) to `sums`. */
  into(sums: SobolSums): void {
    for (let r = 0; r < this.size; r++) {
      const c = this.count[r]!;
      if (c < 2) continue;
      const mean = this.sum[r]! / (2 * c);
      const v = Math.max(0, (this.sumSq[r]! - 2 * c * mean * mean) / (2 * c - 1));
      sums.variance += v;
      sums.pairYears++;
      for (let i = 0, at = r * this.k; i < this.k; i++, at++) {
        // Σ (f(B) − m)(f(AB_i) − f(A)) with m the sample mean of f(A) and f(B), as in sobol.ts
        sums.first[i]! += (this.first[at]! - mean * this.diff[at]!) / c;
        sums.total[i]! += this.total[at]! / (2 * c);
      }
    }
  }
}

/**
 * Work arrays reused from year to year: a worker's years would otherwise allocate and free
 * ≈ 10 MB each (blocks, compacted columns, per-row sums), and the C allocator keeps much of
 * what a thread frees (≈ 50 MB more peak memory on the real panel).
 */
class Scratch {
  private readonly arrays = new Map<string, Float64Array>();

  /** `length` zeros under `key`: a view of the key's buffer, which grows (by half at least) when too small. */
  zeros(key: string, length: number): Float64Array {
    const had = this.arrays.get(key);
    if (had !== undefined && had.length >= length) return had.subarray(0, length).fill(0);
    const grown = new Float64Array(Math.max(length, Math.ceil((had?.length ?? 0) * 1.5)));
    this.arrays.set(key, grown);
    return grown.subarray(0, length);
  }
}

/** Sums of variances and numerators over pair-years. */
class SobolSums {
  variance = 0;
  pairYears = 0;
  readonly first: Float64Array;
  readonly total: Float64Array;
  /** Per-draw terms summed over years (pooled sums only). */
  readonly terms: SobolDrawTerms;

  constructor(k: number, draws: number) {
    this.first = new Float64Array(k);
    this.total = new Float64Array(k);
    this.terms = { first: new Float64Array(draws * k), total: new Float64Array(draws * k), square: new Float64Array(draws) };
  }

  rows(year: number | null, factors: readonly SensitivityFactor[], ci?: SobolIntervals): SobolRow[] {
    return factors.map((f, i) => ({
      year,
      factor: f.name,
      first: this.variance > 0 ? this.first[i]! / this.variance : NaN,
      total: this.variance > 0 ? this.total[i]! / this.variance : NaN,
      variance: this.variance,
      pairYears: this.pairYears,
      firstLow: ci?.firstLow[i] ?? NaN,
      firstHigh: ci?.firstHigh[i] ?? NaN,
      totalLow: ci?.totalLow[i] ?? NaN,
      totalHigh: ci?.totalHigh[i] ?? NaN,
    }));
  }
}

/**
 * Quantiles of the stored draws of each row of one year: the index of each draw is stored as
 * float32, the rank exactly; `exact(t, j)` gives the exact index of the year's row t in draw j
 * (for the few draws whose float32 ties with a selected order statistic).
 */
function summariseRows(
  rows: Uint32Array,
  store: Float32Array,
  rankStore: Uint16Array | Uint32Array,
  n: number,
  out: {
    indexMedian: Float64Array;
    indexP05: Float64Array;
    indexP95: Float64Array;
    rankMedian: Float64Array;
    rankP05: Float64Array;
    rankP95: Float64Array;
    scored: Float64Array;
  },
  exact: (t: number, draw: number) => number,
): void {
  const vals = new Float64Array(n);
  const drawOf = new Int32Array(n);
  const ranks = new Float64Array(n);
  const ws = new QuantileWorkspace(n);
  const q = new Float64Array(PROBS.length);
  const R = rows.length;
  // the store is draw-major: a tile of TILE rows is gathered draw by draw (contiguous reads),
  // then each row's draws are read from the tile (contiguous) instead of with stride R
  const TILE = 64;
  const tileVals = new Float64Array(TILE * n);
  const tileRanks = new Float64Array(TILE * n);
  for (let t = 0; t < R; t++) {
    const tt = t % TILE;
    if (tt === 0) {
      const width = Math.min(TILE, R - t);
      for (let j = 0, at = t; j < n; j++, at += R) {
        for (let e = 0, to = j; e < width; e++, to += n) {
          tileVals[to] = store[at + e]!;
          tileRanks[to] = rankStore[at + e]!;
        }
      }
    }
    let c = 0;
    for (let j = 0, at = tt * n; j < n; j++, at++) {
      const v = tileVals[at]!;
      if (v !== v) continue;
      vals[c] = v;
      ranks[c] = tileRanks[at]!;
      drawOf[c] = j;
      c++;
    }
    const row = rows[t]!;
    out.scored[row] = c;
    if (c === 0) continue;
    quantilesByProxy(vals, c, PROBS, q, ws, (i) => exact(t, drawOf[i]!));
    out.indexP05[row] = q[0]!;
    out.indexMedian[row] = q[1]!;
    out.indexP95[row] = q[2]!;
    quantilesOfIntegers(ranks, c, PROBS, q, ws);
    out.rankP05[row] = q[0]!;
    out.rankMedian[row] = q[1]!;
    out.rankP95[row] = q[2]!;
  }
}

/**
 * Warnings about Sobol' estimates that Monte Carlo error has made implausible: an index
 * outside [0, 1], or a first-order index above the upper end of its factor's total-index
 * interval (in theory S_i ≤ S_Ti). The pooled estimates are named one by one; the per-year
 * ones are counted. Each says to raise `--draws` (the error shrinks as 1/√N).
 * @example sobolWarnings(res.sobol, 1000) // ['Sobol\' index of aggregation: total 1.012 is outside [0, 1] (95 % interval 0.987–1.031); raise --draws (now 1000) for a closer estimate']
 */
export function sobolWarnings(rows: readonly SobolRow[], draws: number): string[] {
  const out: string[] = [];
  const advice = `raise --draws (now ${draws}) for a closer estimate`;
  const num = (x: number) => x.toFixed(3);
  const interval = (lo: number, hi: number) => (lo === lo && hi === hi ? ` (95 % interval ${num(lo)}–${num(hi)})` : '');
  const problems = (s: SobolRow): string[] => {
    const p: string[] = [];
    if (s.first === s.first && (s.first < 0 || s.first > 1)) p.push(`first-order ${num(s.first)} is outside [0, 1]${interval(s.firstLow, s.firstHigh)}`);
    if (s.total === s.total && (s.total < 0 || s.total > 1)) p.push(`total ${num(s.total)} is outside [0, 1]${interval(s.totalLow, s.totalHigh)}`);
    if (s.first > s.totalHigh) p.push(`first-order ${num(s.first)} is above the total's interval (${num(s.totalLow)}–${num(s.totalHigh)})`);
    return p;
  };
  let years = 0;
  let estimates = 0;
  for (const s of rows) {
    const p = problems(s);
    if (p.length === 0) continue;
    if (s.year === null) out.push(`Sobol' index of ${s.factor}: ${p.join('; ')}; ${advice}`);
    else {
      years++;
      estimates += p.length;
    }
  }
  if (years > 0) out.push(`${estimates} per-year Sobol' estimate(s) in ${years} year-factor row(s) of sobol.csv are outside [0, 1] or have a first-order index above the total's interval; ${advice}`);
  return out;
}
