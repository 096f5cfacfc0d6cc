/**
 * Readers of the Correlates of War IGO data (v3.0; Pevehouse et al. 2020):
 *
 * - {@link readCowIgoDyads}: the non-directed dyad-year counts distributed by peacesciencer
 *   (`cow_igo_ndy`): `ccode1`, `ccode2`, `year`, `dyadigos` = number of IGOs in which both states
 *   are full members. A complete panel of the state system's pairs, 1816–2014: a listed 0 is an
 *   observed zero, an absent pair-year is not covered.
 * - {@link readIgoStateYear}: COW's state-year file (`state_year_formatv3.csv`): `ccode`, `year`,
 *   `state`, then one column per IGO coded −9 missing, −1 not a state-system member, 0 not a
 *   member, 1 full member, 2 associate member, 3 observer. A state's total = its number of 1s
 *   (full memberships, as the dyadic counts count them).
 *
 * COW codes are read as of the row's year. Where the succession rules report two codes of one
 * year as one state (COW 255 and 260 are both Germany in 1990), the larger value is kept.
 * @module
 */
import type { Crosswalk } from '../../domain/crosswalk.js';
import type { Iso3 } from '../../domain/country.js';
import { DyadYearTable } from '../../domain/dyad-year-table.js';
import { PackedKeyMap } from '../../domain/packed-key-map.js';
import { UnknownCountryError } from '../../domain/errors.js';
import { StateYearTable } from '../../domain/state-year-table.js';
import { ProblemList } from '../../domain/problem-list.js';
import { checkWidth, indexHeader, parseYearCell, READABLE_YEARS, withCsvRows, type CsvRow } from '../../format/read-csv.js';
import { YEAR_SPAN } from '../../domain/dyad-year-key.js';

/** The dyad-year counts of a COW IGO file, with the years they cover. */
export interface CowIgoDyads {
  readonly counts: DyadYearTable;
  /** The years with at least one listed pair (the file's coverage). */
  readonly years: readonly number[];
  readonly rows: number;
  /** Rows with a missing count (empty, NA, −9): not covered, never 0. */
  readonly missing: number;
  /** Pair-years listed under two code pairs that the succession rules report as one pair (the larger count kept). */
  readonly merged: number;
  /** Rows whose two codes are one state after the succession rules (e.g. 255–260 in 1990), skipped. */
  readonly selfPairs: number;
}

/** The total full memberships per state-year from COW's state-year file. */
export interface IgoStateYearTotals {
  readonly totals: StateYearTable;
  /** Number of IGO columns in the file. */
  readonly organisations: number;
  /** State-years with at least one IGO coded −9 (missing): their total counts only the known full memberships. */
  readonly withMissing: number;
  /** State-years given under two codes that are one state after the succession rules (the larger total kept). */
  readonly merged: number;
}

const YEAR_MSG = (t: string) => `expected a four-digit year (${READABLE_YEARS.from}–${READABLE_YEARS.to}), got "${t.trim()}"`;

/** Resolves a COW code at a year, or records the problem. */
function resolver(crosswalk: Crosswalk, problems: ProblemList) {
  return (row: CsvRow, column: string, raw: string, year: number | undefined): Iso3 | null => {
    try {
      return crosswalk.resolve('cow', raw, year);
    } catch (e) {
      if (!(e instanceof UnknownCountryError)) throw e;
      problems.add(row.line, column, `${e.message}; expected a COW state code${year === undefined ? '' : ` of ${year}`}`);
      return null;
    }
  };
}

/**
 * Reads the COW IGO dyad-year counts (plain or gzip). Every bad row is reported together:
 * ragged rows, bad years, unknown COW codes (with the closest ones), counts that are not whole
 * numbers ≥ 0, a state paired with itself, a pair-year given twice.
 * @throws {InputError} with every problem of the file.
 * @example
 * const f = await readCowIgoDyads('cow_igo_ndy.csv.gz', createCrosswalk());
 * f.counts.get('IRN' as Iso3, 'RUS' as Iso3, 2012) // 39
 */
export async function readCowIgoDyads(file: string, crosswalk: Crosswalk): Promise<CowIgoDyads> {
  const problems = new ProblemList(file);
  const resolve = resolver(crosswalk, problems);
  return withCsvRows(file, async (rows) => {
    const first = await rows.next();
    const header = indexHeader(file, first.done ? undefined : first.value, ['ccode1', 'ccode2', 'year', 'dyadigos']);
    const [i1, i2, iy, ic] = ['ccode1', 'ccode2', 'year', 'dyadigos'].map((c) => header.at.get(c)!) as [number, number, number, number];
    const counts = new DyadYearTable(false);
    // (smaller code·10⁴ + larger code)·4096 + year → line: the same codes twice is a duplicate;
    // a new code pair on a known pair-year is two codes of one state (merged)
    const lineOfCodes = new PackedKeyMap();
    const years = new Set<number>();
    let n = 0;
    let missing = 0;
    let merged = 0;
    let selfPairs = 0;
    for await (const row of rows) {
      n++;
      if (!checkWidth(problems, row, header.names.length)) continue;
      const c = row.cells;
      const year = parseYearCell(c[iy]!);
      if (year === null) problems.add(row.line, 'year', YEAR_MSG(c[iy]!));
      const a = resolve(row, 'ccode1', c[i1]!, year ?? undefined);
      const b = resolve(row, 'ccode2', c[i2]!, year ?? undefined);
      const t = c[ic]!.trim();
      let count: number | null = null;
      if (/^\d{1,6}$/.test(t)) count = Number(t);
      else if (!(t === '' || t === 'NA' || t === '-9')) problems.add(row.line, 'dyadigos', `expected the number of shared IGOs (a whole number ≥ 0; empty, NA or -9 for missing), got "${t}"`);
      const bad = year === null || a === null || b === null || (count === null && !(t === '' || t === 'NA' || t === '-9'));
      if (bad) continue;
      const code1 = Number.parseInt(c[i1]!, 10);
      const code2 = Number.parseInt(c[i2]!, 10);
      if (a === b) {
        if (code1 === code2) problems.add(row.line, 'ccode2', `a pair needs two different states, got ${code1} twice`);
        else selfPairs++;
        continue;
      }
      years.add(year);
      if (count === null) {
        missing++;
        continue;
      }
      const x = Math.min(code1, code2);
      const y = Math.max(code1, code2);
      const codeKey = (x * 10_000 + y) * YEAR_SPAN + year;
      const prev = lineOfCodes.get(codeKey);
      if (prev !== undefined) {
        problems.add(row.line, undefined, `pair-year ${x}-${y} ${year} is already given on line ${prev}; keep one row`);
        continue;
      }
      lineOfCodes.set(codeKey, row.line);
      const key = counts.key(a, b, year);
      const before = counts.getByKey(key);
      if (before !== undefined) merged++;
      counts.setByKey(key, before === undefined ? count : Math.max(before, count));
    }
    problems.throwIfAny();
    return { counts, years: [...years].sort((x, y) => x - y), rows: n, missing, merged, selfPairs };
  });
}

/** Columns of the state-year file that are not IGOs. */
const STATE_YEAR_META = new Set(['ccode', 'year', 'state', 'country', 'stateabb', 'statenme']);

/** The codes of an IGO cell. */
const IGO_CODES = new Set(['-9', '-1', '0', '1', '2', '3']);

/**
 * Reads COW's IGO state-year file (plain or gzip) into each state's number of full
 * memberships per year. Every bad row is reported together: ragged rows, bad years, unknown
 * COW codes, IGO cells other than −9, −1, 0, 1, 2, 3, a state-year given twice.
 * @throws {InputError} with every problem of the file.
 * @example
 * const t = await readIgoStateYear('state_year_formatv3.csv', createCrosswalk());
 * t.totals.get('USA' as Iso3, 2000) // the number of IGOs the USA was a full member of in 2000
 */
export async function readIgoStateYear(file: string, crosswalk: Crosswalk): Promise<IgoStateYearTotals> {
  const problems = new ProblemList(file);
  const resolve = resolver(crosswalk, problems);
  return withCsvRows(file, async (rows) => {
    const first = await rows.next();
    const header = indexHeader(file, first.done ? undefined : first.value, ['ccode', 'year']);
    const ic = header.at.get('ccode')!;
    const iy = header.at.get('year')!;
    const igo = header.names.flatMap((n, i) => (STATE_YEAR_META.has(n) ? [] : [i]));
    if (igo.length === 0) problems.add(first.done ? 0 : first.value.line, undefined, 'no IGO columns after ccode, year, state: expected COW\'s state_year_formatv3 layout (one column per IGO)');
    const totals = new StateYearTable();
    const seen = new Map<string, { line: number; code: string }>();
    let withMissing = 0;
    let merged = 0;
    for await (const row of rows) {
      if (!checkWidth(problems, row, header.names.length)) continue;
      const c = row.cells;
      const year = parseYearCell(c[iy]!);
      if (year === null) problems.add(row.line, 'year', YEAR_MSG(c[iy]!));
      const s = resolve(row, 'ccode', c[ic]!, year ?? undefined);
      let full = 0;
      let missing = false;
      let ok = true;
      for (const i of igo) {
        const t = c[i]!.trim();
        if (t === '1') full++;
        else if (t === '-9') missing = true;
        else if (!IGO_CODES.has(t)) {
          problems.add(row.line, header.names[i]!, `expected an IGO membership code (-9 missing, -1 not a system member, 0 no, 1 full, 2 associate, 3 observer), got "${t}"`);
          ok = false;
        }
      }
      if (year === null || s === null || !ok) continue;
      const key = `${s} ${year}`;
      const prev = seen.get(key);
      const code = c[ic]!.trim();
      if (prev !== undefined) {
        if (prev.code === code) {
          problems.add(row.line, undefined, `COW ${code} in ${year} is already given on line ${prev.line}; keep one row`);
          continue;
        }
        merged++;
        if (full > totals.get(s, year)!) totals.set(s, year, full);
        continue;
      }
      seen.set(key, { line: row.line, code });
      if (missing) withMissing++;
      totals.set(s, year, full);
    }
    problems.throwIfAny();
    return { totals, organisations: igo.length, withMissing, merged };
  });
}
