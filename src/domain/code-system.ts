/**
 * The country code systems a source can be written in.
 * - `iso3`: ISO 3166 alpha-3 (plus withdrawn codes for historical states: SUN, DDR, YUG, …)
 * - `iso2`: ISO 3166 alpha-2 (plus `CS`, `YU`, `DD`, `YD` as used by the unvotes release)
 * - `cow`: Correlates of War numeric code (`365`)
 * - `cow_abb`: COW three-letter abbreviation (`GMY`, `BHM`) — not ISO
 * - `gw`: Gleditsch–Ward numeric code
 * - `name`: an English name in any spelling the crosswalk knows (SIPRI, MME, UN, IMF, COW)
 */
export type CodeSystem = 'iso3' | 'iso2' | 'cow' | 'cow_abb' | 'gw' | 'name';

/** Every code system, for config validation and help texts. */
export const CODE_SYSTEMS: readonly CodeSystem[] = ['iso3', 'iso2', 'cow', 'cow_abb', 'gw', 'name'];
