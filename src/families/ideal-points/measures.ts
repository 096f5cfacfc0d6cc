/**
 * The measure of the `ideal_points` family, as a table keyed by `measure:` name (the README's
 * measure table lists the same name, unit and range).
 *
 * - `distance`: |θ_A,t − θ_B,t|, the absolute difference of the two states' published ideal
 *   points in the session labelled year t (Bailey, Strezhnev & Voeten 2017; the dataset's own
 *   dyadic `IdealPointDistance`). Range ≥ 0; a larger distance means less aligned, so the
 *   indicator's polarity is negative unless the config says otherwise.
 * @module
 */

/** Names accepted by `measure:`; the first is the default. @example IDEAL_POINT_MEASURE_NAMES[0] // 'distance' */
export const IDEAL_POINT_MEASURE_NAMES = ['distance'] as const;

/** An `ideal_points` measure name. @example const m: IdealPointMeasureName = 'distance'; */
export type IdealPointMeasureName = (typeof IDEAL_POINT_MEASURE_NAMES)[number];

/**
 * One measure: unit, range, the polarity it gets by default, and its meaning.
 * @example IDEAL_POINT_MEASURES.distance.polarity // 'negative'
 */
export interface IdealPointMeasure {
  readonly unit: string;
  readonly range: readonly [number, number];
  /** `negative`: a higher value means less aligned (the indicator's default `polarity:`). */
  readonly polarity: 'positive' | 'negative';
  readonly description: string;
}

/**
 * The measures by name (a strategy table).
 * @example IDEAL_POINT_MEASURES.distance.range // [0, Infinity]
 */
export const IDEAL_POINT_MEASURES: Readonly<Record<IdealPointMeasureName, IdealPointMeasure>> = {
  distance: {
    unit: 'ideal-point units',
    range: [0, Infinity],
    polarity: 'negative',
    description: "absolute difference of the two states' UN General Assembly ideal points in the session, |θ_a − θ_b| (Bailey, Strezhnev & Voeten 2017); larger = less aligned",
  },
};

/**
 * True when `name` is a measure of the family.
 * @example isIdealPointMeasureName('distance') // true
 */
export function isIdealPointMeasureName(name: string): name is IdealPointMeasureName {
  return (IDEAL_POINT_MEASURE_NAMES as readonly string[]).includes(name);
}
