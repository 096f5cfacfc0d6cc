/**
 * Reader of the dyad-year alliance tables: ATOP (Alliance Treaty Obligations and Provisions,
 * directed dyad-year file) and COW Formal Alliances (dyad-year file). One reader, one column
 * mapping per format: the state codes (COW numbers, read as of the row's year, so 365 is the
 * USSR before 1992 and Russia after), the year, and the obligation flags, which become the
 * valued level of `obligation-scale.ts` and the defence flag.
 *
 * Both the peacesciencer copies (`atop_defense`, …, `cow_defense`, …) and the projects' own
 * column names (ATOP `stateA`, `stateB`, `defense`, `offense`, `neutral`, `nonagg`, `consul`;
 * COW `defense`, `neutrality`, `nonaggression`, `entente`) are accepted. Several rows of one
 * pair-year (COW's one row per alliance, ATOP's two directions) are all kept: the family
 * collapses them by the maximum.
 * @module
 */
import type { Crosswalk } from '../../domain/crosswalk.js';
import type { Iso3 } from '../../domain/country.js';
import { InputError, UnknownCountryError } from '../../domain/errors.js';
import { ProblemList } from '../../domain/problem-list.js';
import { checkWidth, parseYearCell, READABLE_YEARS, withCsvRows, type CsvRow } from '../../format/read-csv.js';
import type { AllianceRows } from './compute-ties.js';
import { atopLevel, cowAllianceLevel } from './obligation-scale.js';

/**
 * The formats of the family.
 * @example const f: AllianceFormat = 'cow_alliance';
 */
export type AllianceFormat = 'atop' | 'cow_alliance';

/** Names of the formats. @example ALLIANCE_FORMATS[0] // 'atop' */
export const ALLIANCE_FORMATS: readonly AllianceFormat[] = ['atop', 'cow_alliance'];

/** A column the reader needs, by its accepted names (the first is the one messages use). */
interface Column {
  readonly key: string;
  readonly names: readonly string[];
}

/** The column mapping of a format: flag columns and how flags become a level and a defence flag. */
interface FormatMapping {
  readonly title: string;
  readonly flags: readonly Column[];
  /** Level 0–3 from the flags (in the order of `flags`). */
  level(f: readonly number[]): number;
  /** Position of the defence flag in `flags`. */
  readonly defence: number;
}

const KEY_COLUMNS: readonly Column[] = [
  { key: 'ccode1', names: ['ccode1', 'stateA', 'statea'] },
  { key: 'ccode2', names: ['ccode2', 'stateB', 'stateb'] },
  { key: 'year', names: ['year'] },
];

/** One column mapping per format (the strategy table). */
const FORMATS: Readonly<Record<AllianceFormat, FormatMapping>> = {
  atop: {
    title: 'an ATOP dyad-year file',
    flags: [
      { key: 'defense', names: ['atop_defense', 'defense'] },
      { key: 'offense', names: ['atop_offense', 'offense'] },
      { key: 'neutral', names: ['atop_neutral', 'neutral'] },
      { key: 'nonagg', names: ['atop_nonagg', 'nonagg'] },
      { key: 'consul', names: ['atop_consul', 'consul'] },
    ],
    level: ([defense, offense, neutral, nonagg, consul]) => atopLevel({ defense: defense!, offense: offense!, neutral: neutral!, nonagg: nonagg!, consul: consul! }),
    defence: 0,
  },
  cow_alliance: {
    title: 'a COW Formal Alliances dyad-year file',
    flags: [
      { key: 'defense', names: ['cow_defense', 'defense'] },
      { key: 'neutral', names: ['cow_neutral', 'neutrality'] },
      { key: 'nonagg', names: ['cow_nonagg', 'nonaggression'] },
      { key: 'entente', names: ['cow_entente', 'entente'] },
    ],
    level: ([defense, neutral, nonagg, entente]) => cowAllianceLevel({ defense: defense!, neutral: neutral!, nonagg: nonagg!, entente: entente! }),
    defence: 0,
  },
};

/** What {@link readAllianceDyads} returns: the rows, the years they span, and what was set aside. */
export interface AllianceFile {
  readonly rows: AllianceRows;
  /** First and last year of the rows, or null for a file without rows. */
  readonly years: { readonly from: number; readonly to: number } | null;
  /** Rows whose two codes are reported as one state (e.g. COW 255 and 260 in 1990 → DEU), skipped: `255–260 1990 → DEU` → count. */
  readonly merged: ReadonlyMap<string, number>;
}

/** Finds each column by its accepted names; throws one InputError naming every missing one. */
function locate(file: string, header: CsvRow | undefined, format: AllianceFormat): { width: number; keys: number[]; flags: number[] } {
  const mapping = FORMATS[format];
  const wanted = [...KEY_COLUMNS, ...mapping.flags];
  if (!header) throw new InputError([{ file, line: 0, message: `the file is empty; expected a header with ${wanted.map((c) => c.names[0]).join(', ')}` }]);
  const names = header.cells.map((c) => c.trim());
  const find = (c: Column) => {
    for (const n of c.names) {
      const i = names.indexOf(n);
      if (i !== -1) return i;
    }
    return -1;
  };
  const missing = wanted.filter((c) => find(c) === -1);
  if (missing.length > 0) {
    const other = ALLIANCE_FORMATS.find((f) => f !== format && FORMATS[f].flags.every((c) => c.names.some((n) => names.includes(n) && !mapping.flags.some((m) => m.names.includes(n)))));
    const hint = other ? `; this looks like ${FORMATS[other].title}: set \`format: ${other}\` in the source block` : '';
    const list = missing.map((c) => c.names.map((n) => `"${n}"`).join(' or ')).join(', ');
    throw new InputError([{ file, line: header.line, message: `missing column(s) ${list} for ${mapping.title}; the header has ${names.map((n) => `"${n}"`).join(', ')}${hint}` }]);
  }
  return { width: names.length, keys: KEY_COLUMNS.map(find), flags: mapping.flags.map(find) };
}

/** Growable columns of the rows read. */
class RowsBuilder {
  count = 0;
  readonly a: Iso3[] = [];
  readonly b: Iso3[] = [];
  private year = new Int32Array(1024);
  private level = new Uint8Array(1024);
  private defence = new Uint8Array(1024);

  push(a: Iso3, b: Iso3, year: number, level: number, defence: number): void {
    if (this.count === this.year.length) {
      const grow = <T extends Int32Array | Uint8Array>(x: T, make: (n: number) => T): T => {
        const y = make(x.length * 2);
        y.set(x);
        return y;
      };
      this.year = grow(this.year, (n) => new Int32Array(n));
      this.level = grow(this.level, (n) => new Uint8Array(n));
      this.defence = grow(this.defence, (n) => new Uint8Array(n));
    }
    this.a.push(a);
    this.b.push(b);
    this.year[this.count] = year;
    this.level[this.count] = level;
    this.defence[this.count] = defence;
    this.count++;
  }

  finish(): AllianceRows {
    const n = this.count;
    return { count: n, a: this.a, b: this.b, year: this.year.slice(0, n), level: this.level.slice(0, n), defence: this.defence.slice(0, n) };
  }
}

/**
 * Reads an alliance dyad-year file (plain or gzip) of the given format. Every bad row is
 * reported together: ragged rows, years that are not four digits, codes the crosswalk does not
 * know as COW state codes in that year (with the closest ones), flags other than 0 or 1, a
 * state paired with itself.
 * @throws {InputError} with every problem of the file; a missing column names the format that fits.
 * @example
 * const f = await readAllianceDyads('atop5.1_ddyr.csv.gz', createCrosswalk(), 'atop');
 * f.years // { from: 1815, to: 2018 }
 */
export async function readAllianceDyads(file: string, crosswalk: Crosswalk, format: AllianceFormat): Promise<AllianceFile> {
  const mapping = FORMATS[format];
  const problems = new ProblemList(file);
  return withCsvRows(file, async (rowsIn) => {
    const first = await rowsIn.next();
    const at = locate(file, first.done ? undefined : first.value, format);
    const [i1, i2, iy] = at.keys as [number, number, number];
    const out = new RowsBuilder();
    const merged = new Map<string, number>();
    const flags = new Array<number>(at.flags.length).fill(0);
    let from = Infinity;
    let to = -Infinity;
    const resolve = (row: CsvRow, column: string, raw: string, year: number | undefined): Iso3 | null => {
      try {
        return crosswalk.resolve('cow', raw, year);
      } catch (e) {
        if (!(e instanceof UnknownCountryError)) throw e;
        problems.add(row.line, column, `${e.message}; expected a COW state code${year === undefined ? '' : ` of ${year}`}`);
        return null;
      }
    };
    for await (const row of rowsIn) {
      if (!checkWidth(problems, row, at.width)) continue;
      const c = row.cells;
      const yText = c[iy]!.trim();
      const year = parseYearCell(yText);
      if (year === null) problems.add(row.line, 'year', `expected a four-digit year (${READABLE_YEARS.from}–${READABLE_YEARS.to}), got "${yText}"`);
      const a = resolve(row, 'ccode1', c[i1]!, year ?? undefined);
      const b = resolve(row, 'ccode2', c[i2]!, year ?? undefined);
      let flagsOk = true;
      at.flags.forEach((pos, k) => {
        const t = c[pos]!.trim();
        if (t === '0' || t === '1') flags[k] = t === '1' ? 1 : 0;
        else {
          flagsOk = false;
          problems.add(row.line, mapping.flags[k]!.names[0]!, `expected 0 or 1 (the obligation is absent or present), got "${t}"`);
        }
      });
      if (year === null || a === null || b === null || !flagsOk) continue;
      if (a === b) {
        if (c[i1]!.trim() === c[i2]!.trim()) {
          problems.add(row.line, 'ccode2', `a pair needs two different states, got ${c[i1]!.trim()} twice`);
        } else {
          const what = `${c[i1]!.trim()}–${c[i2]!.trim()} ${year} → ${a}`;
          merged.set(what, (merged.get(what) ?? 0) + 1);
        }
        continue;
      }
      if (year < from) from = year;
      if (year > to) to = year;
      out.push(a, b, year, mapping.level(flags), flags[mapping.defence]!);
    }
    problems.throwIfAny();
    return { rows: out.finish(), years: from <= to ? { from, to } : null, merged };
  });
}
