/**
 * Allocation of a deal's delivered TIV over its delivery years. SIPRI's register lists the
 * years in which a deal delivered, but not how many units each year, so a rule is needed;
 * SIPRI's own yearly tables use the actual annual deliveries, which the export lacks.
 */

/** Names accepted by the `allocation:` option. */
export type AllocationName = 'even' | 'first_year' | 'last_year';

/** One allocation rule: the share of the deal's delivered TIV that goes to each delivery year. */
export interface Allocation {
  readonly description: string;
  /** Weights (≥ 0, summing to 1) aligned with `years` (distinct, ascending, at least one). */
  weights(years: readonly number[]): readonly number[];
}

/**
 * The allocation rules by name.
 * - `even` (default): TIV / n to each of the n delivery years. Exact when deliveries were
 *   spread evenly; otherwise it smooths lumpy deliveries (a deal delivering 1 unit in 2023 and
 *   5 in 2024 gets half in each year).
 * - `first_year`: everything in the first delivery year (an upper bound on how early transfers came).
 * - `last_year`: everything in the last delivery year (when the deal completed).
 */
export const ALLOCATIONS: Readonly<Record<AllocationName, Allocation>> = {
  even: {
    description: "the deal's delivered TIV split evenly over its delivery years",
    weights: (years) => years.map(() => 1 / years.length),
  },
  first_year: {
    description: "the deal's delivered TIV in its first delivery year",
    weights: (years) => years.map((_, i) => (i === 0 ? 1 : 0)),
  },
  last_year: {
    description: "the deal's delivered TIV in its last delivery year",
    weights: (years) => years.map((_, i) => (i === years.length - 1 ? 1 : 0)),
  },
};

/** Every allocation name, for the options schema and help texts. */
export const ALLOCATION_NAMES = Object.keys(ALLOCATIONS) as AllocationName[];

/** One year's part of a deal. */
export interface YearPart {
  readonly year: number;
  readonly tiv: number;
}

/**
 * Splits `tiv` over `years` by a rule. Years are de-duplicated and sorted first; the last
 * non-zero part takes the rounding remainder, so the parts add up to `tiv` exactly
 * (the invariant every deal satisfies). Years with a zero part are left out.
 * Range: each part in [0, tiv].
 * @example allocateTiv(362.5, [2006, 2007], 'even') // [{year: 2006, tiv: 181.25}, {year: 2007, tiv: 181.25}]
 * @example allocateTiv(63, [2023, 2024], 'last_year') // [{year: 2024, tiv: 63}]
 */
export function allocateTiv(tiv: number, years: readonly number[], rule: AllocationName): YearPart[] {
  if (years.length === 0 || tiv === 0) return [];
  const ys = [...new Set(years)].sort((a, b) => a - b);
  const w = ALLOCATIONS[rule].weights(ys);
  let lastNonZero = -1;
  for (let i = 0; i < w.length; i++) if (w[i]! > 0) lastNonZero = i;
  const out: YearPart[] = [];
  let sum = 0;
  for (let i = 0; i < ys.length; i++) {
    const wi = w[i]!;
    if (wi <= 0) continue;
    const part = i === lastNonZero ? tiv - sum : tiv * wi;
    sum += part;
    out.push({ year: ys[i]!, tiv: part });
  }
  return out;
}
