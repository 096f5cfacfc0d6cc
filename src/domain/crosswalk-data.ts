/**
 * The project-owned country table behind the crosswalk: one record per entity (state,
 * historical state, contested state or dependent territory) with its codes in every
 * code system and the spellings the sources use. Hand-made from the COW state list
 * (v2016), the Gleditsch–Ward list (2017, plus their micro-states list, which reuses the
 * COW numbers), ISO 3166 (current and withdrawn codes) and the names found in the SIPRI,
 * MME, JME, UN (unvotes, Voeten), IMF DOTS and Russia exercise files.
 *
 * Conventions:
 * - `iso3` is the entity's identity in Entente. Withdrawn ISO codes are kept for historical
 *   states (SUN, DDR, YUG, SCG, YAR, YMD, CSK, ANT).
 * - Project-owned codes (not ISO 3166) are marked `project-owned` below. New ones come from
 *   the ISO user-assigned range `XAA`–`XZZ`, so they can never clash with a real ISO code;
 *   RVN and EAZ are older conventions kept for compatibility. In use (do not reuse): XKX (Kosovo,
 *   the EU's code), XTB, XNC, XBI, XKA, and for the pre-1946 states of the COW and G&W lists XCA,
 *   XGC, XHN, XBV, XBD, XSX, XWU, XHK, XHD, XMS, XAH, XPS, XTS, XMD, XPR, XTU, XTV, XOF, XKR, XVN.
 *   Avoid the ICAO passport codes of the range (XXA, XXB, XXC, XXX, XOM, XPO, XBA, XIM, XCC,
 *   XCE, XCO, XEC, XES, XMP, XDC).
 * - Every state of the COW list (v2016, all spells since 1816) and of the G&W list (since 1816)
 *   is an entity. A code with several spells keeps one entity when COW/G&W treat it as one
 *   state (Germany 255 before 1945 and after 1990, Morocco 600, Egypt 651, Madagascar 580 …);
 *   states that ended before 1946 without an ISO code of their own (the German and Italian
 *   states, Austria-Hungary, Korea 730, Gran Colombia …) are distinct historical entities, with
 *   no default succession. COW 345 ("Yugoslavia", from 1878) is Yugoslavia up to 1991, Serbia's
 *   kingdom included; G&W 340 is Serbia at all times.
 * - A code that changes meaning over time is written as dated spells (`from`/`to` are
 *   inclusive calendar years). At a given year a dated spell wins over an undated code;
 *   without a year the undated code, else the latest spell, applies.
 * - Succession (which entity is reported as which) is not decided here except for the
 *   defaults in {@link DEFAULT_SUCCESSION}; see `crosswalk.ts`.
 *
 * @module
 */
/**
 * An inclusive range of calendar years; a missing bound is open.
 * @example const span: YearSpan = { from: 1992, to: 2005 };
 */
export interface YearSpan {
  readonly from?: number;
  readonly to?: number;
}

/**
 * A code or spelling that means this entity only during a span of years.
 * @example const v: Dated<string> = { value: 'Russia', to: 1991 };
 */
export interface Dated<T> extends YearSpan {
  readonly value: T;
}

/**
 * A code or spelling, either valid at all times or only during a span of years.
 * @example const ids: Identifier<string>[] = ['USSR', { value: 'Russia', to: 1991 }];
 */
export type Identifier<T> = T | Dated<T>;

/**
 * A Correlates of War state code with its three-letter COW abbreviation (not ISO), both
 * meaning the entity during the span.
 * @example const c: CowCode = { code: 365, abb: 'RUS', to: 1991 };
 */
export interface CowCode extends YearSpan {
  readonly code: number;
  readonly abb: string;
}

/**
 * What kind of entity a record is: `state` (independent state or UN observer state),
 * `historical` (a state that no longer exists), `contested` (limited recognition) or
 * `territory` (a dependent territory that sources list under its own name).
 * @example const k: EntityKind = 'territory';
 */
export type EntityKind = 'state' | 'historical' | 'contested' | 'territory';

/**
 * One entity of the crosswalk with its codes and spellings.
 * @example
 * const r: CountryRecord = { iso3: 'USA', iso2: 'US', name: 'United States', kind: 'state' };
 */
export interface CountryRecord {
  /** ISO 3166 alpha-3 (withdrawn or project-owned for historical entities): the identity. */
  readonly iso3: string;
  /** ISO 3166 alpha-2, when the entity has one that is not ambiguous. */
  readonly iso2?: string;
  /** English short name, as printed in reports. */
  readonly name: string;
  readonly kind: EntityKind;
  /** COW numeric codes with their abbreviations. */
  readonly cow?: readonly CowCode[];
  /** Gleditsch–Ward numeric codes. */
  readonly gw?: readonly Identifier<number>[];
  /** Other spellings of the name (the `name` itself is always known). */
  readonly aliases?: readonly Identifier<string>[];
  /** Other alpha-3 codes meaning this entity (withdrawn or non-standard ones). */
  readonly iso3Aliases?: readonly Identifier<string>[];
  /** Other alpha-2 codes meaning this entity. */
  readonly iso2Aliases?: readonly Identifier<string>[];
}

/** A COW code, optionally restricted to a span. */
const cow = (code: number, abb: string, span: YearSpan = {}): CowCode => ({ code, abb, ...span });
/** A code or spelling valid up to and including `year`. */
const until = <T>(year: number, value: T): Dated<T> => ({ value, to: year });
/** A code or spelling valid from `year` on. */
const since = <T>(year: number, value: T): Dated<T> => ({ value, from: year });
/** A code or spelling valid from `from` to `to`, inclusive. */
const between = <T>(from: number, to: number, value: T): Dated<T> => ({ value, from, to });

/** The USSR ends in December 1991: 1992 is the first year of the Russian Federation. */
const USSR_LAST = 1991;
/** SFR Yugoslavia dissolves in 1992; FR Yugoslavia / Serbia and Montenegro to June 2006. */
const SFRY_LAST = 1991;
const FRY_LAST = 2005;
/** Yemen unifies in May 1990; G&W keep 678 for unified Yemen, UN sessions switch in 1991. */
const YAR_LAST = 1990;

/**
 * Every entity the crosswalk knows, ordered roughly by COW code, then the entities outside
 * the COW system (contested states, territories).
 * @example COUNTRIES.find((c) => c.iso3 === 'RUS')?.name // 'Russia'
 */
export const COUNTRIES: readonly CountryRecord[] = [
  // ── Americas ────────────────────────────────────────────────────────────────────────
  { iso3: 'USA', iso2: 'US', name: 'United States', kind: 'state', cow: [cow(2, 'USA')], gw: [2],
    aliases: ['United States of America', 'USA', 'U.S.A.', 'US', 'U.S.'] },
  { iso3: 'CAN', iso2: 'CA', name: 'Canada', kind: 'state', cow: [cow(20, 'CAN')], gw: [20] },
  { iso3: 'BHS', iso2: 'BS', name: 'Bahamas', kind: 'state', cow: [cow(31, 'BHM')], gw: [31],
    aliases: ['Bahamas, The', 'Commonwealth of the Bahamas'] },
  { iso3: 'CUB', iso2: 'CU', name: 'Cuba', kind: 'state', cow: [cow(40, 'CUB')], gw: [40] },
  { iso3: 'HTI', iso2: 'HT', name: 'Haiti', kind: 'state', cow: [cow(41, 'HAI')], gw: [41] },
  { iso3: 'DOM', iso2: 'DO', name: 'Dominican Republic', kind: 'state', cow: [cow(42, 'DOM')], gw: [42],
    aliases: ['Dominican Rep.'] },
  { iso3: 'JAM', iso2: 'JM', name: 'Jamaica', kind: 'state', cow: [cow(51, 'JAM')], gw: [51] },
  { iso3: 'TTO', iso2: 'TT', name: 'Trinidad and Tobago', kind: 'state', cow: [cow(52, 'TRI')], gw: [52] },
  { iso3: 'BRB', iso2: 'BB', name: 'Barbados', kind: 'state', cow: [cow(53, 'BAR')], gw: [53] },
  { iso3: 'DMA', iso2: 'DM', name: 'Dominica', kind: 'state', cow: [cow(54, 'DMA')], gw: [54] },
  { iso3: 'GRD', iso2: 'GD', name: 'Grenada', kind: 'state', cow: [cow(55, 'GRN')], gw: [55] },
  { iso3: 'LCA', iso2: 'LC', name: 'Saint Lucia', kind: 'state', cow: [cow(56, 'SLU')], gw: [56],
    aliases: ['St. Lucia', 'St Lucia'] },
  { iso3: 'VCT', iso2: 'VC', name: 'Saint Vincent and the Grenadines', kind: 'state', cow: [cow(57, 'SVG')], gw: [57],
    aliases: ['St. Vincent and the Grenadines', 'St. Vincent & Grenadines', 'Saint Vincent', 'St. Vincent'] },
  { iso3: 'ATG', iso2: 'AG', name: 'Antigua and Barbuda', kind: 'state', cow: [cow(58, 'AAB')], gw: [58],
    aliases: ['Antigua'] },
  { iso3: 'KNA', iso2: 'KN', name: 'Saint Kitts and Nevis', kind: 'state', cow: [cow(60, 'SKN')], gw: [60],
    aliases: ['St. Kitts and Nevis', 'St Kitts and Nevis', 'Saint Christopher and Nevis', 'St. Christopher and Nevis',
      'st. christopher', 'Saint Christopher'] },
  { iso3: 'MEX', iso2: 'MX', name: 'Mexico', kind: 'state', cow: [cow(70, 'MEX')], gw: [70] },
  { iso3: 'BLZ', iso2: 'BZ', name: 'Belize', kind: 'state', cow: [cow(80, 'BLZ')], gw: [80] },
  // XCA (project-owned): the United Provinces of Central America, 1823–1839 (G&W 89; not in COW).
  { iso3: 'XCA', name: 'United Provinces of Central America', kind: 'historical', gw: [89],
    aliases: ['Federal Republic of Central America', 'Central American Federation'] },
  { iso3: 'GTM', iso2: 'GT', name: 'Guatemala', kind: 'state', cow: [cow(90, 'GUA')], gw: [90] },
  { iso3: 'HND', iso2: 'HN', name: 'Honduras', kind: 'state', cow: [cow(91, 'HON')], gw: [91] },
  { iso3: 'SLV', iso2: 'SV', name: 'El Salvador', kind: 'state', cow: [cow(92, 'SAL')], gw: [92] },
  { iso3: 'NIC', iso2: 'NI', name: 'Nicaragua', kind: 'state', cow: [cow(93, 'NIC')], gw: [93] },
  { iso3: 'CRI', iso2: 'CR', name: 'Costa Rica', kind: 'state', cow: [cow(94, 'COS')], gw: [94] },
  { iso3: 'PAN', iso2: 'PA', name: 'Panama', kind: 'state', cow: [cow(95, 'PAN')], gw: [95] },
  // XGC (project-owned): Gran Colombia, 1821–1830 (G&W 99; not in COW). Colombia (100) is
  // a distinct entity, as are Venezuela and Ecuador.
  { iso3: 'XGC', name: 'Gran Colombia', kind: 'historical', gw: [99], aliases: ['Great Colombia'] },
  { iso3: 'COL', iso2: 'CO', name: 'Colombia', kind: 'state', cow: [cow(100, 'COL')], gw: [100] },
  { iso3: 'VEN', iso2: 'VE', name: 'Venezuela', kind: 'state', cow: [cow(101, 'VEN')], gw: [101],
    aliases: ['Venezuela, Rep. Bolivariana de', 'Venezuela (Bolivarian Republic of)', 'Bolivarian Republic of Venezuela',
      'Venezuela, RB'] },
  { iso3: 'GUY', iso2: 'GY', name: 'Guyana', kind: 'state', cow: [cow(110, 'GUY')], gw: [110] },
  { iso3: 'SUR', iso2: 'SR', name: 'Suriname', kind: 'state', cow: [cow(115, 'SUR')], gw: [115], aliases: ['Surinam'] },
  { iso3: 'ECU', iso2: 'EC', name: 'Ecuador', kind: 'state', cow: [cow(130, 'ECU')], gw: [130] },
  { iso3: 'PER', iso2: 'PE', name: 'Peru', kind: 'state', cow: [cow(135, 'PER')], gw: [135] },
  { iso3: 'BRA', iso2: 'BR', name: 'Brazil', kind: 'state', cow: [cow(140, 'BRA')], gw: [140] },
  { iso3: 'BOL', iso2: 'BO', name: 'Bolivia', kind: 'state', cow: [cow(145, 'BOL')], gw: [145],
    aliases: ['Bolivia (Plurinational State of)', 'Plurinational State of Bolivia'] },
  { iso3: 'PRY', iso2: 'PY', name: 'Paraguay', kind: 'state', cow: [cow(150, 'PAR')], gw: [150] },
  { iso3: 'CHL', iso2: 'CL', name: 'Chile', kind: 'state', cow: [cow(155, 'CHL')], gw: [155] },
  { iso3: 'ARG', iso2: 'AR', name: 'Argentina', kind: 'state', cow: [cow(160, 'ARG')], gw: [160] },
  { iso3: 'URY', iso2: 'UY', name: 'Uruguay', kind: 'state', cow: [cow(165, 'URU')], gw: [165] },

  // ── Europe ──────────────────────────────────────────────────────────────────────────
  { iso3: 'GBR', iso2: 'GB', name: 'United Kingdom', kind: 'state', cow: [cow(200, 'UKG')], gw: [200],
    aliases: ['United Kingdom of Great Britain and Northern Ireland', 'Great Britain', 'Britain', 'UK', 'U.K.'],
    iso2Aliases: ['UK'] },
  { iso3: 'IRL', iso2: 'IE', name: 'Ireland', kind: 'state', cow: [cow(205, 'IRE')], gw: [205],
    aliases: ['Republic of Ireland', 'Eire'] },
  { iso3: 'NLD', iso2: 'NL', name: 'Netherlands', kind: 'state', cow: [cow(210, 'NTH')], gw: [210],
    aliases: ['Netherlands, The', 'Kingdom of the Netherlands', 'Holland'] },
  { iso3: 'BEL', iso2: 'BE', name: 'Belgium', kind: 'state', cow: [cow(211, 'BEL')], gw: [211] },
  { iso3: 'LUX', iso2: 'LU', name: 'Luxembourg', kind: 'state', cow: [cow(212, 'LUX')], gw: [212] },
  { iso3: 'FRA', iso2: 'FR', name: 'France', kind: 'state', cow: [cow(220, 'FRN')], gw: [220] },
  { iso3: 'MCO', iso2: 'MC', name: 'Monaco', kind: 'state', cow: [cow(221, 'MNC')], gw: [221] },
  { iso3: 'LIE', iso2: 'LI', name: 'Liechtenstein', kind: 'state', cow: [cow(223, 'LIE')], gw: [223] },
  { iso3: 'CHE', iso2: 'CH', name: 'Switzerland', kind: 'state', cow: [cow(225, 'SWZ')], gw: [225] },
  { iso3: 'ESP', iso2: 'ES', name: 'Spain', kind: 'state', cow: [cow(230, 'SPN')], gw: [230] },
  { iso3: 'AND', iso2: 'AD', name: 'Andorra', kind: 'state', cow: [cow(232, 'AND')], gw: [232] },
  { iso3: 'PRT', iso2: 'PT', name: 'Portugal', kind: 'state', cow: [cow(235, 'POR')], gw: [235] },
  // The German states of the 19th century (COW and G&W, 1816 – 1866/1871), each its own
  // historical entity with a project-owned code; none is reported as Germany by default.
  // XHN (project-owned): the Kingdom of Hanover (COW/G&W 240).
  { iso3: 'XHN', name: 'Hanover', kind: 'historical', cow: [cow(240, 'HAN')], gw: [240],
    aliases: ['Kingdom of Hanover', 'Hannover'] },
  // XBV (project-owned): the Kingdom of Bavaria (COW/G&W 245).
  { iso3: 'XBV', name: 'Bavaria', kind: 'historical', cow: [cow(245, 'BAV')], gw: [245],
    aliases: ['Kingdom of Bavaria'] },
  // ISO used DEU for the Federal Republic before 1990, so West Germany (COW 260) is DEU.
  // COW 255 (and G&W 255, "Germany (Prussia)") before 1945 is Prussia, then the German Reich:
  // the same entity, DEU.
  { iso3: 'DEU', iso2: 'DE', name: 'Germany', kind: 'state', cow: [cow(255, 'GMY'), cow(260, 'GFR')], gw: [255, 260],
    aliases: ['Prussia', 'Kingdom of Prussia', 'German Empire', 'Federal Republic of Germany', 'German Federal Republic', 'West Germany', 'Germany, West', 'Germany (West)',
      'Germany, Federal Republic of', 'FRG', 'Germany (Prussia)'] },
  { iso3: 'DDR', iso2: 'DD', name: 'East Germany', kind: 'historical', cow: [cow(265, 'GDR')], gw: [265],
    aliases: ['German Democratic Republic', 'East Germany (GDR)', 'GDR', 'Germany, East', 'Germany (East)'] },
  // XBD (project-owned): the Grand Duchy of Baden (COW/G&W 267).
  { iso3: 'XBD', name: 'Baden', kind: 'historical', cow: [cow(267, 'BAD')], gw: [267],
    aliases: ['Grand Duchy of Baden'] },
  // XSX (project-owned): the Kingdom of Saxony (COW/G&W 269).
  { iso3: 'XSX', name: 'Saxony', kind: 'historical', cow: [cow(269, 'SAX')], gw: [269],
    aliases: ['Kingdom of Saxony'] },
  // XWU (project-owned): the Kingdom of Württemberg (COW/G&W 271; COW spells it "Wuerttemburg").
  { iso3: 'XWU', name: 'Württemberg', kind: 'historical', cow: [cow(271, 'WRT')], gw: [271],
    aliases: ['Wuerttemburg', 'Wuerttemberg', 'Wurtemberg', 'Kingdom of Württemberg'] },
  // XHK (project-owned): the Electorate of Hesse, Hesse-Kassel (COW/G&W 273).
  { iso3: 'XHK', name: 'Hesse-Kassel', kind: 'historical', cow: [cow(273, 'HSE')], gw: [273],
    aliases: ['Hesse Electoral', 'Hesse-Kassel (Electoral)', 'Electorate of Hesse', 'Hesse-Cassel', 'Electoral Hesse'] },
  // XHD (project-owned): the Grand Duchy of Hesse, Hesse-Darmstadt (COW/G&W 275; G&W abbreviate HSD).
  { iso3: 'XHD', name: 'Hesse-Darmstadt', kind: 'historical', cow: [cow(275, 'HSG')], gw: [275],
    aliases: ['Hesse Grand Ducal', 'Hesse-Darmstadt (Ducal)', 'Grand Duchy of Hesse'] },
  // XMS (project-owned): the Grand Duchy of Mecklenburg-Schwerin (COW/G&W 280).
  { iso3: 'XMS', name: 'Mecklenburg-Schwerin', kind: 'historical', cow: [cow(280, 'MEC')], gw: [280],
    aliases: ['Grand Duchy of Mecklenburg-Schwerin'] },
  { iso3: 'POL', iso2: 'PL', name: 'Poland', kind: 'state', cow: [cow(290, 'POL')], gw: [290],
    aliases: ['Poland, Rep. of'] },
  // XAH (project-owned): the Austrian Empire / Austria-Hungary, 1816–1918 (COW/G&W 300). Not
  // Austria: the Republic of Austria (305) starts in 1918 and no default succession joins them.
  { iso3: 'XAH', name: 'Austria-Hungary', kind: 'historical', cow: [cow(300, 'AUH')], gw: [300],
    aliases: ['Austro-Hungarian Empire', 'Austria-Hungarian Empire', 'Austrian Empire', 'Habsburg Monarchy'] },
  { iso3: 'AUT', iso2: 'AT', name: 'Austria', kind: 'state', cow: [cow(305, 'AUS')], gw: [305] },
  { iso3: 'HUN', iso2: 'HU', name: 'Hungary', kind: 'state', cow: [cow(310, 'HUN')], gw: [310] },
  // ISO2 `CS` is Czechoslovakia here, as in the unvotes release (ISO later reused it for
  // Serbia and Montenegro, which therefore has no ISO2 in this table).
  { iso3: 'CSK', iso2: 'CS', name: 'Czechoslovakia', kind: 'historical', cow: [cow(315, 'CZE')], gw: [315],
    aliases: ['Czechoslovak Socialist Republic', 'Czech and Slovak Federal Republic'] },
  { iso3: 'CZE', iso2: 'CZ', name: 'Czechia', kind: 'state', cow: [cow(316, 'CZR')], gw: [316],
    aliases: ['Czech Republic', 'Czech Rep.'] },
  { iso3: 'SVK', iso2: 'SK', name: 'Slovakia', kind: 'state', cow: [cow(317, 'SLO')], gw: [317],
    aliases: ['Slovak Republic', 'Slovak Rep.'] },
  { iso3: 'ITA', iso2: 'IT', name: 'Italy', kind: 'state', cow: [cow(325, 'ITA')], gw: [325], aliases: ['Italy/Sardinia'] },
  // The Italian states absorbed by Sardinia/Italy (325) in 1860–1870, each its own historical
  // entity (none is reported as Italy by default). The Papal States are not the Holy See (VAT).
  // XPS (project-owned): the Papal States (COW/G&W 327).
  { iso3: 'XPS', name: 'Papal States', kind: 'historical', cow: [cow(327, 'PAP')], gw: [327],
    aliases: ['States of the Church', 'Papal State'] },
  // XTS (project-owned): the Kingdom of the Two Sicilies (COW/G&W 329).
  { iso3: 'XTS', name: 'Two Sicilies', kind: 'historical', cow: [cow(329, 'SIC')], gw: [329],
    aliases: ['Kingdom of the Two Sicilies'] },
  // XMD (project-owned): the Duchy of Modena and Reggio (COW/G&W 332).
  { iso3: 'XMD', name: 'Modena', kind: 'historical', cow: [cow(332, 'MOD')], gw: [332],
    aliases: ['Duchy of Modena', 'Modena and Reggio'] },
  // XPR (project-owned): the Duchy of Parma and Piacenza (COW/G&W 335).
  { iso3: 'XPR', name: 'Parma', kind: 'historical', cow: [cow(335, 'PMA')], gw: [335],
    aliases: ['Duchy of Parma', 'Parma and Piacenza'] },
  // XTU (project-owned): the Grand Duchy of Tuscany (COW/G&W 337).
  { iso3: 'XTU', name: 'Tuscany', kind: 'historical', cow: [cow(337, 'TUS')], gw: [337],
    aliases: ['Grand Duchy of Tuscany'] },
  { iso3: 'SMR', iso2: 'SM', name: 'San Marino', kind: 'state', cow: [cow(331, 'SNM')], gw: [331],
    aliases: ['San Marino, Rep. of'] },
  { iso3: 'MLT', iso2: 'MT', name: 'Malta', kind: 'state', cow: [cow(338, 'MLT')], gw: [338] },
  { iso3: 'ALB', iso2: 'AL', name: 'Albania', kind: 'state', cow: [cow(339, 'ALB')], gw: [339] },
  { iso3: 'MNE', iso2: 'ME', name: 'Montenegro', kind: 'state', cow: [cow(341, 'MNG')], gw: [341] },
  { iso3: 'MKD', iso2: 'MK', name: 'North Macedonia', kind: 'state', cow: [cow(343, 'MAC')], gw: [343],
    aliases: ['Macedonia', 'Macedonia (Former Yugoslav Republic of)', 'Former Yugoslav Republic of Macedonia',
      'The former Yugoslav Republic of Macedonia', 'Macedonia, FYR', 'FYROM', 'North Macedonia, Republic of',
      'Republic of North Macedonia'] },
  { iso3: 'HRV', iso2: 'HR', name: 'Croatia', kind: 'state', cow: [cow(344, 'CRO')], gw: [344],
    aliases: ['Croatia, Rep. of'] },
  // COW 345 and the name/ISO codes of Yugoslavia run on through FR Yugoslavia (Serbia and
  // Montenegro) to Serbia; G&W use 345 until June 2006, then 340 for Serbia.
  { iso3: 'YUG', iso2: 'YU', name: 'Yugoslavia', kind: 'historical',
    cow: [cow(345, 'YUG', { to: SFRY_LAST })], gw: [until(SFRY_LAST, 345)],
    aliases: ['Socialist Federal Republic of Yugoslavia', 'SFR Yugoslavia'] },
  { iso3: 'SCG', name: 'Serbia and Montenegro', kind: 'historical',
    cow: [cow(345, 'YUG', { from: SFRY_LAST + 1, to: FRY_LAST })], gw: [since(SFRY_LAST + 1, 345)],
    aliases: ['Serbia & Montenegro', 'Serbia-Montenegro', 'Federal Republic of Yugoslavia', 'FR Yugoslavia',
      'Yugoslavia, Federal Republic of', between(SFRY_LAST + 1, FRY_LAST, 'Yugoslavia')],
    iso2Aliases: [between(SFRY_LAST + 1, FRY_LAST, 'YU')], iso3Aliases: [between(SFRY_LAST + 1, FRY_LAST, 'YUG')] },
  { iso3: 'SRB', iso2: 'RS', name: 'Serbia', kind: 'state', cow: [cow(345, 'YUG', { from: FRY_LAST + 1 })], gw: [340],
    aliases: ['Serbia, Rep. of', 'Republic of Serbia', since(FRY_LAST + 1, 'Yugoslavia')],
    iso2Aliases: [since(FRY_LAST + 1, 'YU')], iso3Aliases: [since(FRY_LAST + 1, 'YUG')] },
  { iso3: 'BIH', iso2: 'BA', name: 'Bosnia and Herzegovina', kind: 'state', cow: [cow(346, 'BOS')], gw: [346],
    aliases: ['Bosnia-Herzegovina', 'Bosnia'] },
  // XKX: the user-assigned code used by the EU and most international bodies for Kosovo.
  { iso3: 'XKX', iso2: 'XK', name: 'Kosovo', kind: 'contested', cow: [cow(347, 'KOS')], gw: [347],
    aliases: ['Kosovo, Rep. of', 'Republic of Kosovo'], iso3Aliases: ['KSV', 'UVK'] },
  { iso3: 'SVN', iso2: 'SI', name: 'Slovenia', kind: 'state', cow: [cow(349, 'SLV')], gw: [349],
    aliases: ['Slovenia, Rep. of'] },
  { iso3: 'GRC', iso2: 'GR', name: 'Greece', kind: 'state', cow: [cow(350, 'GRC')], gw: [350], iso2Aliases: ['EL'] },
  { iso3: 'CYP', iso2: 'CY', name: 'Cyprus', kind: 'state', cow: [cow(352, 'CYP')], gw: [352] },
  { iso3: 'BGR', iso2: 'BG', name: 'Bulgaria', kind: 'state', cow: [cow(355, 'BUL')], gw: [355] },
  { iso3: 'MDA', iso2: 'MD', name: 'Moldova', kind: 'state', cow: [cow(359, 'MLD')], gw: [359],
    aliases: ['Moldova, Rep. of', 'Republic of Moldova'] },
  { iso3: 'ROU', iso2: 'RO', name: 'Romania', kind: 'state', cow: [cow(360, 'ROM')], gw: [360],
    aliases: ['Rumania'], iso3Aliases: ['ROM'] },
  // COW/G&W 365 and the sources' "Russia"/RU/RUS cover the USSR too: before 1992 they
  // mean the Soviet Union, whose own names are undated. COW and G&W keep the Russian Empire
  // in the same uninterrupted spell, so 365 before 1917 is this entity too.
  { iso3: 'SUN', iso2: 'SU', name: 'Soviet Union', kind: 'historical',
    cow: [cow(365, 'RUS', { to: USSR_LAST })], gw: [until(USSR_LAST, 365)],
    aliases: ['USSR', 'U.S.S.R.', 'Union of Soviet Socialist Republics', 'Soviet Union (USSR)',
      until(USSR_LAST, 'Russia'), until(USSR_LAST, 'Russia (Soviet Union)')],
    iso2Aliases: [until(USSR_LAST, 'RU')], iso3Aliases: [until(USSR_LAST, 'RUS')] },
  { iso3: 'RUS', iso2: 'RU', name: 'Russia', kind: 'state', cow: [cow(365, 'RUS', { from: USSR_LAST + 1 })],
    gw: [since(USSR_LAST + 1, 365)], aliases: ['Russian Federation', 'Russia (Soviet Union)'] },
  { iso3: 'EST', iso2: 'EE', name: 'Estonia', kind: 'state', cow: [cow(366, 'EST')], gw: [366],
    aliases: ['Estonia, Rep. of'] },
  { iso3: 'LVA', iso2: 'LV', name: 'Latvia', kind: 'state', cow: [cow(367, 'LAT')], gw: [367] },
  { iso3: 'LTU', iso2: 'LT', name: 'Lithuania', kind: 'state', cow: [cow(368, 'LIT')], gw: [368] },
  { iso3: 'UKR', iso2: 'UA', name: 'Ukraine', kind: 'state', cow: [cow(369, 'UKR')], gw: [369],
    aliases: ['Ukrainian SSR'] },
  { iso3: 'BLR', iso2: 'BY', name: 'Belarus', kind: 'state', cow: [cow(370, 'BLR')], gw: [370],
    aliases: ['Belarus, Rep. of', 'Belarus (Byelorussia)', 'Byelorussia', 'Belorussia', 'Byelorussian SSR'] },
  { iso3: 'ARM', iso2: 'AM', name: 'Armenia', kind: 'state', cow: [cow(371, 'ARM')], gw: [371],
    aliases: ['Armenia, Rep. of'] },
  { iso3: 'GEO', iso2: 'GE', name: 'Georgia', kind: 'state', cow: [cow(372, 'GRG')], gw: [372] },
  { iso3: 'AZE', iso2: 'AZ', name: 'Azerbaijan', kind: 'state', cow: [cow(373, 'AZE')], gw: [373],
    aliases: ['Azerbaijan, Rep. of'] },
  { iso3: 'FIN', iso2: 'FI', name: 'Finland', kind: 'state', cow: [cow(375, 'FIN')], gw: [375] },
  { iso3: 'SWE', iso2: 'SE', name: 'Sweden', kind: 'state', cow: [cow(380, 'SWD')], gw: [380] },
  { iso3: 'NOR', iso2: 'NO', name: 'Norway', kind: 'state', cow: [cow(385, 'NOR')], gw: [385] },
  { iso3: 'DNK', iso2: 'DK', name: 'Denmark', kind: 'state', cow: [cow(390, 'DEN')], gw: [390] },
  { iso3: 'ISL', iso2: 'IS', name: 'Iceland', kind: 'state', cow: [cow(395, 'ICE')], gw: [395] },

  // ── Africa ──────────────────────────────────────────────────────────────────────────
  { iso3: 'CPV', iso2: 'CV', name: 'Cabo Verde', kind: 'state', cow: [cow(402, 'CAP')], gw: [402],
    aliases: ['Cape Verde'] },
  { iso3: 'STP', iso2: 'ST', name: 'Sao Tome and Principe', kind: 'state', cow: [cow(403, 'STP')], gw: [403],
    aliases: ['São Tomé and Príncipe, Dem. Rep. of', 'Democratic Republic of Sao Tome and Principe'] },
  { iso3: 'GNB', iso2: 'GW', name: 'Guinea-Bissau', kind: 'state', cow: [cow(404, 'GNB')], gw: [404] },
  { iso3: 'GNQ', iso2: 'GQ', name: 'Equatorial Guinea', kind: 'state', cow: [cow(411, 'EQG')], gw: [411],
    aliases: ['Equatorial Guinea, Rep. of'] },
  { iso3: 'GMB', iso2: 'GM', name: 'Gambia', kind: 'state', cow: [cow(420, 'GAM')], gw: [420],
    aliases: ['Gambia, The'] },
  { iso3: 'MLI', iso2: 'ML', name: 'Mali', kind: 'state', cow: [cow(432, 'MLI')], gw: [432] },
  { iso3: 'SEN', iso2: 'SN', name: 'Senegal', kind: 'state', cow: [cow(433, 'SEN')], gw: [433] },
  { iso3: 'BEN', iso2: 'BJ', name: 'Benin', kind: 'state', cow: [cow(434, 'BEN')], gw: [434], aliases: ['Dahomey'] },
  { iso3: 'MRT', iso2: 'MR', name: 'Mauritania', kind: 'state', cow: [cow(435, 'MAA')], gw: [435],
    aliases: ['Mauritania, Islamic Rep. of'] },
  { iso3: 'NER', iso2: 'NE', name: 'Niger', kind: 'state', cow: [cow(436, 'NIR')], gw: [436] },
  { iso3: 'CIV', iso2: 'CI', name: "Côte d'Ivoire", kind: 'state', cow: [cow(437, 'CDI')], gw: [437],
    aliases: ['Ivory Coast'] },
  { iso3: 'GIN', iso2: 'GN', name: 'Guinea', kind: 'state', cow: [cow(438, 'GUI')], gw: [438] },
  { iso3: 'BFA', iso2: 'BF', name: 'Burkina Faso', kind: 'state', cow: [cow(439, 'BFO')], gw: [439],
    aliases: ['Burkina Faso (Upper Volta)', 'Upper Volta'] },
  { iso3: 'LBR', iso2: 'LR', name: 'Liberia', kind: 'state', cow: [cow(450, 'LBR')], gw: [450] },
  { iso3: 'SLE', iso2: 'SL', name: 'Sierra Leone', kind: 'state', cow: [cow(451, 'SIE')], gw: [451] },
  { iso3: 'GHA', iso2: 'GH', name: 'Ghana', kind: 'state', cow: [cow(452, 'GHA')], gw: [452] },
  { iso3: 'TGO', iso2: 'TG', name: 'Togo', kind: 'state', cow: [cow(461, 'TOG')], gw: [461] },
  { iso3: 'CMR', iso2: 'CM', name: 'Cameroon', kind: 'state', cow: [cow(471, 'CAO')], gw: [471] },
  { iso3: 'NGA', iso2: 'NG', name: 'Nigeria', kind: 'state', cow: [cow(475, 'NIG')], gw: [475] },
  { iso3: 'GAB', iso2: 'GA', name: 'Gabon', kind: 'state', cow: [cow(481, 'GAB')], gw: [481] },
  { iso3: 'CAF', iso2: 'CF', name: 'Central African Republic', kind: 'state', cow: [cow(482, 'CEN')], gw: [482],
    aliases: ['Central African Rep.', 'Central African Empire'] },
  { iso3: 'TCD', iso2: 'TD', name: 'Chad', kind: 'state', cow: [cow(483, 'CHA')], gw: [483] },
  { iso3: 'COG', iso2: 'CG', name: 'Congo', kind: 'state', cow: [cow(484, 'CON')], gw: [484],
    aliases: ['Congo - Brazzaville', 'Congo (Brazzaville)', 'Congo-Brazzaville', 'Republic of the Congo',
      'Congo, Rep. of', 'Congo, Republic of', 'Congo, Rep.'] },
  { iso3: 'COD', iso2: 'CD', name: 'DR Congo', kind: 'state', cow: [cow(490, 'DRC')], gw: [490],
    aliases: ['Democratic Republic of the Congo', 'Congo - Kinshasa', 'Congo (Kinshasa)', 'Congo-Kinshasa',
      'Congo, Dem. Rep. of the', 'Congo, Dem. Rep.', 'Congo, Democratic Republic of the',
      'Congo, Democratic Republic of (Zaire)', 'DRC', 'Zaire'],
    iso3Aliases: ['ZAR'], iso2Aliases: ['ZR'] },
  { iso3: 'UGA', iso2: 'UG', name: 'Uganda', kind: 'state', cow: [cow(500, 'UGA')], gw: [500] },
  { iso3: 'KEN', iso2: 'KE', name: 'Kenya', kind: 'state', cow: [cow(501, 'KEN')], gw: [501] },
  { iso3: 'TZA', iso2: 'TZ', name: 'Tanzania', kind: 'state', cow: [cow(510, 'TAZ')], gw: [510],
    aliases: ['United Republic of Tanzania', 'Tanzania, United Rep. of', 'Tanzania/Tanganyika', 'Tanganyika'] },
  // EAZ (project-owned): Zanzibar, independent Dec 1963 – Apr 1964 (COW/G&W 511).
  { iso3: 'EAZ', name: 'Zanzibar', kind: 'historical', cow: [cow(511, 'ZAN')], gw: [511],
    aliases: ['People\'s Republic of Zanzibar'] },
  { iso3: 'BDI', iso2: 'BI', name: 'Burundi', kind: 'state', cow: [cow(516, 'BUI')], gw: [516] },
  { iso3: 'RWA', iso2: 'RW', name: 'Rwanda', kind: 'state', cow: [cow(517, 'RWA')], gw: [517] },
  { iso3: 'SOM', iso2: 'SO', name: 'Somalia', kind: 'state', cow: [cow(520, 'SOM')], gw: [520] },
  { iso3: 'DJI', iso2: 'DJ', name: 'Djibouti', kind: 'state', cow: [cow(522, 'DJI')], gw: [522] },
  { iso3: 'ETH', iso2: 'ET', name: 'Ethiopia', kind: 'state', cow: [cow(530, 'ETH')], gw: [530],
    aliases: ['Ethiopia, The Federal Dem. Rep. of'] },
  { iso3: 'ERI', iso2: 'ER', name: 'Eritrea', kind: 'state', cow: [cow(531, 'ERI')], gw: [531],
    aliases: ['Eritrea, The State of'] },
  { iso3: 'AGO', iso2: 'AO', name: 'Angola', kind: 'state', cow: [cow(540, 'ANG')], gw: [540] },
  { iso3: 'MOZ', iso2: 'MZ', name: 'Mozambique', kind: 'state', cow: [cow(541, 'MZM')], gw: [541],
    aliases: ['Mozambique, Rep. of'] },
  { iso3: 'ZMB', iso2: 'ZM', name: 'Zambia', kind: 'state', cow: [cow(551, 'ZAM')], gw: [551] },
  { iso3: 'ZWE', iso2: 'ZW', name: 'Zimbabwe', kind: 'state', cow: [cow(552, 'ZIM')], gw: [552],
    aliases: ['Zimbabwe (Rhodesia)', 'Rhodesia', 'Southern Rhodesia'] },
  { iso3: 'MWI', iso2: 'MW', name: 'Malawi', kind: 'state', cow: [cow(553, 'MAW')], gw: [553] },
  // XTV (project-owned): the South African Republic (Transvaal), 1852–1910 (G&W 563; not in COW).
  { iso3: 'XTV', name: 'Transvaal', kind: 'historical', gw: [563],
    aliases: ['South African Republic', 'Zuid-Afrikaansche Republiek'] },
  // XOF (project-owned): the Orange Free State, 1854–1910 (G&W 564; not in COW).
  { iso3: 'XOF', name: 'Orange Free State', kind: 'historical', gw: [564], aliases: ['Oranje-Vrijstaat'] },
  { iso3: 'ZAF', iso2: 'ZA', name: 'South Africa', kind: 'state', cow: [cow(560, 'SAF')], gw: [560] },
  { iso3: 'NAM', iso2: 'NA', name: 'Namibia', kind: 'state', cow: [cow(565, 'NAM')], gw: [565] },
  { iso3: 'LSO', iso2: 'LS', name: 'Lesotho', kind: 'state', cow: [cow(570, 'LES')], gw: [570],
    aliases: ['Lesotho, Kingdom of'] },
  { iso3: 'BWA', iso2: 'BW', name: 'Botswana', kind: 'state', cow: [cow(571, 'BOT')], gw: [571] },
  { iso3: 'SWZ', iso2: 'SZ', name: 'Eswatini', kind: 'state', cow: [cow(572, 'SWA')], gw: [572],
    aliases: ['Swaziland', 'Eswatini, Kingdom of', 'Kingdom of Eswatini'] },
  { iso3: 'MDG', iso2: 'MG', name: 'Madagascar', kind: 'state', cow: [cow(580, 'MAG')], gw: [580],
    aliases: ['Madagascar, Rep. of', 'Malagasy Republic', 'Madagascar (Malagasy)'] },
  { iso3: 'COM', iso2: 'KM', name: 'Comoros', kind: 'state', cow: [cow(581, 'COM')], gw: [581],
    aliases: ['Comoros, Union of the', 'Union of the Comoros'] },
  { iso3: 'MUS', iso2: 'MU', name: 'Mauritius', kind: 'state', cow: [cow(590, 'MAS')], gw: [590] },
  { iso3: 'SYC', iso2: 'SC', name: 'Seychelles', kind: 'state', cow: [cow(591, 'SEY')], gw: [591] },
  { iso3: 'MAR', iso2: 'MA', name: 'Morocco', kind: 'state', cow: [cow(600, 'MOR')], gw: [600] },
  { iso3: 'DZA', iso2: 'DZ', name: 'Algeria', kind: 'state', cow: [cow(615, 'ALG')], gw: [615] },
  { iso3: 'TUN', iso2: 'TN', name: 'Tunisia', kind: 'state', cow: [cow(616, 'TUN')], gw: [616] },
  // "Libya GNC" (SIPRI TIV tables): the Tripoli government of 2014–2016, reported as Libya.
  { iso3: 'LBY', iso2: 'LY', name: 'Libya', kind: 'state', cow: [cow(620, 'LIB')], gw: [620],
    aliases: ['Libyan Arab Jamahiriya', 'Libya GNC'] },
  { iso3: 'SDN', iso2: 'SD', name: 'Sudan', kind: 'state', cow: [cow(625, 'SUD')], gw: [625] },
  { iso3: 'SSD', iso2: 'SS', name: 'South Sudan', kind: 'state', cow: [cow(626, 'SSD')], gw: [626],
    aliases: ['South Sudan, Rep. of'] },

  // ── Middle East ─────────────────────────────────────────────────────────────────────
  { iso3: 'IRN', iso2: 'IR', name: 'Iran', kind: 'state', cow: [cow(630, 'IRN')], gw: [630],
    aliases: ['Iran, Islamic Rep. of', 'Iran (Islamic Republic of)', 'Islamic Republic of Iran', 'Iran (Persia)',
      'Persia'] },
  { iso3: 'TUR', iso2: 'TR', name: 'Türkiye', kind: 'state', cow: [cow(640, 'TUR')], gw: [640],
    aliases: ['Turkey', 'Türkiye, Rep of', 'Republic of Türkiye', 'Turkey (Ottoman Empire)'] },
  { iso3: 'IRQ', iso2: 'IQ', name: 'Iraq', kind: 'state', cow: [cow(645, 'IRQ')], gw: [645] },
  { iso3: 'EGY', iso2: 'EG', name: 'Egypt', kind: 'state', cow: [cow(651, 'EGY')], gw: [651],
    aliases: ['Egypt, Arab Rep. of', 'Arab Republic of Egypt', 'United Arab Republic'] },
  { iso3: 'SYR', iso2: 'SY', name: 'Syria', kind: 'state', cow: [cow(652, 'SYR')], gw: [652],
    aliases: ['Syrian Arab Rep.', 'Syrian Arab Republic'] },
  { iso3: 'LBN', iso2: 'LB', name: 'Lebanon', kind: 'state', cow: [cow(660, 'LEB')], gw: [660] },
  { iso3: 'JOR', iso2: 'JO', name: 'Jordan', kind: 'state', cow: [cow(663, 'JOR')], gw: [663] },
  { iso3: 'ISR', iso2: 'IL', name: 'Israel', kind: 'state', cow: [cow(666, 'ISR')], gw: [666] },
  { iso3: 'SAU', iso2: 'SA', name: 'Saudi Arabia', kind: 'state', cow: [cow(670, 'SAU')], gw: [670] },
  // North Yemen has no ISO2 of its own (ISO's YE/YEM passed to unified Yemen).
  { iso3: 'YAR', name: 'North Yemen', kind: 'historical', cow: [cow(678, 'YAR')], gw: [until(YAR_LAST, 678)],
    aliases: ['Yemen Arab Republic', 'Yemen Arab Republic (North Yemen)', 'Yemen, North', 'Yemen (North)',
      until(YAR_LAST, 'Yemen (Arab Republic of Yemen)')] },
  { iso3: 'YEM', iso2: 'YE', name: 'Yemen', kind: 'state', cow: [cow(679, 'YEM')], gw: [since(YAR_LAST + 1, 678)],
    aliases: ['Yemen, Rep. of', 'Republic of Yemen', 'Yemen (Arab Republic of Yemen)'] },
  { iso3: 'YMD', iso2: 'YD', name: 'South Yemen', kind: 'historical', cow: [cow(680, 'YPR')], gw: [680],
    aliases: ["Yemen People's Republic", "Yemen, People's Republic of", "People's Democratic Republic of Yemen",
      'Yemen PDR', "Yemen, People's Democratic Republic of", 'Yemen, South', 'Yemen (South)'] },
  { iso3: 'KWT', iso2: 'KW', name: 'Kuwait', kind: 'state', cow: [cow(690, 'KUW')], gw: [690] },
  { iso3: 'BHR', iso2: 'BH', name: 'Bahrain', kind: 'state', cow: [cow(692, 'BAH')], gw: [692],
    aliases: ['Bahrain, Kingdom of'] },
  { iso3: 'QAT', iso2: 'QA', name: 'Qatar', kind: 'state', cow: [cow(694, 'QAT')], gw: [694] },
  { iso3: 'ARE', iso2: 'AE', name: 'United Arab Emirates', kind: 'state', cow: [cow(696, 'UAE')], gw: [696],
    aliases: ['UAE', 'U.A.E.'] },
  { iso3: 'OMN', iso2: 'OM', name: 'Oman', kind: 'state', cow: [cow(698, 'OMA')], gw: [698] },

  // ── Asia ────────────────────────────────────────────────────────────────────────────
  { iso3: 'AFG', iso2: 'AF', name: 'Afghanistan', kind: 'state', cow: [cow(700, 'AFG')], gw: [700],
    aliases: ['Afghanistan, Islamic Rep. of', 'Islamic Republic of Afghanistan'] },
  { iso3: 'TKM', iso2: 'TM', name: 'Turkmenistan', kind: 'state', cow: [cow(701, 'TKM')], gw: [701] },
  { iso3: 'TJK', iso2: 'TJ', name: 'Tajikistan', kind: 'state', cow: [cow(702, 'TAJ')], gw: [702],
    aliases: ['Tajikistan, Rep. of'] },
  { iso3: 'KGZ', iso2: 'KG', name: 'Kyrgyzstan', kind: 'state', cow: [cow(703, 'KYR')], gw: [703],
    aliases: ['Kyrgyz Republic', 'Kyrgyz Rep.'] },
  { iso3: 'UZB', iso2: 'UZ', name: 'Uzbekistan', kind: 'state', cow: [cow(704, 'UZB')], gw: [704],
    aliases: ['Uzbekistan, Rep. of'] },
  { iso3: 'KAZ', iso2: 'KZ', name: 'Kazakhstan', kind: 'state', cow: [cow(705, 'KZK')], gw: [705],
    aliases: ['Kazakhstan, Rep. of'] },
  { iso3: 'CHN', iso2: 'CN', name: 'China', kind: 'state', cow: [cow(710, 'CHN')], gw: [710],
    aliases: ["People's Republic of China", 'China, P.R.: Mainland', 'China (PRC)', 'PRC', 'Mainland China'] },
  // XTB (project-owned): Tibet, in the G&W list (711) until October 1950; not in COW.
  { iso3: 'XTB', name: 'Tibet', kind: 'historical', gw: [711] },
  { iso3: 'MNG', iso2: 'MN', name: 'Mongolia', kind: 'state', cow: [cow(712, 'MON')], gw: [712] },
  { iso3: 'TWN', iso2: 'TW', name: 'Taiwan', kind: 'contested', cow: [cow(713, 'TAW')], gw: [713],
    aliases: ['Taiwan Province of China', 'Republic of China', 'China, Republic of', 'Taiwan (ROC)', 'Chinese Taipei'] },
  // XKR (project-owned): Korea before the Japanese protectorate and annexation — Joseon, from
  // 1897 the Korean Empire (COW 730, 1887–1905; G&W 730, 1816–1910). Neither North nor South
  // Korea; its COW name "Korea" means this entity only (at any year: no source here uses it
  // for South Korea).
  { iso3: 'XKR', name: 'Korea (Joseon)', kind: 'historical', cow: [cow(730, 'KOR')], gw: [730],
    aliases: ['Korea', 'Joseon', 'Chosŏn', 'Korean Empire', 'Empire of Korea', 'Kingdom of Joseon'] },
  { iso3: 'PRK', iso2: 'KP', name: 'North Korea', kind: 'state', cow: [cow(731, 'PRK')], gw: [731],
    aliases: ["Korea, Dem. People's Rep. of", "Democratic People's Republic of Korea",
      "Korea, Democratic People's Republic of", "Korea, People's Republic of", 'Korea, North', 'Korea, Dem. Rep.',
      'DPRK'] },
  { iso3: 'KOR', iso2: 'KR', name: 'South Korea', kind: 'state', cow: [cow(732, 'ROK')], gw: [732],
    aliases: ['Korea, Rep. of', 'Korea, Republic of', 'Republic of Korea', 'Korea, South', 'Korea, Rep.'] },
  { iso3: 'JPN', iso2: 'JP', name: 'Japan', kind: 'state', cow: [cow(740, 'JPN')], gw: [740] },
  { iso3: 'IND', iso2: 'IN', name: 'India', kind: 'state', cow: [cow(750, 'IND')], gw: [750] },
  { iso3: 'BTN', iso2: 'BT', name: 'Bhutan', kind: 'state', cow: [cow(760, 'BHU')], gw: [760] },
  { iso3: 'PAK', iso2: 'PK', name: 'Pakistan', kind: 'state', cow: [cow(770, 'PAK')], gw: [770] },
  { iso3: 'BGD', iso2: 'BD', name: 'Bangladesh', kind: 'state', cow: [cow(771, 'BNG')], gw: [771] },
  { iso3: 'MMR', iso2: 'MM', name: 'Myanmar', kind: 'state', cow: [cow(775, 'MYA')], gw: [775],
    aliases: ['Myanmar (Burma)', 'Burma'], iso3Aliases: ['BUR'], iso2Aliases: ['BU'] },
  { iso3: 'LKA', iso2: 'LK', name: 'Sri Lanka', kind: 'state', cow: [cow(780, 'SRI')], gw: [780],
    aliases: ['Sri Lanka (Ceylon)', 'Ceylon'] },
  { iso3: 'MDV', iso2: 'MV', name: 'Maldives', kind: 'state', cow: [cow(781, 'MAD')], gw: [781] },
  { iso3: 'NPL', iso2: 'NP', name: 'Nepal', kind: 'state', cow: [cow(790, 'NEP')], gw: [790] },
  { iso3: 'THA', iso2: 'TH', name: 'Thailand', kind: 'state', cow: [cow(800, 'THI')], gw: [800], aliases: ['Siam'] },
  { iso3: 'KHM', iso2: 'KH', name: 'Cambodia', kind: 'state', cow: [cow(811, 'CAM')], gw: [811],
    aliases: ['Cambodia (Kampuchea)', 'Kampuchea', 'Democratic Kampuchea', 'Khmer Republic'] },
  { iso3: 'LAO', iso2: 'LA', name: 'Laos', kind: 'state', cow: [cow(812, 'LAO')], gw: [812],
    aliases: ["Lao People's Dem. Rep.", "Lao People's Democratic Republic", 'Lao PDR'] },
  // XVN (project-owned): Vietnam under the Nguyễn dynasty (Đại Nam) until the French conquest,
  // 1816–1893 (G&W 815; not in COW). Distinct from Vietnam (816, from 1954).
  { iso3: 'XVN', name: 'Dai Nam', kind: 'historical', gw: [815],
    aliases: ['Vietnam (Annam/Cochin China/Tonkin)', 'Annam', 'Empire of Dai Nam'] },
  // COW/G&W 816 is North Vietnam, then unified Vietnam.
  { iso3: 'VNM', iso2: 'VN', name: 'Vietnam', kind: 'state', cow: [cow(816, 'DRV')], gw: [816],
    aliases: ['Viet Nam', 'Vietnam, Democratic Republic of', 'Democratic Republic of Vietnam', 'North Vietnam',
      'Vietnam, North', 'Socialist Republic of Vietnam'] },
  // RVN (project-owned): the Republic of Vietnam (South Vietnam), 1954–1975 (COW/G&W 817).
  { iso3: 'RVN', name: 'South Vietnam', kind: 'historical', cow: [cow(817, 'RVN')], gw: [817],
    aliases: ['Republic of Vietnam', 'Vietnam, Republic of', 'Vietnam, South'] },
  { iso3: 'MYS', iso2: 'MY', name: 'Malaysia', kind: 'state', cow: [cow(820, 'MAL')], gw: [820] },
  { iso3: 'SGP', iso2: 'SG', name: 'Singapore', kind: 'state', cow: [cow(830, 'SIN')], gw: [830] },
  { iso3: 'BRN', iso2: 'BN', name: 'Brunei', kind: 'state', cow: [cow(835, 'BRU')], gw: [835],
    aliases: ['Brunei Darussalam'] },
  { iso3: 'PHL', iso2: 'PH', name: 'Philippines', kind: 'state', cow: [cow(840, 'PHI')], gw: [840] },
  { iso3: 'IDN', iso2: 'ID', name: 'Indonesia', kind: 'state', cow: [cow(850, 'INS')], gw: [850] },
  { iso3: 'TLS', iso2: 'TL', name: 'Timor-Leste', kind: 'state', cow: [cow(860, 'ETM')], gw: [860],
    aliases: ['East Timor', 'Timor-Leste, Dem. Rep. of'], iso3Aliases: ['TMP'], iso2Aliases: ['TP'] },

  // ── Oceania ─────────────────────────────────────────────────────────────────────────
  { iso3: 'AUS', iso2: 'AU', name: 'Australia', kind: 'state', cow: [cow(900, 'AUL')], gw: [900] },
  { iso3: 'PNG', iso2: 'PG', name: 'Papua New Guinea', kind: 'state', cow: [cow(910, 'PNG')], gw: [910] },
  { iso3: 'NZL', iso2: 'NZ', name: 'New Zealand', kind: 'state', cow: [cow(920, 'NEW')], gw: [920] },
  { iso3: 'VUT', iso2: 'VU', name: 'Vanuatu', kind: 'state', cow: [cow(935, 'VAN')], gw: [935],
    aliases: ['New Hebrides'] },
  { iso3: 'SLB', iso2: 'SB', name: 'Solomon Islands', kind: 'state', cow: [cow(940, 'SOL')], gw: [940] },
  { iso3: 'KIR', iso2: 'KI', name: 'Kiribati', kind: 'state', cow: [cow(946, 'KIR')], gw: [946] },
  { iso3: 'TUV', iso2: 'TV', name: 'Tuvalu', kind: 'state', cow: [cow(947, 'TUV')], gw: [947] },
  { iso3: 'FJI', iso2: 'FJ', name: 'Fiji', kind: 'state', cow: [cow(950, 'FIJ')], gw: [950], aliases: ['Fiji, Rep. of'] },
  { iso3: 'TON', iso2: 'TO', name: 'Tonga', kind: 'state', cow: [cow(955, 'TON')], gw: [955] },
  { iso3: 'NRU', iso2: 'NR', name: 'Nauru', kind: 'state', cow: [cow(970, 'NAU')], gw: [970],
    aliases: ['Nauru, Rep. of'] },
  { iso3: 'MHL', iso2: 'MH', name: 'Marshall Islands', kind: 'state', cow: [cow(983, 'MSI')], gw: [983],
    aliases: ['Marshall Islands, Rep. of the', 'Republic of the Marshall Islands'] },
  { iso3: 'PLW', iso2: 'PW', name: 'Palau', kind: 'state', cow: [cow(986, 'PAL')], gw: [986],
    aliases: ['Palau, Rep. of'] },
  { iso3: 'FSM', iso2: 'FM', name: 'Micronesia', kind: 'state', cow: [cow(987, 'FSM')], gw: [987],
    aliases: ['Federated States of Micronesia', 'Micronesia (Federated States of)', 'Micronesia, Federated States of',
      'Micronesia, Fed. Sts.'] },
  { iso3: 'WSM', iso2: 'WS', name: 'Samoa', kind: 'state', cow: [cow(990, 'WSM')], gw: [990],
    aliases: ['Western Samoa'] },

  // ── Outside the COW system: observer and contested states, short-lived secessions ─────
  { iso3: 'VAT', iso2: 'VA', name: 'Holy See', kind: 'state', aliases: ['Vatican City', 'Vatican', 'Vatican City State'] },
  { iso3: 'PSE', iso2: 'PS', name: 'Palestine', kind: 'contested',
    aliases: ['State of Palestine', 'Palestine, State of', 'West Bank and Gaza', 'Palestinian Territories',
      'Occupied Palestinian Territory'], iso3Aliases: ['WBG'] },
  { iso3: 'ESH', iso2: 'EH', name: 'Western Sahara', kind: 'contested',
    aliases: ['Sahrawi Arab Democratic Republic'] },
  // XNC (project-owned): the Turkish Republic of Northern Cyprus (SIPRI recipient).
  { iso3: 'XNC', name: 'Northern Cyprus', kind: 'contested',
    aliases: ['Turkish Republic of Northern Cyprus', 'North Cyprus'] },
  // XBI (project-owned): Biafra, secessionist state in Nigeria 1967–1970 (SIPRI recipient).
  { iso3: 'XBI', name: 'Biafra', kind: 'historical', aliases: ['Republic of Biafra'] },
  // XKA (project-owned): Katanga, secessionist state in Congo 1960–1963 (SIPRI recipient).
  { iso3: 'XKA', name: 'Katanga', kind: 'historical', aliases: ['State of Katanga'] },

  // ── Dependent territories named by the sources ──────────────────────────────────────
  { iso3: 'HKG', iso2: 'HK', name: 'Hong Kong', kind: 'territory',
    aliases: ['Hong Kong SAR China', 'China, P.R.: Hong Kong', 'Hong Kong, China', 'Hong Kong SAR'] },
  { iso3: 'MAC', iso2: 'MO', name: 'Macao', kind: 'territory',
    aliases: ['Macau', 'China, P.R.: Macao', 'Macao SAR China', 'Macao, China', 'Macao SAR'] },
  { iso3: 'BMU', iso2: 'BM', name: 'Bermuda', kind: 'territory' },
  { iso3: 'NCL', iso2: 'NC', name: 'New Caledonia', kind: 'territory' },
  { iso3: 'ANT', iso2: 'AN', name: 'Netherlands Antilles', kind: 'territory' },
  { iso3: 'ABW', iso2: 'AW', name: 'Aruba', kind: 'territory', aliases: ['Aruba, Kingdom of the Netherlands'] },
  { iso3: 'CUW', iso2: 'CW', name: 'Curaçao', kind: 'territory', aliases: ['Curaçao, Kingdom of the Netherlands'] },
  { iso3: 'SXM', iso2: 'SX', name: 'Sint Maarten', kind: 'territory',
    aliases: ['Sint Maarten, Kingdom of the Netherlands', 'Sint Maarten (Dutch part)'] },
  { iso3: 'GRL', iso2: 'GL', name: 'Greenland', kind: 'territory' },
  { iso3: 'FRO', iso2: 'FO', name: 'Faroe Islands', kind: 'territory', aliases: ['Faeroe Islands'] },
  { iso3: 'PRI', iso2: 'PR', name: 'Puerto Rico', kind: 'territory' },
  { iso3: 'GUM', iso2: 'GU', name: 'Guam', kind: 'territory' },
  { iso3: 'ASM', iso2: 'AS', name: 'American Samoa', kind: 'territory' },
  { iso3: 'MNP', iso2: 'MP', name: 'Northern Mariana Islands', kind: 'territory' },
  { iso3: 'VIR', iso2: 'VI', name: 'U.S. Virgin Islands', kind: 'territory',
    aliases: ['Virgin Islands, U.S.', 'United States Virgin Islands', 'US Virgin Islands'] },
  { iso3: 'VGB', iso2: 'VG', name: 'British Virgin Islands', kind: 'territory', aliases: ['Virgin Islands, British'] },
  { iso3: 'AIA', iso2: 'AI', name: 'Anguilla', kind: 'territory' },
  { iso3: 'MSR', iso2: 'MS', name: 'Montserrat', kind: 'territory' },
  { iso3: 'CYM', iso2: 'KY', name: 'Cayman Islands', kind: 'territory' },
  { iso3: 'TCA', iso2: 'TC', name: 'Turks and Caicos Islands', kind: 'territory' },
  { iso3: 'FLK', iso2: 'FK', name: 'Falkland Islands', kind: 'territory', aliases: ['Falkland Islands (Malvinas)'] },
  { iso3: 'GIB', iso2: 'GI', name: 'Gibraltar', kind: 'territory' },
  { iso3: 'SHN', iso2: 'SH', name: 'Saint Helena', kind: 'territory', aliases: ['St. Helena'] },
  { iso3: 'PYF', iso2: 'PF', name: 'French Polynesia', kind: 'territory' },
  { iso3: 'WLF', iso2: 'WF', name: 'Wallis and Futuna', kind: 'territory' },
  { iso3: 'SPM', iso2: 'PM', name: 'Saint Pierre and Miquelon', kind: 'territory', aliases: ['St. Pierre and Miquelon'] },
  { iso3: 'REU', iso2: 'RE', name: 'Réunion', kind: 'territory' },
  { iso3: 'GUF', iso2: 'GF', name: 'French Guiana', kind: 'territory' },
  { iso3: 'GLP', iso2: 'GP', name: 'Guadeloupe', kind: 'territory' },
  { iso3: 'MTQ', iso2: 'MQ', name: 'Martinique', kind: 'territory' },
  { iso3: 'MYT', iso2: 'YT', name: 'Mayotte', kind: 'territory' },
  { iso3: 'COK', iso2: 'CK', name: 'Cook Islands', kind: 'territory' },
  { iso3: 'NIU', iso2: 'NU', name: 'Niue', kind: 'territory' },
  { iso3: 'TKL', iso2: 'TK', name: 'Tokelau', kind: 'territory' },
];

/**
 * Default succession rules (PRODUCT.md): the historical entity → the state it is reported
 * as. Identity entries document entities that deliberately stay distinct.
 * @example DEFAULT_SUCCESSION.SUN // 'RUS'
 */
export const DEFAULT_SUCCESSION: Readonly<Record<string, string>> = {
  SUN: 'RUS',
  YUG: 'SRB',
  SCG: 'SRB',
  YAR: 'YEM',
  DDR: 'DDR',
  YMD: 'YMD',
  CSK: 'CSK',
};

/**
 * Labels the sources use for regions, economic groupings, organisations or unknown
 * parties: they are not countries, so readers skip them instead of resolving them.
 * Compare after trimming; case as in the sources.
 * @example AGGREGATE_NAMES.has('Euro Area') // true
 */
export const AGGREGATE_NAMES: ReadonlySet<string> = new Set([
  // IMF DOTS
  'World', 'Advanced Economies', 'Africa', 'Africa not specified', 'Asia not specified',
  'Countries & Areas not specified', 'Emerging and Developing Asia', 'Emerging and Developing Economies',
  'Emerging and Developing Europe', 'Emerging Market and Developing Economies by Source of Export Earnings: Fuel',
  'Emerging Market and Developing Economies by Source of Export Earnings: Nonfuel', 'Euro Area',
  'Europe not specified', 'European Union', 'Memorandum Items', 'Middle East', 'Middle East and Central Asia',
  'Other Countries not included elsewhere', 'Sub-Saharan Africa', 'Western Hemisphere',
  'Western Hemisphere not specified',
  // exercise lists and SIPRI
  'NATO', 'Baltic States', '-9', 'unknown supplier(s)', 'unknown recipient(s)',
]);

