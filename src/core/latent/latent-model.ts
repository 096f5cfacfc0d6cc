/**
 * The latent alignment model from end to end, on one thread: indicators → model columns
 * (`transform.ts`) → panel (`panel.ts`) → EM (`em.ts`) → posterior on the identified scale →
 * the index on the configured scale with its interval (`index-scale.ts`), and per column the
 * estimated intercept, loading, noise and implied weight. The threaded twin
 * (`pipeline/latent-pool.ts`) shares every step but the E-step's scheduling and gives the same
 * bytes.
 */
import { EM_DEFAULTS, runEm, posteriorArrays, type EmOptions, type EmOutcome, type EmTrace } from './em.js';
import { rescalePosterior } from './identification.js';
import { DEFAULT_LEVEL, scaleIndex } from './index-scale.js';
import type { LatentParams, Posterior } from './kalman.js';
import { latentPanel, type LatentPanel } from './panel.js';
import { modelColumns, type ColumnPart, type LatentIndicator } from './transform.js';

/** Options of the latent model. */
export interface LatentOptions {
  /** The index's range [lo, hi]. */
  readonly scale: readonly [number, number];
  /** Central posterior interval level (default 0.9). */
  readonly level?: number;
  /** The indicator whose (first) column's loading is positive (default: the first indicator). */
  readonly signIndicator?: string;
  /** EM: at most this many iterations (default 2000). */
  readonly maxIterations?: number;
  /** EM: stop when the log-likelihood rises by less than this per observed value (default 1e-9). */
  readonly tolerance?: number;
  /** EM: starting parameters, one entry per model column (default: from the columns' moments). */
  readonly start?: LatentParams;
}

/** A model prepared for fitting: its panel, columns and EM options. */
export interface LatentProblem {
  /** The panel's packed keys (the caller's array). */
  readonly keys: Float64Array;
  readonly panel: LatentPanel;
  readonly columns: readonly { readonly id: string; readonly indicator: string; readonly part: ColumnPart }[];
  readonly indicators: readonly string[];
  readonly em: EmOptions;
  readonly scale: readonly [number, number];
  readonly level: number;
}

/** The estimates of one model column. */
export interface ColumnEstimate {
  readonly id: string;
  readonly indicator: string;
  readonly part: ColumnPart;
  /** Intercept a_k (the column's expected value at z = 0). */
  readonly a: number;
  /** Loading b_k (the column's change per unit of z). */
  readonly b: number;
  /** Noise standard deviation σ_k. */
  readonly sigma: number;
  /** Implied weight: (b_k²/σ_k²) / Σ_j (b_j²/σ_j²), the column's share of the information about z in a fully observed pair-year. */
  readonly weight: number;
}

/** The fitted latent model. */
export interface LatentFit {
  readonly columns: readonly ColumnEstimate[];
  /** Implied weight per indicator (the sum over its columns), in indicator order. */
  readonly indicators: readonly { readonly id: string; readonly weight: number }[];
  /** Standard deviation of the yearly step of z, τ. */
  readonly tau: number;
  /** Prior of z at a pair's first fitted row: N(μ₀, P₀). */
  readonly mu0: number;
  readonly p0: number;
  /** The parameters on the identified scale. */
  readonly params: LatentParams;
  /** Per row: posterior mean and variance of z (NaN before a pair's first observation). */
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  /** Per row: the index on the scale and its central `level` interval. */
  readonly index: Float64Array;
  readonly indexLo: Float64Array;
  readonly indexHi: Float64Array;
  /** Per row: number of model columns observed. */
  readonly observed: Uint8Array;
  readonly level: number;
  readonly scale: readonly [number, number];
  readonly convergence: EmTrace;
  /** The packed keys of the rows (the caller's array) and the prepared panel (for explanations). */
  readonly keys: Float64Array;
  readonly panel: LatentPanel;
}

/**
 * Prepares the model: `keys` packed `pair·4096 + year`, strictly ascending (the pipeline's
 * `ScoreTable.keys`); one entry per indicator with its values per row and its treatment.
 * @throws {RangeError} on unknown sign indicator, bad keys or lengths.
 * @example latentProblem(table.keys, [{ id: 'un', values: table.norm[0] }], { scale: [0, 100] })
 */
export function latentProblem(keys: Float64Array, indicators: readonly LatentIndicator[], options: LatentOptions): LatentProblem {
  const columns = modelColumns(indicators);
  const panel = latentPanel(
    keys,
    columns.map((c) => c.values),
  );
  const sign = options.signIndicator ?? indicators[0]?.id;
  const signColumn = columns.findIndex((c) => c.indicator === sign);
  if (signColumn < 0) throw new RangeError(`sign indicator "${sign}" is not one of the indicators (${indicators.map((i) => i.id).join(', ')})`);
  return {
    keys,
    panel,
    columns: columns.map(({ id, indicator, part }) => ({ id, indicator, part })),
    indicators: indicators.map((i) => i.id),
    em: { signColumn, columnIndicator: columns.map((c) => indicators.findIndex((i) => i.id === c.indicator)), maxIterations: options.maxIterations ?? EM_DEFAULTS.maxIterations, tolerance: options.tolerance ?? EM_DEFAULTS.tolerance, ...(options.start ? { start: options.start } : {}) },
    scale: options.scale,
    level: options.level ?? DEFAULT_LEVEL,
  };
}

/**
 * The fit from EM's outcome and the last E-step's posterior (rescaled here, in place).
 * @example latentFit(problem, outcome, posterior).index
 */
export function latentFit(problem: LatentProblem, outcome: EmOutcome, posterior: Posterior): LatentFit {
  const { params } = outcome;
  rescalePosterior(posterior.mean, posterior.variance, outcome.rescaling);
  const info = problem.columns.map((_, k) => (params.b[k]! * params.b[k]!) / params.s2[k]!);
  const total = info.reduce((s, x) => s + x, 0);
  const columns = problem.columns.map((c, k) => ({ ...c, a: params.a[k]!, b: params.b[k]!, sigma: Math.sqrt(params.s2[k]!), weight: info[k]! / total }));
  const indicators = problem.indicators.map((id) => ({ id, weight: columns.filter((c) => c.indicator === id).reduce((s, c) => s + c.weight, 0) }));
  const scaled = scaleIndex(posterior.mean, posterior.variance, problem.scale, problem.level);
  return {
    columns,
    indicators,
    tau: Math.sqrt(params.tau2),
    mu0: params.mu0,
    p0: params.p0,
    params,
    mean: posterior.mean,
    variance: posterior.variance,
    index: scaled.index,
    indexLo: scaled.lo,
    indexHi: scaled.hi,
    observed: problem.panel.observed,
    level: problem.level,
    scale: problem.scale,
    convergence: outcome.trace,
    keys: problem.keys,
    panel: problem.panel,
  };
}

/**
 * Fits the latent model on this thread (see the module comment). Deterministic: fixed start,
 * fixed order.
 * @example
 * const fit = fitLatentModel(table.keys, [{ id: 'un', values: table.norm[0] }, { id: 'arms', values: table.raw[1], treatment: 'two_part' }], { scale: [0, 100] });
 * fit.index[0]; fit.indexLo[0]; fit.columns[0].weight
 */
export function fitLatentModel(keys: Float64Array, indicators: readonly LatentIndicator[], options: LatentOptions): LatentFit {
  const problem = latentProblem(keys, indicators, options);
  const posterior = posteriorArrays(problem.panel.rows);
  const outcome = runEm(problem.panel, problem.em, posterior);
  return latentFit(problem, outcome, posterior);
}
