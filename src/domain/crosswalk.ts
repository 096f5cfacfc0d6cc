/**
 * The country crosswalk: resolves a name or code of any {@link CodeSystem} (at a year,
 * when the code changed meaning) to an entity of the table in `crosswalk-data.ts`, then
 * applies the succession rules in force, giving the ISO3 code a state is reported as.
 *
 * Lookup has two layers: a static index built once from the table (normalised key →
 * candidate entities with their year spans), and per-crosswalk memo maps (raw input →
 * final code, or the few year spells of a dated code), so repeated calls cost one
 * `Map.get`.
 *
 * @module
 */
import type { CodeSystem } from './code-system.js';
import { CODE_SYSTEMS } from './code-system.js';
import type { Iso3 } from './country.js';
import { asIso3 } from './country.js';
import { UnknownCountryError } from './errors.js';
import { boundedEditDistance } from './edit-distance.js';
import { COUNTRIES, DEFAULT_SUCCESSION, type CountryRecord, type Identifier } from './crosswalk-data.js';

/**
 * Options of a crosswalk: succession rules override the defaults (see PRODUCT.md).
 * @example const options: CrosswalkOptions = { succession: { SUN: 'SUN', DDR: 'DEU' } };
 */
export interface CrosswalkOptions {
  /**
   * Historical entity → the state it is reported as. Defaults: SUN→RUS, YUG→SRB, SCG→SRB,
   * YAR→YEM; DDR, YMD, CSK stay distinct. A value equal to the key keeps the entity distinct.
   */
  readonly succession?: Readonly<Record<string, string>>;
}

/**
 * Resolves names and codes of any {@link CodeSystem} to ISO3 (after succession rules).
 * @example createCrosswalk().resolve('name', 'Soviet Union') // 'RUS'
 */
export interface Crosswalk {
  /** @throws {UnknownCountryError} naming the closest known spellings. */
  resolve(system: CodeSystem, raw: string, year?: number): Iso3;
  /** Like {@link resolve} but returns null for an unknown name or code. */
  tryResolve(system: CodeSystem, raw: string, year?: number): Iso3 | null;
  /**
   * Every state a name or code can mean (after succession rules), with the years it means it
   * (`from`/`to` ±Infinity when open): one entry for an unambiguous input, several for a code
   * or name whose meaning changed over time, none when unknown.
   * @example createCrosswalk({ succession: { SUN: 'SUN' } }).meanings('name', 'Russia') // [{ iso3: 'SUN', from: -Infinity, to: 1991 }, { iso3: 'RUS', … }]
   */
  meanings(system: CodeSystem, raw: string): readonly { readonly iso3: Iso3; readonly from: number; readonly to: number }[];
  /**
   * Up to `limit` (default 3) known spellings of a system closest to an unknown input (edit
   * distance on folded names or upper-cased codes), one per entity, closest first.
   * @example createCrosswalk().closest('name', 'Irna') // ['Iran', 'Iraq']
   */
  closest(system: CodeSystem, raw: string, limit?: number): readonly string[];
  /** English short name of a state. */
  name(code: Iso3): string;
  /** The succession map in force (entity → reported state). */
  readonly succession: ReadonlyMap<Iso3, Iso3>;
}

// ── Normalisation ──────────────────────────────────────────────────────────────────────

/**
 * Folds a country name for comparison: accents, case, apostrophes and quotes (straight or
 * typographic), `&` vs `and`, punctuation, repeated spaces and a leading or trailing "the"
 * do not matter.
 * @example foldName('Côte d’Ivoire') === foldName("Cote d'Ivoire") // true
 * @example foldName('Bosnia & Herzegovina') // 'bosnia and herzegovina'
 */
export function foldName(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´ʼ"“”]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/ the$/, '');
}

/**
 * A numeric code written as an integer (`365`, `+365`, `365.0`), else null. A code with a
 * non-zero fraction is never rounded: COW trade v3.0's `710.1` (2007–2009, an alternative China
 * flow that the file labels Hong Kong) is not a state, so `resolve('cow', '710.1', y)` throws
 * {@link UnknownCountryError} (the trade reader skips those rows) instead of meaning China.
 */
function numericKey(raw: string): string | null {
  return /^\+?\d+(?:\.0*)?$/.test(raw) ? String(Number.parseInt(raw.replace('+', ''), 10)) : null;
}

/**
 * The lookup key of a raw input in a code system, or null when it cannot be a valid key
 * (e.g. letters given as a COW number): `' rus '` → `RUS`, `'365.0'` → `365`.
 */
function normaliseKey(system: CodeSystem, raw: string): string | null {
  const text = raw.trim();
  switch (system) {
    case 'name':
      return foldName(text) || null;
    case 'cow':
    case 'gw':
      return numericKey(text);
    case 'iso3':
    case 'iso2':
    case 'cow_abb':
      return text.toUpperCase() || null;
  }
}

// ── The static index ───────────────────────────────────────────────────────────────────

/** One entity a key can mean, with the inclusive years it means it. */
interface Candidate {
  readonly iso3: Iso3;
  readonly from: number;
  readonly to: number;
  /** True when the identifier was written with a span in the table. */
  readonly dated: boolean;
  /** The spelling as written in the table, for suggestions. */
  readonly spelling: string;
}

type SystemIndex = ReadonlyMap<string, readonly Candidate[]>;

interface Index {
  readonly systems: Readonly<Record<CodeSystem, SystemIndex>>;
  readonly records: ReadonlyMap<string, CountryRecord>;
}

/** An identifier of a record in one system, before normalisation. */
interface RawIdentifier {
  readonly system: CodeSystem;
  readonly value: string;
  readonly from?: number;
  readonly to?: number;
}

/** Flattens an identifier (plain or dated) into a raw identifier of `system`. */
function flatten(system: CodeSystem, id: Identifier<string | number>): RawIdentifier {
  return typeof id === 'object' ? { system, ...id, value: String(id.value) } : { system, value: String(id) };
}

/** Every identifier a record declares, in every system. */
function identifiersOf(r: CountryRecord): RawIdentifier[] {
  return [
    { system: 'iso3', value: r.iso3 },
    ...(r.iso3Aliases ?? []).map((a) => flatten('iso3', a)),
    ...(r.iso2 === undefined ? [] : [{ system: 'iso2' as const, value: r.iso2 }]),
    ...(r.iso2Aliases ?? []).map((a) => flatten('iso2', a)),
    ...(r.cow ?? []).flatMap((c): RawIdentifier[] => [
      { system: 'cow', value: String(c.code), from: c.from, to: c.to },
      { system: 'cow_abb', value: c.abb, from: c.from, to: c.to },
    ]),
    ...(r.gw ?? []).map((g) => flatten('gw', g)),
    { system: 'name', value: r.name },
    ...(r.aliases ?? []).map((a) => flatten('name', a)),
  ];
}

/** True when two candidates overlap in time. */
function overlaps(a: Candidate, b: Candidate): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/**
 * Adds a candidate under a key, refusing ambiguity: two entities may share a key only
 * with disjoint dated spans, plus at most one undated fallback.
 */
function addCandidate(list: Candidate[], c: Candidate, system: CodeSystem, key: string): void {
  const clash = list.find(
    (o) => o.iso3 !== c.iso3 && o.dated === c.dated && (!c.dated || overlaps(o, c)),
  );
  if (clash) {
    throw new Error(`crosswalk table: ${system} "${key}" means both ${clash.iso3} and ${c.iso3}`);
  }
  const same = list.some((o) => o.iso3 === c.iso3 && o.from === c.from && o.to === c.to);
  if (!same) list.push(c);
}

/** Builds the static index from the table, checking it for duplicates and ambiguity. */
function buildIndex(table: readonly CountryRecord[]): Index {
  const systems = Object.fromEntries(CODE_SYSTEMS.map((s) => [s, new Map<string, Candidate[]>()])) as Record<
    CodeSystem,
    Map<string, Candidate[]>
  >;
  const records = new Map<string, CountryRecord>();
  for (const r of table) {
    if (records.has(r.iso3)) throw new Error(`crosswalk table: ${r.iso3} listed twice`);
    records.set(r.iso3, r);
    const iso3 = asIso3(r.iso3);
    for (const id of identifiersOf(r)) {
      const key = normaliseKey(id.system, id.value);
      if (key === null) throw new Error(`crosswalk table: bad ${id.system} "${id.value}" for ${r.iso3}`);
      const dated = id.from !== undefined || id.to !== undefined;
      const candidate: Candidate = {
        iso3,
        from: id.from ?? -Infinity,
        to: id.to ?? Infinity,
        dated,
        spelling: id.value,
      };
      const map = systems[id.system];
      const list = map.get(key) ?? [];
      addCandidate(list, candidate, id.system, key);
      map.set(key, list);
    }
  }
  return { systems, records };
}

let sharedIndex: Index | undefined;

/** The static index, built on first use. */
function index(): Index {
  sharedIndex ??= buildIndex(COUNTRIES);
  return sharedIndex;
}

/**
 * The candidate a key means at `year`: a dated spell containing the year, else the undated
 * meaning, else (no year, or a year outside every spell) the latest spell.
 */
function pick(candidates: readonly Candidate[], year: number | undefined): Candidate {
  const atYear = year === undefined ? undefined : candidates.find((c) => c.dated && c.from <= year && year <= c.to);
  const latest = candidates.reduce((a, b) => (b.to > a.to || (b.to === a.to && b.from > a.from) ? b : a));
  return atYear ?? candidates.find((c) => !c.dated) ?? latest;
}

// ── Succession ─────────────────────────────────────────────────────────────────────────

/**
 * The succession map in force: defaults merged with overrides, followed to the end of each
 * chain (`{YUG: 'SCG'}` with the default SCG→SRB reports YUG as SRB).
 * @throws {RangeError} naming unknown codes, or a cycle.
 */
function buildSuccession(overrides: Readonly<Record<string, string>>, known: ReadonlyMap<string, unknown>) {
  const merged = new Map<string, string>(Object.entries(DEFAULT_SUCCESSION));
  const unknown: string[] = [];
  for (const [rawKey, rawValue] of Object.entries(overrides)) {
    const key = rawKey.trim().toUpperCase();
    const value = String(rawValue).trim().toUpperCase();
    if (!known.has(key)) unknown.push(`"${rawKey}"`);
    if (!known.has(value)) unknown.push(`"${rawValue}" (for ${rawKey})`);
    merged.set(key, value);
  }
  if (unknown.length > 0) {
    throw new RangeError(`succession: unknown country code(s) ${unknown.join(', ')}; use ISO3 codes of the crosswalk`);
  }
  const final = new Map<Iso3, Iso3>();
  for (const start of merged.keys()) {
    const seen = [start];
    let code = start;
    for (let next = merged.get(code); next !== undefined && next !== code; next = merged.get(code)) {
      if (seen.includes(next)) throw new RangeError(`succession: cycle ${[...seen, next].join(' → ')}`);
      seen.push(next);
      code = next;
    }
    final.set(asIso3(start), asIso3(code));
  }
  return final;
}

// ── Suggestions ────────────────────────────────────────────────────────────────────────

const MAX_SUGGESTIONS = 3;

/** How far a key is from the input: edit distance, or numeric difference for numbers. */
function distanceIn(system: CodeSystem, input: string, key: string): number {
  return system === 'cow' || system === 'gw' ? Math.abs(Number(input) - Number(key)) : boundedEditDistance(input, key, maxDistance(system, input));
}

/**
 * Unknown spellings a crosswalk suggests the closest known spellings for; later ones get the
 * plain message. Bounds the time a file of distinct unknown names costs (problem lists show
 * the first 50 of a file anyway).
 */
export const MAX_SUGGESTED_SPELLINGS = 1000;

/** Largest distance still worth suggesting for an input. */
function maxDistance(system: CodeSystem, input: string): number {
  if (system === 'cow' || system === 'gw') return Infinity;
  if (system === 'name') return Math.max(2, Math.ceil(input.length / 3));
  return 2;
}

/**
 * Up to `count` (three) known spellings closest to an unknown input, one per entity: by edit
 * distance on folded names or upper-cased codes, by numeric distance for COW/G&W numbers.
 */
function suggest(system: CodeSystem, raw: string, count = MAX_SUGGESTIONS): string[] {
  const input = normaliseKey(system, raw);
  if (input === null) return [];
  const limit = maxDistance(system, input);
  const best = new Map<string, { spelling: string; distance: number }>();
  const numeric = system === 'cow' || system === 'gw';
  for (const [key, candidates] of index().systems[system]) {
    // an edit distance is at least the difference in length: skip without the O(n·m) table
    // (a 1 MB cell would otherwise take minutes against every known name)
    if (!numeric && Math.abs(input.length - key.length) > limit) continue;
    const distance = distanceIn(system, input, key);
    if (!(distance <= limit)) continue;
    const c = pick(candidates, undefined);
    const current = best.get(c.iso3);
    if (current === undefined || distance < current.distance) best.set(c.iso3, { spelling: c.spelling, distance });
  }
  return [...best.values()]
    .sort((a, b) => a.distance - b.distance || a.spelling.localeCompare(b.spelling))
    .slice(0, count)
    .map((s) => s.spelling);
}

// ── The crosswalk ──────────────────────────────────────────────────────────────────────

/** A memoised dated key: final codes per year spell, and the code when no spell applies. */
interface DatedMemo {
  readonly spells: readonly { readonly from: number; readonly to: number; readonly iso3: Iso3 }[];
  readonly otherwise: Iso3;
}

type Memo = Iso3 | null | DatedMemo;

/**
 * Creates a crosswalk with the default succession rules, or with `options.succession`
 * overriding them per entity.
 * @throws {RangeError} when a succession key or value is not a known code, or the rules cycle.
 * @example
 * const cw = createCrosswalk();
 * cw.resolve('cow', '365', 1990); // 'RUS' (the USSR, reported as Russia)
 * createCrosswalk({ succession: { SUN: 'SUN' } }).resolve('cow', '365', 1990); // 'SUN'
 * cw.resolve('name', 'Côte d’Ivoire'); // 'CIV'
 */
export function createCrosswalk(options: CrosswalkOptions = {}): Crosswalk {
  const idx = index();
  const succession = buildSuccession(options.succession ?? {}, idx.records);
  const report = (iso3: Iso3): Iso3 => succession.get(iso3) ?? iso3;
  const memos = Object.fromEntries(CODE_SYSTEMS.map((s) => [s, new Map<string, Memo>()])) as Record<
    CodeSystem,
    Map<string, Memo>
  >;

  /** Resolves a raw input of a system once, for every year. */
  function memoFor(system: CodeSystem, raw: string): Memo {
    const key = normaliseKey(system, raw);
    const candidates = key === null ? undefined : idx.systems[system].get(key);
    if (candidates === undefined) return null;
    const otherwise = report(pick(candidates, undefined).iso3);
    const dated = candidates.filter((c) => c.dated);
    if (dated.length === 0) return otherwise;
    return { spells: dated.map((c) => ({ from: c.from, to: c.to, iso3: report(c.iso3) })), otherwise };
  }

  function tryResolve(system: CodeSystem, raw: string, year?: number): Iso3 | null {
    const memo = memos[system];
    let hit = memo.get(raw);
    if (hit === undefined) {
      hit = memoFor(system, raw);
      memo.set(raw, hit);
    }
    if (hit === null || typeof hit === 'string') return hit;
    if (year === undefined) return hit.otherwise;
    return hit.spells.find((s) => s.from <= year && year <= s.to)?.iso3 ?? hit.otherwise;
  }

  // each suggestion compares the input with every known spelling (~40 µs): a file of a million
  // distinct unknown names would take a minute, for messages of which only the first few are shown
  let suggestionsLeft = MAX_SUGGESTED_SPELLINGS;
  function suggestOnce(system: CodeSystem, raw: string): string[] {
    if (suggestionsLeft <= 0) return [];
    suggestionsLeft--;
    return suggest(system, raw);
  }

  function resolve(system: CodeSystem, raw: string, year?: number): Iso3 {
    const code = tryResolve(system, raw, year);
    if (code === null) throw new UnknownCountryError(raw.trim(), system, suggestOnce(system, raw));
    return code;
  }

  function name(code: Iso3): string {
    const record = idx.records.get(code.trim().toUpperCase());
    if (record === undefined) throw new UnknownCountryError(code, 'iso3', suggestOnce('iso3', code));
    return record.name;
  }

  function meanings(system: CodeSystem, raw: string): { iso3: Iso3; from: number; to: number }[] {
    const key = normaliseKey(system, raw);
    const candidates = key === null ? undefined : idx.systems[system].get(key);
    if (candidates === undefined) return [];
    const memo = memoFor(system, raw);
    if (memo === null) return [];
    if (typeof memo === 'string') return [{ iso3: memo, from: -Infinity, to: Infinity }];
    const out = new Map<Iso3, { iso3: Iso3; from: number; to: number }>();
    const add = (iso3: Iso3, from: number, to: number) => {
      const e = out.get(iso3);
      if (e === undefined) out.set(iso3, { iso3, from, to });
      else out.set(iso3, { iso3, from: Math.min(e.from, from), to: Math.max(e.to, to) });
    };
    for (const s of memo.spells) add(s.iso3, s.from, s.to);
    // the meaning outside every dated spell (the undated code, else the latest spell)
    if (candidates.some((c) => !c.dated)) add(memo.otherwise, -Infinity, Infinity);
    return [...out.values()];
  }

  return { resolve, tryResolve, meanings, closest: suggest, name, succession };
}
