/**
 * The `ideal_points` family: distance between two states' published UN General Assembly ideal
 * points (Bailey, Strezhnev & Voeten 2017) per session, with an interval from the posterior
 * quantiles. See README.md in this folder.
 */
import { z } from 'zod';
import { yearRanges } from '../../domain/year.js';
import { InputError } from '../../domain/errors.js';
import { type Family, type IndicatorData, type IndicatorSpec, type InputFile, type LoadContext, measureTableOf } from '../family.js';
import { hashFile } from '../../format/hash-file.js';
import { computeDistances, INTERVAL_RULES, type IntervalRule, type StateYearIdealPoints } from './compute-distance.js';
import { IDEAL_POINT_MEASURE_NAMES, IDEAL_POINT_MEASURES, isIdealPointMeasureName } from './measures.js';
import { IDEAL_DIMENSIONS, readVoetenIdeal, SESSION_YEAR_OFFSET } from './read-voeten-ideal.js';

const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as unknown as [T, ...T[]]);

/**
 * Zod schema of one `ideal_points` source block: a published ideal-point file, and optionally
 * the dimension it must hold (checked against the file's header).
 * @example idealPointsSourceSchema.parse({ format: 'voeten_ideal', path: 'x.csv', dimension: 'HumanRights' })
 */
export const idealPointsSourceSchema = z.discriminatedUnion('format', [
  z.strictObject({
    format: z.literal('voeten_ideal'),
    path: z.string().min(1, 'give the path of the file'),
    /** The dimension the file must hold (`All`, `Important`, `HumanRights`, `MiddleEast`, `Nuclear`, `NoNukes`). */
    dimension: enumOf(IDEAL_DIMENSIONS).optional(),
  }),
]);
type IdealPointsSource = z.infer<typeof idealPointsSourceSchema>;

/**
 * Zod schema of the family's own keys: `interval` picks the posterior quantiles the `lo`/`hi`
 * bounds are built from (default `q5_q95`).
 * @example idealPointsOptionsSchema.parse({}) // { interval: 'q5_q95' }
 */
export const idealPointsOptionsSchema = z.strictObject({
  interval: enumOf(INTERVAL_RULES).default('q5_q95'),
});

const CITATIONS = [
  'Bailey, Michael A., Anton Strezhnev, and Erik Voeten. 2017. "Estimating Dynamic State Preferences from United Nations Voting Data." Journal of Conflict Resolution 61(2): 430–456.',
  'Voeten, Erik, Anton Strezhnev, and Michael Bailey. United Nations General Assembly Voting Data. Harvard Dataverse, hdl:1902.1/12379, doi:10.7910/DVN/LEJUQZ.',
  'Voeten, Erik. United-Nations-General-Assembly-Votes-and-Ideal-Points (GitHub repository evoeten/United-Nations-General-Assembly-Votes-and-Ideal-Points), Output/Idealpointestimates*.csv.',
];

/** Merges the points of several sources; a state-year given by an earlier source wins. */
function mergePoints(parts: readonly StateYearIdealPoints[]): { points: StateYearIdealPoints; repeated: number } {
  if (parts.length === 1) return { points: parts[0]!, repeated: 0 };
  const seen = new Set<string>();
  const keep: [StateYearIdealPoints, number][] = [];
  let repeated = 0;
  for (const p of parts) {
    for (let i = 0; i < p.count; i++) {
      const k = `${p.state[i]} ${p.year[i]}`;
      if (seen.has(k)) repeated++;
      else {
        seen.add(k);
        keep.push([p, i]);
      }
    }
  }
  const col = (f: (p: StateYearIdealPoints) => ArrayLike<number>) => Float64Array.from(keep, ([p, i]) => f(p)[i]!);
  return {
    points: {
      count: keep.length,
      state: keep.map(([p, i]) => p.state[i]!),
      year: Int32Array.from(keep, ([p, i]) => p.year[i]!),
      theta: col((p) => p.theta),
      q5: col((p) => p.q5),
      q10: col((p) => p.q10),
      q90: col((p) => p.q90),
      q95: col((p) => p.q95),
    },
    repeated,
  };
}

const intervalText: Readonly<Record<IntervalRule, string>> = { q5_q95: '5–95 %', q10_q90: '10–90 %' };

/**
 * The `ideal_points` family (default id `ideal`): `distance` = |θ_A − θ_B| from a published
 * ideal-point file (All votes or an issue dimension), year = session + 1945, polarity negative
 * by default, with `<id>_lo` / `<id>_hi` from the posterior quantiles.
 * @example
 * // entente.yaml
 * // ideal:
 * //   family: ideal_points
 * //   source: { format: voeten_ideal, path: unga/voeten_idealpointestimates_All_apr2020.csv.gz }
 */
export const idealPointsFamily: Family = {
  name: 'ideal_points',
  defaultId: 'ideal',
  title: 'Distance between UN General Assembly ideal points (Bailey, Strezhnev & Voeten)',
  measures: IDEAL_POINT_MEASURE_NAMES,
  measureTable: measureTableOf(IDEAL_POINT_MEASURES),
  inputFiles: [{ key: 'path', in: 'source', relativeTo: 'data' }],
  direction: 'symmetric',
  formats: ['voeten_ideal'],
  optionsSchema: idealPointsOptionsSchema,
  sourceSchema: idealPointsSourceSchema,
  citations: CITATIONS,
  describeMeasure(measure: string): string {
    if (!isIdealPointMeasureName(measure)) throw new RangeError(`unknown ideal_points measure: ${measure}`);
    return IDEAL_POINT_MEASURES[measure].description;
  },
  defaultPolarity: (measure) => (isIdealPointMeasureName(measure) ? IDEAL_POINT_MEASURES[measure].polarity : 'positive'),
  async load(spec: IndicatorSpec, ctx: LoadContext): Promise<IndicatorData> {
    if (!isIdealPointMeasureName(spec.measure)) throw new RangeError(`unknown ideal_points measure: ${spec.measure}`);
    const options = idealPointsOptionsSchema.parse(spec.options);
    const parts: StateYearIdealPoints[] = [];
    const inputs: InputFile[] = [];
    const notes: string[] = [];
    for (const raw of spec.sources) {
      const s: IdealPointsSource = idealPointsSourceSchema.parse(raw);
      const file = ctx.resolvePath(s.path);
      const read = await readVoetenIdeal(file, ctx.crosswalk);
      if (s.dimension !== undefined && s.dimension !== read.dimension) {
        throw new InputError([{ file, line: 1, message: `the header holds the ${read.dimension} dimension, but the source block asks for \`dimension: ${s.dimension}\`; point \`path:\` at the ${s.dimension} file or change \`dimension:\`` }]);
      }
      parts.push(read.points);
      inputs.push({ path: file, sha256: await hashFile(file), role: 'path' });
      const years = yearRanges(Array.from(read.points.year));
      const span = years.length > 0 ? years.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`)).join(', ') : 'no years';
      notes.push(`${s.path}: ${read.points.count} country-sessions, dimension ${read.dimension}, ${span} (year = session + ${SESSION_YEAR_OFFSET})`);
      if (read.missing > 0) notes.push(`${s.path}: ${read.missing} row(s) without an ideal point (missing, not 0)`);
      if (read.collisions.length > 0) {
        notes.push(`${s.path}: ${read.collisions.length} state-session(s) given under two codes that the succession rules report as one state, left empty: ${read.collisions.slice(0, 5).join('; ')}${read.collisions.length > 5 ? '; …' : ''}`);
      }
    }
    const { points, repeated } = mergePoints(parts);
    if (repeated > 0) notes.push(`${repeated} country-session(s) given by more than one source: the first source's value is kept`);
    const d = computeDistances(points, options.interval);
    const rule = intervalText[options.interval];
    return {
      values: d.distance,
      coverage: yearRanges(d.years),
      zeroInsideCoverage: false,
      extras: [
        { suffix: 'lo', table: d.lo, type: 'number', description: `lower bound of the distance from the two states' ${rule} posterior intervals: max(0, l_a − h_b, l_b − h_a) (conservative: covers the distance whenever both ideal points lie in their intervals)` },
        { suffix: 'hi', table: d.hi, type: 'number', description: `upper bound of the distance from the two states' ${rule} posterior intervals: max(h_a − l_b, h_b − l_a)` },
      ],
      inputs,
      notes,
    };
  },
};
