/**
 * Keeps an indicator's values to the pair-years whose two states exist (the state system), and
 * says what it left out: a source value recorded for a state outside its membership years — a
 * UN vote of a state before its admission date in COW/G&W, an arms delivery to a state that had
 * ceased to exist, a territory — is dropped, never scored, and counted per state for
 * `entente validate`.
 */
import type { Iso3 } from '../domain/country.js';
import { DyadYearTable } from '../domain/dyad-year-table.js';
import { unpackKey, unpackPair } from '../domain/dyad-year-key.js';
import type { StateSystem } from '../domain/state-system.js';
import { SortedDyadYearTable } from '../domain/sorted-dyad-year-table.js';
import { periodFromIndex } from '../domain/period.js';
import type { PeriodData } from '../domain/indicator-data.js';

/**
 * The values of one state left out because it did not exist in their years.
 * @example const d: DroppedByState = { state: 'DDR' as Iso3, count: 2, from: 1995, to: 1996 };
 */
export interface DroppedByState {
  readonly state: Iso3;
  /** Values involving the state (a pair of two non-existing states counts for both). */
  readonly count: number;
  readonly from: number;
  readonly to: number;
}

/**
 * What {@link restrictToStateSystem} left out.
 * @example restrictToStateSystem(values, system).dropped.count // 3
 */
export interface DroppedValues {
  /** Values dropped. */
  readonly count: number;
  /** Per state that did not exist, most values first, then alphabetically. */
  readonly byState: readonly DroppedByState[];
}

/**
 * The table with only the pair-years in which both states exist, and what was dropped. Returns
 * the same table object when nothing is dropped (sorted tables stay sorted). Works on directed
 * and undirected tables alike.
 * @example
 * const { table, dropped } = restrictToStateSystem(values, system); // DDR–RUS 1995 dropped
 * dropped.byState[0] // { state: 'DDR', count: 1, from: 1995, to: 1995 }
 */
export function restrictToStateSystem(values: DyadYearTable, system: StateSystem): { table: DyadYearTable; dropped: DroppedValues } {
  const cols = values.sortedColumns();
  // a sorted table already kept to this state system (loading does it, scoring asks again)
  if (cols !== null && restricted.get(cols.keys) === system) return { table: values, dropped: { count: 0, byState: [] } };
  // two measures of one source share their keys: the second reuses the first's membership tests and kept keys
  const seen = cols !== null ? keptOf.get(cols.keys) : undefined;
  if (cols !== null && seen !== undefined && seen.system === system) {
    if (seen.kept === cols.keys) return { table: values, dropped: seen.dropped };
    const vals = new Float64Array(seen.kept.length);
    let j = 0;
    for (let i = 0; i < cols.keys.length; i++) if (seen.exists![i] === 1) vals[j++] = cols.values[i]!;
    return { table: SortedDyadYearTable.fromSorted(values.directed, seen.kept, vals), dropped: seen.dropped };
  }
  const result = restrictTable(values, cols, system);
  if (cols !== null) {
    const kept = result.table.sortedColumns()?.keys;
    if (kept !== undefined) keptOf.set(cols.keys, { system, kept, exists: result.exists!, dropped: result.dropped });
  }
  const kept = result.table.sortedColumns();
  if (kept !== null) restricted.set(kept.keys, system);
  return { table: result.table, dropped: result.dropped };
}

/** Per key array of a sorted table restricted: the state system, the kept keys, which were kept, and what was dropped. */
const keptOf = new WeakMap<Float64Array, { system: StateSystem; kept: Float64Array; exists: Uint8Array | null; dropped: DroppedValues }>();

/** Key arrays of sorted tables whose pair-years all exist in the state system given. */
const restricted = new WeakMap<Float64Array, StateSystem>();

function restrictTable(values: DyadYearTable, cols: ReturnType<DyadYearTable['sortedColumns']>, system: StateSystem): { table: DyadYearTable; dropped: DroppedValues; exists?: Uint8Array | null } {
  const keys = cols !== null ? cols.keys : Float64Array.from(values.keys());
  // one membership test per key, kept for the copy and the tally
  const exists = new Uint8Array(keys.length);
  let bad = 0;
  for (let i = 0; i < keys.length; i++) {
    if (system.pairExists(keys[i]!)) exists[i] = 1;
    else bad++;
  }
  if (bad === 0) return { table: values, dropped: { count: 0, byState: [] }, exists: null };
  const tally = new Map<Iso3, { count: number; from: number; to: number }>();
  const note = (state: Iso3, year: number): void => {
    const t = tally.get(state);
    if (t === undefined) tally.set(state, { count: 1, from: year, to: year });
    else {
      t.count++;
      if (year < t.from) t.from = year;
      if (year > t.to) t.to = year;
    }
  };
  let table: DyadYearTable;
  if (cols !== null) {
    const kept = new Float64Array(keys.length - bad);
    const vals = new Float64Array(kept.length);
    let j = 0;
    for (let i = 0; i < keys.length; i++) {
      if (exists[i] === 1) {
        kept[j] = keys[i]!;
        vals[j++] = cols.values[i]!;
      }
    }
    table = SortedDyadYearTable.fromSorted(values.directed, kept, vals);
  } else {
    table = new DyadYearTable(values.directed);
    for (let i = 0; i < keys.length; i++) if (exists[i] === 1) table.setByKey(keys[i]!, values.getByKey(keys[i]!)!);
  }
  for (let i = 0; i < keys.length; i++) {
    if (exists[i] === 1) continue;
    const { a, b, year } = unpackKey(keys[i]!);
    if (!system.exists(a, year)) note(a, year);
    if (!system.exists(b, year)) note(b, year);
  }
  const byState = [...tally]
    .map(([state, t]) => ({ state, ...t }))
    .sort((x, y) => y.count - x.count || (x.state < y.state ? -1 : 1));
  return { table, dropped: { count: bad, byState }, exists };
}

/** States listed by name in the note; the rest are counted. */
const LISTED = 25;

/**
 * The `entente validate` note for dropped values (none when nothing was dropped), with the
 * membership years of each state listed, e.g.
 * `12 value(s) for pair-years in which a state did not exist (…) were dropped, not scored: DDR ×12 in 1991–1995 (exists 1949–1990)`.
 * @example droppedNote(dropped, (s) => spellsText(system.spells(s))) // ['12 value(s) … were dropped, not scored: DDR ×12 in 1991–1995 (exists 1949–1990)']
 */
export function droppedNote(dropped: DroppedValues, spellsOf: (state: Iso3) => string): string[] {
  if (dropped.count === 0) return [];
  const items = dropped.byState.slice(0, LISTED).map((d) => `${d.state} ×${d.count} in ${d.from === d.to ? d.from : `${d.from}–${d.to}`} (exists ${spellsOf(d.state)})`);
  const more = dropped.byState.length > LISTED ? `; … ${dropped.byState.length - LISTED} more state(s)` : '';
  return [
    `${dropped.count} value(s) for pair-years in which a state did not exist (COW/Gleditsch–Ward membership, see README "Missing data, direction and coverage") were dropped, not scored: ${items.join('; ')}${more}`,
  ];
}

/**
 * A dated family's per-period rows kept to the periods whose year both states exist in (the
 * same rule as {@link restrictToStateSystem}, for `entente measures --period`), with the extra
 * columns kept aligned. Returns the same data when nothing is dropped.
 * @example restrictPeriodsToStateSystem(data, system).table.values.length // rows left
 */
export function restrictPeriodsToStateSystem(data: PeriodData, system: StateSystem): PeriodData {
  const { pairs, periods, values, kind } = data.table;
  const keep: number[] = [];
  for (let r = 0; r < pairs.length; r++) {
    const p = pairs[r]!;
    const { a, b } = unpackPair(p);
    const year = periodFromIndex(kind, periods[r]!).year;
    if (system.exists(a, year) && system.exists(b, year)) keep.push(r);
  }
  if (keep.length === pairs.length) return data;
  const pick = (col: Float64Array) => Float64Array.from(keep, (r) => col[r]!);
  return {
    ...data,
    table: { kind, pairs: pick(pairs), periods: pick(periods), values: pick(values) },
    extras: data.extras.map((x) => ({ ...x, values: pick(x.values) })),
    notes: [...data.notes, `${pairs.length - keep.length} pair-${kind}(s) of states that did not exist in that year dropped`],
  };
}
