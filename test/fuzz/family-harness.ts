import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCrosswalk, type Crosswalk } from '../../src/domain/crosswalk.js';
import { type DyadYearTable } from '../../src/domain/dyad-year-table.js';
import { unpackKey } from '../../src/domain/dyad-year-key.js';
import { AppError } from '../../src/domain/errors.js';
import type { Family, IndicatorData, LoadContext } from '../../src/families/family.js';
import { loadIndicator, testContext } from '../helpers/load-context.js';
import { ROOT } from '../helpers/cli.js';
import { FUZZ_CASE_TIMEOUT_MS, FUZZ_RUNS, checkTypedError, hostileBytes, tempDir, withinCaseTime, type HostileOptions } from './hostile.js';

/** One indicator of a family, over a set of files (role → fixture path under test/). */
export interface FamilyCase {
  readonly family: Family;
  readonly measure: string;
  /** The family's own keys; a function when they name a file (e.g. trade's `gdp:`). */
  readonly options?: Record<string, unknown> | ((paths: Readonly<Record<string, string>>) => Record<string, unknown>);
  /** Role → fixture path relative to test/, e.g. `{ votes: 'families/un-votes/fixtures/un_votes.csv' }`. */
  readonly files: Readonly<Record<string, string>>;
  /** The source blocks, given the temporary path of each role's file. */
  readonly sources: (paths: Readonly<Record<string, string>>) => Record<string, unknown>[];
  /** Filters of the run (years, states), as a config's `years:` and `states:` give them. */
  readonly context?: Partial<LoadContext>;
}

/** Loads a family case with the files given as bytes (role → bytes), in a fresh folder. */
export async function loadCase(c: FamilyCase, bytes: Readonly<Record<string, Buffer>>, crosswalk?: Crosswalk): Promise<{ data: IndicatorData; paths: Record<string, string> }> {
  const dir = tempDir();
  const paths: Record<string, string> = {};
  for (const role of Object.keys(c.files)) {
    paths[role] = path.join(dir, path.basename(c.files[role]!));
    writeFileSync(paths[role], bytes[role] ?? fixture(c.files[role]!));
  }
  const options = typeof c.options === 'function' ? c.options(paths) : (c.options ?? {});
  return { data: await loadIndicator(c.family, 'fuzz', c.sources(paths), c.measure, options, testContext({ ...(crosswalk ? { crosswalk } : {}), ...c.context })), paths };
}

/** The bytes of a fixture under test/ (or at an absolute path). */
export function fixture(rel: string): Buffer {
  return readFileSync(path.isAbsolute(rel) ? rel : path.join(ROOT, 'test', rel));
}

/**
 * What a family hands to the core after reading hostile files: finite values, real years
 * (a year outside 1000–4095 would silently corrupt a packed dyad-year key), sane coverage.
 */
export function checkIndicatorData(d: IndicatorData): void {
  const tables: [string, DyadYearTable][] = [['values', d.values], ...d.extras.map((x): [string, DyadYearTable] => [x.suffix, x.table])];
  for (const [name, t] of tables) {
    for (const k of t.keys()) {
      const v = t.getByKey(k)!;
      const { a, b, year } = unpackKey(k);
      if (!Number.isFinite(v)) throw new Error(`${name}: non-finite value ${v} for ${a}-${b} ${year}`);
      if (year < 1000) throw new Error(`${name}: year ${year} for ${a}-${b} (value ${v}) — a year outside 1000–4095 got into a packed key`);
    }
  }
  for (const r of d.coverage) {
    if (!Number.isInteger(r.from) || !Number.isInteger(r.to) || r.from > r.to || r.from < 1000 || r.to > 4095) throw new Error(`bad coverage ${JSON.stringify(r)}`);
  }
}

/**
 * The property of the issue for one file of a family case: with `target` hostile and the other
 * files valid, `load()` returns sane data or throws an {@link AppError} naming one of the
 * files — never another exception, never a hang.
 */
export async function fuzzFamilyFile(c: FamilyCase, target: string, options: HostileOptions & { runs?: number } = {}): Promise<void> {
  const valid = fixture(c.files[target]!);
  const crosswalk = createCrosswalk();
  await fc.assert(
    fc.asyncProperty(hostileBytes(valid, options), ({ bytes }) =>
      withinCaseTime(async () => {
        let loaded: Awaited<ReturnType<typeof loadCase>>;
        try {
          loaded = await loadCase(c, { [target]: bytes }, crosswalk);
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          checkTypedError(e, Object.values(c.files).map((f) => path.basename(f)));
          return;
        }
        checkIndicatorData(loaded.data);
      }),
    ),
    { numRuns: options.runs ?? FUZZ_RUNS, timeout: FUZZ_CASE_TIMEOUT_MS },
  );
}
