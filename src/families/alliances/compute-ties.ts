/**
 * From alliance dyad-year rows to one tie per pair and year: directed rows (A,B) and (B,A),
 * and several rows of one pair-year (several alliances, or two codes of one state such as
 * COW 255 and 260 in 1990), collapse to the maximum — the strongest obligation in force
 * between the two states, whoever owes it.
 * @module
 */
import type { Iso3 } from '../../domain/country.js';
import { DyadYearTable } from '../../domain/dyad-year-table.js';

/**
 * The rows of an alliance file after reading, column by column (row `i` of every array is one
 * row): the two states (never equal), the year, the obligation level (0–3, see
 * `obligation-scale.ts`) and the defence flag (0/1).
 * @example const r: AllianceRows = { count: 1, a: ['USA'], b: ['GBR'], year: Int32Array.of(1950), level: Uint8Array.of(3), defence: Uint8Array.of(1) } as AllianceRows;
 */
export interface AllianceRows {
  readonly count: number;
  readonly a: readonly Iso3[];
  readonly b: readonly Iso3[];
  readonly year: Int32Array;
  readonly level: Uint8Array;
  readonly defence: Uint8Array;
}

/** The undirected ties of a source: level and defence flag per listed pair-year. */
export interface AllianceTies {
  /** Strongest obligation per pair-year, 0–3 (only pair-years with a row). */
  readonly level: DyadYearTable;
  /** 1 when a defence obligation is in force, else 0 (same keys as `level`). */
  readonly defence: DyadYearTable;
  /** Pair-years whose two directions have a different level or defence flag (or one direction is absent). */
  readonly asymmetric: number;
}

/**
 * Collapses rows (of one or several sources) to undirected ties by the maximum over both
 * directions and every row of the pair-year: level = max level, defence = max flag. O(rows).
 * @example
 * const t = collapseTies([{ count: 2, a: ['PRT', 'USA'], b: ['USA', 'PRT'], year: Int32Array.of(1944, 1944), level: Uint8Array.of(0, 3), defence: Uint8Array.of(0, 1) } as AllianceRows]);
 * t.level.get('PRT' as Iso3, 'USA' as Iso3, 1944) // 3
 * t.asymmetric // 1
 */
export function collapseTies(sources: readonly AllianceRows[]): AllianceTies {
  const level = new DyadYearTable(false);
  const defence = new DyadYearTable(false);
  // per pair-year, the code (level·2 + defence) of each direction: A → B with A < B, and B → A
  const forward = new DyadYearTable(false);
  const backward = new DyadYearTable(false);
  for (const rows of sources) {
    for (let i = 0; i < rows.count; i++) {
      const a = rows.a[i]!;
      const b = rows.b[i]!;
      const lv = rows.level[i]!;
      const df = rows.defence[i]!;
      const key = level.key(a, b, rows.year[i]!);
      const l0 = level.getByKey(key);
      if (l0 === undefined || lv > l0) level.setByKey(key, lv);
      const d0 = defence.getByKey(key);
      if (d0 === undefined || df > d0) defence.setByKey(key, df);
      const direction = a < b ? forward : backward;
      const code = lv * 2 + df; // defence implies level 3, so the larger code has the larger level and flag
      const c0 = direction.getByKey(key);
      if (c0 === undefined || code > c0) direction.setByKey(key, code);
    }
  }
  let asymmetric = 0;
  for (const key of level.keys()) if (forward.getByKey(key) !== backward.getByKey(key)) asymmetric++;
  return { level, defence, asymmetric };
}
