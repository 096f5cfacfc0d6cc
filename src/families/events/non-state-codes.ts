/**
 * Project-owned lists of actor codes that are not states, so that event files can be read
 * without stopping on them: they are counted and listed by `entente validate`, never fatal.
 *
 * Provenance:
 * - ISO 3166-1 alpha-3 codes of dependent territories and uninhabited areas that the crosswalk
 *   does not hold (`ISO_TERRITORIES`): the ISO 3166-1 list (as in the code list of the
 *   gdelt-graph-data product, `country_codes_clean.csv`), minus the codes the crosswalk knows.
 *   Territories the crosswalk does hold (HKG, BMU, GUM, …) are recognised through its `kind`.
 * - CAMEO region and place codes (`CAMEO_REGIONS`) and the CAMEO country codes that differ
 *   from ISO 3166 (`CAMEO_COUNTRY_ALIASES`): GDELT's lookup `CAMEO.country.txt` (the country
 *   table of the CAMEO codebook, Schrodt 2012, as distributed by the GDELT Project).
 * - CAMEO actor-type, organisation and religion codes (`CAMEO_ROLE_CODES`): the CAMEO codebook,
 *   chapter on actor codes (Schrodt 2012). Some of them are also ISO codes of something else
 *   (SUN: Sunni, not the Soviet Union; SHN: Old Shinto, not Saint Helena), which is why the
 *   `cameo` code system keeps historical ISO codes out.
 * @module
 */

/** ISO 3166-1 alpha-3 codes of territories the crosswalk has no record for. */
export const ISO_TERRITORIES: ReadonlySet<string> = new Set([
  'ALA', 'ATA', 'BES', 'BVT', 'IOT', 'CXR', 'CCK', 'ATF', 'GGY', 'HMD', 'IMN', 'JEY', 'NFK', 'PCN',
  'BLM', 'MAF', 'SGS', 'SJM', 'UMI',
]);

/** CAMEO region and place codes (not states). */
export const CAMEO_REGIONS: ReadonlySet<string> = new Set([
  'AFR', 'ASA', 'BLK', 'CRB', 'CAU', 'CFR', 'CAS', 'CEU', 'EIN', 'EAF', 'EEU', 'EUR', 'LAM', 'MEA',
  'MDT', 'NAF', 'NMR', 'PGS', 'SCN', 'SAM', 'SAS', 'SEA', 'SAF', 'WAF', 'WST', 'WSB', 'BAG', 'GZS', 'IMY',
]);

/** CAMEO country codes that are not the ISO 3166 code of the state (ROM is a crosswalk alias already). */
export const CAMEO_COUNTRY_ALIASES: Readonly<Record<string, string>> = { TMP: 'TLS', MTN: 'MNE', ROM: 'ROU' };

/** CAMEO actor-type, organisation and religion codes of three letters (not states). */
export const CAMEO_ROLE_CODES: ReadonlySet<string> = new Set([
  // actor types
  'COP', 'GOV', 'INS', 'JUD', 'MIL', 'OPP', 'PTY', 'REB', 'SEP', 'SPY', 'UAF', 'AGR', 'BUS', 'CRM', 'CVL',
  'DEV', 'EDU', 'ELI', 'ENV', 'HLH', 'HRI', 'LAB', 'LEG', 'MED', 'MNC', 'NGO', 'NGM', 'REF', 'REL', 'MOD',
  'RAD', 'AMN', 'IRC', 'GRP', 'UNO', 'PKO', 'UIS', 'IGO', 'IMG', 'INT', 'SET', 'STU', 'YTH', 'ELD', 'HRW', 'WFP',
  // religions
  'ADR', 'ALE', 'ATH', 'BAH', 'BUD', 'CHR', 'CON', 'CPT', 'CTH', 'DOX', 'DRZ', 'HIN', 'HSD', 'ITR', 'JAN',
  'JEW', 'JHW', 'LDS', 'MOS', 'MRN', 'NRM', 'PAG', 'PRO', 'SFI', 'SHI', 'SHN', 'SIK', 'SUN', 'TAO', 'UDX', 'ZRO',
]);
