/**
 * Reader of the Correlates of War Dyadic Trade data set (v3.0, v4.0 and the rounded v4.0 copy
 * of peacesciencer): undirected rows `ccode1, ccode2, year, flow1, flow2[, smoothflow1,
 * smoothflow2, …]` where `flow1` = imports of ccode1 from ccode2 and `flow2` = imports of
 * ccode2 from ccode1, current million USD (Barbieri, Keshk & Pollins 2009).
 *
 * Missing flows — `-9` (COW's code), an empty cell (peacesciencer) or `NA` (an R export) —
 * stay missing, never 0. A dyad-year absent from the file is unknown too: neither the v3.0
 * copy (rows with a missing flow were dropped) nor the v4.0 copy (rows with all flows
 * missing were dropped) lists every pair, so `zeroInsideCoverage` is false for both.
 *
 * The files are large (540k and 674k rows). They are read by a byte-level scanner over the
 * gunzipped buffer that never builds a string per cell; the moment a `"` (or a bare CR)
 * appears, the whole file is read again with the general csv-parse reader, which handles
 * quoting. Both paths give identical columns (tested on the real files).
 */
import type { Crosswalk } from '../../domain/crosswalk.js';
import { iso3Index } from '../../domain/country.js';
import type { YearRange } from '../../domain/year.js';
import { InputError, UnknownCountryError } from '../../domain/errors.js';
import { FlowListBuilder, NO_FLOWS } from './flow-list.js';
import type { TradeFlowSet } from './trade-flow-set.js';
import { readBytes } from '../../format/open-text.js';
import { MAX_RECORD_BYTES, recordTooLongError, recordTooLongMessage } from '../../format/record-size.js';
import { ProblemList } from '../../domain/problem-list.js';
import { checkWidth, indexHeader, parseNumberCell, parseYearCell, READABLE_YEARS, type CsvRow, withCsvRows } from '../../format/read-csv.js';
import { YEAR_SPAN } from '../../domain/dyad-year-key.js';

/**
 * Which COW flow columns are read: the raw flows or COW's smoothed ones (v4.0 only).
 * @example const kind: CowFlowKind = 'smoothed';
 */
export type CowFlowKind = 'raw' | 'smoothed';

/**
 * Names of the flow kinds, the default first.
 * @example COW_FLOW_KINDS[0] // 'raw'
 */
export const COW_FLOW_KINDS: readonly CowFlowKind[] = ['raw', 'smoothed'];

/**
 * The usable rows of a COW dyadic trade file, column by column (row `i` of every array is one
 * file row). A missing flow is `NaN` here — only inside this reader; it never becomes 0.
 * @example const c = await readCowTradeColumns(path, 'raw');
 * [c.ccode1[0], c.ccode2[0], c.year[0], c.flow1[0]] // [2, 20, 1920, 612]
 */
export interface CowTradeColumns {
  readonly count: number;
  /** 1-based physical line of each row. */
  readonly line: Int32Array;
  readonly ccode1: Int32Array;
  readonly ccode2: Int32Array;
  readonly year: Int32Array;
  /** Imports of ccode1 from ccode2 (million USD), `NaN` = missing. */
  readonly flow1: Float64Array;
  /** Imports of ccode2 from ccode1 (million USD), `NaN` = missing. */
  readonly flow2: Float64Array;
  /** Rows of non-state entities COW codes with a decimal (v3.0: `710.1` = Hong Kong), skipped. */
  readonly skippedEntities: ReadonlyMap<string, number>;
}

const FLOW_COLUMNS: Readonly<Record<CowFlowKind, readonly [string, string]>> = {
  raw: ['flow1', 'flow2'],
  smoothed: ['smoothflow1', 'smoothflow2'],
};

// ---------------------------------------------------------------------------------------------
// Cell rules, shared by both paths so that they accept, reject and report exactly alike.

type CodeCell = number | 'entity' | 'invalid';

/** A COW code cell: an integer; `710.1`-style codes are COW's non-state alternative entities. */
function codeFromText(text: string): CodeCell {
  const t = text.trim();
  if (/^\d{1,4}$/.test(t)) return Number(t);
  if (/^\d{1,4}\.\d+$/.test(t)) return 'entity';
  return 'invalid';
}

function yearFromText(text: string): number | 'invalid' {
  return parseYearCell(text) ?? 'invalid';
}

/** A flow cell: a number ≥ 0; `-9`, `NA` and empty are missing (`NaN`). */
function flowFromText(text: string): number | 'invalid' {
  const t = text.trim();
  if (t === '' || t === 'NA') return NaN;
  const v = parseNumberCell(t);
  if (v === 'invalid' || v === null) return 'invalid';
  if (v === -9) return NaN;
  if (v < 0) return 'invalid';
  return v;
}

const CODE_MSG = (t: string) => `expected a numeric COW state code (e.g. 365), got "${t.trim()}"`;
const YEAR_MSG = (t: string) => `expected a four-digit year (${READABLE_YEARS.from}–${READABLE_YEARS.to}), got "${t.trim()}"`;
const FLOW_MSG = (t: string) => `expected a trade flow in million USD (a number ≥ 0; -9, NA or an empty cell for missing), got "${t.trim()}"`;

/** Collects the columns row by row, growing typed arrays. */
class ColumnsBuilder {
  count = 0;
  private cap: number;
  line: Int32Array;
  c1: Int32Array;
  c2: Int32Array;
  year: Int32Array;
  f1: Float64Array;
  f2: Float64Array;
  readonly skipped = new Map<string, number>();

  constructor(capacity: number) {
    this.cap = Math.max(16, capacity);
    this.line = new Int32Array(this.cap);
    this.c1 = new Int32Array(this.cap);
    this.c2 = new Int32Array(this.cap);
    this.year = new Int32Array(this.cap);
    this.f1 = new Float64Array(this.cap);
    this.f2 = new Float64Array(this.cap);
  }

  push(line: number, c1: number, c2: number, year: number, f1: number, f2: number): void {
    if (this.count === this.cap) this.grow();
    const i = this.count++;
    this.line[i] = line;
    this.c1[i] = c1;
    this.c2[i] = c2;
    this.year[i] = year;
    this.f1[i] = f1;
    this.f2[i] = f2;
  }

  skip(entity: string): void {
    this.skipped.set(entity, (this.skipped.get(entity) ?? 0) + 1);
  }

  private grow(): void {
    this.cap *= 2;
    const g = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(this.cap);
      b.set(a);
      return b;
    };
    this.line = g(this.line, (n) => new Int32Array(n));
    this.c1 = g(this.c1, (n) => new Int32Array(n));
    this.c2 = g(this.c2, (n) => new Int32Array(n));
    this.year = g(this.year, (n) => new Int32Array(n));
    this.f1 = g(this.f1, (n) => new Float64Array(n));
    this.f2 = g(this.f2, (n) => new Float64Array(n));
  }

  finish(): CowTradeColumns {
    const n = this.count;
    return {
      count: n,
      line: this.line.slice(0, n),
      ccode1: this.c1.slice(0, n),
      ccode2: this.c2.slice(0, n),
      year: this.year.slice(0, n),
      flow1: this.f1.slice(0, n),
      flow2: this.f2.slice(0, n),
      skippedEntities: new Map([...this.skipped].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))),
    };
  }
}

/** Positions of the needed columns, from the header; rejects `smoothed` without smoothed columns. */
function cowHeader(file: string, row: CsvRow | undefined, flows: CowFlowKind): { width: number; at: readonly [number, number, number, number, number] } {
  const [fa, fb] = FLOW_COLUMNS[flows];
  const names = row ? row.cells.map((c) => c.trim()) : [];
  if (flows === 'smoothed' && row && !(names.includes(fa) && names.includes(fb))) {
    throw new InputError([
      {
        file,
        line: row.line,
        message: `\`flows: smoothed\` needs the columns "${fa}" and "${fb}" (COW v4.0); this file has none (COW v3.0 has no smoothed flows) — set \`flows: raw\` in the source block`,
      },
    ]);
  }
  const h = indexHeader(file, row, ['ccode1', 'ccode2', 'year', fa, fb]);
  return { width: h.names.length, at: [h.at.get('ccode1')!, h.at.get('ccode2')!, h.at.get('year')!, h.at.get(fa)!, h.at.get(fb)!] };
}

/** Validates the five cells of one row given as text, and pushes it or reports it. */
function takeTextRow(out: ColumnsBuilder, problems: ProblemList, line: number, t1: string, t2: string, ty: string, tf1: string, tf2: string): void {
  const c1 = codeFromText(t1);
  const c2 = codeFromText(t2);
  const y = yearFromText(ty);
  const f1 = flowFromText(tf1);
  const f2 = flowFromText(tf2);
  if (c1 === 'invalid') problems.add(line, 'ccode1', CODE_MSG(t1));
  if (c2 === 'invalid') problems.add(line, 'ccode2', CODE_MSG(t2));
  if (y === 'invalid') problems.add(line, 'year', YEAR_MSG(ty));
  if (f1 === 'invalid') problems.add(line, 'flow1', FLOW_MSG(tf1));
  if (f2 === 'invalid') problems.add(line, 'flow2', FLOW_MSG(tf2));
  if (c1 === 'invalid' || c2 === 'invalid' || y === 'invalid' || f1 === 'invalid' || f2 === 'invalid') return;
  if (c1 === 'entity' || c2 === 'entity') {
    out.skip(c1 === 'entity' ? t1.trim() : t2.trim());
    return;
  }
  out.push(line, c1, c2, y, f1, f2);
}

// ---------------------------------------------------------------------------------------------
// Fast path: a byte-level scanner.

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** A plain integer of 1–4 digits from bytes, or -1 (then the text rules decide). */
function intFromBytes(b: Uint8Array, s: number, e: number, exactDigits: number): number {
  const n = e - s;
  if (n < 1 || n > 4 || (exactDigits > 0 && n !== exactDigits)) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = b[i]! - ZERO;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * A plain decimal `-?digits[.digits]` (≤ 15 digits) from bytes, exactly as `Number()` would
 * read it (an integer over a power of ten is correctly rounded), with the flow rules applied:
 * empty → NaN, -9 → NaN. Returns `undefined` for anything else (then the text rules decide).
 */
function flowFromBytes(b: Uint8Array, s: number, e: number): number | undefined {
  if (s === e) return NaN;
  let i = s;
  let neg = false;
  if (b[i] === MINUS) {
    neg = true;
    i++;
  }
  let mant = 0;
  let digits = 0;
  let frac = 0;
  let dot = false;
  for (; i < e; i++) {
    const c = b[i]!;
    if (c === DOT) {
      if (dot) return undefined;
      dot = true;
      continue;
    }
    const d = c - ZERO;
    if (d < 0 || d > 9) return undefined;
    mant = mant * 10 + d;
    digits++;
    if (dot) frac++;
  }
  if (digits === 0 || digits > 15) return undefined;
  const v = frac === 0 ? mant : mant / POW10[frac]!;
  if (!neg) return v;
  if (v === 9) return NaN;
  return v === 0 ? -0 : undefined; // other negatives: let the text rules report them
}

/**
 * Scans a COW dyadic trade file held in memory (already gunzipped) without building strings
 * per cell. Returns `null` when the file needs the general CSV reader: a `"` anywhere, or a
 * bare CR line end.
 * @throws {InputError} with every bad row (ragged rows, bad codes, years or flows).
 * @example
 * const cols = scanCowTradeBytes(await readBytes(path), path, 'raw');
 * cols?.flow2[0] // imports of ccode2 from ccode1 on the first row
 */
export function scanCowTradeBytes(bytes: Uint8Array, file: string, flows: CowFlowKind): CowTradeColumns | null {
  if (bytes.indexOf(QUOTE) !== -1) return null;
  const n = bytes.length;
  let pos = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 1;
  const decoder = new TextDecoder('utf-8');
  const text = (s: number, e: number) => decoder.decode(bytes.subarray(s, e));
  // header: the first non-empty line
  let header: CsvRow | undefined;
  while (pos < n && header === undefined) {
    let end = bytes.indexOf(LF, pos);
    if (end === -1) end = n;
    let stop = end;
    if (stop > pos && bytes[stop - 1] === CR) stop--;
    if (bytes.subarray(pos, stop).includes(CR)) return null;
    if (stop - pos > MAX_RECORD_BYTES) throw recordTooLongError(file, line);
    if (stop > pos) header = { line, cells: text(pos, stop).split(',') };
    pos = end + 1;
    line++;
  }
  const { width, at } = cowHeader(file, header, flows);
  // role of each column: 0 ignored, 1 ccode1, 2 ccode2, 3 year, 4 flow A, 5 flow B
  const role = new Int8Array(width);
  at.forEach((col, r) => (role[col] = r + 1));
  const problems = new ProblemList(file);
  const out = new ColumnsBuilder(Math.ceil(n / 24));
  const fs = new Int32Array(width + 1); // field starts
  const fe = new Int32Array(width + 1); // field ends
  while (pos < n) {
    let end = bytes.indexOf(LF, pos);
    if (end === -1) end = n;
    let stop = end;
    if (stop > pos && bytes[stop - 1] === CR) stop--;
    if (stop === pos) {
      pos = end + 1;
      line++;
      continue;
    }
    if (stop - pos > MAX_RECORD_BYTES) {
      problems.add(line, undefined, recordTooLongMessage());
      break;
    }
    let field = 0;
    let start = pos;
    for (let i = pos; i < stop; i++) {
      const c = bytes[i]!;
      if (c === COMMA) {
        if (field < width) {
          fs[field] = start;
          fe[field] = i;
        }
        field++;
        start = i + 1;
      } else if (c === CR) return null;
    }
    if (field < width) {
      fs[field] = start;
      fe[field] = stop;
    }
    field++;
    if (field !== width) {
      checkWidth(problems, { line, cells: text(pos, stop).split(',') }, width);
    } else {
      const [i1, i2, iy, ia, ib] = at;
      const c1 = intFromBytes(bytes, fs[i1]!, fe[i1]!, 0);
      const c2 = intFromBytes(bytes, fs[i2]!, fe[i2]!, 0);
      const y = intFromBytes(bytes, fs[iy]!, fe[iy]!, 4);
      const f1 = flowFromBytes(bytes, fs[ia]!, fe[ia]!);
      const f2 = flowFromBytes(bytes, fs[ib]!, fe[ib]!);
      if (c1 >= 0 && c2 >= 0 && y >= READABLE_YEARS.from && y <= READABLE_YEARS.to && f1 !== undefined && f2 !== undefined) out.push(line, c1, c2, y, f1, f2);
      else {
        const t = (k: number) => text(fs[k]!, fe[k]!);
        takeTextRow(out, problems, line, t(i1), t(i2), t(iy), t(ia), t(ib));
      }
    }
    pos = end + 1;
    line++;
  }
  problems.throwIfAny();
  return out.finish();
}

/**
 * Reads a COW dyadic trade file with the general csv-parse reader (handles quoted fields);
 * same result as {@link scanCowTradeBytes}, several times slower.
 * @throws {InputError} with every bad row.
 * @example
 * const cols = await parseCowTradeCsv('cow_trade.csv', 'raw');
 */
export async function parseCowTradeCsv(file: string, flows: CowFlowKind): Promise<CowTradeColumns> {
  return withCsvRows(file, async (rows) => {
    const first = await rows.next();
    const { width, at } = cowHeader(file, first.done ? undefined : first.value, flows);
    const [i1, i2, iy, ia, ib] = at;
    const problems = new ProblemList(file);
    const out = new ColumnsBuilder(1024);
    for await (const row of rows) {
      if (!checkWidth(problems, row, width)) continue;
      const c = row.cells;
      takeTextRow(out, problems, row.line, c[i1]!, c[i2]!, c[iy]!, c[ia]!, c[ib]!);
    }
    problems.throwIfAny();
    return out.finish();
  });
}

/**
 * Reads the rows of a COW dyadic trade file (plain or gzip): the byte scanner, or the CSV
 * reader when the file has quoted fields.
 * @throws {InputError} with every bad row.
 * @example
 * const cols = await readCowTradeColumns('cow_dyadic_trade_v4.0.csv.gz', 'smoothed');
 */
export async function readCowTradeColumns(file: string, flows: CowFlowKind): Promise<CowTradeColumns> {
  const bytes = await readBytes(file);
  return scanCowTradeBytes(bytes, file, flows) ?? (await parseCowTradeCsv(file, flows));
}

/**
 * Options of {@link readCowTrade}.
 * @example const o: ReadCowTradeOptions = { flows: 'raw', years: { from: 1990, to: 2014 } };
 */
export interface ReadCowTradeOptions {
  /** Raw (`flow1/2`, default) or smoothed (`smoothflow1/2`) flows. */
  readonly flows: CowFlowKind;
  /** Keep only these years (the file's coverage is still reported in full). */
  readonly years?: YearRange | null;
  /** Label of the source in notes (default: the file path). */
  readonly label?: string;
}

/**
 * Reads a COW dyadic trade file into directed flows reported by the importer (COW flows are
 * imports): `flow1` becomes ccode2 → ccode1, `flow2` ccode1 → ccode2. COW codes are resolved
 * with the year (`365` before 1992 is the USSR, reported as Russia by default succession).
 * When succession rules map two COW codes to one state in one year (North Yemen 678 and Yemen
 * 679 in 1990), both flows are kept and later summed (missing when a part is missing); a pair
 * that becomes one state is dropped and counted in the notes.
 * @throws {InputError} with every bad row: unknown COW code (with the closest known codes),
 * duplicate dyad-year, bad numbers, ragged rows.
 * @example
 * const set = await readCowTrade(path, crosswalk, { flows: 'raw' });
 * // set.importerReports holds RUS→IRN 2008 = 3668.02 (v3.0: Iran's imports from Russia)
 */
export async function readCowTrade(file: string, crosswalk: Crosswalk, options: ReadCowTradeOptions): Promise<TradeFlowSet> {
  const cols = await readCowTradeColumns(file, options.flows);
  return cowTradeFlowSet(cols, file, crosswalk, options);
}

/**
 * Turns the columns of a COW file into a {@link TradeFlowSet} (see {@link readCowTrade}).
 * @throws {InputError} for unknown codes and duplicate dyad-years.
 * @example
 * const set = cowTradeFlowSet(await readCowTradeColumns(path, 'raw'), path, crosswalk, { flows: 'raw' });
 */
export function cowTradeFlowSet(cols: CowTradeColumns, file: string, crosswalk: Crosswalk, options: ReadCowTradeOptions): TradeFlowSet {
  const problems = new ProblemList(file);
  const n = cols.count;
  const label = options.label ?? file;
  const [f1Name, f2Name] = FLOW_COLUMNS[options.flows];
  const dup = duplicateRows(cols);
  for (const [row, first] of dup) {
    problems.add(cols.line[row]!, undefined, `duplicate dyad-year ${cols.ccode1[row]}-${cols.ccode2[row]} ${cols.year[row]}: already given on line ${first} (pairs are unordered); keep one row`);
  }
  const cache = new Map<number, number | UnknownCountryError>();
  const resolve = (code: number, year: number): number | UnknownCountryError => {
    const k = code * YEAR_SPAN + year;
    let r = cache.get(k);
    if (r === undefined) {
      try {
        r = iso3Index(crosswalk.resolve('cow', String(code), year));
      } catch (e) {
        if (!(e instanceof UnknownCountryError)) throw e;
        r = e;
      }
      cache.set(k, r);
    }
    return r;
  };
  const yf = options.years ?? null;
  let from = Infinity;
  let to = -Infinity;
  const flows = new FlowListBuilder(2 * n);
  let selfPairs = 0;
  const selfExamples: string[] = [];
  let missing1 = 0;
  let missing2 = 0;
  for (let i = 0; i < n; i++) {
    const y = cols.year[i]!;
    if (y < from) from = y;
    if (y > to) to = y;
    const f1 = cols.flow1[i]!;
    const f2 = cols.flow2[i]!;
    if (f1 !== f1) missing1++;
    if (f2 !== f2) missing2++;
    if (dup.has(i)) continue;
    if (yf !== null && (y < yf.from || y > yf.to)) continue;
    const c1 = cols.ccode1[i]!;
    const c2 = cols.ccode2[i]!;
    const a = resolve(c1, y);
    const b = resolve(c2, y);
    if (typeof a !== 'number') problems.add(cols.line[i]!, 'ccode1', `${a.message} (in ${y}); the crosswalk lacks this COW code`);
    if (typeof b !== 'number') problems.add(cols.line[i]!, 'ccode2', `${b.message} (in ${y}); the crosswalk lacks this COW code`);
    if (typeof a !== 'number' || typeof b !== 'number') continue;
    if (a === b) {
      selfPairs++;
      if (selfExamples.length < 3) selfExamples.push(`${c1}-${c2} ${y}`);
      continue;
    }
    flows.pushIndex(b, a, y, f1); // flow1: imports of ccode1 (a) from ccode2 (b)
    flows.pushIndex(a, b, y, f2);
  }
  problems.throwIfAny();
  const notes = [
    `${label}: ${n} rows, ${from <= to ? `${from}–${to}` : 'no years'}; ${missing1} ${f1Name} and ${missing2} ${f2Name} cells missing (-9, NA or empty) kept missing, never 0`,
  ];
  if (selfPairs > 0) notes.push(`${label}: ${selfPairs} row(s) between two COW codes of one state dropped (e.g. ${selfExamples.join('; ')})`);
  for (const [entity, count] of cols.skippedEntities) notes.push(`${label}: ${count} row(s) of non-state entity code ${entity} skipped (COW v3.0 alternative flows: 710.1 = Hong Kong)`);
  return {
    label,
    importerReports: flows.finish(),
    exporterReports: NO_FLOWS,
    coverage: from <= to ? [{ from, to }] : [],
    completeFor: 'all',
    totals: null,
    notes,
  };
}

/** Rows repeating an earlier row's unordered code pair and year → the earlier row's line. */
function duplicateRows(cols: CowTradeColumns): Map<number, number> {
  const n = cols.count;
  const keyOf = (i: number) => {
    const x = cols.ccode1[i]!;
    const y = cols.ccode2[i]!;
    return (Math.min(x, y) * 10000 + Math.max(x, y)) * YEAR_SPAN + cols.year[i]!;
  };
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = keyOf(i);
  const sorted = keys.slice().sort();
  const dupKeys = new Set<number>();
  for (let i = 1; i < n; i++) if (sorted[i] === sorted[i - 1]) dupKeys.add(sorted[i]!);
  const out = new Map<number, number>();
  if (dupKeys.size === 0) return out;
  const firstLine = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (!dupKeys.has(k)) continue;
    const f = firstLine.get(k);
    if (f === undefined) firstLine.set(k, cols.line[i]!);
    else out.set(i, f);
  }
  return out;
}
