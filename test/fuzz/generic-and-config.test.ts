import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readDyadYear } from '../../src/families/kit/read-dyad-year.js';
import { parseConfigText } from '../../src/config/read-config.js';
import { createCrosswalk } from '../../src/domain/crosswalk.js';
import { AppError } from '../../src/domain/errors.js';
import { ROOT } from '../helpers/cli.js';
import { FUZZ_RUNS, FUZZ_TEST_TIMEOUT_MS, HOSTILE_CELLS, hostileBytes, mustFailCleanly, removeTempFiles, tempFile, withinCaseTime } from './hostile.js';

const cw = createCrosswalk();

afterAll(removeTempFiles);

/** Parses config text: returns, or throws a {@link ConfigError}-like typed error naming the file — nothing else. */
function parseCleanly(text: string, file: string): void {
  try {
    parseConfigText(text, file, {});
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    expect(e.message).toContain(file);
  }
}

const FORMULA_TOKENS = ['un', 'arms', 'drills', 'trade', 'alliance', '+', '-', '*', '/', '^', '(', ')', '0.4', '1e309', '-1', 'NaN', 'Infinity', 'max(', 'min(', 'sqrt(', 'log(', 'abs(', 'import(', 'evaluate(', 'createUnit(', '__proto__', 'constructor', 'un.constructor', '[', ']', ',', ';', '=', '==', '?', ':', '!', '"x"', "'x'", 'f(x) = x', 'x', '1:3', 'un\'', '%', 'mod', 'and', 'not', '.', ' '];

describe('hostile input', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('the dyad-year reader only ever returns or throws a typed error with the file name', async () => {
    const valid = readFileSync(path.join(ROOT, 'test/fixtures/generic/good.csv'));
    await fc.assert(
      fc.asyncProperty(hostileBytes(valid), ({ bytes }) =>
        withinCaseTime(async () => {
          await mustFailCleanly((f) => readDyadYear(f, cw, { codes: 'iso3', directed: false }), tempFile(bytes));
        }),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('the config loader only ever returns or throws a typed error', () => {
    const valid = readFileSync(path.join(ROOT, 'entente.yaml'));
    fc.assert(
      fc.property(hostileBytes(valid), ({ bytes }) => {
        try {
          parseConfigText(bytes.toString('utf8'), 'fuzz.yaml', {});
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
          expect((e as Error).message).toContain('fuzz.yaml');
        }
      }),
      { numRuns: FUZZ_RUNS * 3 },
    );
  });

  it('the config loader survives random YAML values in every key', () => {
    const keys = ['name', 'years', 'scale', 'aggregation', 'formula', 'min_coverage', 'precision', 'indicators', 'succession', 'states', 'pairs'];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.jsonValue()), (obj) => {
        try {
          parseConfigText(JSON.stringify(obj), 'fuzz.json', {});
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
        }
      }),
      { numRuns: FUZZ_RUNS * 3 },
    );
  });

  it('the config loader only ever returns or throws a typed error when hostile keys and values replace YAML ones', () => {
    const lines = readFileSync(path.join(ROOT, 'entente.yaml'), 'utf8').split('\n');
    const valued = lines.map((l, i) => (/:\s*\S/.test(l) && !l.trimStart().startsWith('#') ? i : -1)).filter((i) => i >= 0);
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.constantFrom(...valued), value: fc.constantFrom(...HOSTILE_CELLS, '[1, 2', '{', '&a', '*a', '!!binary x', '!!js/function x', '|', '>', '- x', '[]', '{}', 'null', '~', 'true', '0o17', '.inf', '-.nan'), key: fc.option(fc.constantFrom('__proto__', 'constructor', 'toString', 'un', 'source', 'format', '<<', '? x', '"x"', '')) }), { minLength: 1, maxLength: 4 }), (edits) => {
        const out = [...lines];
        for (const { at, value, key } of edits) {
          out[at] = out[at]!.replace(/:\s*\S.*$/, `: ${value}`);
          if (key !== null) out[at] = out[at]!.replace(/^(\s*)[^:#]+:/, `$1${key}:`);
        }
        parseCleanly(out.join('\n'), 'fuzz.yaml');
      }),
      { numRuns: FUZZ_RUNS * 3 },
    );
  });

  it('the formula compiler only ever returns or throws a typed error (through the config loader)', () => {
    const valid = readFileSync(path.join(ROOT, 'entente.yaml'), 'utf8').replace('aggregation: arithmetic', 'aggregation: formula');
    const formula = fc.oneof(fc.string({ maxLength: 40 }), fc.array(fc.constantFrom(...FORMULA_TOKENS), { maxLength: 12 }).map((t) => t.join('')));
    fc.assert(
      fc.property(formula, (f) => {
        parseCleanly(valid.replace('aggregation: formula', `aggregation: formula\nformula: ${JSON.stringify(f)}`), 'fuzz.yaml');
      }),
      { numRuns: FUZZ_RUNS * 3 },
    );
  });
});
