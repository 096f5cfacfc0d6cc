/**
 * The EM loop of the latent model (Dempster, Laird & Rubin 1977; for state-space models
 * Shumway & Stoffer 1982): from a fixed start, E-step (Kalman filter + RTS smoother for every
 * pair, `e-step.ts`), identification of the scale (`identification.ts`), M-step
 * (`m-step.ts`), until the log-likelihood stops rising.
 *
 * Fixed start, from each column's pooled mean and variance: a_k = mean, b_k = 0.7·sd,
 * σ_k² = 0.51·variance (every column starts with reliability ½, loading positive),
 * τ² = 0.02, μ₀ = 0, P₀ = 1.
 *
 * Stopping rule: after E-step i, stop when ℓ_i − ℓ_{i−1} < tolerance × (number of observed
 * values) — the rise per observed value falls below `tolerance` nats — or when i reaches
 * `maxIterations` (then `converged` is false). The parameters reported are those of the last
 * E-step (whose posterior is the one reported), rescaled to the identification.
 *
 * Several starts: the likelihood of a one-factor model can have several maxima — the factor
 * can settle on one group of indicators or on another — so {@link searchEm} runs EM from a
 * fixed list of starts for a few iterations each (`probeIterations`, default 5): the start
 * above and one anchored on each indicator in turn (its columns b = 0.95·sd, σ² = 0.1·var,
 * every other column b = 0.3·sd, σ² = 0.9·var). The start with the highest log-likelihood
 * after its probe (the earlier on a tie) continues to convergence; the others are dropped.
 *
 * The loop is a generator that yields the parameters for each E-step and takes back the
 * E-step's statistics summed over all chunks, so one thread ({@link runEm}) and a pool of
 * worker threads drive the same loop.
 */
import { eStepChunks, reduceChunkStats, statsSize, STAT, PER_COLUMN } from './e-step.js';
import { identifyingRescaling, rescaleParams, rescaleStats, type Rescaling } from './identification.js';
import { kalmanModel, kalmanWork, type LatentParams, type Posterior } from './kalman.js';
import { mStep, type VarianceFloors } from './m-step.js';
import { chunkCount, type LatentPanel } from './panel.js';

/** Options of the EM loop. */
export interface EmOptions {
  /** The column whose loading is positive (the sign of the scale). */
  readonly signColumn: number;
  /** At most this many E-steps (default 2000). */
  readonly maxIterations?: number;
  /** Stop when the log-likelihood rises by less than this many nats per observed value (default 1e-9). */
  readonly tolerance?: number;
  /** Starting parameters (default: {@link startingParams} of the columns' moments). */
  readonly start?: LatentParams;
  /**
   * For {@link searchEm}: the indicator (0, 1, …) of each model column; one anchored start
   * per indicator. Without it, or with `start`, EM runs from one start.
   */
  readonly columnIndicator?: readonly number[];
  /** For {@link searchEm}: iterations run from each start before choosing one (default 5). */
  readonly probeIterations?: number;
}

/** Defaults of {@link EmOptions}. */
export const EM_DEFAULTS = { maxIterations: 2000, tolerance: 1e-9, probeIterations: 5 } as const;

/** One start tried by {@link searchEm}. */
export interface StartProbe {
  /** `default`, or `anchor:<indicator number>`. */
  readonly start: string;
  /** Iterations run from it. */
  readonly iterations: number;
  /** Its log-likelihood at the last of them. */
  readonly logLikelihood: number;
}

/** The record of a run of EM. */
export interface EmTrace {
  /** Number of E-steps run. */
  readonly iterations: number;
  /** The log-likelihood at each E-step (non-decreasing up to rounding). */
  readonly logLikelihood: readonly number[];
  /** True when the stopping rule was met before `maxIterations`. */
  readonly converged: boolean;
  /** The stopping rule in words, with its numbers. */
  readonly rule: string;
  /** The start EM continued from (`default` or `anchor:<indicator number>`). */
  readonly start: string;
  /** The starts tried, when there were several. */
  readonly probes: readonly StartProbe[];
  /** E-steps run in all, probes included. */
  readonly eSteps: number;
}

/** What EM ends with. */
export interface EmOutcome {
  /** The parameters of the last E-step on the identified scale. */
  readonly params: LatentParams;
  /** The change of variable that puts the last E-step's posterior on the identified scale. */
  readonly rescaling: Rescaling;
  readonly trace: EmTrace;
}

/** Pooled moments of one model column over its observed values. */
export interface ColumnMoments {
  readonly n: number;
  readonly mean: number;
  readonly variance: number;
}

/**
 * The count, mean and (population) variance of every model column.
 * @example columnMoments(panel)[0] // { n: 820315, mean: 0.81, variance: 0.02 }
 */
export function columnMoments(panel: LatentPanel): ColumnMoments[] {
  const K = panel.columns;
  const n = new Float64Array(K);
  const sum = new Float64Array(K);
  for (let i = 0; i < panel.y.length; i++) {
    const v = panel.y[i]!;
    if (v === v) {
      n[i % K]!++;
      sum[i % K]! += v;
    }
  }
  const mean = sum.map((s, k) => s / n[k]!);
  const ss = new Float64Array(K);
  for (let i = 0; i < panel.y.length; i++) {
    const v = panel.y[i]!;
    if (v === v) ss[i % K]! += (v - mean[i % K]!) ** 2;
  }
  return Array.from({ length: K }, (_, k) => ({ n: n[k]!, mean: mean[k]!, variance: ss[k]! / n[k]! }));
}

/**
 * The fixed starting parameters (see the module comment).
 * @example startingParams([{ n: 10, mean: 0.5, variance: 0.04 }]).b // [0.14]
 */
export function startingParams(moments: readonly ColumnMoments[]): LatentParams {
  return {
    a: Float64Array.from(moments, (m) => m.mean),
    b: Float64Array.from(moments, (m) => 0.7 * Math.sqrt(m.variance)),
    s2: Float64Array.from(moments, (m) => 0.51 * m.variance),
    tau2: 0.02,
    mu0: 0,
    p0: 1,
  };
}

/**
 * The EM loop as a generator: yields the parameters of each E-step, takes back that E-step's
 * statistics summed over the whole panel (it rescales them in place), and returns the outcome.
 * @throws {RangeError} when a column has fewer than 3 observed values or no spread.
 * @example
 * const loop = emLoop(panel, { signColumn: 0 });
 * let step = loop.next();
 * while (!step.done) step = loop.next(eStepTotals(step.value));
 */
export function* emLoop(panel: LatentPanel, options: EmOptions): Generator<LatentParams, EmOutcome, Float64Array> {
  const K = panel.columns;
  const moments = columnMoments(panel);
  moments.forEach((m, k) => {
    if (!(m.n >= 3 && m.variance > 0)) throw new RangeError(`model column ${k} has ${m.n} observed values${m.n >= 3 ? ', all equal' : ''}; the latent model needs at least 3 with some spread`);
  });
  if (!(options.signColumn >= 0 && options.signColumn < K)) throw new RangeError(`sign column ${options.signColumn} is not one of the ${K} model columns`);
  const maxIterations = options.maxIterations ?? EM_DEFAULTS.maxIterations;
  const tolerance = options.tolerance ?? EM_DEFAULTS.tolerance;
  const observedValues = moments.reduce((s, m) => s + m.n, 0);
  const floors: VarianceFloors = { s2: Float64Array.from(moments, (m) => 1e-6 * m.variance), tau2: 1e-10, p0: 1e-10 };
  const rule = `stop when the log-likelihood rises by less than ${tolerance} × ${observedValues} observed values in one iteration, or after ${maxIterations} iterations`;
  const path: number[] = [];
  let params = options.start ?? startingParams(moments);
  for (;;) {
    const stats = yield params;
    const ll = stats[PER_COLUMN * K + STAT.logLikelihood]!;
    if (!Number.isFinite(ll)) throw new RangeError(`the latent model's log-likelihood is ${ll} at iteration ${path.length + 1}; the data or the start are degenerate`);
    path.push(ll);
    const rescaling = identifyingRescaling(stats, K, options.signColumn, params);
    const i = path.length;
    const converged = i > 1 && ll - path[i - 2]! < tolerance * observedValues;
    if (converged || i >= maxIterations) {
      return { params: rescaleParams(params, rescaling), rescaling, trace: { iterations: i, logLikelihood: path, converged, rule, start: 'default', probes: [], eSteps: i } };
    }
    rescaleStats(stats, K, rescaling);
    params = mStep(stats, K, floors, rescaleParams(params, rescaling));
  }
}

/**
 * The starts of {@link searchEm}: `default` first, then one anchored on each indicator.
 * @example startingPoints(columnMoments(panel), [0, 1, 1]).map((s) => s.start) // ['default', 'anchor:0', 'anchor:1']
 */
export function startingPoints(moments: readonly ColumnMoments[], columnIndicator: readonly number[]): { start: string; params: LatentParams }[] {
  const base = startingParams(moments);
  const indicators = [...new Set(columnIndicator)].sort((x, y) => x - y);
  return [
    { start: 'default', params: base },
    ...indicators.map((j) => ({
      start: `anchor:${j}`,
      params: {
        ...base,
        b: Float64Array.from(moments, (m, k) => (columnIndicator[k] === j ? 0.95 : 0.3) * Math.sqrt(m.variance)),
        s2: Float64Array.from(moments, (m, k) => (columnIndicator[k] === j ? 0.1 : 0.9) * m.variance),
      },
    })),
  ];
}

/**
 * EM from several starts (see the module comment): probes each, continues the best. Runs a
 * single start when `columnIndicator` is absent, names one indicator only, or `start` is given.
 * @example
 * const loop = searchEm(panel, { signColumn: 0, columnIndicator: [0, 1, 1, 2] });
 */
export function* searchEm(panel: LatentPanel, options: EmOptions): Generator<LatentParams, EmOutcome, Float64Array> {
  const groups = options.columnIndicator;
  if (options.start || !groups || new Set(groups).size < 2) return yield* emLoop(panel, options);
  if (groups.length !== panel.columns) throw new RangeError(`columnIndicator has ${groups.length} entries for ${panel.columns} model columns`);
  const probe = options.probeIterations ?? EM_DEFAULTS.probeIterations;
  const llAt = PER_COLUMN * panel.columns + STAT.logLikelihood;
  const runs = startingPoints(columnMoments(panel), groups).map((s) => {
    const loop = emLoop(panel, { ...options, start: s.params });
    return { start: s.start, loop, step: loop.next(), iterations: 0, ll: -Infinity };
  });
  let last = runs[0]!; // the run whose E-step the driver's posterior holds
  for (const run of runs) {
    while (!run.step.done && run.iterations < probe) {
      const stats = yield run.step.value;
      last = run;
      run.ll = stats[llAt]!;
      run.iterations++;
      run.step = run.loop.next(stats);
    }
  }
  let best = runs[0]!;
  for (const run of runs) if (run.ll > best.ll) best = run;
  let eSteps = runs.reduce((s, r) => s + r.iterations, 0);
  while (!best.step.done) {
    best.step = best.loop.next(yield best.step.value);
    last = best;
    eSteps++;
  }
  let outcome = best.step.value;
  if (last !== best) {
    // the best run ended during its probe: one more E-step puts its posterior in place
    yield outcome.params;
    eSteps++;
    outcome = { ...outcome, rescaling: { shift: 0, scale: 1 } };
  }
  const probes = runs.map((r) => ({ start: r.start, iterations: r.iterations, logLikelihood: r.ll }));
  return { ...outcome, trace: { ...outcome.trace, start: best.start, probes, eSteps } };
}

/**
 * Runs EM on this thread: every E-step over all chunks in order, writing the posterior of the
 * last E-step into `out` (on the E-step's scale: apply `outcome.rescaling`).
 * @example const outcome = runEm(panel, { signColumn: 0 }, posteriorArrays(panel.rows));
 */
export function runEm(panel: LatentPanel, options: EmOptions, out: Posterior): EmOutcome {
  const size = statsSize(panel.columns);
  const chunks = chunkCount(panel);
  const chunkStats = new Float64Array(chunks * size);
  const total = new Float64Array(size);
  const work = kalmanWork(panel.maxRun);
  const loop = searchEm(panel, options);
  let step = loop.next();
  while (!step.done) {
    eStepChunks(panel, kalmanModel(step.value), 0, chunks, work, out, chunkStats);
    step = loop.next(reduceChunkStats(chunkStats, chunks, size, total));
  }
  return step.value;
}

/**
 * Fresh posterior arrays for a panel of `rows` rows.
 * @example posteriorArrays(3).mean.length // 3
 */
export function posteriorArrays(rows: number): Posterior {
  return { mean: new Float64Array(rows), variance: new Float64Array(rows), lagCov: new Float64Array(rows) };
}
