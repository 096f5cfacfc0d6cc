/**
 * The `validation:` block of the config: the criterion data `entente validity` measures the
 * index against. They are never index inputs (`score` does not read them). Each key is a
 * source block, like an indicator's `source:`; relative paths are resolved like source paths
 * (against `data_dir:` / `ENTENTE_DATA_DIR`, else the config's folder).
 *
 * ```yaml
 * validation:
 *   rivalries: { format: td_rivalries, path: validation/td_rivalries.csv.gz }
 *   disputes: { format: cow_mid_ddydisps, path: validation/cow_mid_ddydisps.csv.gz }
 *   allies: { format: atop, path: alliances/atop5.1_ddyr_peacesciencer.csv.gz }   # an `alliances` source block
 *   ideal_points: { format: voeten_ideal, path: unga/…_All_apr2020.csv.gz, dimension: All }   # an `ideal_points` source block
 * ```
 *
 * `allies` and `ideal_points` default to the sources of the config's own `alliances` and
 * `ideal_points` indicators (then the index series computed from them are not measured on
 * that criterion; series scored without them are).
 */
import { z } from 'zod';
import { families } from '../families/families.js';
import type { InputFileKey } from '../families/family.js';

const path = z.string().min(1, 'give the path of the file');

const criterionSource = <F extends string>(format: F) => z.strictObject({ format: z.literal(format).default(format), path });

/** A source block of one family's schema (validated by that family). */
const familySource = (name: string): z.ZodType => families[name]!.sourceSchema;

/** Zod schema of the `validation:` block. @example validationSchema.parse({ rivalries: { path: 'td.csv' } }) */
export const validationSchema = z.strictObject({
  /** Thompson & Dreyer strategic rivalries (peacesciencer's `td_rivalries`). */
  rivalries: criterionSource('td_rivalries').optional(),
  /** COW militarised disputes, non-directed dyad-year (peacesciencer's `cow_mid_ddydisps`). */
  disputes: criterionSource('cow_mid_ddydisps').optional(),
  /** Defence pacts: a source block of the `alliances` family (ATOP or COW). */
  allies: familySource('alliances').optional(),
  /** Ideal points: a source block of the `ideal_points` family. */
  ideal_points: familySource('ideal_points').optional(),
});

/** The parsed `validation:` block. */
export type ValidationConfig = z.infer<typeof validationSchema>;

/** The keys of the block that are source blocks of a family, and which family. */
export const VALIDATION_FAMILY_KEYS = { allies: 'alliances', ideal_points: 'ideal_points' } as const;

/**
 * The keys naming input files in each criterion block, as families declare theirs
 * ({@link InputFileKey}): `path`, relative to the data prefix. The `allies` and
 * `ideal_points` blocks name theirs as their family declares.
 */
export const CRITERION_INPUT_FILES: readonly InputFileKey[] = [{ key: 'path', in: 'source', relativeTo: 'data' }];
