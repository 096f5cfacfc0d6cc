/**
 * The config file's shape (PRODUCT.md), as zod schemas: one source of truth for validation,
 * defaults and the `Config` type. Family-specific keys of an indicator block are validated
 * by the family's own schema (see `io/read-config.ts`).
 */
import { z } from 'zod';
import { DEFAULTS } from '../domain/defaults.js';
import { NORMALISER_NAMES } from '../core/normalise.js';
import { COMBINE_NAMES } from '../core/combine.js';
import { AGGREGATION_NAMES } from '../core/aggregate.js';
import { PANEL_NAMES } from '../core/score.js';
import { IMPUTE_METHODS } from '../core/impute.js';
import { DEFAULT_WEIGHT_RANGE, sensitivitySchema } from './sensitivity-config.js';
import { validationSchema } from './validation-config.js';
import { LATENT_ENTRIES, latentSchema } from './latent-config.js';

const year = z.number().int().min(1000).max(4095);

/**
 * The sizes a config may have (each a schema error with the limit when passed): at most
 * 1,000 `states:` (the state system has about 250), 50,000 `pairs:` (every pair of 250 states
 * is about 31,000), 100 indicators, 100 sources per indicator and 1,000 `succession:` rules.
 * Larger lists are mistakes or attacks, and would cost minutes and gigabytes downstream.
 */
export const CONFIG_LIMITS = { states: 1000, pairs: 50_000, indicators: 100, sources: 100, succession: 1000 } as const;

/** The largest finite number, for the messages of the overflow checks. */
const LARGEST = '1.8e308';

/** Seeds are 32-bit: a larger seed would silently give the stream of a smaller one. */
export const MAX_SEED = 0xffffffff;

const count = (n: number) => n.toLocaleString('en-US');
const iso3 = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO3 code of three capital letters, e.g. RUS');

/** A year range `{ from, to }` with from ≤ to. */
export const yearRangeSchema = z
  .strictObject({ from: year, to: year })
  .refine((r) => r.from <= r.to, { message: '`from` must not be after `to`' });

/**
 * Goalposts of an indicator: raw values at `min` map to 0, at `max` to 1. Both finite, with a
 * finite width (`{ min: -1e308, max: 1e308 }` would divide every value by infinity: all 0).
 */
export const goalpostsSchema = z
  .strictObject({ min: z.number(), max: z.number() })
  .refine((g) => g.max > g.min, { message: 'goalposts need max > min' })
  .refine((g) => Number.isFinite(g.max - g.min), { message: `goalposts need a finite width: max − min must be below ${LARGEST}` });

/**
 * Goalposts from the pool: raw values at the pool's `min_quantile` map to 0, at its
 * `max_quantile` to 1 (type-7 quantiles of every pair-year of the sources), clipped outside.
 */
export const goalpostQuantilesSchema = z
  .strictObject({ min_quantile: z.number().min(0).max(1), max_quantile: z.number().min(0).max(1) })
  .refine((g) => g.min_quantile < g.max_quantile, { message: 'goalposts need min_quantile < max_quantile' });

/**
 * Winsorising before normalisation: values below the pool's `lower` quantile and above its
 * `upper` quantile are set to those quantiles (JRC/COINr outlier treatment).
 */
export const winsoriseSchema = z
  .strictObject({ lower: z.number().min(0).max(0.5).default(0), upper: z.number().min(0.5).max(1).default(1) })
  .refine((w) => w.lower < w.upper, { message: 'winsorise needs lower < upper' });

/** Pair-years a source can flag, left out of the pool a normaliser is fitted on (`pool_exclude:`). */
export const POOL_EXCLUSIONS = ['gap_artefacts'] as const;

/** Keys every indicator block may have, whatever its family. */
export const indicatorCommonShape = {
  family: z.string().min(1),
  source: z.looseObject({ format: z.string() }).optional(),
  sources: z
    .array(z.looseObject({ format: z.string() }))
    .min(1)
    .max(CONFIG_LIMITS.sources, `at most ${count(CONFIG_LIMITS.sources)} sources per indicator`)
    .optional(),
  measure: z.string().optional(),
  weight: z.number().min(0, 'weights must be ≥ 0').default(DEFAULTS.weight),
  normalise: z.enum(NORMALISER_NAMES as [string, ...string[]]).default(DEFAULTS.normalise),
  goalposts: z.union([goalpostsSchema, goalpostQuantilesSchema]).optional(),
  winsorise: winsoriseSchema.optional(),
  pool_exclude: z.array(z.enum(POOL_EXCLUSIONS)).optional(),
  polarity: z.enum(['positive', 'negative']).default(DEFAULTS.polarity),
  combine: z.enum(COMBINE_NAMES as [string, ...string[]]).default(DEFAULTS.combine),
  /** Temporal transforms (applied in the order lag → window → half_life). */
  lag: z.number().int().min(0).max(50).optional(),
  window: z.number().int().min(1).max(50).optional(),
  half_life: z.number().positive().max(100).optional(),
  /** Panel imputation with provenance (see core/impute.ts): `none`, `latest`, `linear` or `nearest`. */
  impute: z.enum(IMPUTE_METHODS).optional(),
  /** How many years away an observation may be and still be imputed (default 3). */
  max_age: z.number().int().min(1).max(50).optional(),
  /** How the indicator enters `aggregation: latent` (see `latent-config.ts`). */
  latent: z.enum(LATENT_ENTRIES).optional(),
} as const;

/** Keys of {@link indicatorCommonShape}, so the rest can go to the family schema. */
export const INDICATOR_COMMON_KEYS: readonly string[] = Object.keys(indicatorCommonShape);

/** An indicator block before family validation (unknown keys kept for the family). */
export const indicatorSchema = z
  .looseObject(indicatorCommonShape)
  .refine((b) => b.source !== undefined || b.sources !== undefined, { message: 'an indicator needs `source:` or `sources:`' })
  .refine((b) => !(b.source !== undefined && b.sources !== undefined), { message: 'use either `source:` or `sources:`, not both' })
  .refine((b) => b.normalise !== 'goalposts' || b.goalposts !== undefined, {
    message: '`normalise: goalposts` needs `goalposts: { min, max }` or `goalposts: { min_quantile, max_quantile }`',
  })
  .refine((b) => b.max_age === undefined || (b.impute ?? 'none') !== 'none', {
    message: '`max_age` is the limit of an imputation: set `impute: latest`, `linear` or `nearest` with it, or remove it',
    path: ['max_age'],
  });

/** A state as written in `states:` (an ISO3 code or an unambiguous name; resolved by the config reader). */
const stateName = z.string().trim().min(1, 'expected an ISO3 code such as RUS');
/** A pair as written in `pairs:` (`A-B`; resolved by the config reader). */
const pair = z.string().regex(/^.+-.+$/, 'expected a pair like RUS-IRN');

/** Longest report name: the folder's name must fit every file system with room for the suffixes. */
export const MAX_REPORT_NAME = 100;

/**
 * A report name: one safe path segment, the folder `reports/<name>/`. Letters, digits, dot,
 * dash and underscore, starting with a letter or digit — so never `.`, `..`, a hidden name,
 * a separator or an absolute path — and at most {@link MAX_REPORT_NAME} characters.
 */
export const reportNameSchema = z
  .string()
  .max(MAX_REPORT_NAME, `a report name has at most ${MAX_REPORT_NAME} characters`)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a report name is one folder name: letters, digits, dot, dash and underscore, starting with a letter or digit (not ".", ".." or a path)');

/**
 * The report name made from a config file's name when the config has no `name:` — its stem
 * (without `.yaml`/`.yml`/`.json`) sanitised to a {@link reportNameSchema}: other characters
 * become `-`, leading dots, dashes and underscores go, and it is cut to the maximum length;
 * `report` when nothing is left (a config named `...yaml` must not name the parent folder).
 * @example reportNameFromFile('my config.yaml') // 'my-config'
 * @example reportNameFromFile('...yaml') // 'report'
 */
export function reportNameFromFile(fileName: string): string {
  const stem = fileName.replace(/\.(ya?ml|json)$/i, '');
  const safe = stem.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[._-]+/, '').slice(0, MAX_REPORT_NAME);
  return reportNameSchema.safeParse(safe).success ? safe : 'report';
}

/** The whole config file. */
export const configSchema = z
  .strictObject({
    name: reportNameSchema.optional(),
    description: z.string().optional(),
    sample: z.boolean().optional(),
    years: yearRangeSchema.optional(),
    states: z
      .array(stateName)
      .min(1)
      .max(CONFIG_LIMITS.states, `at most ${count(CONFIG_LIMITS.states)} states (the state system has about 250)`)
      .optional(),
    pairs: z
      .array(pair)
      .min(1)
      .max(CONFIG_LIMITS.pairs, `at most ${count(CONFIG_LIMITS.pairs)} pairs (every pair of 250 states is about 31,000); use \`states:\` for all pairs among some states`)
      .optional(),
    scale: z
      .tuple([z.number(), z.number()])
      .refine((s) => s[0] < s[1], { message: 'scale must be [low, high] with low < high' })
      .refine((s) => Number.isFinite(s[1] - s[0]), { message: `scale must have a finite width: high − low must be below ${LARGEST} (e.g. [0, 100])` })
      .default([...DEFAULTS.scale] as [number, number]),
    aggregation: z.enum(AGGREGATION_NAMES as [string, ...string[]]).default(DEFAULTS.aggregation),
    formula: z.string().min(1).optional(),
    min_coverage: z.number().min(0).max(1).default(DEFAULTS.minCoverage),
    /** Thin data: fewer indicators (of positive weight) present than this → the index is empty. */
    min_indicators: z.number().int().min(1).max(CONFIG_LIMITS.indicators).optional(),
    precision: z.number().int().min(0).max(12).default(DEFAULTS.precision),
    seed: z.number().int().min(0).max(MAX_SEED, `a seed is a whole number from 0 to ${count(MAX_SEED)} (32 bits)`).default(DEFAULTS.seed),
    geometric_floor: z.number().gt(0).lt(1).default(DEFAULTS.geometricFloor),
    succession: z
      .record(iso3, iso3)
      .refine((r) => Object.keys(r).length <= CONFIG_LIMITS.succession, { message: `at most ${count(CONFIG_LIMITS.succession)} succession rules` })
      .optional(),
    data_dir: z.string().optional(),
    wide: z.boolean().default(false),
    smooth_index: z.number().int().min(1).max(25).optional(),
    /** The chain-linked index (`index_chained`): the year it equals the level index in (see core/chain-index.ts). */
    chain: z.strictObject({ reference_year: year.optional() }).optional(),
    /** `all_pairs`: every pair of existing states in every source year, not only the observed pair-years (core/score.ts). */
    panel: z.enum(PANEL_NAMES).default('observed'),
    /** `effective`: weights calibrated so the effective weights match the nominal ones (analysis/weight-calibration.ts). */
    weights_calibration: z.enum(['none', 'effective']).default('none'),
    /** Settings of `aggregation: latent` (see `latent-config.ts`). */
    latent: latentSchema.optional(),
    /** Uncertain choices of `entente sensitivity` (see `sensitivity-config.ts`). */
    sensitivity: sensitivitySchema.optional(),
    /** Criterion data of `entente validity` (see `validation-config.ts`); never index inputs. */
    validation: validationSchema.optional(),
    indicators: z
      .record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'indicator ids are lower-case letters, digits and _ (they become column names)'), indicatorSchema)
      .refine((r) => Object.keys(r).length <= CONFIG_LIMITS.indicators, { message: `at most ${count(CONFIG_LIMITS.indicators)} indicators` }),
  })
  .refine((c) => Object.keys(c.indicators).length > 0, { message: 'at least one indicator is needed', path: ['indicators'] })
  .refine((c) => c.aggregation !== 'formula' || c.formula !== undefined, { message: '`aggregation: formula` needs `formula:`', path: ['formula'] })
  .refine((c) => c.weights_calibration === 'none' || (c.aggregation !== 'formula' && c.aggregation !== 'latent'), {
    message: '`weights_calibration: effective` calibrates the weights of arithmetic or geometric aggregation; a formula has no weights to calibrate, and the latent model estimates its own',
    path: ['weights_calibration'],
  })
  .refine((c) => c.aggregation !== 'latent' || c.smooth_index === undefined, { message: '`smooth_index` does not apply to `aggregation: latent`: the latent index is already smoothed over each pair\'s years by its random walk', path: ['smooth_index'] })
  .refine((c) => Object.values(c.indicators).some((i) => i.weight > 0), { message: 'at least one weight must be > 0', path: ['indicators'] })
  .refine((c) => Number.isFinite(weightSum(c.indicators) * (1 + (c.sensitivity?.weight_range ?? DEFAULT_WEIGHT_RANGE))), {
    // two weights of 1e308 add up to infinity: every renormalised weight would be 0, every index `low`
    message: `the weights add up to more than ${LARGEST} (with \`sensitivity.weight_range\` applied); use smaller weights — only their ratios matter`,
    path: ['indicators'],
  })
  .refine((c) => (c.scale[1] - c.scale[0]) * 10 ** c.precision >= 1, {
    // scale [0, 1e-9] with 6 decimals would write every index as 0.000000
    message: 'the scale is too narrow for `precision`: high − low must be at least 10^−precision, or every index is written as the same number',
    path: ['scale'],
  });

/** The sum of the indicators' weights. */
function weightSum(indicators: Readonly<Record<string, { readonly weight: number }>>): number {
  let sum = 0;
  for (const id of Object.keys(indicators)) sum += indicators[id]!.weight;
  return sum;
}

/** The parsed config (defaults filled in), before family validation. */
export type RawConfig = z.infer<typeof configSchema>;
