/**
 * The entities Entente counts as states although neither the COW nor the Gleditsch–Ward list
 * has them — kept deliberately short. Project-owned; each entry says why.
 *
 * The rule: an entity outside both lists is a state only when it is sovereign or recognised as a
 * state by most UN members and the sources treat it as one. That admits:
 * - `VAT`, the Holy See, from the Lateran Treaty (1929): sovereign and universally recognised,
 *   a UN observer state since 1964; COW leaves it out as a micro-state outside the UN, and G&W
 *   keep micro-states in a separate list.
 * - `PSE`, Palestine, from the declaration of independence of 15 November 1988 (recognised by a
 *   majority of UN members within a year; UN non-member observer state since 2012); SIPRI lists
 *   it as a recipient (1994–2023 on the 2025 register). COW and G&W leave it out for want of
 *   control over its territory.
 *
 * Left out on purpose (their values are dropped and listed by `entente validate`):
 * - the Ukrainian and Byelorussian SSRs, which held UN seats from 1945 but were republics of the
 *   USSR: their UN votes before 1991 (coded UKR, BLR) are not a state's;
 * - entities recognised by few or no states: Northern Cyprus (XNC), Western Sahara (ESH),
 *   Biafra (XBI), Katanga (XKA) — SIPRI records a handful of deliveries to them;
 * - dependent territories (Hong Kong, Aruba, Greenland, …): not states; their trade still
 *   counts in the totals of the states they trade with, but they have no pair-years;
 * - micro-states in the years before COW lists them: COW dates micro-states from their UN
 *   admission (Tonga, Kiribati and Nauru 1999, Tuvalu 2000, Liechtenstein 1990, …) and G&W keep
 *   them apart; Entente follows the lists as published rather than dating them itself.
 * @module
 */

/**
 * An entity counted as a state outside the COW and G&W lists: its crosswalk ISO3 code, first
 * year and (when it ended) last year, and why it is counted.
 * @example const a: StateSystemAddition = { iso3: 'VAT', from: 1929, why: 'sovereign, UN observer state' };
 */
export interface StateSystemAddition {
  readonly iso3: string;
  readonly from: number;
  readonly to?: number;
  readonly why: string;
}

/**
 * The additions to the lists (see the module comment for the rule and what is left out).
 * @example STATE_SYSTEM_ADDITIONS.map((a) => a.iso3) // ['PSE', 'VAT']
 */
export const STATE_SYSTEM_ADDITIONS: readonly StateSystemAddition[] = [
  { iso3: 'PSE', from: 1988, why: 'declared independence 15 Nov 1988, recognised by most UN members; UN observer state since 2012; a SIPRI recipient' },
  { iso3: 'VAT', from: 1929, why: 'sovereign since the Lateran Treaty (1929), universally recognised; UN observer state since 1964; a micro-state outside COW and G&W' },
];
