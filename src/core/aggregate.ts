/**
 * Aggregation of one pair-year's normalised indicators (0–1) into the index, with the
 * contribution of each indicator. A table of strategies keyed by name.
 *
 * Weights are renormalised over the indicators present (w̃_i = w_i / Σ_present w_j).
 * Every strategy returns the index on [0, 1] and contributions that add up to it; the
 * caller scales both to the configured range [lo, hi] with {@link scaleResult}.
 */
import type { CompiledFormula } from './formula.js';
import { DEFAULTS } from '../domain/defaults.js';

/** Names accepted by `aggregation:`. */
export type AggregationName = 'arithmetic' | 'geometric' | 'formula' | 'latent';

/** Inputs of one aggregation: normalised values (NaN = missing) and raw weights, by position. */
export interface AggregateInput {
  readonly values: Float64Array;
  readonly weights: Float64Array;
}

/** An index on [0, 1] and its additive decomposition (NaN for indicators not present). */
export interface AggregateResult {
  readonly index: number;
  readonly contributions: Float64Array;
}

/** Per-run settings of the strategies. */
export interface AggregateSettings {
  /** Lower bound the normalised values are shifted to for the geometric mean (default 0.01). */
  readonly geometricFloor: number;
  /** The compiled formula for `formula`, with the position of each indicator id. */
  readonly formula: { readonly compiled: CompiledFormula; readonly ids: readonly string[] } | null;
}

/** An aggregation strategy; returns null when it cannot produce an index for the row. */
export type Aggregator = (input: AggregateInput, settings: AggregateSettings) => AggregateResult | null;

/**
 * `arithmetic`: I = Σ w̃_i·n_i (fully compensatory). Contribution c_i = w̃_i·n_i.
 * Range [0, 1].
 * @example aggregateArithmetic({ values: Float64Array.of(1, 0.5), weights: Float64Array.of(1, 1) }, S).index // 0.75
 */
export function aggregateArithmetic(input: AggregateInput): AggregateResult | null {
  const { values, weights } = input;
  let wsum = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) wsum += weights[i]!;
  if (!(wsum > 0)) return null;
  const contributions = new Float64Array(values.length);
  return { index: arithmeticInto(values, weights, contributions), contributions };
}

/**
 * {@link aggregateArithmetic} without allocating: writes the contributions c_i = w̃_i·n_i into
 * `contributions` (NaN for a missing value) and returns I = Σ c_i; NaN when no weight is
 * present (where `aggregateArithmetic` gives null; callers check the weight first).
 * @example arithmeticInto(Float64Array.of(1, 0.5), Float64Array.of(1, 1), new Float64Array(2)) // 0.75
 */
export function arithmeticInto(values: Float64Array, weights: Float64Array, contributions: Float64Array): number {
  let wsum = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) wsum += weights[i]!;
  if (!(wsum > 0)) return NaN;
  let index = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) {
      contributions[i] = NaN;
      continue;
    }
    const c = (weights[i]! / wsum) * v;
    contributions[i] = c;
    index += c;
  }
  return index;
}

/**
 * `geometric`: I = Π m_i^w̃_i with m_i = f + (1 − f)·n_i (f = `geometric_floor`, default
 * 0.01, so the mean never sees a zero; COINr #47/#65). Partially compensatory: rewards
 * balanced profiles. Range [f, 1].
 * Attribution (documented): c_i = I · w̃_i·ln m_i / Σ_j w̃_j·ln m_j (log shares: each
 * indicator's share of the log-distance from 1); equal to I·w̃_i when every m_i = 1.
 * @example aggregateGeometric({ values: Float64Array.of(1, 1), weights: Float64Array.of(1, 3) }, S).index // 1
 */
export function aggregateGeometric(input: AggregateInput, settings: AggregateSettings): AggregateResult | null {
  const { values, weights } = input;
  const f = settings.geometricFloor;
  let wsum = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) wsum += weights[i]!;
  if (!(wsum > 0)) return null;
  let logSum = 0;
  const logs = new Float64Array(values.length).fill(NaN);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    const m = f + (1 - f) * v;
    logs[i] = (weights[i]! / wsum) * Math.log(m);
    logSum += logs[i]!;
  }
  const index = Math.exp(logSum);
  const contributions = new Float64Array(values.length).fill(NaN);
  for (let i = 0; i < values.length; i++) {
    if (logs[i] !== logs[i]) continue;
    contributions[i] = logSum < 0 ? (index * logs[i]!) / logSum : (index * weights[i]!) / wsum;
  }
  return { index, contributions };
}

/**
 * `formula`: the user's formula over the normalised values, clipped to [0, 1]. Needs every
 * indicator the formula names (else no index). Attribution (documented): c_i ∝ f(n) −
 * f(n with n_i = 0), rescaled so the contributions add up to the index — exact w·n for a
 * linear formula without constant; equal shares when all differences are 0.
 */
export function aggregateFormula(input: AggregateInput, settings: AggregateSettings): AggregateResult | null {
  const spec = settings.formula;
  if (!spec) throw new RangeError('aggregation formula needs a formula');
  const { values } = input;
  const scope: Record<string, number> = {};
  for (let i = 0; i < spec.ids.length; i++) scope[spec.ids[i]!] = values[i]!;
  for (const name of spec.compiled.inputs) if (scope[name] !== scope[name]) return null;
  const raw = spec.compiled.evaluate(scope);
  if (!Number.isFinite(raw)) return null;
  const index = raw < 0 ? 0 : raw > 1 ? 1 : raw;
  const contributions = new Float64Array(values.length).fill(NaN);
  const used: number[] = [];
  let dsum = 0;
  for (let i = 0; i < spec.ids.length; i++) {
    if (values[i] !== values[i]) continue;
    const id = spec.ids[i]!;
    if (!spec.compiled.inputs.includes(id)) {
      contributions[i] = 0;
      continue;
    }
    const saved = scope[id]!;
    scope[id] = 0;
    const d = raw - spec.compiled.evaluate(scope);
    scope[id] = saved;
    contributions[i] = Number.isFinite(d) ? d : 0;
    dsum += contributions[i]!;
    used.push(i);
  }
  for (const i of used) contributions[i] = dsum !== 0 ? (contributions[i]! / dsum) * index : index / used.length;
  return { index, contributions };
}

/**
 * `latent`: no index row by row. The latent measurement model (`core/latent`) is fitted on
 * every pair-year of the sources at once and fills the index, its interval and the
 * contributions (`core/latent/latent-score.ts`, run by the scoring pipeline); a single row
 * holds too little to estimate it.
 * @example aggregateLatent() // null
 */
export function aggregateLatent(): AggregateResult | null {
  return null;
}

/** The aggregation strategies by name. */
export const aggregators: Readonly<Record<AggregationName, Aggregator>> = {
  arithmetic: aggregateArithmetic,
  geometric: aggregateGeometric,
  formula: aggregateFormula,
  latent: aggregateLatent,
};

/** Names of the aggregation strategies. */
export const AGGREGATION_NAMES = Object.keys(aggregators) as AggregationName[];

/** Default settings (no formula). */
export const DEFAULT_AGGREGATE_SETTINGS: AggregateSettings = { geometricFloor: DEFAULTS.geometricFloor, formula: null };

/**
 * Scales an index on [0, 1] and its contributions to [lo, hi]: index' = lo + (hi − lo)·I,
 * and each contribution takes its share of the offset lo in proportion to its share of I
 * (by weight when I = 0), so contributions still add up to the index.
 * @example scaleResult({ index: 0.5, contributions: Float64Array.of(0.25, 0.25) }, [0, 100], Float64Array.of(1,1)).index // 50
 */
export function scaleResult(r: AggregateResult, scale: readonly [number, number], weights: Float64Array): AggregateResult {
  const contributions = new Float64Array(r.contributions.length);
  const index = scaleInto(r.index, r.contributions, scale, weights, contributions);
  return { index, contributions };
}

/**
 * {@link scaleResult} without allocating: writes the scaled contributions into `out` (NaN where
 * a contribution is missing; `out` may be `contributions` itself) and returns the scaled index.
 * @example scaleInto(0.5, Float64Array.of(0.25, 0.25), [0, 100], Float64Array.of(1, 1), new Float64Array(2)) // 50
 */
export function scaleInto(rawIndex: number, contributions: Float64Array, scale: readonly [number, number], weights: Float64Array, out: Float64Array): number {
  const [lo, hi] = scale;
  const index = lo + (hi - lo) * rawIndex;
  let wsum = 0;
  for (let i = 0; i < contributions.length; i++) if (contributions[i] === contributions[i]) wsum += weights[i]!;
  for (let i = 0; i < contributions.length; i++) {
    const c = contributions[i]!;
    if (c !== c) {
      out[i] = NaN;
      continue;
    }
    const share = rawIndex !== 0 ? c / rawIndex : wsum > 0 ? weights[i]! / wsum : 0;
    out[i] = (hi - lo) * c + lo * share;
  }
  return index;
}
