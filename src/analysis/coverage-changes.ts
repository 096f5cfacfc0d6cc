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
import { pairRuns } from '../core/panel-keys.js';
import { pairOfKey, yearOfKey } from '../domain/dyad-year-key.js';
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
 * A set change as text: `+id` for each indicator entering, `−id` (ASCII `-`) for each leaving,
 * joined by `;`; empty when the set is the same.
 * @example setChangeText({ entered: ['events'], left: ['trade'] }) // '+events;-trade'
 */
export function setChangeText(c: SetChange): string {
  return [...c.entered.map((id) => `+${id}`), ...c.left.map((id) => `-${id}`)].join(';');
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

/** A year in which some drawn pair's indicator set changes. */
export interface SetChangeYear {
  readonly year: number;
  /** `+id`/`-id` items, sorted, over the pairs (see {@link setChangeText}). */
  readonly label: string;
}

/**
 * The years in which the indicator set of any of the given pairs changes from its previous
 * row, within `from`–`to`, with what entered and left (over those pairs). Rows of the pairs'
 * runs in the table; a pair's first row is no change.
 * @example setChangeYears(table, [row => pair RUS-USA], 1990, 2024) // [{ year: 2011, label: '-drills' }, { year: 2015, label: '-trade' }, …]
 */
export function setChangeYears(table: ScoreTable, pairs: ReadonlySet<number>, from: number, to: number): SetChangeYear[] {
  const runs = pairRuns(table.keys);
  const byYear = new Map<number, Set<string>>();
  for (let p = 0; p + 1 < runs.length; p++) {
    const start = runs[p]!;
    if (!pairs.has(pairOfKey(table.keys[start]!))) continue;
    for (let r = start + 1; r < runs[p + 1]!; r++) {
      const y = yearOfKey(table.keys[r]!);
      if (y < from || y > to) continue;
      const text = setChangeText(setChange(table, r, r - 1));
      if (text === '') continue;
      const items = byYear.get(y) ?? new Set<string>();
      for (const x of text.split(';')) items.add(x);
      byYear.set(y, items);
    }
  }
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, items]) => ({ year, label: [...items].sort().join(' ') }));
}
