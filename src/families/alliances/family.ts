/**
 * The `alliances` family: formal alliance ties per pair and year from ATOP or COW Formal
 * Alliances — the strongest obligation on the valued scale, the defence flag, and the
 * similarity of the two states' alliance portfolios over the year's state system. See
 * README.md in this folder.
 */
import { z } from 'zod';
import { mergeRanges, yearsIn, type YearRange } from '../../domain/year.js';
import { type Family, type IndicatorData, type IndicatorSpec, type InputFile, type LoadContext, measureTableOf } from '../family.js';
import { hashFile } from '../../format/hash-file.js';
import { computePortfolio, DISTANCE_METRICS, TIE_CODINGS } from './compute-portfolio.js';
import { collapseTies, type AllianceRows } from './compute-ties.js';
import { ALLIANCE_MEASURE_NAMES, ALLIANCE_MEASURES, isAllianceMeasureName, isPortfolioMeasure } from './measures.js';
import { ALLIANCE_FORMATS, readAllianceDyads, type AllianceFormat } from './read-alliance-dyads.js';

const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as unknown as [T, ...T[]]);
const path = z.string().min(1, 'give the path of the file');
const year = z.number().int().min(1000).max(4095);
const coverage = z.strictObject({ from: year, to: year }).refine((r) => r.from <= r.to, { message: '`from` must not be after `to`' });

const sourceOf = <F extends AllianceFormat>(format: F) =>
  z.strictObject({
    format: z.literal(format),
    path,
    /** Years the file covers (default: its first to last year); inside them an unlisted pair is 0. */
    coverage: coverage.optional(),
  });

/**
 * Zod schema of one `alliances` source block (discriminated on `format`: `atop` or
 * `cow_alliance`).
 * @example alliancesSourceSchema.parse({ format: 'atop', path: 'atop5.1_ddyr.csv.gz' })
 */
export const alliancesSourceSchema = z.discriminatedUnion('format', [sourceOf('atop'), sourceOf('cow_alliance')]);
type AlliancesSource = z.infer<typeof alliancesSourceSchema>;

/**
 * Zod schema of the family's own keys (they change the portfolio measures only): `ties`
 * (`valued` levels 0–3, or `binary` any obligation) and `distance` (`squared` or `absolute`).
 * @example alliancesOptionsSchema.parse({}) // { ties: 'valued', distance: 'squared' }
 */
export const alliancesOptionsSchema = z.strictObject({
  ties: enumOf(TIE_CODINGS).default('valued'),
  distance: enumOf(DISTANCE_METRICS).default('squared'),
});

const CITATIONS = [
  'Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. "Alliance Treaty Obligations and Provisions, 1815–1944." International Interactions 28(3): 237–260. ATOP version 5.1, http://www.atopdata.org.',
  'Gibler, Douglas M. 2009. International Military Alliances, 1648–2008. Washington, DC: CQ Press. Correlates of War Formal Alliances v4.1.',
  'Chiba, Daina, Jesse C. Johnson, and Brett Ashley Leeds. 2015. "Careful Commitments: Democratic States and Alliance Design." Journal of Politics 77(4): 968–982 (the ATOP S-scores and their valued obligation scale).',
  'Bueno de Mesquita, Bruce. 1975. "Measuring Systemic Polarity." Journal of Conflict Resolution 19(2): 187–216.',
  'Signorino, Curtis S., and Jeffrey M. Ritter. 1999. "Tau-b or Not Tau-b: Measuring the Similarity of Foreign Policy Positions." International Studies Quarterly 43(1): 115–144.',
  'Häge, Frank M. 2011. "Choice or Circumstance? Adjusting Measures of Foreign Policy Similarity for Chance Agreement." Political Analysis 19(3): 287–305.',
  'Miller, Steven V. 2022. "peacesciencer: An R Package for Quantitative Peace Science Research." Conflict Management and Peace Science 39(6): 755–779.',
];

const rangeText = (r: YearRange) => (r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`);

/**
 * The `alliances` family (default id `alliance`): `obligation` (default; 3 defence or offence,
 * 2 neutrality or consultation, 1 non-aggression, 0 none), `defence` (0/1), and the portfolio
 * similarities `portfolio_s`, `portfolio_kappa`, `portfolio_pi`, `portfolio_taub` over the
 * state system of each year. Directed rows are collapsed by the maximum of both directions.
 * @example
 * // entente.yaml
 * // alliance:
 * //   family: alliances
 * //   source: { format: atop, path: alliances/atop5.1_ddyr_peacesciencer.csv.gz }
 * //   measure: obligation
 */
export const alliancesFamily: Family = {
  name: 'alliances',
  defaultId: 'alliance',
  title: 'Formal alliances: strongest obligation, defence pacts and alliance-portfolio similarity (ATOP, COW)',
  measures: ALLIANCE_MEASURE_NAMES,
  measureTable: measureTableOf(ALLIANCE_MEASURES),
  inputFiles: [{ key: 'path', in: 'source', relativeTo: 'data' }],
  direction: 'symmetric',
  formats: ALLIANCE_FORMATS,
  optionsSchema: alliancesOptionsSchema,
  sourceSchema: alliancesSourceSchema,
  citations: CITATIONS,
  describeMeasure(measure: string): string {
    if (!isAllianceMeasureName(measure)) throw new RangeError(`unknown alliances measure: ${measure}`);
    return ALLIANCE_MEASURES[measure].description;
  },
  async load(spec: IndicatorSpec, ctx: LoadContext): Promise<IndicatorData> {
    const measure = spec.measure;
    if (!isAllianceMeasureName(measure)) throw new RangeError(`unknown alliances measure: ${measure}`);
    const options = alliancesOptionsSchema.parse(spec.options);
    const rows: AllianceRows[] = [];
    const ranges: YearRange[] = [];
    const inputs: InputFile[] = [];
    const notes: string[] = [];
    for (const [i, raw] of spec.sources.entries()) {
      ctx.progress('reading alliances', i, spec.sources.length);
      const s: AlliancesSource = alliancesSourceSchema.parse(raw);
      const file = ctx.resolvePath(s.path);
      const read = await readAllianceDyads(file, ctx.crosswalk, s.format);
      inputs.push({ path: file, sha256: await hashFile(file), role: 'path' });
      rows.push(read.rows);
      const covered = s.coverage ?? read.years;
      if (covered) ranges.push(covered);
      notes.push(`${s.path}: ${read.rows.count} rows (${s.format}), ${read.years ? rangeText(read.years) : 'no years'}${s.coverage ? `; coverage ${rangeText(s.coverage)} as configured` : ''}`);
      if (read.merged.size > 0) {
        const total = [...read.merged.values()].reduce((a, b) => a + b, 0);
        notes.push(`${s.path}: ${total} row(s) pair two codes that are one state under the succession rules, skipped: ${[...read.merged.keys()].slice(0, 4).join('; ')}${read.merged.size > 4 ? '; …' : ''}`);
      }
    }
    ctx.progress('reading alliances', spec.sources.length, spec.sources.length);
    const ties = collapseTies(rows);
    if (ties.asymmetric > 0) notes.push(`${ties.asymmetric} pair-year(s) with a different level or defence flag in the two directions (or listed one way only): the stronger tie is kept`);
    const covered = mergeRanges(ranges);
    if (!isPortfolioMeasure(measure)) {
      return {
        values: measure === 'obligation' ? ties.level : ties.defence,
        coverage: covered,
        zeroInsideCoverage: true,
        extras: [],
        inputs,
        notes,
      };
    }
    const years = covered.flatMap(yearsIn);
    const portfolio = computePortfolio(ties.level, years, (y) => ctx.stateSystem.members(y), { measure, ties: options.ties, distance: options.distance }, (done, total) =>
      ctx.progress('alliance portfolios', done, total),
    );
    notes.push(`portfolios over the state system of each year (${options.ties} ties, ${options.distance} distances): ${portfolio.values.size} pair-years`);
    if (portfolio.nonMemberTies > 0) notes.push(`${portfolio.nonMemberTies} listed tie(s) with a state outside that year's state system are not part of any portfolio`);
    if (portfolio.undefinedPairs > 0) notes.push(`${portfolio.undefinedPairs} pair-year(s) with a zero denominator (a constant portfolio) are left empty`);
    return { values: portfolio.values, coverage: covered, zeroInsideCoverage: false, extras: [], inputs, notes };
  },
};
