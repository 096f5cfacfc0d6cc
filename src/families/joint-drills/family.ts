/**
 * The `joint_drills` family (default id `drills`): joint military exercises → a symmetric
 * dyad-year signal (this family's README.md). Reads MME v7 (wide or the
 * troopdata long form), D'Orazio's JME v3 sheet, plain event lists and wide year-only lists
 * (e.g. Russia's exercises with `implicit_participant: RUS`); merges several sources with
 * duplicates reported; applies the coverage rule (inside coverage no exercise is 0).
 */
import path from 'node:path';
import { z } from 'zod';
import { CODE_SYSTEMS, type CodeSystem } from '../../domain/code-system.js';
import type { Crosswalk } from '../../domain/crosswalk.js';
import type { Iso3 } from '../../domain/country.js';
import { InputError, UnknownCountryError, type Problem } from '../../domain/errors.js';
import { type Family, type IndicatorData, type IndicatorSpec, type InputFile, type LoadContext, measureTableOf } from '../family.js';
import { computeJointDrills, type JointDrillsSource } from './compute-joint-drills.js';
import { DOMAINS, FOCI, type ExerciseList } from './exercise.js';
import { DURATION_WEIGHTING_NAMES } from './exercise-weight.js';
import { addImplicitParticipant } from './implicit-participant.js';
import { JOINT_DRILLS_MEASURES, jointDrillsMeasures, type JointDrillsMeasure } from './measures.js';
import { DEFAULT_DUPLICATE_DAYS } from './merge-sources.js';
import { hashFile } from '../../format/hash-file.js';
import { eventListMapping, JME_MAPPING, MME_LONG_MAPPING, MME_MAPPING, WIDE_EVENT_LIST_DEFAULTS, wideListMapping } from './exercise-list-formats.js';
import type { ExerciseListMapping } from './exercise-list-mapping.js';
import { readExerciseList } from './read-exercise-list.js';

const year = z.number().int().min(1000).max(4095);
const iso3 = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO3 code of three capital letters, e.g. RUS');
const codes = z.enum(CODE_SYSTEMS as [CodeSystem, ...CodeSystem[]]);

/** Keys every joint-drills source block may have. */
const commonSourceShape = {
  /** The file, as published (plain or gzip). */
  path: z.string().min(1),
  /** Years the source covers; default: its first to its last start year. */
  coverage: z
    .strictObject({ from: year, to: year })
    .refine((r) => r.from <= r.to, { message: '`from` must not be after `to`' })
    .optional(),
  /** A state every exercise of the list includes without naming it (e.g. RUS for a list of Russia's exercises). */
  implicit_participant: iso3.optional(),
  /** The only state whose pairs the source observes (`all` = every pair); default: the implicit participant, else `all`. */
  covers_state: z.union([iso3, z.literal('all')]).optional(),
} as const;

/**
 * Zod schema of one source block, a union on `format`.
 * @example jointDrillsSourceSchema.parse({ format: 'events', path: 'my.csv' }) // { format: 'events', path: 'my.csv', codes: 'name' }
 */
export const jointDrillsSourceSchema = z.discriminatedUnion('format', [
  z.strictObject({ format: z.literal('mme'), ...commonSourceShape }),
  z.strictObject({ format: z.literal('mme_long'), ...commonSourceShape }),
  z.strictObject({ format: z.literal('jme'), ...commonSourceShape }),
  z.strictObject({ format: z.literal('events'), ...commonSourceShape, codes: codes.default('name') }),
  z.strictObject({
    format: z.literal('wide_list'),
    ...commonSourceShape,
    codes: codes.default(WIDE_EVENT_LIST_DEFAULTS.codes),
    year_column: z.string().min(1).default(WIDE_EVENT_LIST_DEFAULTS.yearColumn),
    name_column: z.string().min(1).default(WIDE_EVENT_LIST_DEFAULTS.nameColumn),
    participant_prefix: z.string().min(1).default(WIDE_EVENT_LIST_DEFAULTS.participantPrefix),
  }),
]);

/** A validated source block. */
export type JointDrillsSourceSpec = z.infer<typeof jointDrillsSourceSchema>;

/** A per-exercise weight factor: ≥ 0 and at most 1,000,000 (the product of the factors over many exercises must stay finite). */
const exerciseWeight = z.number().min(0).max(1e6, 'an exercise weight is at most 1,000,000 (weights are relative: 0.5, 1, 2 …)');

/**
 * Zod schema of the family-specific keys of an indicator block (defaults filled in).
 * @example jointDrillsOptionsSchema.parse({ domain_weights: { CPX: 0.5 } }).duplicate_days // 3
 */
export const jointDrillsOptionsSchema = z.strictObject({
  /** Split an exercise running across New Year by days (default: it counts in its start year). */
  split_years: z.boolean().default(false),
  /** Multiplier per domain flag, e.g. `{ CPX: 0.5 }`; multiplicative over the flags set; default 1. */
  domain_weights: z.partialRecord(z.enum(DOMAINS), exerciseWeight).default({}),
  /** Multiplier per focus flag, e.g. `{ Humanitarian: 0.5 }`; default 1. */
  focus_weights: z.partialRecord(z.enum(FOCI), exerciseWeight).default({}),
  /** `none` (default), `days` or `log_days` (1 + ln days). */
  duration_weighting: z.enum(DURATION_WEIGHTING_NAMES as [string, ...string[]]).default('none'),
  /** Yearly base smoothed by `stock` and `window`: `weighted` (default) or `count`. */
  base: z.enum(['weighted', 'count']).default('weighted'),
  /** Half-life of `measure: stock`, years (default 5). */
  stock_half_life: z.number().positive().max(100).default(5),
  /** Window of `measure: window`, years (default 5). */
  window_years: z.number().int().min(1).max(50).default(5),
  /** Start dates of the same exercise in two sources may differ by this many days (default 3). */
  duplicate_days: z.number().int().min(0).max(366).default(DEFAULT_DUPLICATE_DAYS),
});

/** Validated family options. */
export type JointDrillsOptionsSpec = z.infer<typeof jointDrillsOptionsSchema>;

type SourceOf<F extends JointDrillsSourceSpec['format']> = Extract<JointDrillsSourceSpec, { format: F }>;

/** The column mapping of each `format:` (exercise-list-formats.ts), read by the one exercise-list reader. */
const mappings: { readonly [F in JointDrillsSourceSpec['format']]: (source: SourceOf<F>) => ExerciseListMapping } = {
  mme: () => MME_MAPPING,
  mme_long: () => MME_LONG_MAPPING,
  jme: () => JME_MAPPING,
  events: (s) => eventListMapping({ codes: s.codes }),
  wide_list: (s) => wideListMapping({ codes: s.codes, yearColumn: s.year_column, nameColumn: s.name_column, participantPrefix: s.participant_prefix }),
};

/** The mapping of a validated source block. */
function mappingOf(s: JointDrillsSourceSpec): ExerciseListMapping {
  return (mappings[s.format] as (source: JointDrillsSourceSpec) => ExerciseListMapping)(s);
}

const MAX_LINES_LISTED = 12;

/**
 * The joint military exercises family: every pair of participants of an exercise, counted in
 * the year it starts; measures `weighted` (default, Σ 1/(n − 1)), `count`, `stock`, `window`.
 * @example
 * // entente.yaml
 * // drills: { family: joint_drills, source: { format: mme, path: mme_v7.csv.gz }, measure: weighted }
 */
export const jointDrillsFamily: Family = {
  name: 'joint_drills',
  defaultId: 'drills',
  title: 'Joint military exercises (MME, JME, event lists): bilateral-weighted exercises per pair and year',
  measures: JOINT_DRILLS_MEASURES,
  measureTable: measureTableOf(jointDrillsMeasures),
  inputFiles: [{ key: 'path', in: 'source', relativeTo: 'data' }],
  direction: 'symmetric',
  formats: ['mme', 'mme_long', 'jme', 'events', 'wide_list'],
  optionsSchema: jointDrillsOptionsSchema,
  sourceSchema: jointDrillsSourceSchema,
  citations: [
    "D'Orazio, V. & Galambos, K. (2021). Multinational Military Exercises, 1980–2010 (MME), v7. Harvard Dataverse, doi:10.7910/DVN/KHFODX.",
    "D'Orazio, V. Joint Military Exercises (JME) data, 1970–2010, v3 coding sheet; introduced in \"Joint Military Exercises: Introducing a Dataset\" (Pennsylvania State University).",
    'Flynn, M. E. et al. troopdata: R package with the long (exercise × country × year) reshaping of MME v7 with Gleditsch–Ward codes, github.com/meflynn/troopdata.',
    'Kuo, R. & Blankenship, B. (2021). Deterrence and Restraint: Do Joint Military Exercises Escalate Conflict? Journal of Conflict Resolution, doi:10.1177/00220027211023147.',
  ],
  describeMeasure: (measure) => jointDrillsMeasures[measure as JointDrillsMeasure]?.description ?? `unknown measure ${measure}`,
  load: loadJointDrills,
};

async function loadJointDrills(spec: IndicatorSpec, ctx: LoadContext): Promise<IndicatorData> {
  const options = jointDrillsOptionsSchema.parse(spec.options);
  const problems: Problem[] = [];
  let omitted = 0;
  const sources: JointDrillsSource[] = [];
  const inputs: InputFile[] = [];
  const notes: string[] = [];
  let done = 0;
  for (const raw of spec.sources) {
    const s = jointDrillsSourceSchema.parse(raw);
    const file = ctx.resolvePath(s.path);
    ctx.progress(`reading ${path.basename(file)}`, done, spec.sources.length);
    let list: ExerciseList;
    try {
      list = await readExerciseList(file, ctx.crosswalk, mappingOf(s));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems);
      omitted += e.omitted;
      continue;
    }
    done++;
    inputs.push({ path: file, sha256: await hashFile(file), role: 'path' });
    const implicit = s.implicit_participant === undefined ? null : resolveIso3(s.implicit_participant, ctx.crosswalk, file, 'implicit_participant', problems);
    const coversRaw = s.covers_state ?? s.implicit_participant ?? 'all';
    const covers = coversRaw === 'all' ? null : resolveIso3(coversRaw, ctx.crosswalk, file, 'covers_state', problems);
    const years = s.coverage ?? list.years;
    if (years === null) {
      problems.push({ file, line: 0, message: 'no exercise could be read, so the years the source covers are unknown; declare them with `coverage: { from, to }` in the source block' });
      continue;
    }
    let exercises = list.exercises;
    notes.push(...readerNotes(list, s.coverage !== undefined ? 'declared' : 'inferred', years));
    if (implicit !== null) {
      const added = addImplicitParticipant(exercises, implicit);
      exercises = added.exercises;
      notes.push(`${list.source}: ${implicit} added to every exercise as the implicit participant (${added.alreadyListed} already named it)`);
    }
    if (list.skipped.length > 0) {
      ctx.warn({ kind: 'skipped-entity', message: `${list.skipped.length} non-state participant entries skipped (see \`entente validate\`)`, file });
    }
    sources.push({ label: list.source, exercises, coverage: { years, state: covers } });
  }
  if (problems.length > 0) throw new InputError(problems, omitted, `${problems.length + omitted} problem(s) in the exercise sources of "${spec.id}"`);

  const result = computeJointDrills(
    sources,
    {
      measure: spec.measure as JointDrillsMeasure,
      base: options.base,
      splitYears: options.split_years,
      weights: {
        domainWeights: options.domain_weights,
        focusWeights: options.focus_weights,
        durationWeighting: options.duration_weighting as (typeof DURATION_WEIGHTING_NAMES)[number],
      },
      stockHalfLife: options.stock_half_life,
      windowYears: options.window_years,
      duplicateDays: options.duplicate_days,
    },
    ctx.stateSystem,
  );
  if (result.duplicates.length > 0) {
    ctx.warn({ kind: 'duplicate-across-sources', message: `${result.duplicates.length} exercise(s) of "${spec.id}" appear in two sources and are counted once (see \`entente validate\`)` });
  }
  ctx.progress('reading exercises', spec.sources.length, spec.sources.length);
  return {
    values: result.values,
    coverage: result.coverage,
    zeroInsideCoverage: result.zeroInsideCoverage,
    extras: [],
    inputs,
    notes: [...notes, `${result.counted} exercise(s) counted after merging the sources`, ...result.notes],
  };
}

function resolveIso3(code: string, crosswalk: Crosswalk, file: string, key: string, problems: Problem[]): Iso3 | null {
  try {
    return crosswalk.resolve('iso3', code);
  } catch (e) {
    if (!(e instanceof UnknownCountryError)) throw e;
    problems.push({ file, line: 0, path: key, message: `${key}: ${e.message}` });
    return null;
  }
}

/** `lines 11, 46, 52 (×6), … 12 more`: distinct lines with repeats counted, the first few listed. */
function linesText(lines: readonly number[]): string {
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(l, (counts.get(l) ?? 0) + 1);
  const items = [...counts].sort((x, y) => x[0] - y[0]).map(([l, n]) => (n > 1 ? `${l} (×${n})` : `${l}`));
  const shown = items.slice(0, MAX_LINES_LISTED).join(', ');
  const word = items.length === 1 ? 'line' : 'lines';
  return items.length > MAX_LINES_LISTED ? `${word} ${shown}, … ${items.length - MAX_LINES_LISTED} more` : `${word} ${shown}`;
}

/** Notes on what a reader read, skipped and could not read. */
function readerNotes(list: ExerciseList, how: 'declared' | 'inferred', years: { from: number; to: number }): string[] {
  const out = [`${list.source}: ${list.exercises.length} exercise(s) read from ${list.rows} row(s); coverage ${years.from}–${years.to} (${how})`];
  if (list.skipped.length > 0) {
    const byRaw = new Map<string, { reason: string; lines: number[] }>();
    for (const s of list.skipped) {
      const e = byRaw.get(s.raw);
      if (e) e.lines.push(s.line);
      else byRaw.set(s.raw, { reason: s.reason, lines: [s.line] });
    }
    const parts = [...byRaw]
      .sort((x, y) => y[1].lines.length - x[1].lines.length || (x[0] < y[0] ? -1 : 1))
      .map(([raw, e]) => `"${raw}" ×${e.lines.length} (${e.reason}; ${linesText(e.lines)})`);
    out.push(`${list.source}: ${list.skipped.length} non-state participant entr${list.skipped.length === 1 ? 'y' : 'ies'} skipped: ${parts.join('; ')}`);
  }
  if (list.unreadable.length > 0) {
    out.push(`${list.source}: ${list.unreadable.length} cell(s) could not be read as given:`);
    out.push(...list.unreadable.map((u) => `  line ${u.line}: ${u.message}`));
  }
  return out;
}
