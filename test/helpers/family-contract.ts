/**
 * The contract every indicator family keeps, as a checker: the contract test
 * (`test/families/contract.test.ts`) runs it on every family of the registry, and the worked
 * example (`test/families/worked-example.test.ts`) on a family made in the test.
 *
 * A family `<name>` lives in `src/families/<folder>/` (folder = the name with `-` for `_`)
 * and its tests in `test/families/<folder>/`, which hold:
 * - `README.md` (in src) with a measure table `| measure | unit | range | … |` listing every
 *   `measure:` name, in the order of `Family.measures`, with the unit and range of
 *   `Family.measureTable`;
 * - `contract.ts` (in test) exporting `contract: FamilyContract`: per source format, a load of
 *   fixtures that succeeds and one with a broken fixture and the exact error it gives;
 * - the fixtures under `fixtures/`, and a fuzz case, `fuzz.test.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Family } from '../../src/families/family.js';
import { loadIndicator, testContext } from './load-context.js';
import { ROOT } from './cli.js';

/** One source format of a family, exercised on fixtures. Paths are relative to the family's `fixtures/` folder. */
export interface FormatCase {
  readonly format: string;
  readonly measure?: string;
  readonly options?: Readonly<Record<string, unknown>>;
  /** The source blocks of a load that succeeds. */
  readonly sources: readonly Readonly<Record<string, unknown>>[];
  /** The same with a broken fixture of this format, and the exact message of the error (`<fixtures>` = the fixtures folder). */
  readonly broken: { readonly sources: readonly Readonly<Record<string, unknown>>[]; readonly error: string };
}

/** What a family's `test/families/<folder>/contract.ts` exports. */
export interface FamilyContract {
  readonly cases: readonly FormatCase[];
}

/** Where a family's files are: its README, its fixtures, its contract cases and whether it has a fuzz case. */
export interface FamilyFiles {
  readonly readme: string | null;
  readonly fixtures: string;
  readonly contract: FamilyContract | null;
  readonly fuzz: boolean;
}

/** The folder of a family: its `family:` name with `-` for `_` (`arms_transfers` → `arms-transfers`). */
export function familyFolder(name: string): string {
  return name.replace(/_/g, '-');
}

/** The files of a registered family, read from `src/families/<folder>/` and `test/families/<folder>/`. */
export async function familyFiles(family: Family, root = ROOT): Promise<FamilyFiles> {
  const folder = familyFolder(family.name);
  const readme = path.join(root, 'src', 'families', folder, 'README.md');
  const tests = path.join(root, 'test', 'families', folder);
  const contractFile = path.join(tests, 'contract.ts');
  const contract = existsSync(contractFile) ? ((await import(pathToFileURL(contractFile).href)) as { contract: FamilyContract }).contract : null;
  return { readme: existsSync(readme) ? readFileSync(readme, 'utf8') : null, fixtures: path.join(tests, 'fixtures'), contract, fuzz: existsSync(path.join(tests, 'fuzz.test.ts')) };
}

/** The rows of a README's measure table (header `| measure | unit | range | …` or `` | `measure:` | unit | range | … ``): name, unit, range. */
export function readmeMeasureRows(readme: string): { name: string; unit: string; range: string }[] | null {
  const lines = readme.split('\n');
  const cells = (l: string) => l.trim().slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
  const start = lines.findIndex((l) => l.startsWith('|') && /^(measure|`measure:`)$/.test(cells(l)[0]!) && cells(l)[1] === 'unit' && cells(l)[2] === 'range');
  if (start < 0) return null;
  const rows: { name: string; unit: string; range: string }[] = [];
  for (const l of lines.slice(start + 2)) {
    if (!l.startsWith('|')) break;
    const [name, unit, range] = cells(l);
    rows.push({ name: /^`([^`]+)`/.exec(name!)?.[1] ?? name!, unit: unit!, range: range! });
  }
  return rows;
}

/** The message of what a promise rejects with, `<fixtures>` standing for the fixtures folder; null when it resolves. */
async function errorOf(p: Promise<unknown>, fixtures: string): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (e) {
    return String((e as Error).message).split(fixtures).join('<fixtures>');
  }
}

/**
 * Every way a family breaks its contract (empty when it keeps it): its README's measure
 * table against `measures`/`measureTable`, a good and a broken fixture per source format
 * (the broken one failing with exactly the message its case expects), and a fuzz case.
 * @example expect(await familyContractProblems(tradeFamily, await familyFiles(tradeFamily))).toEqual([])
 */
export async function familyContractProblems(family: Family, files: FamilyFiles): Promise<string[]> {
  const bad: string[] = [];
  const folder = familyFolder(family.name);
  if (files.readme === null) bad.push(`src/families/${folder}/README.md is missing`);
  else {
    const rows = readmeMeasureRows(files.readme);
    if (rows === null) bad.push(`src/families/${folder}/README.md has no measure table (| measure | unit | range | …)`);
    else {
      const names = rows.map((r) => r.name);
      if (names.join(',') !== family.measures.join(',')) bad.push(`README measures ${names.join(', ')} differ from the code's ${family.measures.join(', ')}`);
      for (const r of rows) {
        const m = family.measureTable[r.name];
        if (m === undefined) continue;
        if (m.unit !== r.unit) bad.push(`README unit of ${r.name} is "${r.unit}", the code says "${m.unit}"`);
        if (m.range !== r.range) bad.push(`README range of ${r.name} is "${r.range}", the code says "${m.range}"`);
      }
    }
  }
  const tableNames = Object.keys(family.measureTable).sort();
  if (tableNames.join(',') !== [...family.measures].sort().join(',')) bad.push(`measureTable lists ${tableNames.join(', ')}, measures are ${family.measures.join(', ')}`);
  if (!files.fuzz) bad.push(`test/families/${folder}/fuzz.test.ts is missing (a fuzz case)`);
  if (files.contract === null) {
    bad.push(`test/families/${folder}/contract.ts is missing (a good and a broken fixture per source format)`);
    return bad;
  }
  const ctx = () => testContext({ resolvePath: (p) => path.resolve(files.fixtures, p), resolveConfigPath: (p) => path.resolve(files.fixtures, p) });
  for (const format of family.formats) {
    const c = files.contract.cases.find((x) => x.format === format);
    if (c === undefined) {
      bad.push(`format ${format}: no case in test/families/${folder}/contract.ts`);
      continue;
    }
    const measure = c.measure ?? family.measures[0]!;
    const load = (sources: FormatCase['sources']) => loadIndicator(family, 'x', sources.map((s) => ({ ...s })), measure, { ...(c.options ?? {}) }, ctx());
    if (!c.sources.some((s) => s.format === format)) bad.push(`format ${format}: its good load has no source of that format`);
    const good = await load(c.sources).then(
      (d) => (d.values.size > 0 ? null : 'loads no value'),
      (e: Error) => `fails: ${e.message.split(files.fixtures).join('<fixtures>')}`,
    );
    if (good !== null) bad.push(`format ${format}: the good fixtures ${good}`);
    const error = await errorOf(load(c.broken.sources), files.fixtures);
    if (error === null) bad.push(`format ${format}: the broken fixture loads without an error`);
    else if (error !== c.broken.error) bad.push(`format ${format}: the broken fixture fails with\n${error}\ninstead of\n${c.broken.error}`);
  }
  return bad;
}
