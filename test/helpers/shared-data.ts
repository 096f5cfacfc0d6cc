/**
 * Access to the real data in the shared folder (`../shared/data`, a sibling of the repo)
 * for tests. Tests that need it are declared with {@link describeShared}: they are skipped,
 * with the reason printed, when the folder is absent, and fail instead when the
 * environment sets `ENTENTE_REQUIRE_SHARED=1` (as CI does when the data must be there).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, it } from 'vitest';

/**
 * Where the shared data folder is expected: `../shared/data` next to the repo root.
 * @example path.join(SHARED_DATA_PATH, 'unga') // '/work/shared/data/unga' in a checkout at /work/main
 */
export const SHARED_DATA_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data');

/**
 * The shared data folder, or null when it is absent.
 * @example const dir = sharedDataDir(); // '/work/shared/data' or null
 */
export function sharedDataDir(): string | null {
  return existsSync(SHARED_DATA_PATH) ? SHARED_DATA_PATH : null;
}

/**
 * A `describe` block for tests that read the shared data: `fn` gets the folder's path.
 * Without the folder the block is skipped with a printed reason, or fails when
 * `ENTENTE_REQUIRE_SHARED=1`.
 * @example describeShared('UN votes', (dir) => { it('reads', () => { ... }); });
 */
export function describeShared(name: string, fn: (dataDir: string) => void): void {
  const dir = sharedDataDir();
  if (dir !== null) {
    describe(name, () => fn(dir));
    return;
  }
  const reason = `shared data folder not found at ${SHARED_DATA_PATH}`;
  if (process.env['ENTENTE_REQUIRE_SHARED'] === '1') {
    describe(name, () => {
      it('has the shared data folder (ENTENTE_REQUIRE_SHARED=1)', () => {
        throw new Error(reason);
      });
    });
    return;
  }
  console.warn(`skipping "${name}": ${reason}`);
  describe.skip(`${name} (skipped: ${reason})`, () => {
    it.skip(reason, () => undefined);
  });
}

/**
 * Reads a gzip-compressed CSV file with a header row into records (header → cell), keeping
 * only `columns` when given (saves memory on the million-row files). Cells are strings,
 * never converted (Namibia's `NA` stays `NA`); when a header repeats, its first column wins.
 * @example const rows = readGzipCsv(path.join(dir, 'unga/unvotes_un_votes.csv.gz'), ['country']);
 */
export function readGzipCsv(file: string, columns?: readonly string[]): Record<string, string>[] {
  let names: readonly string[] | undefined;
  let positions: number[] = [];
  const rows = parse(gunzipSync(readFileSync(file)), {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // The first record is the header: remember where the wanted columns are, keep only those.
    on_record: (cells: string[]) => {
      if (names !== undefined) return positions.map((i) => cells[i] ?? '');
      names = columns ?? cells.filter((c, i) => cells.indexOf(c) === i);
      positions = names.map((c) => cells.indexOf(c));
      const missing = names.filter((_, k) => positions[k] === -1);
      if (missing.length > 0) throw new Error(`${file}: no column(s) ${missing.join(', ')}`);
      return null;
    },
  });
  return rows.map((cells) => Object.fromEntries((names ?? []).map((c, k) => [c, cells[k] ?? ''])));
}
