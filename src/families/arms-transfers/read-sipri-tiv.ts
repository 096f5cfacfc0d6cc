import { SMALL_TIV } from './small-tiv.js';
import type { TivPairRow, TivPairsTable, TivSupplierTotal, TivTotalsRow, TivTotalsTable } from './tiv-table.js';
import { InputError } from '../../domain/errors.js';
import { readBytes, type TextEncoding } from '../../format/open-text.js';
import { ProblemList } from '../../domain/problem-list.js';
import { READABLE_YEARS } from '../../format/read-csv.js';
import { decodeAuto, splitLines } from './read-sipri-register.js';
import { checkLineLengths } from '../../format/record-size.js';

/** Options of the TIV table readers. */
export interface ReadSipriTivOptions {
  /** Text encoding; detected when absent (valid UTF-8 → `utf8`, else `latin1`). */
  readonly encoding?: TextEncoding | undefined;
}

/** First header cell of each totals table (SIPRI's raw and cleaned exports). */
const TOTALS_FIRST_CELL: Readonly<Record<'importers' | 'exporters', readonly string[]>> = {
  importers: ['Recipient', 'Imports by'],
  exporters: ['Exports by'],
};

/** First cells a TIV table header may start with. */
const HEADER_FIRST_CELLS: ReadonlySet<string> = new Set(['Recipient', 'Supplier', 'Imports by', 'Exports by']);

const WORLD_ROW = /^Total world (import|export)s?$/i;
const SUPPLIER_TOTAL_ROW = /^Total exports from (.+)$/;
const YEAR = /^\d{4}$/;

/**
 * Parses one TIV cell: empty → null (no deliveries identified); SIPRI's `0` or `0 ` (more
 * than 0, less than 0.5) → {@link SMALL_TIV}; else the number (≥ 0).
 * @example parseTivCell('0 ') // 0.25
 * @example parseTivCell('') // null
 * @example parseTivCell('424') // 424
 */
export function parseTivCell(cell: string): number | null | 'invalid' {
  const t = cell.trim();
  if (t === '') return null;
  if (!/^\d+(\.\d+)?$/.test(t)) return 'invalid';
  const v = Number(t);
  return v === 0 ? SMALL_TIV : v;
}

/**
 * Reads a SIPRI importer or exporter TIV table (raw with SIPRI's note lines, or cleaned):
 * one row per country with its total TIV per year; the `Total world …` row is kept apart;
 * summary columns (`1950-2024`, `Percentage`, …) are ignored. `0 ` (with SIPRI's trailing
 * space) is read as {@link SMALL_TIV}, an empty cell as absent.
 * @throws {InputError} listing every bad row, or when the file is not the table asked for.
 * @example
 * const imp = await readSipriTivTotals('sipri_tiv_importers_1950-2024.csv.gz', 'importers');
 * imp.rows.find((r) => r.name === 'Iran')?.values.get(2016) // 413
 */
export async function readSipriTivTotals(path: string, kind: 'importers' | 'exporters', options: ReadSipriTivOptions = {}): Promise<TivTotalsTable> {
  const { text } = decodeAuto(await readBytes(path), path, options.encoding);
  return parseSipriTivTotals(text, path, kind);
}

/**
 * Parses the text of an importer or exporter table (see {@link readSipriTivTotals}).
 * @example parseSipriTivTotals('Recipient,2023\nIran,21\n', 'imp.csv', 'importers').rows[0]?.values.get(2023) // 21
 */
export function parseSipriTivTotals(text: string, path: string, kind: 'importers' | 'exporters'): TivTotalsTable {
  const lines = splitLines(text);
  checkLineLengths(lines, path);
  const h = findTableHeader(lines, 0);
  if (h === null) {
    throw new InputError([{ file: path, line: 0, message: `no TIV table header (a first cell like "${TOTALS_FIRST_CELL[kind][0]}" followed by year columns such as 1950,1951,…) found` }]);
  }
  const first = h.cells[0]!.trim();
  if (first === 'Supplier' && h.cells[1]?.trim() === 'Recipient') {
    throw new InputError([{ file: path, line: h.index + 1, message: 'the header starts with "Supplier,Recipient": this is a supplier→recipient table; set `table: pairs`' }]);
  }
  if (!TOTALS_FIRST_CELL[kind].includes(first)) {
    const other = kind === 'importers' ? 'exporters' : 'importers';
    const hint = TOTALS_FIRST_CELL[other].includes(first) ? `; this looks like an ${other} table: set \`table: ${other}\`` : '';
    throw new InputError([{ file: path, line: h.index + 1, message: `the header starts with "${first}", expected "${TOTALS_FIRST_CELL[kind][0]}" for an ${kind} table${hint}` }]);
  }
  const problems = new ProblemList(path);
  checkYearColumns(h, problems);
  const rows: TivTotalsRow[] = [];
  let world: TivTotalsRow | null = null;
  for (let i = h.index + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const cells = line.split(',');
    const name = cells[0]!.trim();
    if (SUPPLIER_TOTAL_ROW.test(name)) {
      throw new InputError([{ file: path, line: i + 1, message: `"${name}" is a per-supplier table's total row; this file is a supplier→recipient table: set \`table: pairs\`` }]);
    }
    if (cells.length !== h.cells.length) {
      problems.add(i + 1, undefined, `expected ${h.cells.length} fields like the header, found ${cells.length}`);
      continue;
    }
    if (name === '') {
      problems.add(i + 1, h.cells[0]!.trim(), 'empty name');
      continue;
    }
    const values = yearValues(cells, h.yearColumns, i + 1, problems);
    const row: TivTotalsRow = { line: i + 1, name, values };
    if (WORLD_ROW.test(name)) world = row;
    else rows.push(row);
  }
  problems.throwIfAny();
  return { kind, years: h.yearColumns.map((c) => c.year), coveredYears: covered(h.yearColumns.map((c) => c.year), [...rows, ...(world ? [world] : [])].map((r) => r.values)), rows, world };
}

/**
 * Reads a SIPRI supplier → recipient TIV table by year: either SIPRI's per-supplier export
 * tables as downloaded (one block per supplier, each with its notes, a `Recipient,<years>,…`
 * header, one row per recipient and a final `Total exports from <Supplier>` row that names
 * the block's supplier; empty blocks are skipped) or a cleaned single table with a leading
 * `Supplier` column. `0 ` is read as {@link SMALL_TIV}.
 * @throws {InputError} listing every bad row (a block without its total row, bad numbers …).
 * @example
 * const pairs = await readSipriTivPairs('sipri_tiv_2024_by_supplier.csv.gz');
 * pairs.rows.find((r) => r.supplier === 'Russia' && r.recipient === 'Iran')?.value // 42
 */
export async function readSipriTivPairs(path: string, options: ReadSipriTivOptions = {}): Promise<TivPairsTable> {
  const { text } = decodeAuto(await readBytes(path), path, options.encoding);
  return parseSipriTivPairs(text, path);
}

/**
 * Parses the text of a pair table (see {@link readSipriTivPairs}).
 * @example parseSipriTivPairs('Supplier,Recipient,2024\nRussia,Iran,42\n', 'p.csv').rows[0]?.value // 42
 */
export function parseSipriTivPairs(text: string, path: string): TivPairsTable {
  const lines = splitLines(text);
  checkLineLengths(lines, path);
  const problems = new ProblemList(path);
  const rows: TivPairRow[] = [];
  const totals: TivSupplierTotal[] = [];
  let years: number[] | null = null;
  let start = 0;
  let blocks = 0;
  for (;;) {
    const h = findTableHeader(lines, start);
    if (h === null) break;
    blocks++;
    checkYearColumns(h, problems);
    const hYears = h.yearColumns.map((c) => c.year);
    if (years === null) years = hYears;
    else if (hYears.join(',') !== years.join(',')) {
      problems.add(h.index + 1, undefined, `this block's years (${hYears.join(', ')}) differ from the first block's (${years.join(', ')}); export every supplier for the same years`);
    }
    const first = h.cells[0]!.trim();
    const withSupplier = first === 'Supplier';
    if (!withSupplier && first !== 'Recipient') {
      throw new InputError([{ file: path, line: h.index + 1, message: `the header starts with "${first}", expected "Recipient" (SIPRI per-supplier tables) or "Supplier,Recipient" (one table)` }]);
    }
    if (withSupplier && h.cells[1]?.trim() !== 'Recipient') {
      throw new InputError([{ file: path, line: h.index + 1, message: `the second header cell must be "Recipient", got "${h.cells[1]?.trim() ?? ''}"` }]);
    }
    const pending: { line: number; recipient: string; values: ReadonlyMap<number, number> }[] = [];
    let i = h.index + 1;
    let closed = false;
    for (; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() === '') {
        if (!withSupplier) break;
        continue;
      }
      const cells = line.split(',');
      if (cells.length !== h.cells.length) {
        problems.add(i + 1, undefined, `expected ${h.cells.length} fields like the header, found ${cells.length}`);
        continue;
      }
      const supplierCell = withSupplier ? cells[0]!.trim() : null;
      const recipient = cells[withSupplier ? 1 : 0]!.trim();
      const values = yearValues(cells, h.yearColumns, i + 1, problems);
      const total = SUPPLIER_TOTAL_ROW.exec(recipient);
      if (total) {
        const supplier = total[1]!.trim();
        if (supplierCell !== null && supplierCell !== supplier) {
          problems.add(i + 1, 'Supplier', `the row says "${recipient}" but the Supplier column says "${supplierCell}"`);
        }
        for (const [year, value] of values) totals.push({ line: i + 1, supplier, year, value });
        if (!withSupplier) {
          for (const p of pending) for (const [year, value] of p.values) rows.push({ line: p.line, supplier, recipient: p.recipient, year, value });
          pending.length = 0;
          closed = true;
          i++;
          break;
        }
        continue;
      }
      if (recipient === '' || supplierCell === '') {
        problems.add(i + 1, undefined, 'empty supplier or recipient name');
        continue;
      }
      if (supplierCell !== null) {
        for (const [year, value] of values) rows.push({ line: i + 1, supplier: supplierCell, recipient, year, value });
      } else pending.push({ line: i + 1, recipient, values });
    }
    if (!withSupplier && !closed && pending.length > 0) {
      problems.add(pending[0]!.line, undefined, `this block of ${pending.length} recipient row(s) has no "Total exports from <Supplier>" row, so its supplier is unknown; keep SIPRI's total row or add a Supplier column`);
    }
    start = i;
  }
  if (blocks === 0 || years === null) {
    throw new InputError([{ file: path, line: 0, message: 'no pair-table header ("Recipient,<year>,…" per supplier, or "Supplier,Recipient,<year>,…") found' }]);
  }
  problems.throwIfAny();
  const byYear = new Set<number>();
  for (const r of rows) byYear.add(r.year);
  for (const t of totals) byYear.add(t.year);
  return { years, coveredYears: years.filter((y) => byYear.has(y)), rows, supplierTotals: totals };
}

interface TableHeader {
  readonly index: number;
  readonly cells: readonly string[];
  readonly yearColumns: readonly { readonly col: number; readonly year: number }[];
}

/** The next line at or after `from` that looks like a TIV table header: a name cell, then year columns. */
function findTableHeader(lines: readonly string[], from: number): TableHeader | null {
  for (let i = from; i < lines.length; i++) {
    const cells = lines[i]!.split(',');
    if (cells.length < 2 || !HEADER_FIRST_CELLS.has(cells[0]!.trim())) continue;
    const yearColumns: { col: number; year: number }[] = [];
    cells.forEach((c, col) => {
      const t = c.trim();
      if (YEAR.test(t)) yearColumns.push({ col, year: Number(t) });
    });
    if (yearColumns.length > 0) return { index: i, cells, yearColumns };
  }
  return null;
}

/** Reports year columns outside the years a reader accepts (a header cell like 9999 or 0000). */
function checkYearColumns(h: TableHeader, problems: ProblemList): void {
  for (const { col, year } of h.yearColumns) {
    if (year < READABLE_YEARS.from || year > READABLE_YEARS.to) {
      problems.add(h.index + 1, col + 1, `the year column "${h.cells[col]!.trim()}" is outside ${READABLE_YEARS.from}–${READABLE_YEARS.to}; fix the header`);
    }
  }
}

function yearValues(cells: readonly string[], cols: TableHeader['yearColumns'], line: number, problems: ProblemList): Map<number, number> {
  const out = new Map<number, number>();
  for (const { col, year } of cols) {
    const v = parseTivCell(cells[col]!);
    if (v === 'invalid') problems.add(line, String(year), `expected a TIV value (a number ≥ 0, "0" for less than 0.5) or an empty cell, got "${cells[col]}"`);
    else if (v !== null) out.set(year, v);
  }
  return out;
}

function covered(years: readonly number[], values: readonly ReadonlyMap<number, number>[]): number[] {
  return years.filter((y) => values.some((v) => v.has(y)));
}
