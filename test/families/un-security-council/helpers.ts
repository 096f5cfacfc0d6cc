import path from 'node:path';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import type { Iso3 } from '../../../src/domain/country.js';
import { UnknownCountryError } from '../../../src/domain/errors.js';
import type { MemberResolver } from '../../../src/families/un-security-council/council-drafts.js';
import { permanentSeats, seatHolderName } from '../../../src/families/un-security-council/council-seats.js';
import { ROOT } from '../../helpers/cli.js';

/** A fixture of the family's tests, by file name. */
export const fx = (name: string): string => path.join(ROOT, 'test/families/un-security-council/fixtures', name);

/** The crosswalk the family tests use. */
export const crosswalk = createCrosswalk();

/** The member resolver the family builds (seat-holder names, then the crosswalk). */
export const resolve: MemberResolver = (name, date, year) => {
  try {
    return crosswalk.resolve('name', seatHolderName(name, date, year), year);
  } catch (e) {
    if (e instanceof UnknownCountryError) return { error: e.message };
    throw e;
  }
};

/** The permanent members per year. */
export const permanent = permanentSeats(crosswalk);

/** An ISO3 code. */
export const I = (c: string): Iso3 => c as Iso3;

/** The problems of a rejected promise, as [line, column, message]. */
export async function problemsOf(p: Promise<unknown>): Promise<[number, string | number | undefined, string][]> {
  const e = (await p.then(
    () => null,
    (x: unknown) => x,
  )) as { problems?: { line: number; column?: string | number; message: string }[] } | null;
  if (e === null || e.problems === undefined) throw new Error(`expected an InputError, got ${String(e)}`);
  return e.problems.map((q) => [q.line, q.column, q.message]);
}
