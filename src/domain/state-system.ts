/**
 * The state system: which states exist in which year, as Entente reports them. Built from the
 * membership spells of the Correlates of War and Gleditsch–Ward lists (`state-system-data.ts`)
 * and the few entities outside both lists that the sources treat as states
 * (`state-system-additions.ts`), mapped to Entente's ISO3 identities through a crosswalk — so
 * the succession rules in force decide it too: with the default `SUN → RUS`, Russia exists from
 * 1816 on; with `succession: { SUN: SUN }` the Soviet Union exists 1816–1991 and Russia from 1992.
 *
 * The rule: a state exists in calendar year t when COW **or** G&W lists it (after the crosswalk
 * and succession rules) on at least one day of t, or it is one of the additions in its years.
 * A spell still open at the end of a list continues to the present (and beyond: the table does
 * not read the clock, so runs stay deterministic).
 *
 * A pair-year exists when both of its states do; the scoring panel holds only such pair-years.
 * @module
 */
import type { Crosswalk } from './crosswalk.js';
import type { Iso3 } from './country.js';
import { iso3Index } from './country.js';
import { mergeRanges, type YearRange } from './year.js';
import { COW_SPELLS, GW_SPELLS, type ListedSpell } from './state-system-data.js';
import { STATE_SYSTEM_ADDITIONS } from './state-system-additions.js';
import { CODE_SPAN as N, YEAR_SPAN as Y } from './dyad-year-key.js';

/**
 * Which states exist in which year.
 * @example
 * const system = stateSystemOf(createCrosswalk());
 * system.exists('DDR' as Iso3, 1990) // true
 * system.exists('DDR' as Iso3, 1991) // false
 * system.members(1995).includes('RUS' as Iso3) // true
 */
export interface StateSystem {
  /** True when the state exists (is a member of the state system) in `year`. */
  exists(state: Iso3, year: number): boolean;
  /** The states that exist in `year`, sorted alphabetically (the same array on every call). */
  members(year: number): readonly Iso3[];
  /** The years a state exists, as merged inclusive ranges (`to: Infinity` = to the present); empty when never. */
  spells(state: Iso3): readonly YearRange[];
  /** Every state that exists in some year, sorted. */
  readonly states: readonly Iso3[];
  /**
   * True when both states of a packed pair-year key (`(index(a)·26³ + index(b))·4096 + year`,
   * either order) exist in its year: the membership test of the scorer, O(1).
   */
  pairExists(key: number): boolean;
}

/** Year of a date written `YYYY-MM-DD`. */
const yearOf = (date: string): number => Number(date.slice(0, 4));

/** The last year any list reports (its open spells continue beyond it). */
const LAST_LISTED = Math.max(...[...COW_SPELLS, ...GW_SPELLS].flatMap((s) => [yearOf(s.start), s.end === null ? 0 : yearOf(s.end)]));

/** Sentinel for "to the present" in the per-year bitmap: every year up to the key's limit. */
const OPEN = Y - 1;

/** State systems by the succession rules they were built under (two crosswalks with the same rules share one). */
const cache = new Map<string, StateSystem>();

/**
 * The state system as reported through `crosswalk` (its succession rules in force), built once
 * per set of succession rules.
 * @throws {Error} when a code of the lists or an addition is unknown to the crosswalk (a table bug).
 * @example stateSystemOf(createCrosswalk({ succession: { SUN: 'SUN' } })).exists('RUS' as Iso3, 1990) // false
 */
export function stateSystemOf(crosswalk: Crosswalk): StateSystem {
  const rules = JSON.stringify([...crosswalk.succession].sort((x, y) => (x[0] < y[0] ? -1 : 1)));
  let s = cache.get(rules);
  if (s === undefined) {
    s = buildStateSystem(crosswalk);
    cache.set(rules, s);
  }
  return s;
}

function buildStateSystem(crosswalk: Crosswalk): StateSystem {
  const years = new Map<Iso3, YearRange[]>();
  const add = (state: Iso3, from: number, to: number): void => {
    let list = years.get(state);
    if (list === undefined) years.set(state, (list = []));
    list.push({ from, to });
  };
  const listed = (system: 'cow' | 'gw', spells: readonly ListedSpell[]): void => {
    for (const s of spells) {
      const from = yearOf(s.start);
      const to = s.end === null ? LAST_LISTED : yearOf(s.end);
      const means = crosswalk.meanings(system, String(s.code));
      if (means.length === 1) {
        add(means[0]!.iso3, from, s.end === null ? Infinity : to);
        continue;
      }
      // a code that changes entity over time (COW 365: the USSR to 1991, Russia from 1992) is
      // resolved in every year of the spell
      for (let y = from; y <= to; y++) {
        const state = crosswalk.tryResolve(system, String(s.code), y);
        if (state === null) throw new Error(`state system: ${system} code ${s.code} (${s.name}) is not in the crosswalk`);
        add(state, y, s.end === null && y === to ? Infinity : y);
      }
    }
  };
  listed('cow', COW_SPELLS);
  listed('gw', GW_SPELLS);
  for (const a of STATE_SYSTEM_ADDITIONS) {
    const state = crosswalk.tryResolve('iso3', a.iso3);
    if (state === null) throw new Error(`state system: addition ${a.iso3} is not in the crosswalk`);
    add(state, a.from, a.to ?? Infinity);
  }
  const spells = new Map<Iso3, readonly YearRange[]>();
  for (const [state, list] of years) spells.set(state, mergeRanges(list));
  const states = [...spells.keys()].sort();
  // per-state bitmap of the years 0..4095, indexed through the packed ISO3 index
  const row = new Int16Array(N).fill(-1);
  const bits = new Uint8Array(states.length * Y);
  states.forEach((state, i) => {
    row[iso3Index(state)] = i;
    for (const r of spells.get(state)!) {
      const to = r.to === Infinity ? OPEN : Math.min(r.to, OPEN);
      for (let y = Math.max(0, r.from); y <= to; y++) bits[i * Y + y] = 1;
    }
  });
  const existsAt = (index: number, year: number): boolean => {
    const i = row[index]!;
    return i >= 0 && year >= 0 && year < Y && bits[i * Y + year] === 1;
  };
  const byYear = new Map<number, readonly Iso3[]>();
  return {
    exists: (state, year) => Number.isInteger(year) && existsAt(iso3Index(state), year),
    members(year) {
      let m = byYear.get(year);
      if (m === undefined) {
        m = Object.freeze(states.filter((s) => existsAt(iso3Index(s), year)));
        byYear.set(year, m);
      }
      return m;
    },
    spells: (state) => spells.get(state) ?? [],
    states,
    pairExists(key) {
      const pairFloat = Math.floor(key / Y);
      const year = key - pairFloat * Y;
      // a pair index is below 26⁶ < 2³¹: integer arithmetic from here (a double % is a slow call)
      const pair = pairFloat | 0;
      const ib = pair % N;
      return pairFloat === pair && existsAt(((pair - ib) / N) | 0, year) && existsAt(ib, year);
    },
  };
}

/**
 * Text of a state's spells for messages, e.g. `1949–1990` or `1816–1945, 1949–present`.
 * @example spellsText(stateSystemOf(createCrosswalk()).spells('DDR' as Iso3)) // '1949–1990'
 */
export function spellsText(spells: readonly YearRange[]): string {
  if (spells.length === 0) return 'never';
  return spells.map((r) => (r.to === Infinity ? `${r.from}–present` : r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`)).join(', ');
}
