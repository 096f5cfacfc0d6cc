/**
 * How an event file's actor codes become states: the code systems of the event formats, the
 * mapping raw code → ISO3 (the one the SQL joins on) and the classification of every code that
 * is not a state (territory, region, role-suffixed code, organisation, empty, unknown).
 * Pure: the crosswalk is passed in.
 * @module
 */
import { COUNTRIES, type CountryRecord, type EntityKind, type Identifier } from '../../domain/crosswalk-data.js';
import type { Crosswalk } from '../../domain/crosswalk.js';
import { isIso3Shape, type Iso3 } from '../../domain/country.js';
import { CAMEO_COUNTRY_ALIASES, CAMEO_REGIONS, CAMEO_ROLE_CODES, ISO_TERRITORIES } from './non-state-codes.js';

/**
 * Code systems of actor columns: `iso3` (ISO 3166 alpha-3, withdrawn codes included), `cameo`
 * (CAMEO country codes: ISO 3166 current states with CAMEO's own TMP, MTN, ROM), `name`
 * (country names in any spelling the crosswalk knows, e.g. ICEWS's "Russian Federation").
 */
export type ActorCodeSystem = 'iso3' | 'cameo' | 'name';

/** Every actor code system, for the config schema. */
export const ACTOR_CODE_SYSTEMS: readonly ActorCodeSystem[] = ['iso3', 'cameo', 'name'];

/** A user's extra spellings of a source: raw code → ISO3, or `non_state` to drop it knowingly. */
export type ActorAliases = Readonly<Record<string, string>>;

/** The raw → ISO3 table an event query joins on, keyed by {@link codeKey}. */
export interface CodeMapping {
  readonly system: ActorCodeSystem;
  readonly entries: ReadonlyMap<string, Iso3>;
}

/**
 * The key a raw code is looked up by, the same in JavaScript and in SQL: trimmed and
 * upper-cased for codes, trimmed and lower-cased for names.
 * @example codeKey('cameo', ' rus ') // 'RUS'
 */
export function codeKey(system: ActorCodeSystem, raw: string): string {
  return system === 'name' ? raw.trim().toLowerCase() : raw.trim().toUpperCase();
}

/** The SQL twin of {@link codeKey}: the expression over a trimmed text column. */
export function codeKeySql(system: ActorCodeSystem, column: string): string {
  return system === 'name' ? `LOWER(${column})` : `UPPER(${column})`;
}

const KEPT_KINDS: ReadonlySet<EntityKind> = new Set(['state', 'historical', 'contested']);

/** ISO3 codes (and aliases) of the crosswalk's dependent territories. */
const TERRITORIES: ReadonlySet<string> = new Set(COUNTRIES.filter((r) => r.kind === 'territory').flatMap((r) => [r.iso3, ...values(r.iso3Aliases)]));

function values(ids: readonly Identifier<string>[] | undefined): string[] {
  return (ids ?? []).map((i) => (typeof i === 'string' ? i : i.value));
}

/** The spellings of a record in a code system. */
function spellings(r: CountryRecord, system: ActorCodeSystem): string[] {
  if (system === 'name') return [r.name, ...values(r.aliases)];
  if (system === 'cameo') return r.kind === 'state' || r.kind === 'contested' ? [r.iso3] : [];
  return [r.iso3, ...values(r.iso3Aliases)];
}

/**
 * Every spelling of the code system the crosswalk knows for a state (territories left out),
 * with the user's aliases on top: the table the SQL joins on, the same whether the data are
 * here or on a cluster. Resolution goes through the crosswalk, so its succession rules apply
 * (SUN is reported as RUS by default).
 * @example staticCodeMapping('cameo', createCrosswalk(), {}).entries.get('TMP') // 'TLS'
 */
export function staticCodeMapping(system: ActorCodeSystem, crosswalk: Crosswalk, aliases: ActorAliases): CodeMapping {
  const entries = new Map<string, Iso3>();
  const resolveSystem = system === 'name' ? 'name' : 'iso3';
  for (const r of COUNTRIES) {
    if (!KEPT_KINDS.has(r.kind)) continue;
    for (const s of spellings(r, system)) {
      const iso3 = crosswalk.tryResolve(resolveSystem, s);
      if (iso3 !== null) entries.set(codeKey(system, s), iso3);
    }
  }
  if (system === 'cameo') {
    for (const [code, iso] of Object.entries(CAMEO_COUNTRY_ALIASES)) {
      const iso3 = crosswalk.tryResolve('iso3', iso);
      if (iso3 !== null) entries.set(code, iso3);
    }
    for (const code of [...CAMEO_ROLE_CODES, ...CAMEO_REGIONS]) entries.delete(code);
  }
  for (const [raw, to] of Object.entries(aliases)) {
    const key = codeKey(system, raw);
    if (to === NON_STATE) entries.delete(key);
    else entries.set(key, to as Iso3);
  }
  return { system, entries };
}

/** The alias value that marks a code as not a state. */
export const NON_STATE = 'non_state';

/** Why a code is not mapped to a state. */
export type SkipReason = 'empty' | 'declared non-state' | 'territory' | 'territory or historical' | 'region' | 'role or organisation' | 'role-suffixed' | 'unknown';

/** A code that is not a state: why, and whether it must stop the run (it looks like a state code nobody knows). */
export interface SkippedCode {
  readonly reason: SkipReason;
  /** True for an unknown code of three capital letters in a code system of codes: a located error. */
  readonly looksLikeState: boolean;
}

/**
 * Classifies a raw code the mapping does not hold.
 * @example classifyUnmapped('RUSGOV', 'cameo', cw, mapping, {}) // { reason: 'role-suffixed', looksLikeState: false }
 * @example classifyUnmapped('QQQ', 'iso3', cw, mapping, {}) // { reason: 'unknown', looksLikeState: true }
 */
export function classifyUnmapped(raw: string, system: ActorCodeSystem, crosswalk: Crosswalk, mapping: CodeMapping, aliases: ActorAliases): SkippedCode {
  const key = codeKey(system, raw);
  const no = (reason: SkipReason): SkippedCode => ({ reason, looksLikeState: false });
  if (key === '') return no('empty');
  if (Object.entries(aliases).some(([k, v]) => v === NON_STATE && codeKey(system, k) === key)) return no('declared non-state');
  if (system === 'name') return no('unknown');
  if (ISO_TERRITORIES.has(key) || TERRITORIES.has(key)) return no('territory');
  if (system === 'cameo') {
    if (CAMEO_REGIONS.has(key)) return no('region');
    if (CAMEO_ROLE_CODES.has(key) || (key.length > 3 && /^[A-Z]{4,}$/.test(key) && CAMEO_ROLE_CODES.has(key.slice(0, 3)))) return no('role or organisation');
  }
  if (key.length > 3 && mapping.entries.has(key.slice(0, 3))) return no('role-suffixed');
  if (isIso3Shape(key)) {
    // known to the crosswalk but not a state of this code system (a historical code in CAMEO)
    if (crosswalk.tryResolve('iso3', key) !== null) return no('territory or historical');
    return { reason: 'unknown', looksLikeState: true };
  }
  return no('unknown');
}
