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

/**
 * Years (any order, repeats allowed) as maximal runs of consecutive years.
 * @example yearRanges([1965, 1946, 1947, 1963]) // [{from:1946,to:1947},{from:1963,to:1963},{from:1965,to:1965}]
 */
export function yearRanges(years: readonly number[]): YearRange[] {
  const out: YearRange[] = [];
  for (const y of [...new Set(years)].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && y === last.to + 1) out[out.length - 1] = { from: last.from, to: y };
    else out.push({ from: y, to: y });
  }
  return out;
}

/**
 * Union of ranges, sorted and with overlapping or adjacent ranges joined.
 * @example mergeRanges([{ from: 2009, to: 2018 }, { from: 1980, to: 2010 }]) // [{ from: 1980, to: 2018 }]
 */
export function mergeRanges(ranges: readonly YearRange[]): YearRange[] {
  const out: YearRange[] = [];
  for (const r of [...ranges].sort((a, b) => a.from - b.from || a.to - b.to)) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) out[out.length - 1] = { from: last.from, to: Math.max(last.to, r.to) };
    else out.push({ from: r.from, to: r.to });
  }
  return out;
}
