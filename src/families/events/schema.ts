/**
 * The config schema of the `events` family: its source blocks (one per format) and its
 * options, with the error the family raises for a config it cannot run.
 * @module
 */
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import { ACTOR_CODE_SYSTEMS, NON_STATE } from './actor-codes.js';
import { PLOVER_TYPES } from './formats.js';

/** A memory size as the config accepts it, e.g. `2GB`, `512MB`. */
export const MEMORY_SIZE_PATTERN = /^\s*\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$/i;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const path = z.string().min(1, 'give the path of the file (or a glob such as events/*.csv.gz)');
const aliases = z
  .record(z.string().min(1), z.union([z.string().regex(/^[A-Z]{3}$/, 'expected an ISO3 code (e.g. RUS) or non_state'), z.literal(NON_STATE)]))
  .default({});
const common = {
  path,
  /** Code system of the actor columns (default: the format's). */
  codes: z.enum(ACTOR_CODE_SYSTEMS as [string, ...string[]]).optional(),
  /** Extra spellings: raw code → ISO3, or `non_state`. */
  aliases,
  /** Only rows whose day lies in this window (inclusive). */
  dates: z.strictObject({ from: isoDate.optional(), to: isoDate.optional() }).optional(),
} as const;
const cameo = z.array(z.string().regex(/^\d{2,4}$/, 'expected a CAMEO event code or prefix of 2 to 4 digits, e.g. "04" or "190"')).min(1);
const quad = z.array(z.number().int().min(1).max(4)).min(1);

/**
 * Zod schema of one events source block, a union on `format`.
 * @example eventsSourceSchema.parse({ format: 'gdelt_v2', path: 'x.csv' }).actors // 'country'
 */
export const eventsSourceSchema = z.discriminatedUnion('format', [
  z.strictObject({ format: z.literal('edges'), ...common }),
  z.strictObject({
    format: z.literal('gdelt_v2'),
    ...common,
    /** Actor columns: the actors' country codes (`country`, default) or the full actor codes (`code`, as gdelt-graph-data). */
    actors: z.enum(['country', 'code']).default('country'),
    /** The day of an event: when GDELT added it (`dateadded`, default) or the event's own date (`sqldate`). */
    date: z.enum(['dateadded', 'sqldate']).default('dateadded'),
    select: z.strictObject({ cameo: cameo.optional(), quad_class: quad.optional() }).optional(),
  }),
  z.strictObject({ format: z.literal('icews'), ...common, select: z.strictObject({ cameo: cameo.optional(), quad_class: quad.optional() }).optional() }),
  z.strictObject({
    format: z.literal('polecat'),
    ...common,
    select: z.strictObject({ plover: z.array(z.enum(PLOVER_TYPES as [string, ...string[]])).min(1).optional(), quad_class: quad.optional() }).optional(),
  }),
  z.strictObject({ format: z.literal('aggregated'), path }),
]);

/** A validated source block. */
export type EventsSourceSpec = z.infer<typeof eventsSourceSchema>;

/**
 * Zod schema of the family's own keys of an indicator block.
 * @example eventsOptionsSchema.parse({}).min_observed // 0.5
 */
export const eventsOptionsSchema = z.strictObject({
  /** Pairs with fewer days with a row in the period are empty (default 0). */
  min_days: z.number().int().min(0).default(0),
  /** Pairs with fewer events in the period are empty (default 0; edges: pair-day rows). */
  min_events: z.number().int().min(0).default(0),
  /** Periods the source observed on a smaller share of their days are empty (default 0.5). */
  min_observed: z.number().min(0).max(1).default(0.5),
  /** The engine: threads, memory limit (e.g. `2GB`), spill folder; else ENTENTE_DUCKDB_* or defaults. */
  engine: z
    .strictObject({
      threads: z.number().int().min(1).max(256).optional(),
      memory_limit: z.string().regex(MEMORY_SIZE_PATTERN, 'expected a size such as 2GB or 512MB').optional(),
      temp_directory: z.string().min(1).optional(),
    })
    .default({}),
});

/** Validated family options. */
export type EventsOptions = z.infer<typeof eventsOptionsSchema>;

/**
 * An events indicator whose settings do not fit (several sources, a malformed ENTENTE_DUCKDB_*
 * value). Exit 2; the loader places it at the indicator in the config file.
 * @example new EventsConfigError('the events family reads one source per indicator').code // 'E_CONFIG'
 */
export class EventsConfigError extends AppError {
  readonly code = 'E_CONFIG';
}
