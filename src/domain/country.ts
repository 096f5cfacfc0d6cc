/**
 * ISO 3166 alpha-3 state codes, branded so that only validated codes flow through the engine.
 * Historical entities use their withdrawn ISO codes (SUN, DDR, YUG, YAR, YMD, CSK, SCG) or
 * project-owned codes documented in the crosswalk.
 */
export type Iso3 = string & { readonly __brand: 'Iso3' };

const ISO3 = /^[A-Z]{3}$/;

/** True when `raw` has the shape of an ISO3 code (three upper-case letters). */
export function isIso3Shape(raw: string): raw is Iso3 {
  return ISO3.test(raw);
}

/**
 * Mints an {@link Iso3} from a string of three upper-case letters.
 * @throws {RangeError} when `raw` is not three upper-case ASCII letters.
 * @example asIso3('RUS') // 'RUS'
 */
export function asIso3(raw: string): Iso3 {
  if (!ISO3.test(raw)) throw new RangeError(`not an ISO3 code: "${raw}"`);
  return raw as Iso3;
}

/**
 * Packs an ISO3 code into an integer 0..17575 (base 26), preserving alphabetical order.
 * @example iso3Index(asIso3('AAA')) // 0
 */
export function iso3Index(code: Iso3): number {
  return (code.charCodeAt(0) - 65) * 676 + (code.charCodeAt(1) - 65) * 26 + (code.charCodeAt(2) - 65);
}

/** Inverse of {@link iso3Index}. @example iso3FromIndex(0) // 'AAA' */
export function iso3FromIndex(i: number): Iso3 {
  const a = Math.floor(i / 676);
  const b = Math.floor((i % 676) / 26);
  const c = i % 26;
  return String.fromCharCode(65 + a, 65 + b, 65 + c) as Iso3;
}
