import type { CodeSystem } from '../../domain/code-system.js';
import type { Crosswalk } from '../../domain/crosswalk.js';
import { UnknownCountryError } from '../../domain/errors.js';
import { StateYearTable } from '../../domain/state-year-table.js';
import { ProblemList } from '../../domain/problem-list.js';
import { checkWidth, indexHeader, parseNumberCell, parseYearCell, READABLE_YEARS, withCsvRows } from '../../format/read-csv.js';

/**
 * Options of {@link readStateYearValues}.
 * @example const o: ReadStateYearValuesOptions = { codes: 'iso3', column: 'gdp' };
 */
export interface ReadStateYearValuesOptions {
  /** Code system of the `state` column. */
  readonly codes: CodeSystem;
  /** Name of the value column: `total` (total trade) or `gdp`. */
  readonly column: string;
}

/**
 * Reads a `state,year,<column>` CSV (a state's total trade or GDP per year, current million
 * USD) into a {@link StateYearTable}. An empty value is missing; values must be ≥ 0.
 * @throws {InputError} with every bad row: ragged rows, unknown states (with the closest
 * spellings), bad years, non-numeric or negative values, a state-year given twice.
 * @example
 * const gdp = await readStateYearValues('gdp.csv', crosswalk, { codes: 'iso3', column: 'gdp' });
 * gdp.get(RUS, 2010) // 1524917 (million USD)
 */
export async function readStateYearValues(file: string, crosswalk: Crosswalk, options: ReadStateYearValuesOptions): Promise<StateYearTable> {
  const problems = new ProblemList(file);
  return withCsvRows(file, async (rows) => {
    const first = await rows.next();
    const header = indexHeader(file, first.done ? undefined : first.value, ['state', 'year', options.column]);
    const is = header.at.get('state')!;
    const iy = header.at.get('year')!;
    const iv = header.at.get(options.column)!;
    const out = new StateYearTable();
    const seen = new Map<string, number>();
    for await (const row of rows) {
      if (!checkWidth(problems, row, header.names.length)) continue;
      const c = row.cells;
      const yRaw = c[iy]!.trim();
      const year = parseYearCell(yRaw);
      if (year === null) problems.add(row.line, 'year', `expected a four-digit year (${READABLE_YEARS.from}–${READABLE_YEARS.to}), got "${yRaw}"`);
      const v = parseNumberCell(c[iv]!);
      if (v === 'invalid' || (v !== null && v < 0)) problems.add(row.line, options.column, `expected a number ≥ 0 in million USD, or an empty cell for missing, got "${c[iv]!.trim()}"`);
      let state;
      try {
        state = crosswalk.resolve(options.codes, c[is]!.trim(), year ?? undefined);
      } catch (e) {
        if (!(e instanceof UnknownCountryError)) throw e;
        problems.add(row.line, 'state', `${e.message}; check the spelling or the \`codes:\` (${options.codes})`);
        continue;
      }
      if (year === null || v === 'invalid' || (v !== null && v < 0)) continue;
      const key = `${state} ${year}`;
      const prev = seen.get(key);
      if (prev !== undefined) {
        problems.add(row.line, undefined, `${state} ${year} is already given on line ${prev}; keep one row`);
        continue;
      }
      seen.set(key, row.line);
      if (v !== null) out.set(state, year, v);
    }
    problems.throwIfAny();
    return out;
  });
}
