/**
 * How each indicator enters the latent model: a table of treatments, each turning one
 * indicator's values into one or two model columns (the y's of the measurement equation).
 *
 * - `linear`: the value as given (the pipeline's normalised value on [0, 1]).
 * - `rank_normal`: van der Waerden normal scores of the pooled values (a point mass such as
 *   the zeros of a mostly-zero indicator stays one value).
 * - `two_part`: a zero-inflated indicator split into a presence part, 1 when the value is > 0
 *   and 0 when it is 0 (a linear-probability indicator), and an intensity part, the normal
 *   score of the value among the positive values, missing when the value is 0. Both load on
 *   the same z with their own a, b, σ; the values must be ≥ 0 with 0 = none (raw measures,
 *   or normalised values whose 0 is the raw 0).
 *
 * Missing (NaN) stays missing in every part.
 */
import { normalScores } from './normal-scores.js';

/** Names of the treatments. */
export type TreatmentName = 'linear' | 'rank_normal' | 'two_part';

/** Which part of its indicator a model column is. */
export type ColumnPart = 'value' | 'presence' | 'intensity';

/** One indicator given to the latent model. */
export interface LatentIndicator {
  /** The indicator's id (the config's). */
  readonly id: string;
  /** One value per panel row, NaN = missing. */
  readonly values: Float64Array;
  /** How it enters the model (default `linear`). */
  readonly treatment?: TreatmentName;
}

/** One column of the measurement model. */
export interface ModelColumn {
  /** `id` for one-column treatments, `id.presence` / `id.intensity` for `two_part`. */
  readonly id: string;
  /** The indicator it comes from. */
  readonly indicator: string;
  readonly part: ColumnPart;
  /** One value per panel row, NaN = missing. */
  readonly values: Float64Array;
}

type Treatment = (values: Float64Array) => readonly { part: ColumnPart; values: Float64Array }[];

/** The treatments by name. */
export const treatments: Readonly<Record<TreatmentName, Treatment>> = {
  linear: (values) => [{ part: 'value', values }],
  rank_normal: (values) => [{ part: 'value', values: normalScores(values) }],
  two_part: (values) => {
    const presence = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v < 0) throw new RangeError(`two_part needs values ≥ 0 (0 = none); found ${v} in row ${i}`);
      presence[i] = v !== v ? NaN : v > 0 ? 1 : 0;
    }
    return [
      { part: 'presence', values: presence },
      { part: 'intensity', values: normalScores(values, (v) => v > 0) },
    ];
  },
};

/** Names of the treatments, for validation and help. */
export const TREATMENT_NAMES = Object.keys(treatments) as TreatmentName[];

/**
 * The model columns of a list of indicators, in indicator order (the parts of one indicator
 * together: presence before intensity).
 * @example modelColumns([{ id: 'arms', values: Float64Array.of(0, 2, NaN), treatment: 'two_part' }]).map((c) => c.id) // ['arms.presence', 'arms.intensity']
 */
export function modelColumns(indicators: readonly LatentIndicator[]): ModelColumn[] {
  return indicators.flatMap((ind) => {
    const parts = treatments[ind.treatment ?? 'linear'](ind.values);
    return parts.map((p) => ({ id: parts.length === 1 ? ind.id : `${ind.id}.${p.part}`, indicator: ind.id, part: p.part, values: p.values }));
  });
}
