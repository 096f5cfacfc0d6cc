import type { CodeSystem } from '../../domain/code-system.js';
import type { Crosswalk } from '../../domain/crosswalk.js';
import type { Iso3 } from '../../domain/country.js';
import { DyadYearTable } from '../../domain/dyad-year-table.js';
import { PackedKeyMap } from '../../domain/packed-key-map.js';
import { UnknownCountryError } from '../../domain/errors.js';
import { ProblemList } from '../../domain/problem-list.js';
import { checkWidth, indexHeader, parseNumberCell, parseYearCell, READABLE_YEARS, type CsvRow, withCsvRows } from '../../format/read-csv.js';

/** Options of {@link readDyadYear}. */
export interface ReadDyadYearOptions {
  /** Code system of `state_a` and `state_b`. */
  readonly codes: CodeSystem;
  /** Treat rows as directed a → b (also implied by a `direction` column). */
  readonly directed: boolean;
}

/** The values read from a generic dyad-year file, with the years it covers. */
export interface DyadYearFile {
  readonly values: DyadYearTable;
  readonly years: { readonly from: number; readonly to: number } | null;
  readonly rows: number;
}

const DIRECTIONS = { a_to_b: 'ab', b_to_a: 'ba' } as const;

/**
 * Reads the generic format `state_a,state_b,year,value` (+ optional `direction` column with
 * `a_to_b` or `b_to_a`, which makes the table directed). Empty `value` = missing (the row
 * is kept out); every bad row is reported together: ragged rows, non-numeric values
 * (`NaN`, `Infinity`, `1e309` included), unknown countries (with the closest spellings),
 * self-pairs, duplicate pair-years and reversed duplicates (B,A after A,B in an undirected
 * file).
 * @throws {InputError} with every problem of the file.
 */
export async function readDyadYear(file: string, crosswalk: Crosswalk, options: ReadDyadYearOptions): Promise<DyadYearFile> {
  const problems = new ProblemList(file);
  return withCsvRows(file, async (rows) => {
    const first = await rows.next();
    const header = indexHeader(file, first.done ? undefined : first.value, ['state_a', 'state_b', 'year', 'value']);
    const ia = header.at.get('state_a')!;
    const ib = header.at.get('state_b')!;
    const iy = header.at.get('year')!;
    const iv = header.at.get('value')!;
    const id = header.at.get('direction');
    const directed = options.directed || id !== undefined;
    const values = new DyadYearTable(directed);
    // pair-year key → line·2 + orientation bit (1 when given as B,A), to find (reversed) duplicates
    const seenAt = new PackedKeyMap();
    let from = Infinity;
    let to = -Infinity;
    let count = 0;
    const resolve = (row: CsvRow, col: string, raw: string, year: number | undefined): Iso3 | null => {
      try {
        return crosswalk.resolve(options.codes, raw, year);
      } catch (e) {
        if (e instanceof UnknownCountryError) {
          problems.add(row.line, col, `${e.message}; check the spelling or the source's \`codes:\` (${options.codes})`);
          return null;
        }
        throw e;
      }
    };
    for await (const row of rows) {
      count++;
      if (!checkWidth(problems, row, header.names.length)) continue;
      const c = row.cells;
      const yRaw = c[iy]!.trim();
      const year = parseYearCell(yRaw) ?? NaN;
      if (!Number.isInteger(year)) problems.add(row.line, 'year', `expected a four-digit year (${READABLE_YEARS.from}–${READABLE_YEARS.to}), got "${yRaw}"`);
      const y = Number.isInteger(year) ? year : undefined;
      const a = resolve(row, 'state_a', c[ia]!, y);
      const b = resolve(row, 'state_b', c[ib]!, y);
      const v = parseNumberCell(c[iv]!);
      if (v === 'invalid') problems.add(row.line, 'value', `expected a finite number or an empty cell for missing, got "${c[iv]!.trim()}"`);
      let dir: 'ab' | 'ba' = 'ab';
      if (id !== undefined) {
        const d = c[id]!.trim() as keyof typeof DIRECTIONS;
        if (!(d in DIRECTIONS)) problems.add(row.line, 'direction', `expected a_to_b or b_to_a, got "${c[id]!.trim()}"`);
        else dir = DIRECTIONS[d];
      }
      if (a === null || b === null || y === undefined || v === 'invalid') continue;
      if (a === b) {
        problems.add(row.line, 'state_b', `a pair needs two different states, got ${a} twice`);
        continue;
      }
      const [from_, to_] = dir === 'ab' ? [a, b] : [b, a];
      const key = values.key(from_, to_, y);
      const prev = seenAt.get(key);
      const orientation = from_ < to_ ? 0 : 1;
      if (prev !== undefined) {
        const what = !directed && prev % 2 !== orientation ? 'reversed duplicate' : 'duplicate';
        const why = directed ? '' : ' (pairs are unordered: B,A is the same pair as A,B)';
        problems.add(row.line, undefined, `${what} pair-year ${from_}-${to_} ${y}: already given on line ${Math.floor(prev / 2)}${why}; keep one row`);
        continue;
      }
      seenAt.set(key, row.line * 2 + orientation);
      if (y < from) from = y;
      if (y > to) to = y;
      if (v !== null) values.set(from_, to_, y, v);
    }
    problems.throwIfAny();
    return { values, years: from <= to ? { from, to } : null, rows: count };
  });
}
