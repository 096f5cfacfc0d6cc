import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readDyadYear } from '../../src/io/read-dyad-year.js';
import { parseConfigText } from '../../src/io/read-config.js';
import { createCrosswalk } from '../../src/domain/crosswalk.js';
import { AppError } from '../../src/errors.js';
import { ROOT } from '../helpers/cli.js';
import { FUZZ_RUNS, hostileBytes, mustFailCleanly, tempFile } from './hostile.js';

const cw = createCrosswalk();

describe('hostile input', () => {
  it('the dyad-year reader only ever returns or throws a typed error with the file name', async () => {
    const valid = readFileSync(path.join(ROOT, 'test/fixtures/generic/good.csv'));
    await fc.assert(
      fc.asyncProperty(hostileBytes(valid), async ({ bytes }) => {
        await mustFailCleanly((f) => readDyadYear(f, cw, { codes: 'iso3', directed: false }), tempFile(bytes));
      }),
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
});
