/**
 * Coverage changes: where a pair's set of indicators changes from one year to another (a
 * source entering or leaving), and how much of a change of the index that causes. A change
 * of the index between two rows splits into the change on the indicators present in both and
 * a coverage term (`explain`'s counterfactual decomposition): the coverage-free change is
 * I*_t − I*_s, the indices recomputed over the common indicators alone. The summary's movers,
 * `trends` and charts use it so that a source ending is not reported as a pair's biggest move.
 * @module
 */
import { decompositions, type ExplainModel } from './explain.js';
import { rowsOfPair } from '../core/panel-keys.js';
import type { Iso3 } from '../domain/country.js';
import { yearOfKey } from '../domain/dyad-year-key.js';
import type { ScoreTable } from '../core/score.js';

/** The indicators entering and leaving between two rows. */
export interface SetChange {
  /** Present in the later row, absent in the earlier. */
  readonly entered: readonly string[];
  /** Present in the earlier row, absent in the later. */
  readonly left: readonly string[];
}

/**
 * The indicators entering and leaving between row `s` (earlier) and row `t` (later).
 * @example setChange(table, rowOf2015, rowOf2014) // { entered: [], left: ['trade'] }
 */
export function setChange(table: ScoreTable, t: number, s: number): SetChange {
  const entered: string[] = [];
  const left: string[] = [];
  table.ids.forEach((id, i) => {
    const a = table.norm[i]![t]!;
    const b = table.norm[i]![s]!;
    if (a === a && b !== b) entered.push(id);
    else if (a !== a && b === b) left.push(id);
  });
  return { entered, left };
}

/**
 * A set change as text: `<id> in` for each indicator entering, `<id> out` for each leaving,
 * joined by `; ` (no leading sign, so a spreadsheet never reads it as a formula); empty when
 * the set is the same.
 * @example setChangeText({ entered: ['events'], left: ['trade'] }) // 'events in; trade out'
 */
export function setChangeText(c: SetChange): string {
  return [...c.entered.map((id) => `${id} in`), ...c.left.map((id) => `${id} out`)].join('; ');
}

/** A change of the index between two rows, split into coverage-free and coverage parts. */
export interface SplitChange {
  /** I_t − I_s. */
  readonly total: number;
  /** The change on the indicators present in both rows (I*_t − I*_s). */
  readonly common: number;
  /** total − common: the part due to indicators entering or leaving. */
  readonly coverage: number;
  readonly set: SetChange;
}

/**
 * Splits the change of the index from row `s` to row `t` (both with an index) by `explain`'s
 * counterfactual decomposition: `common` + `coverage` = `total`; `coverage` is 0 when the
 * indicator set is the same. With no indicator in common, `common` is 0.
 * @example splitChange(table, model, rowOf2015, rowOf2014) // { total: 14.2, common: 0.3, coverage: 13.9, set: { entered: [], left: ['trade'] } }
 */
export function splitChange(table: ScoreTable, model: ExplainModel, t: number, s: number): SplitChange {
  const total = table.index[t]! - table.index[s]!;
  const set = setChange(table, t, s);
  if (set.entered.length === 0 && set.left.length === 0) return { total, common: total, coverage: 0, set };
  const { coverage } = decompositions[model.smoothed ? 'contribution' : 'counterfactual'](table, model, t, s);
  return { total, common: total - coverage, coverage, set };
}

/** What a coverage change did at one year of a pair (a break, a trend window). */
export interface CoverageLabel {
  /** The coverage part of the change from the pair's previous row with an index to this year (0 when none). */
  readonly coverage: number;
  /** {@link setChangeText} of that change (empty when the set is the same). */
  readonly set: string;
}

/**
 * The coverage part of a pair's change into `year`: from its last earlier row with an index
 * to the row of `year` (see {@link splitChange}); null when either is missing.
 * @example coverageAt(table, model, 'RUS', 'USA', 2015) // { coverage: 9.8, set: 'trade out' }
 */
export function coverageAt(table: ScoreTable, model: ExplainModel, a: Iso3, b: Iso3, year: number): CoverageLabel | null {
  const run = rowsOfPair(table.keys, a, b);
  if (!run) return null;
  let t = -1;
  for (let r = run.start; r < run.end; r++) if (yearOfKey(table.keys[r]!) === year) t = r;
  if (t < 0 || table.index[t] !== table.index[t]) return null;
  let s = t - 1;
  while (s >= run.start && table.index[s] !== table.index[s]) s--;
  if (s < run.start) return null;
  const split = splitChange(table, model, t, s);
  return { coverage: split.coverage, set: setChangeText(split.set) };
}

/**
 * The years in `from`–`to` in which a pair's indicator set differs from its previous row.
 * @example setChangesInWindow(table, 'RUS', 'USA', 2010, 2019) // 2 (drills left 2011, trade 2015)
 */
export function setChangesInWindow(table: ScoreTable, a: Iso3, b: Iso3, from: number, to: number): number {
  const run = rowsOfPair(table.keys, a, b);
  if (!run) return 0;
  let n = 0;
  for (let r = run.start + 1; r < run.end; r++) {
    const y = yearOfKey(table.keys[r]!);
    if (y < from || y > to) continue;
    if (setChangeText(setChange(table, r, r - 1)) !== '') n++;
  }
  return n;
}
