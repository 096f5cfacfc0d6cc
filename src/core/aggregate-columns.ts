/**
 * Aggregation of whole normalised columns into the index: per pair-year, the weights
 * renormalised over the indicators present, coverage = Σ_present w / Σ w, the index on the
 * scale when coverage ≥ `min_coverage` (by the named aggregation strategy), and each
 * indicator's contribution. The one loop behind the scorer and the weight calibration.
 * @module
 */
import { aggregators, arithmeticInto, scaleInto, scaleResult, type AggregateSettings, type AggregationName } from './aggregate.js';

/** Settings of {@link aggregateColumns}. */
export interface AggregateColumnsOptions {
  readonly scale: readonly [number, number];
  readonly aggregation: AggregationName;
  readonly minCoverage: number;
  /**
   * The fewest indicators (of positive coverage weight) a row needs for an index
   * (`min_indicators`); default 1.
   */
  readonly minIndicators?: number | undefined;
  readonly settings: AggregateSettings;
  /**
   * Weights of the coverage rule (share of the total weight present), when they differ from
   * the aggregation weights: the configured weights of a calibrated index, so calibration never
   * changes which pair-years have an index. Default: `weights`.
   */
  readonly coverageWeights?: Float64Array | undefined;
  /**
   * Makes each output column of `n` rows, zero-filled (default `new Float64Array(n)`): the
   * scorer makes them in shared memory (`newColumn` of `score-table.ts`).
   */
  readonly column?: ((n: number) => Float64Array) | undefined;
}

/** The index and its decomposition per row (NaN = no index, or indicator absent). */
export interface AggregatedColumns {
  readonly index: Float64Array;
  /** Share of the total weight whose indicators are present, in [0, 1]. */
  readonly coverage: Float64Array;
  readonly contrib: Float64Array[];
  /** w_i / Σ_present w_j per row (NaN when absent). */
  readonly weightUsed: Float64Array[];
}

/**
 * Aggregates normalised columns (one per indicator, NaN = missing) with raw weights `weights`.
 * Range of the index: `scale`; the contributions of a row add up to its index.
 * @example aggregateColumns([Float64Array.of(1), Float64Array.of(0.5)], Float64Array.of(1, 1), { scale: [0, 100], aggregation: 'arithmetic', minCoverage: 0.5, settings }).index[0] // 75
 */
export function aggregateColumns(norm: readonly Float64Array[], weights: Float64Array, o: AggregateColumnsOptions): AggregatedColumns {
  const m = norm.length;
  const n = m > 0 ? norm[0]!.length : 0;
  const column = o.column ?? ((k: number) => new Float64Array(k));
  const index = column(n).fill(NaN);
  const coverage = column(n);
  const contrib = norm.map(() => column(n).fill(NaN));
  const weightUsed = norm.map(() => column(n).fill(NaN));
  const cw = o.coverageWeights ?? weights;
  let total = 0;
  for (const w of cw) total += w;
  const aggregate = aggregators[o.aggregation];
  const values = new Float64Array(m);
  const arithmetic = aggregate === aggregators.arithmetic;
  const scratch = new Float64Array(m);
  for (let r = 0; r < n; r++) {
    let present = 0;
    let covered = 0;
    let count = 0;
    for (let i = 0; i < m; i++) {
      const v = norm[i]![r]!;
      values[i] = v;
      if (v === v) {
        present += weights[i]!;
        covered += cw[i]!;
        if (cw[i]! > 0) count++;
      }
    }
    const cov = total > 0 ? covered / total : 0;
    coverage[r] = cov;
    if (present > 0) for (let i = 0; i < m; i++) if (values[i] === values[i]) weightUsed[i]![r] = weights[i]! / present;
    if (!(present > 0) || cov < o.minCoverage - 1e-12 || count < (o.minIndicators ?? 1)) continue;
    if (arithmetic) {
      // the common case without a result object per row: the same operations, in place
      index[r] = scaleInto(arithmeticInto(values, weights, scratch), scratch, o.scale, weights, scratch);
      for (let i = 0; i < m; i++) contrib[i]![r] = scratch[i]!;
      continue;
    }
    const res = aggregate({ values, weights }, o.settings);
    if (res === null) continue;
    const scaled = scaleResult(res, o.scale, weights);
    index[r] = scaled.index;
    for (let i = 0; i < m; i++) contrib[i]![r] = scaled.contributions[i]!;
  }
  return { index, coverage, contrib, weightUsed };
}
