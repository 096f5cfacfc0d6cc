import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDyadYear } from '../../../src/families/kit/read-dyad-year.js';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { InputError } from '../../../src/domain/errors.js';
import type { Iso3 } from '../../../src/domain/country.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/generic');
const cw = createCrosswalk();
const I = (s: string) => s as Iso3;

async function problemsOf(file: string, opts = { codes: 'iso3' as const, directed: false }) {
  try {
    await readDyadYear(path.join(dir, file), cw, opts);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('readDyadYear', () => {
  it('reads values keyed by unordered pair and year, with empty cells missing', async () => {
    const r = await readDyadYear(path.join(dir, 'good.csv'), cw, { codes: 'iso3', directed: false });
    expect(r.values.get(I('IRN'), I('RUS'), 2016)).toBe(0.75);
    expect(r.values.get(I('RUS'), I('IRN'), 2015)).toBe(0.5);
    expect(r.values.get(I('IRN'), I('USA'), 2016)).toBeNull();
    expect(r.years).toEqual({ from: 2015, to: 2016 });
  });

  it('reads a file with a BOM and CRLF line ends', async () => {
    const r = await readDyadYear(path.join(dir, 'bom-crlf.csv'), cw, { codes: 'iso3', directed: false });
    expect(r.values.get(I('IRN'), I('RUS'), 2016)).toBe(0.5);
    expect(r.values.get(I('CHN'), I('RUS'), 2016)).toBe(0.25);
  });

  it('resolves names when the source declares codes: name', async () => {
    const r = await readDyadYear(path.join(dir, 'names.csv'), cw, { codes: 'name', directed: false });
    expect(r.values.get(I('IRN'), I('RUS'), 2016)).toBe(0.5);
  });

  it('reports every bad row of a file together, with line and column', async () => {
    const e = await problemsOf('broken.csv');
    const text = e.message;
    expect(text).toMatch(/broken\.csv:3: expected 4 fields like the header, found 3/);
    expect(text).toMatch(/broken\.csv:4: column "value": expected a finite number/);
    expect(text).toMatch(/broken\.csv:5: column "state_b": unknown country iso3 code "XXQ"/);
    expect(text).toMatch(/broken\.csv:6: duplicate pair-year RUS-IRN 2016: already given on line 2/);
    expect(text).toMatch(/broken\.csv:7: reversed duplicate pair-year IRN-RUS 2016: already given on line 2 \(pairs are unordered/);
    expect(text).toMatch(/broken\.csv:8: column "year": expected a four-digit year \(1000–4095\), got "20x6"/);
    expect(text).toMatch(/broken\.csv:9: column "value": expected a finite number or an empty cell for missing, got "NaN"/);
    expect(text).toMatch(/broken\.csv:10: column "value": .*"1e309"/);
    expect(e.problems.length).toBe(8);
  });

  it('keeps directions apart when a direction column is present', async () => {
    const e = await problemsOf('directed.csv');
    expect(e.message).toMatch(/directed\.csv:4: column "direction": expected a_to_b or b_to_a, got "sideways"/);
  });

  it('names the missing columns of a wrong header', async () => {
    const e = await problemsOf('good.yaml');
    expect(e.message).toMatch(/missing column\(s\) "state_a", "state_b", "year", "value"/);
  });
});
