import { decaySeries } from '../../core/temporal.js';
import type { Iso3 } from '../../domain/country.js';
import { unpackPair } from './pair-key.js';
import type { YearPanel } from './year-panel.js';

/** Names accepted by `measure:` for the arms family; the first is the default. */
export type ArmsMeasureName = 'log_tiv' | 'tiv' | 'import_share' | 'export_share' | 'stock';

/** What a measure computes from. */
export interface ArmsMeasureInput {
  /** Supplier → recipient TIV per year (after allocation, pair-table precedence and window). */
  readonly flows: YearPanel<number>;
  /** Each recipient's total imports per year (same treatment). */
  readonly imports: YearPanel<Iso3>;
  /** Each supplier's total exports per year (same treatment). */
  readonly exports: YearPanel<Iso3>;
  /** Half-life in years of the `stock` measure. */
  readonly stockHalfLife: number;
}

/** One measure: a directed series per supplier → recipient pair. */
export interface ArmsMeasure {
  /** Unit of the raw value (the README's measure table). */
  readonly unit: string;
  /** Range of the raw value: [min, max], `Infinity` = unbounded. */
  readonly range: readonly [number, number];
  /** Unit and meaning, for the data package. */
  readonly description: string;
  /** The value of one pair's series (index 0 = the panel's first year). */
  compute(flow: Float64Array, pair: number, input: ArmsMeasureInput): Float64Array;
}

/**
 * The arms measures by name (all directed, supplier → recipient; F = TIV delivered in year t):
 * - `log_tiv` (default): log(1 + F_t) — tames SIPRI's heavy right skew; 0 for no deliveries.
 * - `tiv`: F_t in millions of TIV.
 * - `import_share`: F_{s→r,t} / I_{r,t}, the supplier's share of the recipient's arms imports
 *   (Kinsella's arms-transfer dependence), in [0, 1]; 0 when r imported nothing.
 * - `export_share`: F_{s→r,t} / E_{s,t}, the recipient's share of the supplier's exports
 *   (supplier salience), in [0, 1].
 * - `stock`: S_t = (1 − δ)·S_{t−1} + F_t with δ = 1 − 2^(−1/h) (h = `stock_half_life`),
 *   S = 0 before the first covered year: weapons stay in service and keep the supplier tie
 *   alive through spares and training. ≥ 0, in TIV.
 */
export const ARMS_MEASURES: Readonly<Record<ArmsMeasureName, ArmsMeasure>> = {
  log_tiv: {
    unit: 'log TIV millions',
    range: [0, Infinity],
    description: 'log(1 + TIV delivered supplier → recipient in the year), TIV in millions',
    compute: (f) => f.map((v) => Math.log1p(v)),
  },
  tiv: {
    unit: 'TIV millions',
    range: [0, Infinity],
    description: 'SIPRI trend-indicator value (TIV, millions) delivered supplier → recipient in the year',
    compute: (f) => f,
  },
  import_share: {
    unit: 'share',
    range: [0, 1],
    description: "supplier's share of the recipient's arms imports (TIV) in the year, 0–1",
    compute: (f, pair, input) => ratio(f, input.imports.peek(unpackPair(pair).recipient)),
  },
  export_share: {
    unit: 'share',
    range: [0, 1],
    description: "recipient's share of the supplier's arms exports (TIV) in the year, 0–1",
    compute: (f, pair, input) => ratio(f, input.exports.peek(unpackPair(pair).supplier)),
  },
  stock: {
    unit: 'TIV millions',
    range: [0, Infinity],
    description: 'decayed stock of TIV delivered supplier → recipient, S_t = (1 − δ)·S_{t−1} + TIV_t, δ = 1 − 2^(−1/half-life), TIV millions',
    compute: (f, _pair, input) => decayedStock(f, input.stockHalfLife),
  },
};

/** Every measure name, default first. */
export const ARMS_MEASURE_NAMES = Object.keys(ARMS_MEASURES) as ArmsMeasureName[];

/**
 * Decayed stock S_t = (1 − δ)·S_{t−1} + x_t, δ = 1 − 2^(−1/h): a delivery keeps half its
 * weight after h years. Range ≥ 0.
 * @example decayedStock(Float64Array.of(8, 0, 0), 1) // [8, 4, 2]
 */
export function decayedStock(x: Float64Array, halfLife: number): Float64Array {
  // arms series are dense (no missing year), where the core's decayed stock is exactly this
  return decaySeries(x, halfLife);
}

function ratio(num: Float64Array, den: Float64Array | undefined): Float64Array {
  const out = new Float64Array(num.length);
  if (!den) return out;
  for (let t = 0; t < num.length; t++) {
    const d = den[t]!;
    if (d > 0) out[t] = Math.min(1, num[t]! / d);
  }
  return out;
}
