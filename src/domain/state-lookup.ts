/**
 * Reads the states a user names in `--states`, `--pairs` and the config's `states:`/`pairs:`.
 * Accepted: an ISO3 code the crosswalk knows (current, withdrawn — `SUN`, `DDR` — or an alias
 * such as `ROM` for Romania), or an English name or spelling of the crosswalk (`Iran`,
 * `Côte d'Ivoire`, `Soviet Union`) when it means one state under the succession rules in force.
 * Each is reported as the succession rules say (`SUN` → `RUS` by default). ISO2 codes, COW and
 * G&W numbers and COW abbreviations are not accepted (`GMY`, `365`, `RU` are too easy to
 * misread) but are suggested. A code that never names a state of the state system (a dependent
 * territory such as `HKG`) is refused with the reason.
 */
import type { CodeSystem } from './code-system.js';
import type { Crosswalk } from './crosswalk.js';
import type { Iso3 } from './country.js';
import type { StateSystem } from './state-system.js';

/**
 * The outcome of reading one state: the state, or why not (a sentence for the user).
 * @example const r: StateLookup = { ok: true, state: 'IRN' as Iso3 };
 */
export type StateLookup = { readonly ok: true; readonly state: Iso3 } | { readonly ok: false; readonly message: string };

/**
 * The outcome of reading one pair `A-B`.
 * @example const r: PairLookup = { ok: false, message: '"XYZ" is not a known state code or name' };
 */
export type PairLookup = { readonly ok: true; readonly pair: readonly [Iso3, Iso3] } | { readonly ok: false; readonly message: string };

const quote = (s: string): string => `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`;

/**
 * Reads one state as written by a user (see the module comment for what is accepted).
 * @example lookupState('Iran', cw, system) // { ok: true, state: 'IRN' }
 * @example lookupState('XYZ', cw, system) // { ok: false, message: '"XYZ" is not a known state code or name …' }
 */
export function lookupState(raw: string, crosswalk: Crosswalk, system: StateSystem): StateLookup {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'an empty state code; write an ISO3 code such as RUS' };
  const code = text.toUpperCase();
  if (/^[A-Z]{3}$/.test(code)) {
    // an ISO3 code names its own entity (a withdrawn code too: YUG is Yugoslavia, not the
    // later states the sources also wrote YUG for), reported as the succession rules say
    const state = crosswalk.tryResolve('iso3', code);
    if (state !== null) return member(code, [{ iso3: state, from: -Infinity, to: Infinity }], crosswalk, system);
  }
  const named = crosswalk.meanings('name', text);
  if (named.length > 0) return member(quote(text), named, crosswalk, system);
  return { ok: false, message: `${quote(text)} is not a known state code or name${hint(text, crosswalk, system)}` };
}

/**
 * Reads one pair `A-B` (codes or names; a name with a hyphen such as `Guinea-Bissau` is found
 * by trying each hyphen). Both states must differ after the succession rules.
 * @example lookupPair('RUS-IRN', cw, system) // { ok: true, pair: ['RUS', 'IRN'] }
 * @example lookupPair('RUS-XYZ', cw, system) // { ok: false, message: '"XYZ" is not a known state code or name …' }
 */
export function lookupPair(raw: string, crosswalk: Crosswalk, system: StateSystem): PairLookup {
  const text = raw.trim();
  const cuts: number[] = [];
  for (let i = text.indexOf('-'); i >= 0; i = text.indexOf('-', i + 1)) cuts.push(i);
  if (cuts.length === 0) return { ok: false, message: `${quote(text)} is not a pair like RUS-IRN` };
  let firstFailure: string | null = null;
  for (const i of cuts) {
    const a = lookupState(text.slice(0, i), crosswalk, system);
    const b = lookupState(text.slice(i + 1), crosswalk, system);
    if (a.ok && b.ok) {
      if (a.state === b.state) return { ok: false, message: `${quote(text)} names ${a.state} twice (after the succession rules); a pair needs two states` };
      return { ok: true, pair: [a.state, b.state] };
    }
    firstFailure ??= !a.ok ? a.message : !b.ok ? b.message : null;
  }
  return { ok: false, message: cuts.length === 1 ? firstFailure! : `${quote(text)} is not a pair of two known states like RUS-IRN (${firstFailure})` };
}

function member(shown: string, means: ReturnType<Crosswalk['meanings']>, crosswalk: Crosswalk, system: StateSystem): StateLookup {
  if (means.length > 1) {
    const list = means.map((m) => `${m.iso3} (${crosswalk.name(m.iso3)})${span(m.from, m.to)}`).join(', ');
    return { ok: false, message: `${shown} means several states under the succession rules in force: ${list}; write the ISO3 code of the one you mean` };
  }
  const state = means[0]!.iso3;
  if (system.spells(state).length === 0) {
    const what = shown === state ? `${state} (${crosswalk.name(state)})` : `${shown} (${state}, ${crosswalk.name(state)})`;
    return { ok: false, message: `${what} is never a state of the state system (COW/Gleditsch–Ward membership; see README "Missing data, direction and coverage"), so it has no pair-years` };
  }
  return { ok: true, state };
}

function span(from: number, to: number): string {
  if (from === -Infinity && to === Infinity) return '';
  if (from === -Infinity) return ` to ${to}`;
  if (to === Infinity) return ` from ${from}`;
  return ` ${from}–${to}`;
}

/** Closest spellings and the other code forms an input may be, as a `; …` clause. */
function hint(text: string, crosswalk: Crosswalk, system: StateSystem): string {
  const forms: string[] = [];
  const other: [CodeSystem, string][] = [
    ['iso2', 'an ISO2 code'],
    ['cow_abb', 'a COW abbreviation'],
    ['cow', 'a COW number'],
    ['gw', 'a Gleditsch–Ward number'],
  ];
  for (const [sys, what] of other) {
    const means = crosswalk.meanings(sys, text);
    if (means.length === 1) forms.push(`it is ${what} of ${crosswalk.name(means[0]!.iso3)}: write ${means[0]!.iso3}`);
  }
  if (forms.length > 0) return `; ${forms.join('; ')}`;
  // a three-letter input is most likely a mistyped code, anything else a mistyped name
  const order: readonly ('iso3' | 'name')[] = /^[A-Za-z]{3}$/.test(text) ? ['iso3', 'name'] : ['name', 'iso3'];
  const close = new Map<string, string>();
  for (const sys of order) {
    for (const spelling of crosswalk.closest(sys, text, 12)) {
      const code = crosswalk.tryResolve(sys, spelling);
      // suggest states only: a territory would be refused in turn
      if (code === null || close.has(code) || system.spells(code).length === 0) continue;
      const name = crosswalk.name(code);
      close.set(code, sys === 'name' && spelling !== name ? `${code} (${name}, "${spelling}")` : `${code} (${name})`);
    }
  }
  return close.size > 0 ? `; closest: ${[...close.values()].slice(0, 4).join(', ')}` : '; write an ISO3 code such as RUS or an English name such as Iran';
}
