/**
 * The valued scale of alliance obligations: one number per tie, the strongest obligation in
 * force between two states in a year.
 *
 * | level | obligation (ATOP) | COW Formal Alliances |
 * |---|---|---|
 * | 3 | defence or offence (whatever else the treaty holds) | defence pact |
 * | 2 | neutrality or consultation (no defence, no offence) | neutrality pact or entente |
 * | 1 | non-aggression only | non-aggression pact only |
 * | 0 | none (no alliance, or an alliance row with no obligation in force) | none |
 *
 * This is the ordering of the ATOP S-scores (Chiba, Johnson & Leeds 2015; the `atop-sscore`
 * file distributed with ATOP 5.1), the ATOP counterpart of the four-point ordinal coding that
 * Bueno de Mesquita (1975) introduced for the COW alliance types (defence 3, neutrality or
 * non-aggression 2, entente 1, none 0) and that Signorino & Ritter (1999) kept for S. The two
 * orderings differ in where non-aggression and consultation (COW's entente) sit; the ATOP
 * ordering is used for both sources here, COW's entente read as consultation.
 * @module
 */

/** The highest level of the scale (defence or offence); also each state's tie with itself. */
export const TOP_LEVEL = 3;

/**
 * The obligations of one ATOP directed dyad-year (each flag 0 or 1).
 * @example const f: AtopFlags = { defense: 0, offense: 0, neutral: 1, nonagg: 1, consul: 1 };
 */
export interface AtopFlags {
  readonly defense: number;
  readonly offense: number;
  readonly neutral: number;
  readonly nonagg: number;
  readonly consul: number;
}

/**
 * The obligations of one COW Formal Alliances dyad-year (each flag 0 or 1).
 * @example const f: CowAllianceFlags = { defense: 1, neutral: 0, nonagg: 1, entente: 1 };
 */
export interface CowAllianceFlags {
  readonly defense: number;
  readonly neutral: number;
  readonly nonagg: number;
  readonly entente: number;
}

/**
 * Level of an ATOP dyad-year on the valued scale: 3 defence or offence, 2 neutrality or
 * consultation, 1 non-aggression only, 0 none. Range 0–3.
 * @example atopLevel({ defense: 0, offense: 0, neutral: 1, nonagg: 1, consul: 1 }) // 2 (Russia–Iran 2001–2018)
 * @example atopLevel({ defense: 0, offense: 0, neutral: 0, nonagg: 1, consul: 0 }) // 1 (Russia–China 1992–2000)
 */
export function atopLevel(f: AtopFlags): number {
  if (f.defense === 1 || f.offense === 1) return 3;
  if (f.neutral === 1 || f.consul === 1) return 2;
  if (f.nonagg === 1) return 1;
  return 0;
}

/**
 * Level of a COW Formal Alliances dyad-year on the same scale: 3 defence pact, 2 neutrality
 * pact or entente (COW's consultation pact), 1 non-aggression pact only, 0 none. Range 0–3.
 * @example cowAllianceLevel({ defense: 1, neutral: 0, nonagg: 1, entente: 1 }) // 3 (USA–UK)
 * @example cowAllianceLevel({ defense: 0, neutral: 0, nonagg: 1, entente: 1 }) // 2 (Russia–China 1996–2012)
 */
export function cowAllianceLevel(f: CowAllianceFlags): number {
  if (f.defense === 1) return 3;
  if (f.neutral === 1 || f.entente === 1) return 2;
  if (f.nonagg === 1) return 1;
  return 0;
}
