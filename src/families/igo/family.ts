/**
 * The `igo` family: shared full membership in intergovernmental organisations per pair and
 * year (COW IGO v3), as a count or as a share of the less-joined state's memberships. See
 * README.md in this folder.
 */
import { z } from 'zod';
import { yearRanges } from '../../domain/year.js';
import { AppError } from '../../domain/errors.js';
import { type Family, type IndicatorData, type IndicatorSpec, type InputFile, type LoadContext, measureTableOf } from '../family.js';
import { hashFile } from '../../format/hash-file.js';
import { DyadYearTable } from '../../domain/dyad-year-table.js';
import { computeShares } from './compute-igo.js';
import { IGO_MEASURE_NAMES, IGO_MEASURES, isIgoMeasureName } from './measures.js';
import { readCowIgoDyads, readIgoStateYear } from './read-cow-igo.js';

const path = z.string().min(1, 'give the path of the file');

/**
 * Zod schema of one `igo` source block: the dyad-year counts, and optionally COW's state-year
 * file for each state's total (needed by `share`).
 * @example igoSourceSchema.parse({ format: 'cow_igo', path: 'cow_igo_ndy.csv.gz' })
 */
export const igoSourceSchema = z.discriminatedUnion('format', [
  z.strictObject({
    format: z.literal('cow_igo'),
    path,
    /** COW's IGO state-year file (`state_year_formatv3.csv`): each state's full memberships, for `share`. */
    totals: path.optional(),
  }),
]);
type IgoSource = z.infer<typeof igoSourceSchema>;

/** The family has no keys of its own. @example igoOptionsSchema.parse({}) // {} */
export const igoOptionsSchema = z.strictObject({});

/**
 * An `igo` indicator whose keys do not fit together (`share` without `totals:`). Exit 2; the
 * loader places it at the indicator in the config file.
 * @example new IgoConfigError('measure share needs totals').code // 'E_CONFIG'
 */
export class IgoConfigError extends AppError {
  readonly code = 'E_CONFIG';
}

const CITATIONS = [
  'Pevehouse, Jon C. W., Timothy Nordstrom, Roseanne W. McManus, and Anne Spencer Jamison. 2020. "Tracking Organizations in the World: The Correlates of War IGO Version 3.0 datasets." Journal of Peace Research 57(3): 492–503.',
  'Miller, Steven V. 2022. "peacesciencer: An R Package for Quantitative Peace Science Research." Conflict Management and Peace Science 39(6): 755–779.',
];

/** The union of several sources' tables; a pair-year in an earlier table wins. */
function firstWins(tables: readonly DyadYearTable[]): DyadYearTable {
  if (tables.length === 1) return tables[0]!;
  const out = new DyadYearTable(false);
  for (const t of tables) for (const k of t.keys()) if (out.getByKey(k) === undefined) out.setByKey(k, t.getByKey(k)!);
  return out;
}

/**
 * The `igo` family (default id `igo`): `count` (default) of IGOs in which both states are full
 * members, or `share` = count / min(total memberships of A, of B) with COW's state-year file as
 * `totals:`.
 * @example
 * // entente.yaml
 * // igo:
 * //   family: igo
 * //   source: { format: cow_igo, path: igo/cow_igo_ndy.csv.gz }
 */
export const igoFamily: Family = {
  name: 'igo',
  defaultId: 'igo',
  title: 'Shared full membership in intergovernmental organisations (COW IGO v3)',
  measures: IGO_MEASURE_NAMES,
  measureTable: measureTableOf(IGO_MEASURES),
  inputFiles: [{ key: 'path', in: 'source', relativeTo: 'data' }, { key: 'totals', in: 'source', relativeTo: 'data' }],
  direction: 'symmetric',
  formats: ['cow_igo'],
  optionsSchema: igoOptionsSchema,
  sourceSchema: igoSourceSchema,
  citations: CITATIONS,
  describeMeasure(measure: string): string {
    if (!isIgoMeasureName(measure)) throw new RangeError(`unknown igo measure: ${measure}`);
    return IGO_MEASURES[measure].description;
  },
  async load(spec: IndicatorSpec, ctx: LoadContext): Promise<IndicatorData> {
    const measure = spec.measure;
    if (!isIgoMeasureName(measure)) throw new RangeError(`unknown igo measure: ${measure}`);
    const sources = spec.sources.map((s): IgoSource => igoSourceSchema.parse(s));
    if (IGO_MEASURES[measure].needsTotals && sources.some((s) => s.totals === undefined)) {
      throw new IgoConfigError(
        'measure share needs each state\'s total IGO memberships, which the dyadic counts do not determine: add `totals:` with COW\'s state-year file (state_year_formatv3.csv) to the source block, or use `measure: count`',
      );
    }
    const valueTables: DyadYearTable[] = [];
    const countTables: DyadYearTable[] = [];
    const inputs: InputFile[] = [];
    const notes: string[] = [];
    const years: number[] = [];
    for (const s of sources) {
      const file = ctx.resolvePath(s.path);
      const read = await readCowIgoDyads(file, ctx.crosswalk);
      inputs.push({ path: file, sha256: await hashFile(file), role: 'path' });
      const runs = yearRanges(read.years);
      notes.push(`${s.path}: ${read.rows} rows, ${read.counts.size} pair-years, ${runs.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`)).join(', ') || 'no years'}`);
      if (read.missing > 0) notes.push(`${s.path}: ${read.missing} row(s) with a missing count (not covered, never 0)`);
      if (read.merged > 0 || read.selfPairs > 0) {
        notes.push(`${s.path}: ${read.merged} pair-year(s) listed under two codes of one state (the larger count kept), ${read.selfPairs} row(s) pairing two codes of one state (skipped)`);
      }
      years.push(...read.years);
      let table = read.counts;
      if (s.totals !== undefined) {
        const totalsFile = ctx.resolvePath(s.totals);
        const t = await readIgoStateYear(totalsFile, ctx.crosswalk);
        inputs.push({ path: totalsFile, sha256: await hashFile(totalsFile), role: 'totals' });
        notes.push(`${s.totals}: full memberships of ${t.totals.size} state-years over ${t.organisations} IGOs${t.withMissing > 0 ? `; ${t.withMissing} state-year(s) have IGOs coded -9 (missing), counted as not full members` : ''}`);
        if (measure === 'share') {
          const shares = computeShares(read.counts, t.totals);
          table = shares.values;
          if (shares.noTotal > 0) notes.push(`${s.path}: ${shares.noTotal} pair-year(s) without a total for one state: share empty`);
          if (shares.zeroTotal > 0) notes.push(`${s.path}: ${shares.zeroTotal} pair-year(s) where one state has no full membership: share undefined, empty`);
          if (shares.inconsistent.length > 0) {
            notes.push(`${s.path}: ${shares.inconsistent.length} pair-year(s) count more shared IGOs than a state's total (the files disagree): share empty, e.g. ${shares.inconsistent.slice(0, 3).join('; ')}`);
          }
        }
      }
      valueTables.push(table);
      countTables.push(read.counts);
    }
    const counts = firstWins(countTables);
    return {
      values: firstWins(valueTables),
      coverage: yearRanges(years),
      zeroInsideCoverage: false,
      extras: measure === 'share' ? [{ suffix: 'count', table: counts, type: 'integer', description: 'number of IGOs in which both states are full members (COW IGO v3)' }] : [],
      inputs,
      notes,
    };
  },
};
