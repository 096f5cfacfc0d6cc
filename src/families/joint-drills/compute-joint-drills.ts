/**
 * Joint military exercises → dyad-year values (this family's README.md): merges the sources, removes
 * cross-source duplicates, gives every pair of participants of an exercise its share, and
 * applies the coverage rule (inside coverage no exercise means 0, outside absent).
 */
import { DyadYearTable } from '../../domain/dyad-year-table.js';
import { unpackKey, yearOfKey, YEAR_SPAN as Y } from '../../domain/dyad-year-key.js';
import type { StateSystem } from '../../domain/state-system.js';
import { yearsIn, type YearRange } from '../../domain/year.js';
import type { Exercise } from './exercise.js';
import { exerciseWeight, medianDuration, type ExerciseWeightOptions } from './exercise-weight.js';
import { jointDrillsMeasures, pairShares, type JointDrillsMeasure, type PairShareName } from './measures.js';
import { mergeSources, type DuplicateExercise } from './merge-sources.js';
import { PairCoverage, type SourceCoverage } from './pair-coverage.js';
import { formatPartialDate } from './partial-date.js';
import { yearAllocations } from './year-allocation.js';

/** The exercises of one source with the pair-years it observes. */
export interface JointDrillsSource {
  /** Label for notes (the file's base name). */
  readonly label: string;
  readonly exercises: readonly Exercise[];
  readonly coverage: SourceCoverage;
}

/** Options of {@link computeJointDrills} (the family's options, validated). */
export interface JointDrillsOptions {
  readonly measure: JointDrillsMeasure;
  /** Pair share the `stock` and `window` measures smooth (default `weighted`). */
  readonly base: PairShareName;
  /** Split exercises running across New Year by days (default false: the start year counts). */
  readonly splitYears: boolean;
  readonly weights: ExerciseWeightOptions;
  /** Half-life of `stock`, years. */
  readonly stockHalfLife: number;
  /** Window of `window`, years. */
  readonly windowYears: number;
  /** Start dates of a cross-source duplicate may differ by up to this many days. */
  readonly duplicateDays: number;
}

/** Values, coverage and notes for the indicator. */
export interface JointDrillsResult {
  /** Undirected values; with partial coverage also explicit zeros (see `zeroInsideCoverage`). */
  readonly values: DyadYearTable;
  readonly coverage: readonly YearRange[];
  /**
   * True when every covered year covers every pair (the core fills 0 inside coverage);
   * false when a source covers one state's pairs only — then the covered zeros are explicit
   * in `values`, for every covered pair of states that exist in the year (the state system).
   */
  readonly zeroInsideCoverage: boolean;
  readonly duplicates: readonly DuplicateExercise[];
  /** Exercises counted after merging (with at least two state participants). */
  readonly counted: number;
  readonly notes: readonly string[];
}

/**
 * Computes the dyad-year values of the joint-drills family.
 * Complexity O(Σ_e n_e² + pairs × years) — the second term only with partial coverage.
 * @param system which states exist when: under partial coverage the covered zeros are given to
 *   the pairs of existing states only (never to a state that did not exist)
 * @example
 * // a bilateral and a 5-nation exercise in 2010, MME-style global coverage 2010
 * computeJointDrills([{ label: 'mme', exercises, coverage: { years: { from: 2010, to: 2010 }, state: null } }], options, system)
 *   .values.get('CHN', 'RUS', 2010) // 1 + 0.25
 */
export function computeJointDrills(
  sources: readonly JointDrillsSource[],
  options: JointDrillsOptions,
  system: StateSystem,
): JointDrillsResult {
  const notes: string[] = [];
  const lists = sources.map((s) => {
    const usable = s.exercises.filter((ex) => ex.participants.length >= 2);
    const few = s.exercises.length - usable.length;
    if (few > 0) notes.push(`${s.label}: ${few} exercise(s) with fewer than two identified state participants create no pair and are not counted`);
    return usable;
  });
  const merged = mergeSources(lists, options.duplicateDays);
  notes.push(...duplicateNotes(merged.duplicates, options.duplicateDays));

  const impl = jointDrillsMeasures[options.measure];
  const share = pairShares[impl.share(options.base)];
  const allocate = yearAllocations[options.splitYears ? 'split' : 'start'];
  const imputedDays = options.weights.durationWeighting === 'none' ? 1 : medianDuration(merged.exercises);
  const base = new DyadYearTable(false);
  for (const ex of merged.exercises) {
    const w = exerciseWeight(ex, options.weights, imputedDays) * share(ex.participants.length);
    const p = ex.participants;
    for (const { year, share: part } of allocate(ex)) {
      for (let i = 0; i < p.length; i++) for (let j = i + 1; j < p.length; j++) base.add(p[i]!, p[j]!, year, w * part);
    }
  }

  const coverage = new PairCoverage(sources.map((s) => s.coverage));
  let outside = 0;
  const kept = new DyadYearTable(false);
  for (const k of [...base.keys()].sort((x, y) => x - y)) {
    const { a, b, year } = unpackKey(k);
    if (coverage.covers(a, b, year)) kept.setByKey(k, base.getByKey(k)!);
    else outside++;
  }
  if (outside > 0) {
    notes.push(`${outside} pair-year value(s) fall outside the years and pairs the sources cover and are left out (missing, not 0)`);
  }
  if (options.weights.durationWeighting !== 'none') {
    notes.push(`duration weighting "${options.weights.durationWeighting}": exercises without a known start and end day count as ${imputedDays} day(s) (the median)`);
  }

  const values = impl.series === null ? kept : smooth(kept, coverage, impl.series, options);
  notes.push(coverageNote(sources, coverage));
  if (coverage.partial) fillCoveredZeros(values, coverage, system);
  return {
    values,
    coverage: coverage.partial ? coverage.allYears() : coverage.global,
    zeroInsideCoverage: !coverage.partial,
    duplicates: merged.duplicates,
    counted: merged.exercises.length,
    notes,
  };
}


function smooth(
  base: DyadYearTable,
  coverage: PairCoverage,
  transform: NonNullable<(typeof jointDrillsMeasures)[JointDrillsMeasure]['series']>,
  options: JointDrillsOptions,
): DyadYearTable {
  // group the base by pair (packed pair index), years ascending
  const byPair = new Map<number, Map<number, number>>();
  for (const k of [...base.keys()].sort((x, y) => x - y)) {
    const year = yearOfKey(k);
    const pair = (k - year) / Y;
    let m = byPair.get(pair);
    if (!m) byPair.set(pair, (m = new Map()));
    m.set(year, base.getByKey(k)!);
  }
  const out = new DyadYearTable(false);
  const params = { halfLife: options.stockHalfLife, windowYears: options.windowYears };
  for (const [pair, years] of byPair) {
    const { a, b } = unpackKey(pair * Y);
    const first = Math.min(...years.keys());
    const last = Math.max(coverage.lastYear(a, b) ?? first, ...years.keys());
    const x: number[] = [];
    const covered: boolean[] = [];
    for (let t = first; t <= last; t++) {
      x.push(years.get(t) ?? 0);
      covered.push(coverage.covers(a, b, t));
    }
    transform(x, covered, params).forEach((v, i) => {
      if (v !== null) out.setByKey(pair * Y + first + i, v);
    });
  }
  return out;
}

/**
 * Explicit zeros for every covered pair-year without a value (partial coverage only), among
 * the states that exist in the year.
 */
function fillCoveredZeros(values: DyadYearTable, coverage: PairCoverage, system: StateSystem): void {
  for (const t of coverage.allYears().flatMap(yearsIn)) {
    const states = system.members(t);
    for (let i = 0; i < states.length; i++) {
      for (let j = i + 1; j < states.length; j++) {
        const a = states[i]!;
        const b = states[j]!;
        if (coverage.covers(a, b, t) && !values.has(a, b, t)) values.set(a, b, t, 0);
      }
    }
  }
}

function describe(ex: Exercise): string {
  const name = ex.name === '' || ex.name === '-9' ? 'unnamed' : `"${ex.name}"`;
  return `${ex.source}:${ex.line} ${name} ${formatPartialDate(ex.start)}`;
}

function duplicateNotes(duplicates: readonly DuplicateExercise[], days: number): string[] {
  if (duplicates.length === 0) return [];
  const bySources = new Map<string, number>();
  for (const d of duplicates) {
    const k = `${d.dropped.source} ↔ ${d.kept.source}`;
    bySources.set(k, (bySources.get(k) ?? 0) + 1);
  }
  const head = [...bySources].map(([k, n]) => `${n} in ${k}`).join(', ');
  return [
    `${duplicates.length} exercise(s) appear in two sources (same participants, start within ${days} day(s) or in the same month/year when only that is known) and are counted once (${head}):`,
    ...duplicates.map((d) => `  duplicate: ${describe(d.dropped)} = ${describe(d.kept)} [${d.kept.participants.join(', ')}]`),
  ];
}

function rangesText(ranges: readonly YearRange[]): string {
  return ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`)).join(', ');
}

function coverageNote(sources: readonly JointDrillsSource[], coverage: PairCoverage): string {
  const per = sources
    .map((s) => `${s.label} ${rangesText([s.coverage.years])}${s.coverage.state === null ? '' : ` (pairs with ${s.coverage.state} only)`}`)
    .join('; ');
  const parts = [`coverage: every pair ${coverage.global.length > 0 ? rangesText(coverage.global) : 'in no year'}`];
  for (const [state, ranges] of [...coverage.byState].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    parts.push(`pairs with ${state} only ${rangesText(ranges)}`);
  }
  return `${parts.join('; ')} (sources: ${per}); inside coverage no exercise is 0, outside the value is missing`;
}
