/**
 * The config file's shape (PRODUCT.md), as zod schemas: one source of truth for validation,
 * defaults and the `Config` type. Family-specific keys of an indicator block are validated
 * by the family's own schema (see `io/read-config.ts`).
 */
import { z } from 'zod';
import { DEFAULTS } from '../defaults.js';
import { NORMALISER_NAMES } from './normalise.js';
import { COMBINE_NAMES } from './combine.js';
import { AGGREGATION_NAMES } from './aggregate.js';
import { sensitivitySchema } from './sensitivity-config.js';

const year = z.number().int().min(1000).max(4095);
const iso3 = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO3 code of three capital letters, e.g. RUS');

/** A year range `{ from, to }` with from ≤ to. */
export const yearRangeSchema = z
  .strictObject({ from: year, to: year })
  .refine((r) => r.from <= r.to, { message: '`from` must not be after `to`' });

/** Goalposts of an indicator: raw values at `min` map to 0, at `max` to 1. */
export const goalpostsSchema = z
  .strictObject({ min: z.number(), max: z.number() })
  .refine((g) => g.max > g.min, { message: 'goalposts need max > min' });

/** Keys every indicator block may have, whatever its family. */
export const indicatorCommonShape = {
  family: z.string().min(1),
  source: z.looseObject({ format: z.string() }).optional(),
  sources: z.array(z.looseObject({ format: z.string() })).min(1).optional(),
  measure: z.string().optional(),
  weight: z.number().min(0, 'weights must be ≥ 0').default(DEFAULTS.weight),
  normalise: z.enum(NORMALISER_NAMES as [string, ...string[]]).default(DEFAULTS.normalise),
  goalposts: goalpostsSchema.optional(),
  polarity: z.enum(['positive', 'negative']).default(DEFAULTS.polarity),
  combine: z.enum(COMBINE_NAMES as [string, ...string[]]).default(DEFAULTS.combine),
  /** Temporal transforms (applied in the order lag → window → half_life). */
  lag: z.number().int().min(0).max(50).optional(),
  window: z.number().int().min(1).max(50).optional(),
  half_life: z.number().positive().max(100).optional(),
} as const;

/** Keys of {@link indicatorCommonShape}, so the rest can go to the family schema. */
export const INDICATOR_COMMON_KEYS: readonly string[] = Object.keys(indicatorCommonShape);

/** An indicator block before family validation (unknown keys kept for the family). */
export const indicatorSchema = z
  .looseObject(indicatorCommonShape)
  .refine((b) => b.source !== undefined || b.sources !== undefined, { message: 'an indicator needs `source:` or `sources:`' })
  .refine((b) => !(b.source !== undefined && b.sources !== undefined), { message: 'use either `source:` or `sources:`, not both' })
  .refine((b) => b.normalise !== 'goalposts' || b.goalposts !== undefined, {
    message: '`normalise: goalposts` needs `goalposts: { min, max }`',
  });

const pair = z.string().regex(/^[A-Z]{3}-[A-Z]{3}$/, 'expected a pair like RUS-IRN');

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
    states: z.array(iso3).min(1).optional(),
    pairs: z.array(pair).min(1).optional(),
    scale: z
      .tuple([z.number(), z.number()])
      .refine((s) => s[0] < s[1], { message: 'scale must be [low, high] with low < high' })
      .default([...DEFAULTS.scale] as [number, number]),
    aggregation: z.enum(AGGREGATION_NAMES as [string, ...string[]]).default(DEFAULTS.aggregation),
    formula: z.string().min(1).optional(),
    min_coverage: z.number().min(0).max(1).default(DEFAULTS.minCoverage),
    precision: z.number().int().min(0).max(12).default(DEFAULTS.precision),
    seed: z.number().int().min(0).default(DEFAULTS.seed),
    geometric_floor: z.number().gt(0).lt(1).default(DEFAULTS.geometricFloor),
    succession: z.record(iso3, iso3).optional(),
    data_dir: z.string().optional(),
    wide: z.boolean().default(false),
    smooth_index: z.number().int().min(1).max(25).optional(),
    /** Uncertain choices of `entente sensitivity` (see `sensitivity-config.ts`). */
    sensitivity: sensitivitySchema.optional(),
    indicators: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'indicator ids are lower-case letters, digits and _ (they become column names)'), indicatorSchema),
  })
  .refine((c) => Object.keys(c.indicators).length > 0, { message: 'at least one indicator is needed', path: ['indicators'] })
  .refine((c) => c.aggregation !== 'formula' || c.formula !== undefined, { message: '`aggregation: formula` needs `formula:`', path: ['formula'] })
  .refine((c) => Object.values(c.indicators).some((i) => i.weight > 0), { message: 'at least one weight must be > 0', path: ['indicators'] });

/** The parsed config (defaults filled in), before family validation. */
export type RawConfig = z.infer<typeof configSchema>;
