/**
 * Calendar periods finer than a year — quarters and months — for the dated families
 * (`entente measures --period month|quarter|year`). A period is a year and a sub-period
 * number (1 for a year, 1–4 for a quarter, 1–12 for a month); its index
 * `year·k + sub − 1` (k = 1, 4 or 12) orders periods in time.
 * @module
 */

/** The period kinds a dated family can report: `year` (the index's), `quarter`, `month`. */
export type PeriodKind = 'year' | 'quarter' | 'month';

/** Every period kind, coarsest first. */
export const PERIOD_KINDS: readonly PeriodKind[] = ['year', 'quarter', 'month'];

/**
 * Sub-periods per year: 1, 4 or 12.
 * @example periodsPerYear('quarter') // 4
 */
export function periodsPerYear(kind: PeriodKind): number {
  return kind === 'year' ? 1 : kind === 'quarter' ? 4 : 12;
}

/**
 * True for a Gregorian leap year: divisible by 4, not by 100 unless by 400.
 * @example isLeapYear(2024) // true
 * @example isLeapYear(1900) // false
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Calendar days in a period: 365/366 for a year; 90/91, 91, 92, 92 for the quarters; 28–31
 * for a month.
 * @example daysInPeriod('month', 2024, 2) // 29
 * @example daysInPeriod('quarter', 2023, 1) // 90
 */
export function daysInPeriod(kind: PeriodKind, year: number, sub: number): number {
  const leap = isLeapYear(year) ? 1 : 0;
  if (kind === 'year') return 365 + leap;
  if (kind === 'quarter') return sub === 1 ? 90 + leap : sub === 2 ? 91 : 92;
  return MONTH_DAYS[sub - 1]! + (sub === 2 ? leap : 0);
}

/**
 * The period's label: `2022`, `2022-Q1`, `2022-03`.
 * @example periodLabel('month', 2022, 3) // '2022-03'
 */
export function periodLabel(kind: PeriodKind, year: number, sub: number): string {
  if (kind === 'year') return String(year);
  return kind === 'quarter' ? `${year}-Q${sub}` : `${year}-${String(sub).padStart(2, '0')}`;
}

/**
 * The period's index `year·k + sub − 1`, increasing in time (k = {@link periodsPerYear}).
 * @example periodIndex('month', 2022, 3) // 24266
 */
export function periodIndex(kind: PeriodKind, year: number, sub: number): number {
  return year * periodsPerYear(kind) + sub - 1;
}

/**
 * Inverse of {@link periodIndex}.
 * @example periodFromIndex('month', 24266) // { year: 2022, sub: 3 }
 */
export function periodFromIndex(kind: PeriodKind, index: number): { year: number; sub: number } {
  const k = periodsPerYear(kind);
  const year = Math.floor(index / k);
  return { year, sub: index - year * k + 1 };
}
