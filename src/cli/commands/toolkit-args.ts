/** Validation of the toolkit commands' arguments (bad values are usage errors, exit 2). */
import type { Iso3 } from '../../domain/country.js';
import { UsageError } from '../../domain/errors.js';

/**
 * An ISO3 state code from the command line (any case).
 * @throws {UsageError} when it is not three letters.
 * @example asStateArg('rus', 'A') // 'RUS'
 */
export function asStateArg(raw: unknown, what: string): Iso3 {
  const s = String(raw ?? '').trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(s)) throw new UsageError(`${what}: "${String(raw)}" is not an ISO3 code (e.g. RUS)`);
  return s as Iso3;
}

/** The years a command-line year may name: anything else is a typo (`--from 20`). */
export const PLAUSIBLE_YEARS = { from: 1800, to: 2100 } as const;

/**
 * A year from the command line. @throws {UsageError} unless a whole number in
 * {@link PLAUSIBLE_YEARS} (1800–2100).
 * @example yearArg(2016, '--year') // 2016
 */
export function yearArg(raw: number, what: string): number {
  if (!Number.isInteger(raw) || raw < PLAUSIBLE_YEARS.from || raw > PLAUSIBLE_YEARS.to) {
    throw new UsageError(`${what}: need a year from ${PLAUSIBLE_YEARS.from} to ${PLAUSIBLE_YEARS.to} like 2016, got ${raw}`);
  }
  return raw;
}

/**
 * A count from the command line. @throws {UsageError} unless a whole number ≥ min.
 * @example countArg(10, '--top', 0) // 10
 */
export function countArg(raw: number, what: string, min: number): number {
  if (!Number.isInteger(raw) || raw < min) throw new UsageError(`${what}: need a whole number ≥ ${min}, got ${raw}`);
  return raw;
}
