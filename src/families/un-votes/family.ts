/**
 * The `un_votes` family: UN General Assembly voting similarity per pair and year, computed
 * from raw roll calls (this family's README.md; SOURCE.md of the UNGA data). Wires the two readers
 * to the pure computation in `indicators/un-votes/`.
 */
import { stat } from 'node:fs/promises';
import { z } from 'zod';
import { type ExtraColumn, type Family, type IndicatorData, type IndicatorSpec, type InputFile, type LoadContext, measureTableOf } from '../family.js';
import type { Crosswalk } from '../../domain/crosswalk.js';
import type { DyadYearTable } from '../../domain/dyad-year-table.js';
import { hashFile } from '../../format/hash-file.js';
import { InputError, UsageError } from '../../domain/errors.js';
import { readUnvotes } from './read-unvotes.js';
import { readVoetenVotes } from './read-voeten-votes.js';
import type { RollCallData } from './roll-call-data.js';
import { mergeRollCallData } from './merge-roll-call-data.js';
import { unVotesOptionsSchema, type UnVotesOptions } from './un-votes-options.js';
import { isUnMeasureName, UN_MEASURES, UN_MEASURE_NAMES } from './measures.js';
import { bootstrapIntervalsThreaded, bootstrapThreads } from './run-bootstrap-threads.js';
import {
  computeUnVotes,
  boundsTables,
  jointVotesTable,
  measureTable,
  presentMask,
  type ComputeOptions,
  type UnVotesComputation,
} from './score-un-votes.js';

/** Source block of the `unvotes` release: `un_votes`, `un_roll_calls`, optional `un_roll_call_issues`. */
const unvotesSource = z.strictObject({
  format: z.literal('unvotes'),
  votes: z.string().min(1),
  rollcalls: z.string().min(1),
  issues: z.string().min(1).optional(),
});

/** Source block of the numeric COW-coded release: `votes_voeten2017` + its roll-call sheet. */
const voetenSource = z.strictObject({
  format: z.literal('voeten'),
  votes: z.string().min(1),
  rollcalls: z.string().min(1),
});

/**
 * Schema of one `un_votes` source block (discriminated on `format`).
 * @example
 * unVotesSourceSchema.parse({ format: 'unvotes', votes: 'un_votes.csv', rollcalls: 'un_roll_calls.csv' })
 */
export const unVotesSourceSchema = z.discriminatedUnion('format', [unvotesSource, voetenSource]);

/** A validated `un_votes` source block. */
export type UnVotesSource = z.infer<typeof unVotesSourceSchema>;

const CITATIONS = [
  'Voeten, E. (2013). Data and Analyses of Voting in the UN General Assembly. In B. Reinalda (ed.), Routledge Handbook of International Organization. Routledge.',
  'Bailey, M. A., Strezhnev, A. & Voeten, E. (2017). Estimating Dynamic State Preferences from United Nations Voting Data. Journal of Conflict Resolution 61(2): 430–456.',
  'Voeten, E., Strezhnev, A. & Bailey, M. United Nations General Assembly Voting Data. Harvard Dataverse, hdl:1902.1/12379, doi:10.7910/DVN/LEJUQZ.',
  'Robinson, D. & Goguen-Compagnoni, N. unvotes: United Nations General Assembly Voting Data (R package), github.com/dgrtwo/unvotes.',
  'Lijphart, A. (1963). The Analysis of Bloc Voting in the General Assembly: A Critique and a Proposal. American Political Science Review 57(4): 902–917.',
  'Signorino, C. S. & Ritter, J. M. (1999). Tau-b or Not Tau-b: Measuring the Similarity of Foreign Policy Positions. International Studies Quarterly 43(1): 115–144.',
  'Häge, F. M. (2011). Choice or Circumstance? Adjusting Measures of Foreign Policy Similarity for Chance Agreement. Political Analysis 19(3): 287–305.',
];

/**
 * Parsed inputs per crosswalk (succession rules change the states), by format, resolved
 * paths, size and mtime: two indicators on the same files parse once.
 */
const dataCache = new WeakMap<Crosswalk, Map<string, Promise<RollCallData>>>();
/** SHA-256 by path, size and mtime. */
const hashCache = new Map<string, Promise<string>>();
/** Component sums by selection, per parsed input: two measures on one selection count once. */
const computationCache = new WeakMap<RollCallData, Map<string, UnVotesComputation>>();
/** The joint-votes table of a computation, shared by the indicators that use it. */
const jointCache = new WeakMap<UnVotesComputation, DyadYearTable>();

/**
 * The `un_votes` family (default id `un`): similarity of two states' UN General Assembly
 * votes per year — `agree` (default), `identical`, `s_abs`, `s_sq`, `kappa`, `pi` — with the
 * dataset authors' roll-call selection as defaults, the joint-vote count as the extra column
 * `<id>_joint_votes`, and optional bootstrap bounds `<id>_lo` / `<id>_hi`.
 * @example
 * const data = await unVotesFamily.load(
 *   { id: 'un', family: 'un_votes', measure: 'agree', options: {},
 *     sources: [{ format: 'unvotes', votes: 'un_votes.csv', rollcalls: 'un_roll_calls.csv' }] }, ctx);
 * data.values.get('IRN', 'RUS', 2010) // 0.808642
 */
export const unVotesFamily: Family = {
  name: 'un_votes',
  defaultId: 'un',
  title: 'UN General Assembly voting similarity from roll calls (Voeten data)',
  measures: UN_MEASURE_NAMES,
  measureTable: measureTableOf(UN_MEASURES),
  inputFiles: [{ key: 'votes', in: 'source', relativeTo: 'data' }, { key: 'rollcalls', in: 'source', relativeTo: 'data' }, { key: 'issues', in: 'source', relativeTo: 'data' }],
  direction: 'symmetric',
  formats: ['unvotes', 'voeten'],
  optionsSchema: unVotesOptionsSchema,
  sourceSchema: unVotesSourceSchema,
  citations: CITATIONS,
  describeMeasure(measure: string): string {
    if (!isUnMeasureName(measure)) throw new RangeError(`unknown un_votes measure: ${measure}`);
    return UN_MEASURES[measure].description;
  },
  load,
};

async function load(spec: IndicatorSpec, ctx: LoadContext): Promise<IndicatorData> {
  const measure = spec.measure;
  if (!isUnMeasureName(measure)) throw new RangeError(`unknown un_votes measure: ${measure}`);
  const options: UnVotesOptions = unVotesOptionsSchema.parse(spec.options ?? {});
  const sources = spec.sources.map((s) => unVotesSourceSchema.parse(s));
  const files = sources.flatMap((s) => sourceFiles(s, ctx));

  ctx.progress('reading roll calls', 0, 1);
  const hashes = Promise.all(files.map((f) => cachedHash(f.path)));
  hashes.catch(() => undefined); // an unreadable file is reported by the reader first
  const parts = await Promise.all(sources.map((s) => cachedData(s, ctx)));
  const data = mergeRollCallData(parts);
  ctx.progress('reading roll calls', 1, 1);

  const computeOptions: ComputeOptions = {
    year_by: options.year_by,
    keep_unanimous: options.keep_unanimous,
    absent: options.absent,
    issues: options.issues,
  };
  const comp = cachedComputation(data, computeOptions, (done, total) => ctx.progress('scoring pairs', done, total));

  const values = measureTable(comp, measure, options.min_joint_votes);
  let joint = jointCache.get(comp);
  if (joint === undefined) {
    joint = jointVotesTable(comp);
    jointCache.set(comp, joint);
  }
  const extras: ExtraColumn[] = [
    { suffix: 'joint_votes', table: joint, type: 'integer', description: 'number of roll calls on which both states voted yes, abstain or no (after the roll-call selection)' },
  ];
  if (options.bootstrap !== undefined) {
    const b = options.bootstrap;
    const present = presentMask(comp, measure, options.min_joint_votes);
    let threads: number;
    try {
      threads = bootstrapThreads(b.threads, comp.pairs.size);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const bounds = await bootstrapIntervalsThreaded(comp.matrices.years, comp.pairs, present, measure, b, ctx.seed, threads, (done, total) => ctx.progress('bootstrap', done, total));
    const { lo, hi } = boundsTables(comp, bounds);
    const pct = (q: number) => `${Math.round(q * 1000) / 10}% quantile`;
    extras.push(
      { suffix: 'lo', table: lo, type: 'number', description: `${pct((1 - b.level) / 2)} of ${measure} over ${b.draws} bootstrap resamples of the year's roll calls` },
      { suffix: 'hi', table: hi, type: 'number', description: `${pct((1 + b.level) / 2)} of ${measure} over ${b.draws} bootstrap resamples of the year's roll calls` },
    );
  }

  let digests: string[];
  try {
    digests = await hashes;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(files.map((f) => ({ file: f.path, line: 0, message: `cannot read the file: ${(e as Error).message}` })).slice(0, 1));
  }
  const inputs: InputFile[] = files.map((f, i) => ({ path: f.path, role: f.role, sha256: digests[i]! }));
  const notes = [...data.notes, ...comp.notes];
  if (options.min_joint_votes > 1) notes.push(`pair-years with fewer than ${options.min_joint_votes} joint votes are left empty`);
  return { values, coverage: comp.coverage, zeroInsideCoverage: false, extras, inputs, notes };
}

function sourceFiles(s: UnVotesSource, ctx: LoadContext): { path: string; role: string }[] {
  const out = [
    { path: ctx.resolvePath(s.votes), role: 'votes' },
    { path: ctx.resolvePath(s.rollcalls), role: 'rollcalls' },
  ];
  if (s.format === 'unvotes' && s.issues !== undefined) out.push({ path: ctx.resolvePath(s.issues), role: 'issues' });
  return out;
}

async function fileKey(path: string): Promise<string> {
  try {
    const st = await stat(path);
    return `${path}\u0000${st.size}\u0000${st.mtimeMs}`;
  } catch {
    return path; // the reader reports the unreadable file
  }
}

async function cachedHash(path: string): Promise<string> {
  const key = await fileKey(path);
  let h = hashCache.get(key);
  if (h === undefined) {
    h = hashFile(path);
    hashCache.set(key, h);
    h.catch(() => hashCache.delete(key));
  }
  return h;
}

async function cachedData(s: UnVotesSource, ctx: LoadContext): Promise<RollCallData> {
  const files = sourceFiles(s, ctx);
  const key = `${s.format}\u0001${(await Promise.all(files.map((f) => fileKey(f.path)))).join('\u0001')}`;
  let byKey = dataCache.get(ctx.crosswalk);
  if (byKey === undefined) {
    byKey = new Map();
    dataCache.set(ctx.crosswalk, byKey);
  }
  const cache = byKey;
  let p = cache.get(key);
  if (p === undefined) {
    p = readSource(s, files, ctx.crosswalk);
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

function readSource(s: UnVotesSource, files: { path: string; role: string }[], crosswalk: Crosswalk): Promise<RollCallData> {
  const path = (role: string) => files.find((f) => f.role === role)?.path;
  if (s.format === 'voeten') return readVoetenVotes({ votes: path('votes')!, rollcalls: path('rollcalls')! }, crosswalk);
  const issues = path('issues');
  return readUnvotes(issues === undefined ? { votes: path('votes')!, rollcalls: path('rollcalls')! } : { votes: path('votes')!, rollcalls: path('rollcalls')!, issues }, crosswalk);
}

function cachedComputation(
  data: RollCallData,
  options: ComputeOptions,
  progress: (done: number, total: number) => void,
): UnVotesComputation {
  let byKey = computationCache.get(data);
  if (byKey === undefined) {
    byKey = new Map();
    computationCache.set(data, byKey);
  }
  const key = JSON.stringify([
    options.year_by,
    options.keep_unanimous,
    options.absent,
    options.issues ? [...options.issues].sort() : null,
  ]);
  let comp = byKey.get(key);
  if (comp === undefined) {
    comp = computeUnVotes(data, options, progress);
    byKey.set(key, comp);
  }
  return comp;
}
