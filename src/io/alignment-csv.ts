import { unpackKey } from '../domain/dyad-year-table.js';
import type { ScoreTable } from '../core/score.js';
import { formatFixed, formatInteger } from './format-number.js';

/** The header of `alignment.csv` for a scored table, in the order PRODUCT.md fixes. */
export function alignmentColumns(table: ScoreTable): string[] {
  const cols = ['state_a', 'state_b', 'year', 'index', 'coverage'];
  for (const id of table.ids) cols.push(`${id}_raw`, `${id}_norm`, `${id}_contrib`);
  for (const x of table.extras) cols.push(x.column);
  return cols;
}

/**
 * Writes a scored table as CSV text: one row per pair-year, `state_a < state_b`, numbers with
 * `precision` decimals, missing values as empty cells (never 0).
 * @example alignmentCsv(table, 6).split('\n')[0] // 'state_a,state_b,year,index,coverage,un_raw,un_norm,un_contrib'
 */
export function alignmentCsv(table: ScoreTable, precision: number): string {
  const parts: string[] = [alignmentColumns(table).join(',')];
  const n = table.keys.length;
  const m = table.ids.length;
  let lastPair = -1;
  let prefix = '';
  for (let r = 0; r < n; r++) {
    const key = table.keys[r]!;
    const year = key % 4096;
    const pair = (key - year) / 4096;
    if (pair !== lastPair) {
      const { a, b } = unpackKey(key);
      prefix = `${a},${b},`;
      lastPair = pair;
    }
    let line = prefix + year + ',' + formatFixed(table.index[r]!, precision) + ',' + formatFixed(table.coverage[r]!, precision);
    for (let i = 0; i < m; i++) {
      line += ',' + formatFixed(table.raw[i]![r]!, precision) + ',' + formatFixed(table.norm[i]![r]!, precision) + ',' + formatFixed(table.contrib[i]![r]!, precision);
    }
    for (const x of table.extras) line += ',' + (x.type === 'integer' ? formatInteger(x.values[r]!) : formatFixed(x.values[r]!, precision));
    parts.push(line);
  }
  return parts.join('\n') + '\n';
}

/**
 * The same table in wide form for spreadsheet users: one row per pair, one `index` column
 * per year (`y1990`, `y1991`, …).
 */
export function alignmentWideCsv(table: ScoreTable, precision: number): string {
  const years = new Set<number>();
  for (const k of table.keys) years.add(k % 4096);
  const ys = [...years].sort((a, b) => a - b);
  const pos = new Map(ys.map((y, i) => [y, i]));
  const lines = [['state_a', 'state_b', ...ys.map((y) => `y${y}`)].join(',')];
  let r = 0;
  const n = table.keys.length;
  while (r < n) {
    const pair = Math.floor(table.keys[r]! / 4096);
    const { a, b } = unpackKey(table.keys[r]!);
    const cells = new Array<string>(ys.length).fill('');
    while (r < n && Math.floor(table.keys[r]! / 4096) === pair) {
      cells[pos.get(table.keys[r]! % 4096)!] = formatFixed(table.index[r]!, precision);
      r++;
    }
    lines.push(`${a},${b},${cells.join(',')}`);
  }
  return lines.join('\n') + '\n';
}
