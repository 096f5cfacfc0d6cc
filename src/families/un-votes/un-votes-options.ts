import { z } from 'zod';
import type { IssueName } from './roll-call-data.js';

const ISSUES = ['me', 'nu', 'di', 'hr', 'co', 'ec', 'important'] as const satisfies readonly IssueName[];

/**
 * Default `min_joint_votes`: 10. On the unvotes release a pair-year's 90 % bootstrap interval of
 * `agree` has a median width of 0.28 with 5–9 joint votes and 0.23 with 10–14, and cannot be
 * estimated at all below 3 (every resample of one or two votes gives the same value); 1.65 % of
 * the pair-years with a value (13,365 of 809,628) have fewer than 10. See the family README.
 */
export const DEFAULT_MIN_JOINT_VOTES = 10;

/**
 * The family-specific keys of a `un_votes` indicator block, with their defaults (the dataset
 * authors' recipe, SOURCE.md "Verified reproduction"). Typos are rejected (strict object).
 *
 * - `year_by`: `session` (default; year = session + 1945, as every published measure) or
 *   `date` (calendar year of the vote).
 * - `keep_unanimous`: keep roll calls on which every yes/abstain/no voter cast the same
 *   vote (default false: they are dropped).
 * - `absent`: how an absence (code 8, numeric release only) counts: `drop` (default; not a
 *   vote), `abstain`, or `no`.
 * - `issues`: keep only roll calls tagged with at least one of these topics (default: all).
 * - `min_joint_votes`: fewer joint votes than this → the value is absent, never 0 (default
 *   {@link DEFAULT_MIN_JOINT_VOTES} = 10: below it a pair-year's agreement is mostly noise — the
 *   family README gives the measurement on the real data).
 * - `bootstrap`: `{ draws, level, threads }` adds `lo`/`hi` interval columns from resampling
 *   roll calls within each year (default: off). `threads`: worker threads (default
 *   `ENTENTE_BOOTSTRAP_THREADS`, else the cores); the bounds do not depend on it.
 * @example
 * unVotesOptionsSchema.parse({ issues: ['hr'], min_joint_votes: 20 })
 * // { year_by: 'session', keep_unanimous: false, absent: 'drop', issues: ['hr'], min_joint_votes: 20 }
 */
export const unVotesOptionsSchema = z.strictObject({
  year_by: z.enum(['session', 'date']).default('session'),
  keep_unanimous: z.boolean().default(false),
  absent: z.enum(['drop', 'abstain', 'no']).default('drop'),
  issues: z.array(z.enum(ISSUES)).min(1).optional(),
  min_joint_votes: z.int().min(1).default(DEFAULT_MIN_JOINT_VOTES),
  bootstrap: z
    .strictObject({
      draws: z.int().min(10).max(100_000).default(200),
      level: z.number().gt(0).lt(1).default(0.9),
      threads: z.int().min(1).max(64).optional(),
    })
    .optional(),
});

/** Validated options of a `un_votes` indicator (see {@link unVotesOptionsSchema}). */
export type UnVotesOptions = z.infer<typeof unVotesOptionsSchema>;
