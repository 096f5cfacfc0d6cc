/**
 * UN General Assembly voting similarity per pair and year, from raw roll calls: selection,
 * vote matrices, one pass of component sums, then any measure of the table in
 * `measures.ts` (this family's README.md; SOURCE.md "Verified reproduction").
 */
import type { Iso3 } from '../../domain/country.js';
import { type DyadYearTable } from '../../domain/dyad-year-table.js';
import { packKey } from '../../domain/dyad-year-key.js';
import { yearRanges, type YearRange } from '../../domain/year.js';
import type { RollCallData } from './roll-call-data.js';
import { selectRollCalls, type RollCallSelection, type SelectionOptions } from './select-roll-calls.js';
import { buildVoteMatrices, type AbsencePolicy, type VoteMatrices } from './vote-matrix.js';
import { computePairComponents, ComponentsCursor, STRIDE, type PairYearComponents } from './pair-components.js';
import { UN_MEASURES, type UnMeasureName } from './measures.js';
import { bootstrapIntervals, type BootstrapBounds, type BootstrapOptions } from './bootstrap-intervals.js';
import { SortedDyadYearTable } from '../../domain/sorted-dyad-year-table.js';

/** Selection and absence choices that determine the component sums. */
export interface ComputeOptions extends SelectionOptions {
  readonly absent: AbsencePolicy;
}

/** Everything the measures need, computed once per selection and reused by every measure. */
export interface UnVotesComputation {
  readonly states: readonly Iso3[];
  readonly selection: RollCallSelection;
  readonly matrices: VoteMatrices;
  readonly pairs: PairYearComponents;
  /** Packed dyad-year key of each pair-year (see {@link DyadYearTable.key}). */
  readonly keys: Float64Array;
  /** Years with at least one kept roll call. */
  readonly coverage: readonly YearRange[];
  readonly notes: readonly string[];
}

/**
 * Selects roll calls, builds the vote matrices and counts the component sums of every pair
 * of states in every year (both states voting; K ≥ 1). Always every year and every state of
 * the data: a run's subset is selected later, so a value never depends on the subset.
 * @example
 * const comp = computeUnVotes(data, { year_by: 'session', keep_unanimous: false, absent: 'drop' });
 * measureTable(comp, 'agree', 1).get('IRN' as Iso3, 'RUS' as Iso3, 2010) // 0.808642
 */
export function computeUnVotes(
  data: RollCallData,
  options: ComputeOptions,
  progress?: (done: number, total: number) => void,
): UnVotesComputation {
  const selection = selectRollCalls(data, options);
  const coverage = yearRanges(selection.years.map((y) => y.year));
  const matrices = buildVoteMatrices(data, selection, options.absent);
  const states = data.votes.states;
  const pairs = computePairComponents(matrices.years, null, progress);
  // packed key = key of (a, b) in year 0 + year: pack each pair once
  const keys = new Float64Array(pairs.size);
  let lastA = -1;
  let lastB = -1;
  let base = 0;
  for (let p = 0; p < pairs.size; p++) {
    const a = pairs.a[p]!;
    const b = pairs.b[p]!;
    if (a !== lastA || b !== lastB) {
      base = packKey(states[a]!, states[b]!, 0);
      lastA = a;
      lastB = b;
    }
    keys[p] = base + pairs.year[p]!;
  }

  const d = selection.dropped;
  const notes = [
    `${countCalls(selection)} roll calls kept in ${selection.years.length} years; dropped: ${d.session19} in session 19, ${d.unanimous} unanimous, ${d.issue} outside the issue filter${d.noDate > 0 ? `, ${d.noDate} without a date` : ''}`,
  ];
  if (matrices.conflicts > 0) {
    notes.push(`${matrices.conflicts} vote(s) left out where two seats mapped to one state voted differently on the same roll call (check the crosswalk's succession rules)`);
  }
  if (!data.recordsAbsences && options.absent !== 'drop') {
    notes.push(`absent: ${options.absent} has no effect: this release records no absences`);
  }
  return { states, selection, matrices, pairs, keys, coverage, notes };
}

/**
 * The measure per pair-year as a symmetric {@link DyadYearTable}: present when the pair has
 * at least `minJointVotes` joint votes and the measure is defined; absent otherwise (never 0).
 * @example measureTable(comp, 'identical', 1).get('RUS' as Iso3, 'USA' as Iso3, 2010) // 0.2823529…
 */
export function measureTable(comp: UnVotesComputation, measure: UnMeasureName, minJointVotes: number): DyadYearTable {
  return tableOf(comp, measureValues(comp, measure, minJointVotes));
}

/**
 * The measure of every pair-year of the computation, NaN where it is absent (fewer than
 * `minJointVotes` joint votes, or undefined).
 * @example measureValues(comp, 'kappa', 10)[0] // a number, or NaN
 */
export function measureValues(comp: UnVotesComputation, measure: UnMeasureName, minJointVotes: number): Float64Array {
  const m = UN_MEASURES[measure];
  const cursor = new ComponentsCursor(comp.pairs);
  const out = new Float64Array(comp.pairs.size);
  for (let p = 0; p < comp.pairs.size; p++) {
    cursor.at(p);
    const v = cursor.k >= minJointVotes ? m.compute(cursor) : null;
    out[p] = v === null ? NaN : v;
  }
  return out;
}

/**
 * The number of joint votes K of every pair-year with K ≥ 1 (integer table).
 * @example jointVotesTable(comp).get('RUS' as Iso3, 'USA' as Iso3, 2010) // 85
 */
export function jointVotesTable(comp: UnVotesComputation): DyadYearTable {
  const s = comp.pairs.sums;
  const k = new Float64Array(comp.pairs.size);
  for (let p = 0; p < k.length; p++) k[p] = s[p * STRIDE]!;
  return tableOf(comp, k);
}

/**
 * Bootstrap interval bounds as two tables (`lo`, `hi`), present where the measure is.
 * The point estimates ({@link measureTable}) do not depend on this call.
 * @example intervalTables(comp, 'agree', 1, { draws: 200, level: 0.9 }, 42).lo.get(…)
 */
export function intervalTables(
  comp: UnVotesComputation,
  measure: UnMeasureName,
  minJointVotes: number,
  options: BootstrapOptions,
  seed: number,
  progress?: (done: number, total: number) => void,
): { lo: DyadYearTable; hi: DyadYearTable } {
  const present = presentMask(comp, measure, minJointVotes);
  return boundsTables(comp, bootstrapIntervals(comp.matrices.years, comp.pairs, present, UN_MEASURES[measure], options, seed, progress));
}

/**
 * 1 for each pair-year where the measure is present (see {@link measureValues}), else 0: the
 * pair-years the bootstrap computes.
 * @example presentMask(comp, 'agree', 10)[0] // 1 or 0
 */
export function presentMask(comp: UnVotesComputation, measure: UnMeasureName, minJointVotes: number): Uint8Array {
  return Uint8Array.from(measureValues(comp, measure, minJointVotes), (v) => (v === v ? 1 : 0));
}

/**
 * Bootstrap bounds per pair-year of the computation (NaN = absent) as two tables.
 * @example boundsTables(comp, bootstrapIntervals(…)).hi.get('IRN' as Iso3, 'RUS' as Iso3, 2010)
 */
export function boundsTables(comp: UnVotesComputation, bounds: BootstrapBounds): { lo: DyadYearTable; hi: DyadYearTable } {
  return { lo: tableOf(comp, bounds.lo), hi: tableOf(comp, bounds.hi) };
}

/**
 * A symmetric table of the pair-years' values, NaN = absent. Pair-years come in key order
 * (see {@link computePairComponents}), so the table is built sorted, in one sequential pass.
 */
function tableOf(comp: UnVotesComputation, values: Float64Array): DyadYearTable {
  const size = comp.pairs.size;
  let n = 0;
  for (let p = 0; p < size; p++) if (values[p] === values[p]) n++;
  if (n === size) return SortedDyadYearTable.fromSorted(false, comp.keys, values); // every pair-year: share the keys
  const k = new Float64Array(n);
  const v = new Float64Array(n);
  let j = 0;
  for (let p = 0; p < size; p++) {
    const x = values[p]!;
    if (x !== x) continue;
    k[j] = comp.keys[p]!;
    v[j] = x;
    j++;
  }
  return SortedDyadYearTable.fromSorted(false, k, v);
}

function countCalls(s: RollCallSelection): number {
  let n = 0;
  for (const y of s.years) n += y.calls.length;
  return n;
}
