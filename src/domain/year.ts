/** A calendar (or session) year, an integer in 1000..4095. */
export type Year = number & { readonly __brand: 'Year' };

/** An inclusive range of years. */
export interface YearRange {
  readonly from: number;
  readonly to: number;
}

/**
 * Mints a {@link Year}.
 * @throws {RangeError} when `n` is not an integer in 1000..4095.
 * @example asYear(2016) // 2016
 */
export function asYear(n: number): Year {
  if (!Number.isInteger(n) || n < 1000 || n > 4095) throw new RangeError(`not a year: ${n}`);
  return n as Year;
}

/** Every year of an inclusive range, ascending. @example yearsIn({from: 2000, to: 2002}) // [2000, 2001, 2002] */
export function yearsIn(range: YearRange): number[] {
  const out: number[] = [];
  for (let y = range.from; y <= range.to; y++) out.push(y);
  return out;
}

/** True when `year` lies inside one of `ranges`. */
export function inRanges(year: number, ranges: readonly YearRange[]): boolean {
  for (const r of ranges) if (year >= r.from && year <= r.to) return true;
  return false;
}
