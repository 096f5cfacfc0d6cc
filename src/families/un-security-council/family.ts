/**
 * The `un_security_council` family (default id `unsc`): how two states vote in the UN
 * Security Council, whether one shields the other from the Council's measures, and whether two
 * permanent members veto together. Wires the readers (member votes with their corrections,
 * the veto list, the failed-drafts sample, the library's meeting tables) to the checks and the
 * pure measures. See README.md in this folder.
 */
import { stat } from 'node:fs/promises';
import { z } from 'zod';
import type { Crosswalk } from '../../domain/crosswalk.js';
import type { Iso3 } from '../../domain/country.js';
import { COUNTRIES } from '../../domain/crosswalk-data.js';
import { mergeRanges, yearRanges, type YearRange } from '../../domain/year.js';
import { DEFAULTS } from '../../domain/defaults.js';
import { InputError, UnknownCountryError, type Problem } from '../../domain/errors.js';
import { directionOf, type Family, type IndicatorData, type IndicatorSpec, type InputFile, type LoadContext, measureTableOf, type SourceSpec } from '../family.js';
import { hashFile } from '../../format/hash-file.js';
import { applyCorrections, type AppliedCorrection } from './corrections.js';
import type { CouncilDraft } from './council-draft.js';
import { buildDrafts, type MemberResolver } from './council-drafts.js';
import { permanentSeatHolders, permanentSeats, seatHolderName } from './council-seats.js';
import { checkMeetings } from './check-meetings.js';
import { checkVetoes } from './check-vetoes.js';
import { computeCouncil, type CouncilData } from './compute-council.js';
import { deriveMembership, type Membership } from './membership.js';
import { isUnscMeasureName, UNSC_MEASURE_NAMES, UNSC_MEASURES, type UnscMeasureName } from './measures.js';
import { readUnscCorrections } from './read-unsc-corrections.js';
import { readUnscFailedDrafts } from './read-unsc-failed-drafts.js';
import { readUnscMeetings } from './read-unsc-meetings.js';
import { readUnscVetoes, type VetoRecord } from './read-unsc-vetoes.js';
import { readUnscVotes } from './read-unsc-votes.js';
import { DEFAULT_TARGETS, isCountrySpecific, targetIndex, targetsOf, type TargetIndex } from './target-mapping.js';

const path = z.string().min(1);

/** `format: unsc_votes` — the member-level voting file, with its corrections file (a path relative to the config file, not to `data_dir`: the corrections are yours). */
const votesSource = z.strictObject({ format: z.literal('unsc_votes'), path, corrections: path.optional() });
/** `format: unsc_vetoes` — the list of vetoed drafts. */
const vetoesSource = z.strictObject({ format: z.literal('unsc_vetoes'), path });
/** `format: unsc_failed_drafts` — the hand-entered sample of failed votes; `role: votes` adds its drafts in years without a votes file. */
const failedSource = z.strictObject({ format: z.literal('unsc_failed_drafts'), path, role: z.enum(['check', 'votes']).default('check') });
/** `format: unsc_meetings` — the library's meeting tables, a check of dates and tallies. */
const meetingsSource = z.strictObject({ format: z.literal('unsc_meetings'), path });

/**
 * Schema of one source block of the family (discriminated on `format`).
 * @example unscSourceSchema.parse({ format: 'unsc_votes', path: 'votes.csv.gz', corrections: 'corrections.csv' })
 */
export const unscSourceSchema = z.discriminatedUnion('format', [votesSource, vetoesSource, failedSource, meetingsSource]);
type UnscSource = z.infer<typeof unscSourceSchema>;

const KNOWN_ISO3 = new Set(COUNTRIES.map((c) => c.iso3 as string));
const iso3List = z.array(z.string().refine((c) => KNOWN_ISO3.has(c), { message: 'expected an ISO3 code the crosswalk knows, e.g. IRN' }));
const ruleMap = z.record(z.string().min(1), iso3List);

/**
 * Schema of the family's own indicator keys.
 * @example unscOptionsSchema.parse({ min_joint_votes: 3, targets: { topics: { 'Middle East (Syria)': ['SYR', 'ISR'] } } })
 */
export const unscOptionsSchema = z.strictObject({
  /** Keep drafts on which every recorded vote was Yes (`agree`, `identical`). */
  keep_unanimous: z.boolean().default(false),
  /** Fewest drafts a value rests on (joint votes; drafts concerning B for the shield measures). */
  min_joint_votes: z.number().int().min(1).default(1),
  /** Overrides of the mapping of drafts to the states they concern (by draft symbol, topic, agenda item). */
  targets: z.strictObject({ drafts: ruleMap.optional(), topics: ruleMap.optional(), agendas: ruleMap.optional() }).optional(),
});
type UnscOptions = z.infer<typeof unscOptionsSchema>;

const CITATIONS = [
  'United Nations Security Council, meeting records S/PV.nnnn and resolutions S/RES/nnnn, https://www.un.org/securitycouncil/; Dag Hammarskjöld Library, Security Council voting records, meetings and outcomes, and veto list, https://research.un.org/en/docs/sc/quick',
  'Unverdorben, O. Voting-Agent: Security Council voting records 1994–2025 (data/sc_voting.xlsx), GitHub repository oliverunv/Voting-Agent, commit b4aa6cb1ae64c2c8e2799fd22278bbd72a9a2ceb (no licence stated).',
  'Yordan, C. L. / The World Politics Data Lab (2022). Vetoes in the UN Security Council, 1946–2022 (unsc_vetoes_1946_sept2022.csv), GitHub repository world-politics-datalab/vetoes-un-security-council, commit 661c5246872143cf16e500e4e7f2f70a45df5ac8, MIT licence.',
  'Tong, E. UNSC For Us: failed Security Council votes and meeting outcomes (cleaned_data_unsc.xlsx, sample_1946_2019.xlsx), GitHub repository emilytong123/unsc_for_us, commit 6346d1c963be416b1ffe358b7c5b193a7bc201fe (no licence stated).',
];

/**
 * The UN Security Council family (`family: un_security_council`, default id `unsc`): `agree`
 * (default) and `identical` between two members on the year's contested drafts; `shield`
 * (A → B: A's No votes and vetoes on the drafts concerning B) and `veto_shield`; `co_veto` between
 * two permanent members. Extra columns `<id>_joint_votes` and, for the shield measures,
 * `<id>_drafts_on_a` / `<id>_drafts_on_b`.
 * @example
 * // entente.yaml
 * // unsc: { family: un_security_council, measure: shield, combine: max,
 * //   sources: [{ format: unsc_votes, path: unsc/unsc_sc_voting_1994-2025.csv.gz,
 * //               corrections: indicators/unsc/corrections-1994-2025.csv }] }
 */
export const unscFamily: Family = {
  name: 'un_security_council',
  defaultId: 'unsc',
  title: 'UN Security Council: voting agreement, shielding and joint vetoes from member-level votes',
  measures: UNSC_MEASURE_NAMES,
  measureTable: measureTableOf(UNSC_MEASURES),
  inputFiles: [{ key: 'path', in: 'source', relativeTo: 'data' }, { key: 'corrections', in: 'source', relativeTo: 'config' }],
  direction: 'symmetric',
  measureDirections: Object.fromEntries(UNSC_MEASURE_NAMES.map((m) => [m, UNSC_MEASURES[m].direction])),
  formats: ['unsc_votes', 'unsc_vetoes', 'unsc_failed_drafts', 'unsc_meetings'],
  optionsSchema: unscOptionsSchema,
  sourceSchema: unscSourceSchema,
  citations: CITATIONS,
  describeMeasure(measure: string): string {
    if (!isUnscMeasureName(measure)) throw new RangeError(`unknown un_security_council measure: ${measure}`);
    return UNSC_MEASURES[measure].description;
  },
  load,
};

/** Everything read and checked from an indicator's sources (shared by indicators on the same files). */
export interface SourcesRead {
  /** Drafts with the member votes the measures use. */
  readonly drafts: readonly CouncilDraft[];
  /** Drafts of the votes files (used for the mapping report). */
  readonly voteFileDrafts: readonly CouncilDraft[];
  readonly vetoOnly: readonly VetoRecord[];
  readonly voteYears: ReadonlySet<number>;
  readonly vetoOnlyYears: ReadonlySet<number>;
  readonly membership: Membership;
  readonly voteCoverage: readonly YearRange[];
  readonly vetoCoverage: readonly YearRange[];
  readonly notes: readonly string[];
  readonly details: readonly string[];
  readonly inputs: readonly { path: string; role: string }[];
}

const cache = new WeakMap<Crosswalk, Map<string, Promise<SourcesRead>>>();

async function load(spec: IndicatorSpec, ctx: LoadContext): Promise<IndicatorData> {
  const measure = spec.measure;
  if (!isUnscMeasureName(measure)) throw new RangeError(`unknown un_security_council measure: ${measure}`);
  const options: UnscOptions = unscOptionsSchema.parse(spec.options ?? {});
  const sources = spec.sources.map((s) => unscSourceSchema.parse(s));
  const read = await cachedRead(sources, ctx);
  if (measure !== 'co_veto' && read.voteYears.size === 0) {
    const first = sources[0];
    throw new InputError([
      {
        file: first ? ctx.resolvePath(first.path) : spec.id,
        line: 0,
        message: `indicator "${spec.id}" (measure ${measure}) needs member votes: add a source with format unsc_votes (or unsc_failed_drafts with role: votes); the veto list alone gives only co_veto`,
      },
    ]);
  }
  const index = targetIndex(DEFAULT_TARGETS, options.targets ?? {});
  const seatsOf = seatMemo(ctx.crosswalk);
  const data: CouncilData = {
    drafts: read.drafts,
    vetoOnly: read.vetoOnly,
    voteYears: read.voteYears,
    vetoOnlyYears: read.vetoOnlyYears,
    members: read.membership.byYear,
    seats: seatsOf,
    targets: (d) => targetsOf(d, index).targets,
  };
  ctx.progress('scoring pairs', 0, 1);
  const result = computeCouncil(data, measure, { keepUnanimous: options.keep_unanimous, minJointVotes: options.min_joint_votes });
  ctx.progress('scoring pairs', 1, 1);
  const mapping = mappingReport(read.voteFileDrafts, index, measure);
  const inputs: InputFile[] = [];
  for (const f of read.inputs) inputs.push({ ...f, sha256: await hashFile(f.path) });
  const coverage = measure === 'co_veto' ? mergeRanges([...read.voteCoverage, ...read.vetoCoverage]) : [...read.voteCoverage];
  const notes = [...read.notes, ...mapping.notes];
  if (options.min_joint_votes > 1) notes.push(`values resting on fewer than ${options.min_joint_votes} drafts are left empty`);
  if (directionOf(unscFamily, measure) === 'directed') notes.push(`${measure} is directed (A → B); the index combines both directions with the indicator's combine rule`);
  return { values: result.values, coverage, zeroInsideCoverage: false, extras: result.extras, inputs, notes, details: [...read.details, ...mapping.details] };
}

function seatMemo(crosswalk: Crosswalk): (year: number) => Iso3[][] {
  const memo = new Map<number, Iso3[][]>();
  return (year) => {
    let s = memo.get(year);
    if (s === undefined) memo.set(year, (s = permanentSeatHolders(crosswalk, year)));
    return s;
  };
}

/** The drafts the mapping leaves unmapped (country-specific ones are listed), and a summary. */
function mappingReport(drafts: readonly CouncilDraft[], index: TargetIndex, measure: UnscMeasureName): { notes: string[]; details: string[] } {
  let mapped = 0;
  let none = 0;
  const unmapped: CouncilDraft[] = [];
  for (const d of drafts) {
    const t = targetsOf(d, index);
    if (t.targets === null) {
      if (isCountrySpecific(d)) unmapped.push(d);
    } else if (t.targets.length > 0) mapped++;
    else none++;
  }
  const notes = [
    `drafts concerning a state (project mapping of topics and agenda items, overridable with targets:): ${mapped} mapped to states, ${none} to no single state, ${unmapped.length} country-specific draft(s) unmapped` +
      (unmapped.length > 0 ? ` (listed by \`entente validate\`${measure === 'shield' || measure === 'veto_shield' ? '; they count for no state' : ''})` : ''),
  ];
  const details = unmapped.map((d) => `unmapped country-specific draft: ID ${d.id} (${d.draft || '—'}, ${d.date ?? d.year}), topic "${d.topic}", agenda "${d.agenda}": add it to targets:`);
  return { notes, details };
}

async function fileKey(p: string): Promise<string> {
  try {
    const st = await stat(p);
    return `${p}\u0000${st.size}\u0000${st.mtimeMs}`;
  } catch {
    return p; // the reader reports the unreadable file
  }
}

async function cachedRead(sources: readonly UnscSource[], ctx: LoadContext): Promise<SourcesRead> {
  const parts: string[] = [];
  for (const s of sources) {
    parts.push(s.format, await fileKey(ctx.resolvePath(s.path)));
    if (s.format === 'unsc_votes' && s.corrections !== undefined) parts.push(await fileKey(correctionsPath(s.corrections, ctx)));
    if (s.format === 'unsc_failed_drafts') parts.push(s.role);
  }
  const key = parts.join('\u0001');
  let byKey = cache.get(ctx.crosswalk);
  if (byKey === undefined) cache.set(ctx.crosswalk, (byKey = new Map()));
  let p = byKey.get(key);
  if (p === undefined) {
    p = readSources(sources, ctx);
    byKey.set(key, p);
    const m = byKey;
    p.catch(() => m.delete(key));
  }
  return p;
}

/** A corrections file is the user's own: relative to the config file, not to the data folder. */
function correctionsPath(p: string, ctx: LoadContext): string {
  return ctx.resolveConfigPath ? ctx.resolveConfigPath(p) : ctx.resolvePath(p);
}

function memberResolver(crosswalk: Crosswalk): MemberResolver {
  const memo = new Map<string, Iso3 | { error: string }>();
  return (name, date, year) => {
    const n = seatHolderName(name, date, year);
    const key = `${n}\u0000${year}`;
    let r = memo.get(key);
    if (r === undefined) {
      try {
        r = crosswalk.resolve('name', n, year);
      } catch (e) {
        if (!(e instanceof UnknownCountryError)) throw e;
        r = { error: e.message };
      }
      memo.set(key, r);
    }
    return r;
  };
}

/**
 * Reads and checks an indicator's sources: the votes with their corrections, the veto list,
 * the failed-drafts sample and the meeting tables; throws one {@link InputError} with every
 * problem of every file. Used by {@link unscFamily}'s `load` (cached) and by analyses that need
 * the drafts themselves.
 * @example
 * const read = await readCouncilSources([{ format: 'unsc_votes', path: 'votes.csv.gz', corrections: 'corrections.csv' }], ctx);
 * read.drafts.filter((d) => d.outcome === 'vetoed').length // 67 on the corrected 1994–2025 file
 */
export async function readCouncilSources(sources: readonly SourceSpec[], ctx: LoadContext): Promise<SourcesRead> {
  return readSources(sources.map((s) => unscSourceSchema.parse(s)), ctx);
}

async function readSources(sources: readonly UnscSource[], ctx: LoadContext): Promise<SourcesRead> {
  const resolve = memberResolver(ctx.crosswalk);
  const permanent = permanentSeats(ctx.crosswalk);
  const problems: Problem[] = [];
  let omitted = 0;
  const addProblems = (ps: readonly Problem[], extra = 0) => {
    for (const p of ps) {
      if (problems.length < DEFAULTS.maxErrors) problems.push(p);
      else omitted++;
    }
    omitted += extra;
  };
  const collect = async <T>(run: () => Promise<T>): Promise<T | null> => {
    try {
      return await run();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      addProblems(e.problems, e.omitted);
      return null;
    }
  };
  const notes: string[] = [];
  const details: string[] = [];
  const inputs: { path: string; role: string }[] = [];
  const voteFileDrafts: CouncilDraft[] = [];
  const voteCoverage: YearRange[] = [];
  const vetoes: { file: string; records: VetoRecord[] }[] = [];
  const samples: { file: string; role: 'check' | 'votes'; drafts: readonly CouncilDraft[] }[] = [];
  const meetings: { file: string; outcomes: Awaited<ReturnType<typeof readUnscMeetings>> }[] = [];

  for (const [i, s] of sources.entries()) {
    const file = ctx.resolvePath(s.path);
    ctx.progress('reading the Council sources', i, sources.length);
    if (s.format === 'unsc_votes') {
      inputs.push({ path: file, role: 'votes' });
      const correctionsFile = s.corrections === undefined ? null : correctionsPath(s.corrections, ctx);
      if (correctionsFile !== null) inputs.push({ path: correctionsFile, role: 'corrections' });
      const [votes, corrections] = await Promise.all([collect(() => readUnscVotes(file)), correctionsFile === null ? Promise.resolve([]) : collect(() => readUnscCorrections(correctionsFile))]);
      if (votes === null || corrections === null) continue;
      const corrected = applyCorrections(votes.rows, corrections, correctionsFile ?? file);
      if (corrected.problems.length > 0) {
        addProblems(corrected.problems);
        continue;
      }
      const built = buildDrafts(corrected, file, resolve, permanent);
      if (built.problems.length > 0) {
        const hint = correctionsFile === null ? ' (this source has no corrections: file; the voting file 1994–2025 has known errors, corrected by indicators/unsc/corrections-1994-2025.csv)' : '';
        addProblems(built.problems.map((p, k) => (k === 0 && hint !== '' ? { ...p, message: p.message + hint } : p)));
        continue;
      }
      const years = built.drafts.map((d) => d.year);
      const range = { from: Math.min(...years), to: Math.max(...years) };
      if (built.drafts.length > 0) {
        if (voteCoverage.some((r) => r.from <= range.to && range.from <= r.to)) {
          addProblems([{ file, line: 0, message: `covers ${range.from}–${range.to}, which another unsc_votes source of this indicator also covers; give each year's votes once` }]);
          continue;
        }
        voteCoverage.push(range);
      }
      voteFileDrafts.push(...built.drafts);
      notes.push(
        `votes ${file}: ${votes.rows.length} member vote(s) on ${built.drafts.length} draft(s), ${built.drafts.length > 0 ? `${range.from}–${range.to}` : 'no year'}` +
          (correctionsFile === null ? '; no corrections' : `; ${summariseCorrections(corrected.applied, correctionsFile)} (each listed by \`entente validate\`)`),
      );
      details.push(...corrected.applied.map((a) => a.text));
    } else if (s.format === 'unsc_vetoes') {
      inputs.push({ path: file, role: 'vetoes' });
      const records = await collect(() => readUnscVetoes(file, resolve, permanent));
      if (records !== null) vetoes.push({ file, records });
    } else if (s.format === 'unsc_failed_drafts') {
      inputs.push({ path: file, role: `failed_drafts (${s.role})` });
      const sample = await collect(() => readUnscFailedDrafts(file, resolve, permanent));
      if (sample !== null) {
        samples.push({ file, role: s.role, drafts: sample.drafts });
        details.push(...sample.notes);
      }
    } else {
      inputs.push({ path: file, role: 'meetings' });
      const outcomes = await collect(() => readUnscMeetings(file));
      if (outcomes !== null) meetings.push({ file, outcomes });
    }
  }
  ctx.progress('reading the Council sources', sources.length, sources.length);

  // the veto list and the votes must agree where both cover
  for (const v of vetoes) {
    const check = checkVetoes(voteFileDrafts, v.records, v.file, permanent);
    addProblems(check.problems);
    notes.push(...check.notes);
    details.push(...check.details);
  }
  if (problems.length > 0) throw new InputError(problems, omitted, `${problems.length + omitted} problem(s) in the Security Council sources; nothing was written`);

  const inVotes = (y: number) => voteCoverage.some((r) => y >= r.from && y <= r.to);
  const drafts: CouncilDraft[] = voteFileDrafts.filter((d) => d.votes !== null);
  const sampleYears: number[] = [];
  for (const s of samples) {
    const inside = s.drafts.filter((d) => inVotes(d.year));
    details.push(...compareSample(inside, voteFileDrafts, s.file));
    const outside = s.drafts.filter((d) => !inVotes(d.year));
    if (s.role === 'votes') {
      drafts.push(...outside);
      sampleYears.push(...outside.map((d) => d.year));
    }
    notes.push(
      `failed-drafts sample ${s.file}: ${s.drafts.length} vote(s); ${inside.length} in years of the votes file, compared with it (differences listed by \`entente validate\`); ` +
        (s.role === 'votes' ? `${outside.length} in other years added to the measures (a sample of failed votes only, not every draft of those years)` : `${outside.length} in other years not used (role: check)`),
    );
  }
  for (const m of meetings) {
    const check = checkMeetings(voteFileDrafts, m.outcomes, m.file);
    notes.push(...check.notes);
    details.push(...check.details);
  }
  const allVetoes = vetoes.flatMap((v) => v.records);
  const membership = deriveMembership(drafts, permanent, allVetoes);
  notes.push(...membership.notes);
  details.push(...membership.details);
  const voteYears = new Set(drafts.map((d) => d.year));
  for (const r of voteCoverage) for (let y = r.from; y <= r.to; y++) voteYears.add(y);
  const vetoCoverage: YearRange[] = vetoes.filter((v) => v.records.length > 0).map((v) => ({ from: Math.min(...v.records.map((r) => r.year)), to: Math.max(...v.records.map((r) => r.year)) }));
  const vetoOnlyYears = new Set<number>();
  for (const r of vetoCoverage) for (let y = r.from; y <= r.to; y++) if (!voteYears.has(y)) vetoOnlyYears.add(y);
  const vetoOnly = allVetoes.filter((v) => vetoOnlyYears.has(v.year));
  return {
    drafts,
    voteFileDrafts,
    vetoOnly,
    voteYears,
    vetoOnlyYears,
    membership,
    voteCoverage: mergeRanges([...voteCoverage, ...yearRanges(sampleYears)]),
    vetoCoverage: mergeRanges(vetoCoverage),
    notes,
    details,
    inputs,
  };
}

function summariseCorrections(applied: readonly AppliedCorrection[], file: string): string {
  const counts = new Map<string, number>();
  for (const a of applied) counts.set(a.correction.action, (counts.get(a.correction.action) ?? 0) + 1);
  const parts = [...counts].map(([k, n]) => `${n} ${k}`);
  return `${applied.length} correction(s) from ${file} applied${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

/** The sample's drafts in years of the votes file, compared member by member with the votes file's draft of the same symbol. */
function compareSample(sample: readonly CouncilDraft[], votes: readonly CouncilDraft[], file: string): string[] {
  const out: string[] = [];
  for (const s of sample) {
    const where = `${file}:${s.origin.line}: ${s.draft} (${s.year})`;
    const match = votes.filter((d) => d.symbol !== null && d.symbol === s.symbol && d.year === s.year);
    const d = match.find((x) => x.outcome === s.outcome) ?? match[0];
    if (d === undefined) {
      out.push(`${where}: not in the votes file`);
      continue;
    }
    if (d.votes === null) {
      out.push(`${where}: the votes file's member votes of ID ${d.id} are unknown (dropped by a correction); the sample has ${s.votes!.map((v) => `${v.state} ${v.vote}`).join(', ')}`);
      continue;
    }
    const mine = new Map(d.votes.map((v) => [v.state, v.vote]));
    const diff = s.votes!.filter((v) => mine.get(v.state) !== v.vote).map((v) => `${v.state} ${v.vote} (votes file: ${mine.get(v.state) ?? 'no row'})`);
    if (diff.length > 0) out.push(`${where}: differs from ID ${d.id}: ${diff.join(', ')}`);
  }
  return out;
}
