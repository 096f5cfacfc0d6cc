import { pairOfKey, unpackKey, yearOfKey } from '../domain/dyad-year-key.js';
import type { ScoreTable } from '../core/score.js';
import { formatFixed } from '../format/format-number.js';
import { AsciiWriter } from '../format/ascii-writer.js';

/** The header of `alignment.csv` for a scored table, in the order PRODUCT.md fixes. */
export function alignmentColumns(table: ScoreTable): string[] {
  const cols = ['state_a', 'state_b', 'year', 'index', ...(table.indexChained ? ['index_chained'] : []), 'coverage'];
  for (const id of table.ids) cols.push(`${id}_raw`, `${id}_norm`, `${id}_contrib`);
  for (const x of table.extras) cols.push(x.column);
  return cols;
}

/**
 * The columns `alignment.csv` holds under `--columns lean`: the same table without the
 * per-indicator columns (raw, normalised, contribution) and the families' extra columns — the
 * keys, `index`, `index_chained` (when the config scores it) and `coverage`, about a fifth of
 * the full file for two indicators. Every other report file is made from the full table.
 * @example alignmentColumns(leanTable(table)) // ['state_a', 'state_b', 'year', 'index', 'index_chained', 'coverage']
 */
export function leanTable(table: ScoreTable): ScoreTable {
  return { ...table, ids: [], raw: [], norm: [], contrib: [], weightUsed: [], extras: [], imputed: undefined };
}

/** The table whose columns `alignment.csv` holds for a run: {@link leanTable} under `--columns lean`, else all. */
export function csvTable(table: ScoreTable, columns: 'lean' | undefined): ScoreTable {
  return columns === 'lean' ? leanTable(table) : table;
}

/**
 * Writes a scored table as CSV bytes: one row per pair-year, `state_a < state_b`, numbers with
 * `precision` decimals, missing values as empty cells (never 0). Written straight into a byte
 * buffer (no string per row), so a million rows cost one buffer of their size.
 * @example alignmentCsvBytes(table, 6).toString().split('\n')[0] // 'state_a,state_b,year,index,coverage,un_raw,un_norm,un_contrib'
 */
export function alignmentCsvBytes(table: ScoreTable, precision: number): Buffer {
  const n = table.keys.length;
  const m = table.ids.length;
  const w = new AsciiWriter(alignmentColumns(table).join(',').length + 1 + n * (20 + (3 + 3 * m + table.extras.length) * (precision + 6)));
  writeAlignmentCsv(table, precision, w);
  return w.bytes();
}

/**
 * The same bytes as {@link alignmentCsvBytes}, handed to `sink` in chunks of about 1 MB (a
 * view valid only during the call): a report file written without holding the whole CSV.
 * @example writeAlignmentCsvChunks(table, 6, (chunk) => hash.update(chunk));
 */
export function writeAlignmentCsvChunks(table: ScoreTable, precision: number, sink: (chunk: Uint8Array) => void): void {
  const w = AsciiWriter.streaming(sink);
  writeAlignmentCsv(table, precision, w);
  w.flush();
}

function writeAlignmentCsv(table: ScoreTable, precision: number, w: AsciiWriter): void {
  const n = table.keys.length;
  w.text(alignmentColumns(table).join(','));
  w.byte(NL);
  const row = rowWriter(table, precision);
  for (let r = 0; r < n; r++) {
    row(w, r);
    w.byte(NL);
  }
}

/**
 * Writes row r of `alignment.csv` (without its line end): the one place the row's cells are
 * laid out. A cell equal to one just before it in the row (a normalised value equal to its raw
 * value under `normalise: none`, the chained index equal to the index, an extra column equal
 * to the previous one) is copied rather than formatted again: equal numbers have equal
 * cells (−0 and +0 included: neither is written with a sign).
 */
function rowWriter(table: ScoreTable, precision: number): (w: AsciiWriter, r: number) => void {
  const m = table.ids.length;
  const { keys, index, coverage, raw, norm, contrib } = table;
  const chained = table.indexChained;
  const extras = table.extras.map((x) => x.values);
  const integer = table.extras.map((x) => x.type === 'integer');
  // the longest a row can be: the keys, and per cell a comma and at most 25 digits, sign and point
  const rowMax = 32 + (3 + 3 * m + extras.length) * (precision + 27);
  return (w, r) => {
    w.reserve(rowMax);
    w.pairYear(keys[r]!);
    w.byte(COMMA);
    const x = index[r]!;
    const s = w.position;
    w.fixed(x, precision);
    if (chained) {
      const e = w.position;
      w.byte(COMMA);
      const c = chained[r]!;
      if (c === x) w.repeat(s, e);
      else w.fixed(c, precision);
    }
    w.byte(COMMA);
    w.fixed(coverage[r]!, precision);
    for (let i = 0; i < m; i++) {
      w.byte(COMMA);
      const v = raw[i]![r]!;
      const vs = w.position;
      w.fixed(v, precision);
      const ve = w.position;
      w.byte(COMMA);
      const u = norm[i]![r]!;
      if (u === v) w.repeat(vs, ve);
      else w.fixed(u, precision);
      w.byte(COMMA);
      w.fixed(contrib[i]![r]!, precision);
    }
    let prev = NaN;
    let ps = 0;
    let pe = 0;
    for (let c = 0; c < extras.length; c++) {
      w.byte(COMMA);
      const v = extras[c]![r]!;
      if (v === prev && integer[c] === integer[c - 1]) {
        w.repeat(ps, pe);
        continue;
      }
      ps = w.position;
      if (integer[c]) w.integer(v);
      else w.fixed(v, precision);
      pe = w.position;
      prev = v;
    }
  };
}

/**
 * The cells of row r of `alignment.csv` as strings, in {@link alignmentColumns} order (the
 * report page shows them): the same bytes the CSV has.
 * @example alignmentRowCells(table, 0, 6) // ['IRN', 'RUS', '2016', '70.216555', …]
 */
export function alignmentRowCells(table: ScoreTable, r: number, precision: number): string[] {
  const w = new AsciiWriter(256);
  rowWriter(table, precision)(w, r);
  return w.bytes().toString('latin1').split(',');
}

/** {@link alignmentCsvBytes} as a string (for small tables and tests). */
export function alignmentCsv(table: ScoreTable, precision: number): string {
  return alignmentCsvBytes(table, precision).toString('latin1');
}

const COMMA = 44;
const NL = 10;

/**
 * The same table in wide form for spreadsheet users: one row per pair, one `index` column
 * per year (`y1990`, `y1991`, …).
 */
export function alignmentWideCsv(table: ScoreTable, precision: number): string {
  const years = new Set<number>();
  for (const k of table.keys) years.add(yearOfKey(k));
  const ys = [...years].sort((a, b) => a - b);
  const pos = new Map(ys.map((y, i) => [y, i]));
  const lines = [['state_a', 'state_b', ...ys.map((y) => `y${y}`)].join(',')];
  let r = 0;
  const n = table.keys.length;
  while (r < n) {
    const pair = pairOfKey(table.keys[r]!);
    const { a, b } = unpackKey(table.keys[r]!);
    const cells = new Array<string>(ys.length).fill('');
    while (r < n && pairOfKey(table.keys[r]!) === pair) {
      cells[pos.get(yearOfKey(table.keys[r]!))!] = formatFixed(table.index[r]!, precision);
      r++;
    }
    lines.push(`${a},${b},${cells.join(',')}`);
  }
  return lines.join('\n') + '\n';
}
