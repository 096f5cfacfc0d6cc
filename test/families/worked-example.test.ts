/**
 * The worked example of the README's Development section: a tiny family — one constant value
 * per pair of states, for the years its source declares — added in process, held to the
 * family contract, scored, and removed. A real family is the same code in
 * `src/families/<folder>/` (family.ts, its reader, README.md), its tests in
 * `test/families/<folder>/` (contract.ts, fixtures/, fuzz.test.ts) and one line in
 * `src/families/registry.ts`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { Iso3 } from '../../src/domain/country.js';
import { DyadYearTable } from '../../src/domain/dyad-year-table.js';
import { ProblemList } from '../../src/domain/problem-list.js';
import { families } from '../../src/families/families.js';
import { measureTableOf, type Family, type IndicatorData, type IndicatorSpec, type LoadContext } from '../../src/families/family.js';
import { hashFile } from '../../src/format/hash-file.js';
import { checkWidth, indexHeader, withCsvRows } from '../../src/format/read-csv.js';
import { readConfig } from '../../src/config/read-config.js';
import { computeScore } from '../../src/pipeline/score.js';
import { familyContractProblems, type FamilyFiles } from '../helpers/family-contract.js';
import { fuzzFamilyFile } from '../fuzz/family-harness.js';
import { removeTempFiles } from '../fuzz/hostile.js';

// --- src/families/constant-pairs/measures.ts -------------------------------------------------
/** The measure of the family: a fixed value per pair, 0–1. */
const CONSTANT_MEASURES = { constant: { unit: 'score', range: [0, 1] as const } };

// --- src/families/constant-pairs/read-pair-list.ts ----------------------------------------------
/** Reads `state_a,state_b,value` (ISO3 codes, value 0–1), every bad row reported together. */
async function readPairList(file: string, ctx: LoadContext): Promise<{ a: Iso3; b: Iso3; value: number }[]> {
  const problems = new ProblemList(file);
  const out = await withCsvRows(file, async (rows) => {
    const first = await rows.next();
    const header = indexHeader(file, first.done ? undefined : first.value, ['state_a', 'state_b', 'value']);
    const pairs: { a: Iso3; b: Iso3; value: number }[] = [];
    for await (const row of rows) {
      if (!checkWidth(problems, row, header.names.length)) continue;
      const cell = (c: string) => row.cells[header.at.get(c)!]!.trim();
      const [a, b] = [ctx.crosswalk.tryResolve('iso3', cell('state_a')), ctx.crosswalk.tryResolve('iso3', cell('state_b'))];
      const value = Number(cell('value'));
      if (a === null || b === null) problems.add(row.line, a === null ? 'state_a' : 'state_b', `not an ISO3 code of a state: "${a === null ? cell('state_a') : cell('state_b')}"`);
      else if (a === b) problems.add(row.line, 'state_b', 'a pair needs two different states');
      else if (cell('value') === '' || !(value >= 0 && value <= 1)) problems.add(row.line, 'value', `expected a number from 0 to 1, got "${cell('value')}"`);
      else pairs.push({ a, b, value });
    }
    return pairs;
  });
  problems.throwIfAny();
  return out;
}

// --- src/families/constant-pairs/family.ts ----------------------------------------------------
const sourceSchema = z.strictObject({ format: z.literal('pair_list'), path: z.string().min(1), years: z.strictObject({ from: z.number().int(), to: z.number().int() }) });

/** The family: the value of each listed pair in every year of `years`. */
const constantPairsFamily: Family = {
  name: 'constant_pairs',
  defaultId: 'constant',
  title: 'A constant value per pair (worked example)',
  measures: ['constant'],
  measureTable: measureTableOf(CONSTANT_MEASURES),
  inputFiles: [{ key: 'path', in: 'source', relativeTo: 'data' }],
  direction: 'symmetric',
  formats: ['pair_list'],
  optionsSchema: z.strictObject({}),
  sourceSchema,
  citations: [],
  describeMeasure: () => 'a constant value per pair, 0–1',
  async load(spec: IndicatorSpec, ctx: LoadContext): Promise<IndicatorData> {
    const src = spec.sources[0] as z.infer<typeof sourceSchema>;
    const file = ctx.resolvePath(src.path);
    const values = new DyadYearTable(false);
    for (const p of await readPairList(file, ctx)) for (let y = src.years.from; y <= src.years.to; y++) values.set(p.a, p.b, y, p.value);
    return { values, coverage: [src.years], zeroInsideCoverage: false, extras: [], inputs: [{ path: file, sha256: await hashFile(file), role: 'path' }], notes: [] };
  },
};

// --- src/families/constant-pairs/README.md (its measure table) ---------------------------------
const README = `# A constant value per pair — family \`constant_pairs\`

| measure | unit | range | formula |
|---|---|---|---|
| \`constant\` (default) | score | 0–1 | the pair's \`value\`, in every year of the source's \`years\` |
`;

// --- test/families/constant-pairs/fixtures/ and contract.ts ------------------------------------
const dir = mkdtempSync(path.join(tmpdir(), 'entente-worked-example-'));
writeFileSync(path.join(dir, 'pairs.csv'), 'state_a,state_b,value\nRUS,IRN,0.8\nRUS,CHN,0.9\nUSA,RUS,0.1\n');
writeFileSync(path.join(dir, 'pairs_broken.csv'), 'state_a,state_b,value\nRUS,IRN,0.8\nRUS,XXQ,0.5\nRUS,CHN\nUSA,RUS,2\n');
const years = { from: 2000, to: 2002 };
const files: FamilyFiles = {
  readme: README,
  fixtures: dir,
  fuzz: true, // the fuzz case is the last test below
  contract: {
    cases: [
      {
        format: 'pair_list',
        sources: [{ format: 'pair_list', path: 'pairs.csv', years }],
        broken: {
          sources: [{ format: 'pair_list', path: 'pairs_broken.csv', years }],
          error: [
            '<fixtures>/pairs_broken.csv: 3 problem(s) in the file; nothing was written',
            '<fixtures>/pairs_broken.csv:3: column "state_b": not an ISO3 code of a state: "XXQ"',
            '<fixtures>/pairs_broken.csv:4: expected 3 fields like the header, found 2; check for an unquoted comma or a missing field',
            '<fixtures>/pairs_broken.csv:5: column "value": expected a number from 0 to 1, got "2"',
          ].join('\n'),
        },
      },
    ],
  },
};

afterAll(() => {
  delete (families as Record<string, Family>)[constantPairsFamily.name];
  rmSync(dir, { recursive: true, force: true });
  removeTempFiles();
});

describe('worked example: adding a family (a constant per pair)', () => {
  it('keeps the family contract: README measure table, a good and a broken fixture with its exact error', async () => {
    expect(await familyContractProblems(constantPairsFamily, files)).toEqual([]);
  });

  it('fails the contract without its README, with a README that disagrees with the code, or without fixtures and a fuzz case', async () => {
    expect(await familyContractProblems(constantPairsFamily, { ...files, readme: null })).toEqual(['src/families/constant-pairs/README.md is missing']);
    expect(await familyContractProblems(constantPairsFamily, { ...files, readme: README.replace('| score | 0–1 |', '| points | 0–100 |') })).toEqual([
      'README unit of constant is "points", the code says "score"',
      'README range of constant is "0–100", the code says "0–1"',
    ]);
    expect(await familyContractProblems(constantPairsFamily, { ...files, contract: null, fuzz: false })).toEqual([
      'test/families/constant-pairs/fuzz.test.ts is missing (a fuzz case)',
      'test/families/constant-pairs/contract.ts is missing (a good and a broken fixture per source format)',
    ]);
  });

  it('is scored once registered (the one line of src/families/registry.ts), like any family', async () => {
    (families as Record<string, Family>)[constantPairsFamily.name] = constantPairsFamily;
    const config = path.join(dir, 'demo.yaml');
    writeFileSync(
      config,
      ['name: demo', 'years: { from: 2000, to: 2002 }', 'indicators:', '  constant:', '    family: constant_pairs', '    source: { format: pair_list, path: pairs.csv, years: { from: 2000, to: 2002 } }', '    weight: 1', '    normalise: none', ''].join('\n'),
    );
    const run = await computeScore(await readConfig(config));
    expect(run.table.ids).toEqual(['constant']);
    expect(run.table.keys.length).toBe(9); // 3 pairs × 3 years
    expect([...new Set(run.table.index)].sort((x, y) => x - y)).toEqual([10, 80, 90]); // scale 0–100
    delete (families as Record<string, Family>)[constantPairsFamily.name];
    await expect(readConfig(config)).rejects.toThrow(/unknown family "constant_pairs"/);
  });

  it('has a fuzz case: hostile bytes in its file give sane values or a typed error, never a crash', async () => {
    await fuzzFamilyFile({ family: constantPairsFamily, measure: 'constant', files: { path: path.join(dir, 'pairs.csv') }, sources: (p) => [{ format: 'pair_list', path: p.path, years }] }, 'path', { runs: 20 });
  });
});
