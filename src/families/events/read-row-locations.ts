/**
 * Finds the lines of bad rows DuckDB counted but cannot place (it numbers the lines of rows it
 * rejects, not of rows that parse but fail a check): a streaming pass over the CSV files with
 * the project's CSV reader, stopping after the problems kept. Runs only when something is
 * wrong, so a clean file is scanned once, by DuckDB.
 * @module
 */
import type { Problem } from '../../domain/errors.js';
import { readCsv } from '../../format/read-csv.js';
import { DEFAULTS } from '../../domain/defaults.js';
import type { EventFormat, RowCheck } from './formats.js';
import type { ProbedFile } from './read-input-files.js';

/** A cell test to locate: the column, whether a cell fails, and the message. */
export interface CellTest {
  readonly column: string;
  bad(cell: string): boolean;
  message(cell: string): string;
}

/** A {@link RowCheck} as a cell test. */
export function checkTest(c: RowCheck): CellTest {
  return { column: c.column, bad: (cell) => c.js(cell), message: (cell) => c.message(cell) };
}

/**
 * The first problems (at most `max`, by file and line) of the CSV files: every row whose cell
 * fails a test, with file, line, column and message.
 * @example await locateRows(files, format, [checkTest(check)]) // [{ file: 'e.csv', line: 7, column: 'weight', message: 'expected …' }]
 */
export async function locateRows(files: readonly ProbedFile[], format: EventFormat, tests: readonly CellTest[], max: number = DEFAULTS.maxErrors): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const f of files) {
    if (f.form === 'parquet') continue;
    const at = tests.map((t) => ({ t, i: f.columns.indexOf(t.column) })).filter((x) => x.i >= 0);
    let first = format.header;
    for await (const row of readCsv(f.path, { delimiter: format.delimiter, quote: format.quote ?? false })) {
      if (first) {
        first = false;
        continue;
      }
      if (row.cells.length !== f.columns.length) continue; // DuckDB reports ragged rows itself
      for (const { t, i } of at) {
        const cell = row.cells[i]!;
        if (t.bad(cell)) out.push({ file: f.path, line: row.line, column: t.column, message: t.message(cell) });
      }
      if (out.length >= max) return out.slice(0, max);
    }
  }
  return out;
}
