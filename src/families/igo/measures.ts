/**
 * The measures of the `igo` family, as a table keyed by `measure:` name (the README's measure
 * table lists the same names, units and ranges).
 *
 * - `count`: number of intergovernmental organisations in which both states are full members
 *   in the year (COW IGO v3; Pevehouse et al. 2020). Range ≥ 0.
 * - `share`: count / min(full memberships of A, full memberships of B) — the share of the
 *   less-joined state's memberships that it shares with the other. Range 0–1. Needs each
 *   state's total, which the dyadic count file does not determine: it is read from COW's
 *   state-year file (`totals:`).
 * @module
 */

/** Names accepted by `measure:`; the first is the default. @example IGO_MEASURE_NAMES[0] // 'count' */
export const IGO_MEASURE_NAMES = ['count', 'share'] as const;

/** An `igo` measure name. @example const m: IgoMeasureName = 'share'; */
export type IgoMeasureName = (typeof IGO_MEASURE_NAMES)[number];

/**
 * One measure: what it needs, its unit, range and meaning.
 * @example IGO_MEASURES.share.needsTotals // true
 */
export interface IgoMeasure {
  /** True when the measure needs each state's total memberships (`totals:`). */
  readonly needsTotals: boolean;
  readonly unit: string;
  readonly range: readonly [number, number];
  readonly description: string;
}

/**
 * The measures by name (a strategy table).
 * @example IGO_MEASURES.count.range // [0, Infinity]
 */
export const IGO_MEASURES: Readonly<Record<IgoMeasureName, IgoMeasure>> = {
  count: {
    needsTotals: false,
    unit: 'organisations',
    range: [0, Infinity],
    description: 'number of intergovernmental organisations in which both states are full members (COW IGO v3)',
  },
  share: {
    needsTotals: true,
    unit: 'share',
    range: [0, 1],
    description: 'shared full IGO memberships over the smaller of the two states’ numbers of full memberships, 0–1',
  },
};

/**
 * True when `name` is a measure of the family.
 * @example isIgoMeasureName('count') // true
 */
export function isIgoMeasureName(name: string): name is IgoMeasureName {
  return (IGO_MEASURE_NAMES as readonly string[]).includes(name);
}
