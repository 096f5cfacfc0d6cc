import { z } from 'zod';
import { CODE_SYSTEMS } from '../../domain/code-system.js';
import type { Family, IndicatorData, IndicatorSpec, LoadContext } from '../family.js';
import { DyadYearTable } from '../../domain/dyad-year-table.js';
import { hashFile } from '../../format/hash-file.js';
import { readDyadYear } from '../kit/read-dyad-year.js';

const yearRange = z.strictObject({ from: z.number().int(), to: z.number().int() });

const sourceSchema = z.strictObject({
  format: z.literal('dyad_year'),
  path: z.string().min(1),
  codes: z.enum(CODE_SYSTEMS as [string, ...string[]]).default('iso3'),
  /** Years the file covers; default: the years present in the file. */
  coverage: yearRange.optional(),
  /** An absent pair-year inside coverage means 0 ("observed, none") instead of missing. */
  zero_fill: z.boolean().default(false),
});

const optionsSchema = z.strictObject({
  /** `symmetric` (default) or `directed` (rows are a → b; a `direction` column also implies it). */
  direction: z.enum(['symmetric', 'directed']).default('symmetric'),
  /** Unit and meaning of the value, for the data package. */
  unit: z.string().optional(),
});

/**
 * The generic family: any pre-computed dyad-year indicator in the format
 * `state_a,state_b,year,value` (+ optional `direction`), in any code system. Several
 * sources are merged; a pair-year given by two sources is an error (duplicates are never
 * silently resolved).
 */
export const dyadYearFamily: Family = {
  name: 'dyad_year',
  defaultId: 'custom',
  title: 'Generic dyad-year values (state_a, state_b, year, value)',
  measures: ['value'],
  measureTable: { value: { unit: 'as in the file', range: 'any real number' } },
  inputFiles: [{ key: 'path', in: 'source', relativeTo: 'data' }],
  direction: 'symmetric',
  formats: ['dyad_year'],
  optionsSchema,
  sourceSchema,
  citations: [],
  describeMeasure: () => 'the value column of the source file, as given',
  async load(spec: IndicatorSpec, ctx: LoadContext): Promise<IndicatorData> {
    const opts = spec.options as z.infer<typeof optionsSchema>;
    let merged: DyadYearTable | null = null;
    const coverage: { from: number; to: number }[] = [];
    const inputs = [];
    let zeroFill = false;
    for (const s of spec.sources as z.infer<typeof sourceSchema>[]) {
      const file = ctx.resolvePath(s.path);
      const read = await readDyadYear(file, ctx.crosswalk, { codes: s.codes as never, directed: opts.direction === 'directed' });
      inputs.push({ path: file, sha256: await hashFile(file), role: 'path' });
      const cov = s.coverage ?? read.years;
      if (cov) coverage.push(cov);
      zeroFill = zeroFill || s.zero_fill;
      if (merged === null) merged = read.values;
      else {
        if (merged.directed !== read.values.directed) {
          merged = mergeDirection(merged, read.values);
        }
        for (const e of read.values.entries()) {
          if (merged.has(e.a, e.b, e.year)) {
            ctx.warn({ kind: 'duplicate-across-sources', message: `${e.a}-${e.b} ${e.year} is given by more than one source of "${spec.id}"; the first source's value is kept`, file });
            continue;
          }
          merged.set(e.a, e.b, e.year, e.value);
        }
      }
    }
    return {
      values: merged ?? new DyadYearTable(opts.direction === 'directed'),
      coverage,
      zeroInsideCoverage: zeroFill,
      extras: [],
      inputs,
      notes: [],
    };
  },
};

function mergeDirection(a: DyadYearTable, b: DyadYearTable): DyadYearTable {
  const out = new DyadYearTable(true);
  for (const t of [a, b]) for (const e of t.entries()) out.set(e.a, e.b, e.year, e.value);
  return out;
}
