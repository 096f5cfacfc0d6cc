/**
 * Hostile inputs of hostile size: cells and lines up to 64 MB in every file every family
 * reads, formulas up to 100,000 terms, configs up to 100,000 keys. Few cases (each is big), each
 * under the wall-time guard; `ENTENTE_FUZZ_RUNS` scales them.
 */
import { afterAll, describe, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { createCrosswalk } from '../../src/domain/crosswalk.js';
import { AppError } from '../../src/domain/errors.js';
import { parseConfigText } from '../../src/config/read-config.js';
import { ROOT } from '../helpers/cli.js';
import { armsCases, drillsCases, tradeCases, unVotesCases } from './family-cases.js';
import { checkIndicatorData, fixture, loadCase, type FamilyCase } from './family-harness.js';
import { checkTypedError, FUZZ_CASE_TIMEOUT_MS, FUZZ_RUNS, removeTempFiles, withinCaseTime } from './hostile.js';

afterAll(removeTempFiles);

/** Big cases per property: 8 by default (each up to 64 MB), more with ENTENTE_FUZZ_RUNS. */
const BIG_RUNS = Math.max(4, Math.round(FUZZ_RUNS / 8));
const MB = 1 << 20;
const TIMEOUT = FUZZ_CASE_TIMEOUT_MS * (BIG_RUNS + 2);

/** Lines above the header that keep their place (SIPRI's raw exports). */
const KEEP: Readonly<Record<string, number>> = { 'families/arms-transfers/fixtures/register_raw.csv': 7, 'families/arms-transfers/fixtures/pairs_raw.csv': 8, 'families/arms-transfers/fixtures/importers_raw.csv': 8, 'families/arms-transfers/fixtures/exporters_raw.csv': 8 };

/** Every (case, file) the family fuzzers cover, each file once. */
const TARGETS: readonly { c: FamilyCase; role: string; rel: string }[] = (() => {
  const seen = new Set<string>();
  const out: { c: FamilyCase; role: string; rel: string }[] = [];
  for (const c of [...Object.values(unVotesCases), ...Object.values(armsCases), ...Object.values(drillsCases), ...Object.values(tradeCases)]) {
    for (const [role, rel] of Object.entries(c.files)) {
      if (seen.has(rel)) continue;
      seen.add(rel);
      out.push({ c, role, rel });
    }
  }
  return out;
})();

type Shape = 'cell' | 'quoted cell' | 'line without breaks' | 'digits' | 'commas';

/** A valid file with one hostile thing of `size` bytes put into its first body row. */
function bigFile(valid: Buffer, keep: number, shape: Shape, size: number, col: number): Buffer {
  const lines = valid.toString('latin1').split('\n');
  const at = Math.min(keep + 1, lines.length - 1);
  const cells = (lines[at] ?? '').split(',');
  const k = col % cells.length;
  const fill = (byte: number) => Buffer.alloc(size, byte).toString('latin1');
  if (shape === 'line without breaks') return Buffer.concat([valid, Buffer.alloc(size, 0x79)]);
  if (shape === 'commas') cells[k] = fill(0x2c);
  else if (shape === 'digits') cells[k] = fill(0x39);
  else cells[k] = shape === 'quoted cell' ? `"${fill(0x78)}"` : fill(0x78);
  lines[at] = cells.join(',');
  return Buffer.from(lines.join('\n'), 'latin1');
}

describe('hostile input of hostile size', { timeout: TIMEOUT }, () => {
  it('cells and lines up to 64 MB in any file of any family: sane data or a typed error naming the file, in bounded time', async () => {
    const crosswalk = createCrosswalk();
    const sizes = fc.oneof(fc.constantFrom(64 * MB, 8 * MB + 1, 8 * MB - 64), fc.integer({ min: MB, max: 64 * MB }));
    const shapes = fc.constantFrom<Shape>('cell', 'quoted cell', 'line without breaks', 'digits', 'commas');
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: TARGETS.length - 1 }), shapes, sizes, fc.nat(), async (t, shape, size, col) => {
        const { c, role, rel } = TARGETS[t]!;
        const bytes = bigFile(fixture(rel), KEEP[rel] ?? 0, shape, size, col);
        await withinCaseTime(async () => {
          try {
            checkIndicatorData((await loadCase(c, { [role]: bytes }, crosswalk)).data);
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            checkTypedError(e, Object.values(c.files).map((f) => path.basename(f)));
            if (e.message.length > 60_000) throw new Error(`a ${e.message.length}-character message: cells were not cut`);
          } finally {
            removeTempFiles();
          }
        });
      }),
      { numRuns: BIG_RUNS * 2, timeout: FUZZ_CASE_TIMEOUT_MS },
    );
  });

  it('formulas up to 100,000 terms and nesting thousands deep: a config error or a formula, in bounded time', async () => {
    const base = readFileSync(path.join(ROOT, 'entente.yaml'), 'utf8').replace('aggregation: arithmetic', 'aggregation: formula');
    const ids = ['un', 'arms', 'drills', 'trade', 'alliance', '0.5', 'mystery'];
    const formula = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(' + ', ' - ', '*', ' / ', ', '), fc.constantFrom(...ids)).map(([n, op, id]) => {
        const body = Array.from({ length: n }, (_, i) => (i % 7 === 3 ? ids[i % ids.length] : id)).join(op);
        return op === ', ' ? `max(${body})` : body;
      }),
      fc.tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('(', 'max(', '-', 'sqrt(', '+', '[')).map(([n, open]) => {
        const close = open === '[' ? ']' : open.endsWith('(') ? ')' : '';
        return open.repeat(n) + 'un' + close.repeat(n);
      }),
    );
    await fc.assert(
      fc.asyncProperty(formula, (f) =>
        withinCaseTime(() => {
          try {
            const config = parseConfigText(base.replace('aggregation: formula', `aggregation: formula\nformula: "${f}"`), 'fuzz.yaml', {});
            config.formula?.evaluate({ un: 0.5, arms: 0.5, drills: 0.5, trade: 0.5, alliance: 0.5 });
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            checkTypedError(e, ['fuzz.yaml']);
          }
        }),
      ),
      { numRuns: BIG_RUNS * 2 },
    );
  });

  it('configs up to 100,000 keys or entries: a config error (50 located, the rest counted) or a config, in bounded time', async () => {
    const base = readFileSync(path.join(ROOT, 'entente.yaml'), 'utf8');
    const kinds = {
      'misspelt top-level keys': (n: number) => base + Array.from({ length: n }, (_, i) => `misspelt_${i}: ${i}`).join('\n') + '\n',
      'misspelt keys in an indicator': (n: number) => base.replace('    weight: 0.4\n', `    weight: 0.4\n${Array.from({ length: n }, (_, i) => `    wieght_${i}: 1`).join('\n')}\n`),
      'one key repeated': (n: number) => base + Array.from({ length: n }, () => 'name: again').join('\n') + '\n',
      'a flow mapping of many keys': (n: number) => base + `succession: {${Array.from({ length: n }, (_, i) => `Q${i}: RUS`).join(', ')}}\n`,
      'states': (n: number) => base + `states: [${Array.from({ length: n }, (_, i) => ['RUS', 'USA', 'x1', 'CHN'][i % 4]).join(', ')}]\n`,
      'pairs': (n: number) => base + `pairs: [${Array.from({ length: n }, () => 'RUS-USA').join(', ')}]\n`,
      'indicators': (n: number) => base + Array.from({ length: Math.min(n, 20_000) }, (_, i) => `  x${i}:\n    family: dyad_year\n    source: { format: dyad_year, path: a.csv }\n`).join(''),
      'nesting': (n: number) => base + `description: ${'['.repeat(n)}${']'.repeat(n)}\n`,
    } as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...(Object.keys(kinds) as (keyof typeof kinds)[])), fc.oneof(fc.constant(100_000), fc.integer({ min: 1, max: 100_000 })), (kind, n) =>
        withinCaseTime(() => {
          try {
            parseConfigText(kinds[kind](n), 'fuzz.yaml', {});
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            checkTypedError(e, ['fuzz.yaml']);
            if (e.message.split('\n').length > 60) throw new Error(`${e.message.split('\n').length} lines: the problem list is not capped`);
          }
        }),
      ),
      { numRuns: BIG_RUNS * 2 },
    );
  });
});
