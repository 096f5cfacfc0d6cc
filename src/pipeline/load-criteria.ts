/**
 * Loads the criterion data of `entente validity` (the config's `validation:` block): rivalry
 * and dispute pair-years (`families/kit/criteria/read-criterion-dyads.ts`), defence pacts
 * through the `alliances` family (measure `defence`) and ideal-point distances through the
 * `ideal_points` family (measure `distance`). `allies` and `ideal_points` default to the
 * sources of the config's own indicators of those families. Every missing file is reported
 * before any is read, and the problems of every file together (exit 2).
 */
import path from 'node:path';
import { createCrosswalk } from '../domain/crosswalk.js';
import { AppError, InputError, type Problem } from '../domain/errors.js';
import type { YearRange } from '../domain/year.js';
import type { DyadYearTable } from '../domain/dyad-year-table.js';
import { WarningCollector } from '../core/warnings.js';
import { families } from '../families/families.js';
import type { IndicatorData, SourceSpec } from '../families/family.js';
import { readCriterionDyads, type CriterionFormat } from '../families/kit/criteria/read-criterion-dyads.js';
import { hashFile } from '../format/hash-file.js';
import { checkInputFiles, type ConfigInput } from '../config/config-inputs.js';
import { resolveSourcePath, type ResolvedConfig } from '../config/read-config.js';
import { CRITERION_INPUT_FILES, VALIDATION_FAMILY_KEYS, type ValidationConfig } from '../config/validation-config.js';
import type { ScoreRun } from '../report/score-run.js';
import { loadContext, type ProgressFn } from './load-indicators.js';

/** One loaded criterion data set. */
export interface LoadedCriterion {
  /** `rivalries`, `disputes`, `allies`, `ideal_points`. */
  readonly key: string;
  /** Where it came from: `validation.<key>` or `indicators.<id>` (the config's own sources). */
  readonly from: string;
  /** Pair-years (value > 0 = member) or values (ideal-point distance). */
  readonly values: DyadYearTable;
  readonly years: readonly YearRange[];
  /** Files read, with their SHA-256. */
  readonly files: readonly { readonly path: string; readonly sha256: string }[];
  readonly notes: readonly string[];
  /** What to cite when publishing results that use it. */
  readonly citations: readonly string[];
}

/** The criterion data of a config, by key. */
export type LoadedCriteria = ReadonlyMap<string, LoadedCriterion>;

/** The package the criterion files were exported from. */
const PEACESCIENCER = 'Miller, Steven V. 2022. "peacesciencer: An R Package for Quantitative Peace Science Research." Conflict Management and Peace Science 39(6): 755–779.';

/** The criterion keys read by a reader of `read-criterion-dyads.ts`, with their format. */
const DYAD_CRITERIA: readonly { readonly key: 'rivalries' | 'disputes'; readonly format: CriterionFormat; readonly citations: readonly string[] }[] = [
  { key: 'rivalries', format: 'td_rivalries', citations: ['Thompson, William R., and David R. Dreyer. 2012. Handbook of International Rivalries, 1494–2010. Washington, DC: CQ Press.', PEACESCIENCER] },
  {
    key: 'disputes',
    format: 'cow_mid_ddydisps',
    citations: [
      'Palmer, Glenn, Roseanne W. McManus, Vito D\'Orazio, Michael R. Kenwick, Mikaela Karstens, Chase Bloch, Nick Dietrich, Kayla Kahn, Kellan Ritter, and Michael J. Soules. 2022. "The MID5 Dataset, 2011–2014: Procedures, coding rules, and description." Conflict Management and Peace Science 39(4): 470–482.',
      PEACESCIENCER,
    ],
  },
];

/** The criterion keys read through a family, with the measure they need. */
const FAMILY_CRITERIA: readonly { readonly key: keyof typeof VALIDATION_FAMILY_KEYS; readonly measure: string }[] = [
  { key: 'allies', measure: 'defence' },
  { key: 'ideal_points', measure: 'distance' },
];

/** The sources of a family criterion: the `validation:` block's, else (when `fromIndicators`) the config's first indicator of that family. */
function familySources(config: ResolvedConfig, key: keyof typeof VALIDATION_FAMILY_KEYS, fromIndicators: boolean): { from: string; sources: readonly SourceSpec[] } | null {
  const block = (config.raw.validation as ValidationConfig | undefined)?.[key] as SourceSpec | undefined;
  if (block !== undefined) return { from: `validation.${key}`, sources: [block] };
  if (!fromIndicators) return null;
  const ind = config.indicators.find((i) => i.family.name === VALIDATION_FAMILY_KEYS[key]);
  return ind ? { from: `indicators.${ind.id}`, sources: ind.spec.sources } : null;
}

/**
 * Every criterion input file the `validation:` block names, with its key (for the up-front
 * check of missing files).
 * @example validationInputs(config).map((i) => i.key) // ['validation.rivalries.path', …]
 */
export function validationInputs(config: ResolvedConfig): ConfigInput[] {
  const v = (config.raw.validation ?? {}) as ValidationConfig;
  const out: ConfigInput[] = [];
  for (const { key } of DYAD_CRITERIA) {
    const block = v[key];
    if (block === undefined) continue;
    for (const k of CRITERION_INPUT_FILES) out.push({ key: `validation.${key}.${k.key}`, written: block.path, path: resolveSourcePath(config, block.path) });
  }
  for (const { key } of FAMILY_CRITERIA) {
    const block = v[key] as SourceSpec | undefined;
    if (block === undefined) continue;
    for (const k of families[VALIDATION_FAMILY_KEYS[key]]!.inputFiles) {
      const written = block[k.key];
      if (k.in !== 'source' || typeof written !== 'string') continue;
      out.push({ key: `validation.${key}.${k.key}`, written, path: k.relativeTo === 'config' ? path.resolve(config.dir, written) : resolveSourcePath(config, written) });
    }
  }
  return out;
}

/**
 * Checks that every criterion file of the config exists and is a readable file (one error
 * listing all that are not).
 * @throws {InputError} listing every missing or unusable file.
 */
export async function checkValidationInputs(config: ResolvedConfig): Promise<void> {
  await checkInputFiles(config, validationInputs(config));
}

/**
 * What {@link loadCriteria} reads from: the config, the indicators' data already loaded (a
 * family criterion the config's own indicator holds is taken from it, not read again) and the
 * state system. A scored run ({@link ScoreRun}) is one; so is what `entente validate` loaded.
 */
export type CriteriaContext = Pick<ScoreRun, 'config' | 'data' | 'stateSystem'>;

/** Options of {@link loadCriteria}. */
export interface LoadCriteriaOptions {
  /**
   * Whether defence pacts and ideal points default to the sources of the config's own
   * indicators when the block does not name them (default true). `entente validate` turns it
   * off when the indicators themselves failed to load (their problems are already listed).
   */
  readonly fromIndicators?: boolean;
}

/**
 * Reads the criterion data of a scored run (or of the indicators `entente validate` loaded):
 * the `validation:` block's files, and defence pacts and ideal points from the config's own
 * sources when the block does not name them.
 * @throws {InputError} with the problems of every file together.
 * @example (await loadCriteria(run)).get('rivalries')?.years // [{ from: 1816, to: 2010 }]
 */
export async function loadCriteria(run: CriteriaContext, progress: ProgressFn = () => {}, options: LoadCriteriaOptions = {}): Promise<LoadedCriteria> {
  const config = run.config;
  await checkValidationInputs(config);
  const v = (config.raw.validation ?? {}) as ValidationConfig;
  const crosswalk = createCrosswalk({ succession: config.succession });
  const out = new Map<string, LoadedCriterion>();
  const problems: Problem[] = [];
  let omitted = 0;
  const collect = async (label: string, load: () => Promise<void>) => {
    try {
      await load();
    } catch (e) {
      if (e instanceof InputError) {
        problems.push(...e.problems.map((p) => ({ ...p, message: `[${label}] ${p.message}` })));
        omitted += e.omitted;
      } else if (e instanceof AppError) problems.push({ file: config.file, line: 0, path: label, message: e.message });
      else throw e;
    }
  };
  for (const { key, format, citations } of DYAD_CRITERIA) {
    const block = v[key];
    if (block === undefined) continue;
    await collect(`validation.${key}`, async () => {
      progress(`reading validation.${key}`, 0, 1);
      const file = resolveSourcePath(config, block.path);
      const read = await readCriterionDyads(file, crosswalk, format);
      const notes = [`${block.path}: ${read.rows} rows (${format}), ${read.years ? `${read.years.from}–${read.years.to}` : 'no years'}`];
      if (read.beforeCow > 0) notes.push(`${read.beforeCow} row(s) wholly before 1816, the start of the COW state system, left out`);
      if (read.merged > 0) notes.push(`${read.merged} pair-year(s) whose two codes are one state under the succession rules, skipped`);
      out.set(key, { key, from: `validation.${key}`, values: read.pairYears, years: read.years ? [read.years] : [], files: [{ path: file, sha256: await hashFile(file) }], notes, citations });
      progress(`reading validation.${key}`, 1, 1);
    });
  }
  const warnings = new WarningCollector();
  for (const { key, measure } of FAMILY_CRITERIA) {
    // defence pacts are compared with rivalries or disputes: without either they are not read
    // (configured, not loaded: a broken rivalry file must not hide the problems of the pact file)
    if (key === 'allies' && v.rivalries === undefined && v.disputes === undefined) continue;
    const found = familySources(config, key, options.fromIndicators ?? true);
    if (found === null) continue;
    const family = families[VALIDATION_FAMILY_KEYS[key]]!;
    await collect(found.from, async () => {
      const own = config.indicators.find((i) => `indicators.${i.id}` === found.from);
      let data: IndicatorData;
      if (own !== undefined && own.spec.measure === measure && run.data.has(own.id)) data = run.data.get(own.id)!;
      else {
        const spec = { id: key, family: family.name, sources: found.sources, measure, options: family.optionsSchema.parse({}) as Record<string, unknown> };
        data = await family.load(spec, loadContext(config, found.from, crosswalk, run.stateSystem, warnings, progress));
      }
      out.set(key, { key, from: found.from, values: data.values, years: data.coverage, files: data.inputs.map((f) => ({ path: f.path, sha256: f.sha256 })), notes: data.notes, citations: own === undefined ? family.citations : [] }); // an indicator's sources are cited with the report's
    });
  }
  if (problems.length > 0) throw new InputError(problems, omitted, `${problems.length + omitted} problem(s) in the criterion data of \`validation:\`; nothing was written`);
  return out;
}
