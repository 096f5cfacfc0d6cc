/**
 * Rules that turn a directed pair of values (A→B and B→A) into one undirected value.
 * Applied over the directions present: with one direction missing the present one decides
 * (`sum` and `mean` of one value are that value; `geometric` of one value is that value).
 */
export type CombineName = 'max' | 'mean' | 'min' | 'sum' | 'geometric';

/** A combine rule over the two directions (either may be NaN = missing; not both). */
export type CombineRule = (ab: number, ba: number) => number;

const present = (x: number) => x === x;

/** The rules by name. @example combiners.mean(2, 4) // 3 */
export const combiners: Readonly<Record<CombineName, CombineRule>> = {
  /** The larger flow: the strongest tie in either direction. */
  max: (x, y) => (!present(x) ? y : !present(y) ? x : Math.max(x, y)),
  /** The mean of both directions. */
  mean: (x, y) => (!present(x) ? y : !present(y) ? x : (x + y) / 2),
  /** The weak link: the smaller direction. */
  min: (x, y) => (!present(x) ? y : !present(y) ? x : Math.min(x, y)),
  /** Both directions together. */
  sum: (x, y) => (!present(x) ? y : !present(y) ? x : x + y),
  /** sqrt(x·y): rewards balanced ties; negative inputs are an error upstream. */
  geometric: (x, y) => (!present(x) ? y : !present(y) ? x : Math.sqrt(Math.max(0, x) * Math.max(0, y))),
};

/** Names of the combine rules. */
export const COMBINE_NAMES = Object.keys(combiners) as CombineName[];
