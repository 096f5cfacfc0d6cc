/**
 * Reader of the criterion data sets of `entente validity`: published dyadic records of
 * antagonism between states, which a valid alignment index must score low. They are never
 * index inputs. One reader, one column mapping per format (the strategy table):
 *
 * - `td_rivalries` — Thompson & Dreyer's strategic rivalries (peacesciencer's
 *   `td_rivalries`): one row per rivalry with `ccode1`, `ccode2`, `styear`, `endyear`; every
 *   year from `styear` to `endyear` is a rivalry pair-year. The handbook ends in 2010, so an
 *   `endyear` of 2010 means "still going": the file's last year bounds its coverage.
 * - `cow_mid_ddydisps` — COW militarised interstate disputes, non-directed dyad-year
 *   (peacesciencer's `cow_mid_ddydisps`): one row per pair-year with a dispute, `ccode1`,
 *   `ccode2`, `year`; absence means no dispute within the file's years.
 *
 * Codes are COW state codes of the day, read through the crosswalk as of each year (365 is
 * the USSR before 1992 and Russia after; both are `RUS` under the default succession rules).
 * Years before 1816 predate the COW state system and are left out; the codes of a row that
 * ends before 1816 (Venice, 324) need only be well-formed.
 * @module
 */
import type { Crosswalk } from '../../../domain/crosswalk.js';
import type { Iso3 } from '../../../domain/country.js';
import { DyadYearTable } from '../../../domain/dyad-year-table.js';
import { UnknownCountryError } from '../../../domain/errors.js';
import { ProblemList } from '../../../domain/problem-list.js';
import { checkWidth, indexHeader, parseYearCell, READABLE_YEARS, withCsvRows, type CsvRow } from '../../../format/read-csv.js';
import type { YearRange } from '../../../domain/year.js';

/** The criterion formats. @example const f: CriterionFormat = 'td_rivalries'; */
export type CriterionFormat = 'td_rivalries' | 'cow_mid_ddydisps';

/** Names of the formats. @example CRITERION_FORMATS[0] // 'td_rivalries' */
export const CRITERION_FORMATS: readonly CriterionFormat[] = ['td_rivalries', 'cow_mid_ddydisps'];

/** The first year of the COW state system: earlier years are left out. */
export const FIRST_COW_YEAR = 1816;

/** How a format's rows become pair-years: the columns of the first and last year of a row. */
interface FormatMapping {
  readonly title: string;
  readonly from: string;
  readonly to: string;
}

/** One column mapping per format. */
const FORMATS: Readonly<Record<CriterionFormat, FormatMapping>> = {
  td_rivalries: { title: 'a Thompson & Dreyer rivalry file (one row per rivalry)', from: 'styear', to: 'endyear' },
  cow_mid_ddydisps: { title: 'a COW MID dyad-year file (one row per pair-year with a dispute)', from: 'year', to: 'year' },
};

/** The pair-years of a criterion file. */
export interface CriterionFile {
  /** Value 1 for every listed pair-year (undirected, canonical keys). */
  readonly pairYears: DyadYearTable;
  /** The years the file covers (its first to last year, from 1816), or null for a file without rows. */
  readonly years: YearRange | null;
  /** Rows read. */
  readonly rows: number;
  /** Rows wholly before 1816 (left out). */
  readonly beforeCow: number;
  /** Pair-years whose two codes are one state under the succession rules (skipped). */
  readonly merged: number;
}

/**
 * Reads a criterion file (plain or gzip). Every bad row is reported together (file, line,
 * column, what was wrong): ragged rows, years that are not four digits, a first year after
 * the last, codes the crosswalk does not know as COW state codes, a state paired with itself.
 * @throws {InputError} with every problem of the file.
 * @example (await readCriterionDyads('td_rivalries.csv.gz', createCrosswalk(), 'td_rivalries')).years // { from: 1816, to: 2010 }
 */
export async function readCriterionDyads(file: string, crosswalk: Crosswalk, format: CriterionFormat): Promise<CriterionFile> {
  const m = FORMATS[format];
  const problems = new ProblemList(file);
  return withCsvRows(file, async (rowsIn) => {
    const first = await rowsIn.next();
    const header = indexHeader(file, first.done ? undefined : first.value, [...new Set(['ccode1', 'ccode2', m.from, m.to])]);
    const [i1, i2, iFrom, iTo] = [header.at.get('ccode1')!, header.at.get('ccode2')!, header.at.get(m.from)!, header.at.get(m.to)!];
    const pairYears = new DyadYearTable(false);
    let from = Infinity;
    let to = -Infinity;
    let rows = 0;
    let merged = 0;
    let beforeCow = 0;
    const year = (row: CsvRow, column: string, raw: string): number | null => {
      const y = parseYearCell(raw);
      if (y === null) problems.add(row.line, column, `expected a four-digit year (${READABLE_YEARS.from}–${READABLE_YEARS.to}), got "${raw.trim()}"`);
      return y;
    };
    // a row wholly before 1816 (Venice, 324, in 1494–1717) needs only a well-formed code:
    // the crosswalk knows the COW state system, which starts in 1816
    const code = (row: CsvRow, column: string, raw: string, known: boolean): string | null => {
      const t = raw.trim();
      if (/^\d{1,4}$/.test(t) && (!known || crosswalk.meanings('cow', t).length > 0)) return t;
      let hint = '';
      try {
        crosswalk.resolve('cow', t);
      } catch (e) {
        if (!(e instanceof UnknownCountryError)) throw e;
        hint = `: ${e.message}`;
      }
      problems.add(row.line, column, `expected a COW state code (a number such as 365), got "${t}"${hint}`);
      return null;
    };
    for await (const row of rowsIn) {
      rows++;
      if (!checkWidth(problems, row, header.names.length)) continue;
      const c = row.cells;
      const y0 = year(row, m.from, c[iFrom]!);
      const y1 = iTo === iFrom ? y0 : year(row, m.to, c[iTo]!);
      const inCow = y1 === null || y1 >= FIRST_COW_YEAR;
      const a = code(row, 'ccode1', c[i1]!, inCow);
      const b = code(row, 'ccode2', c[i2]!, inCow);
      if (y0 === null || y1 === null || a === null || b === null) continue;
      if (y0 > y1) {
        problems.add(row.line, m.to, `the last year (${y1}) is before the first (${m.from} ${y0}); swap them or fix the years`);
        continue;
      }
      if (y1 < FIRST_COW_YEAR) {
        beforeCow++;
        continue;
      }
      if (a === b) {
        problems.add(row.line, 'ccode2', `a pair needs two different states, got ${a} twice`);
        continue;
      }
      for (let y = Math.max(y0, FIRST_COW_YEAR); y <= y1; y++) {
        const sa = stateOf(crosswalk, a, y);
        const sb = stateOf(crosswalk, b, y);
        if (sa === null || sb === null) continue; // a code of a state that did not exist that year
        if (sa === sb) {
          merged++;
          continue;
        }
        pairYears.set(sa, sb, y, 1);
      }
      from = Math.min(from, Math.max(y0, FIRST_COW_YEAR));
      to = Math.max(to, y1);
    }
    problems.throwIfAny();
    return { pairYears, years: from <= to ? { from, to } : null, rows, beforeCow, merged };
  });
}

/** The state a COW code means in a year, or null when it means none then. */
function stateOf(crosswalk: Crosswalk, code: string, year: number): Iso3 | null {
  return crosswalk.tryResolve('cow', code, year);
}
