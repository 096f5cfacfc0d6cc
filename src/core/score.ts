/**
 * The scoring pipeline, pure: indicator values (kept to the pair-years whose states exist) →
 * panel of pair-years → raw values with the coverage rule → temporal transforms →
 * normalisation with polarity → weighted aggregation with renormalised weights → index on the
 * configured scale, with contributions → the `years`/`states`/`pairs` selection.
 * Columnar (typed arrays, NaN = missing) so a million pair-years stay fast.
 *
 * Subset invariance: every number of a row is a function of the whole sources only — temporal
 * transforms run on each pair's whole series, normalisation is fitted on every pair-year of the
 * sources, the index smoothing sees every year of the pair — so a pair-year's row is the same
 * bytes whichever `years`, `states` or `pairs` a run asks for.
 */
import { iso3Index, type Iso3 } from '../domain/country.js';
import { DyadYearTable } from '../domain/dyad-year-table.js';
import { yearOfKey, CODE_SPAN as N, YEAR_SPAN as Y } from '../domain/dyad-year-key.js';
import type { StateSystem } from '../domain/state-system.js';
import { inRanges, mergeRanges, yearRanges, type YearRange } from '../domain/year.js';
import type { IndicatorData } from '../domain/indicator-data.js';
import type { AggregationName, AggregateSettings } from './aggregate.js';
import { aggregateColumns } from './aggregate-columns.js';
import { combiners, type CombineName } from './combine.js';
import type { CompiledFormula } from './formula.js';
import { fitNormaliser, type NormaliseParams, type NormaliserName, type QuantileLevels } from './normalise.js';
import { applyTemporal, hasTemporal, type TemporalSpec } from './temporal.js';
import { smoothIndex } from './smooth-index.js';
import { chainIndex, defaultReferenceYear } from './chain-index.js';
import { imputeColumn, pickRows, withNeighbours, type ImputedColumn, type ImputeSpec } from './impute.js';
import { restrictToStateSystem } from './state-membership.js';
import { mapColumns, newColumn, toShared, type ScoreExtra, type ScoreTable } from './score-table.js';

/** One indicator as the scorer needs it. */
export interface ScoreIndicator {
  readonly id: string;
  readonly weight: number;
  /** The configured weight when `weight` is a calibrated one: the coverage rule uses it. */
  readonly nominalWeight?: number | undefined;
  readonly normalise: NormaliserName;
  readonly goalposts?: { readonly min: number; readonly max: number } | undefined;
  /** Goalposts from the pool's quantiles (`goalposts: { min_quantile, max_quantile }`). */
  readonly goalpostQuantiles?: QuantileLevels | undefined;
  /** Winsorising at the pool's quantiles before the normaliser (`winsorise:`). */
  readonly winsorise?: QuantileLevels | undefined;
  /** Kinds of flagged pair-years left out of the normaliser's pool (`pool_exclude:`). */
  readonly poolExclude?: readonly string[] | undefined;
  readonly polarity: 'positive' | 'negative';
  readonly combine: CombineName;
  readonly temporal: TemporalSpec;
  readonly data: IndicatorData;
  /** `impute:` with `max_age:` (see impute.ts); absent = none. */
  readonly impute?: ImputeSpec | undefined;
}

/** Settings of a scoring run. */
export interface ScoreOptions {
  readonly scale: readonly [number, number];
  readonly aggregation: AggregationName;
  readonly formula: CompiledFormula | null;
  readonly minCoverage: number;
  /** `min_indicators`: below this many indicators of positive weight present the index is empty (default 1). */
  readonly minIndicators?: number | undefined;
  readonly geometricFloor: number;
  readonly years: YearRange | null;
  readonly states: readonly Iso3[] | null;
  readonly pairs: readonly (readonly [Iso3, Iso3])[] | null;
  /** `smooth_index`: trailing moving average of the index over this many years (see smooth-index.ts). */
  readonly smoothIndex?: number | undefined;
  /** Which states exist when: a pair-year is scored only when both of its states exist. */
  readonly stateSystem: StateSystem;
  /**
   * `chain.reference_year`: the year the chain-linked index equals the level index in (see
   * chain-index.ts); undefined = the year of the fullest basket ({@link defaultReferenceYear}).
   */
  readonly chainReferenceYear?: number | undefined;
  /**
   * `panel:` which pair-years a run has before any filter: `observed` (default) = every
   * pair-year some indicator has a value for; `all_pairs` = those and every pair of existing
   * states in every year the sources cover (rows with no value are written empty, or filled by
   * imputation), so a pair has a row in every year both states exist.
   */
  readonly panel?: PanelName | undefined;
}

/** The `panel:` choices (see {@link ScoreOptions.panel}). */
export const PANEL_NAMES = ['observed', 'all_pairs'] as const;
/** One of {@link PANEL_NAMES}. */
export type PanelName = (typeof PANEL_NAMES)[number];

export type { ScoreExtra, ScoreTable } from './score-table.js';

/**
 * Scores a panel. Symmetric in the pair (the panel is undirected), independent of the order
 * of input rows, and within `scale`.
 * @example
 * const t = scorePanel([{ id: 'un', weight: 1, normalise: 'none', polarity: 'positive', combine: 'max', temporal: {}, data }], opts);
 * t.index[0] // e.g. 70.5
 */
export function scorePanel(indicators: readonly ScoreIndicator[], options: ScoreOptions): ScoreTable {
  const tables = memberTables(indicators, options.stateSystem);
  // Normalisation is fitted on the pool — every pair-year of the sources, before any
  // years/states/pairs filter — so a pair-year's index does not depend on the subset scored.
  const pool = unionKeys(tables);
  // the unfiltered panel: the pool, or with `panel: all_pairs` every pair-year of existing states too
  const base = options.panel === 'all_pairs' ? mergeUnique(pool, allPairKeys(indicators, tables, options.stateSystem)) : pool;
  const filtered = options.states !== null || options.pairs !== null || options.years !== null;
  const panel = filtered ? selectYears(workKeys(indicators, tables, options, base), options.years) : base;
  // the chain-linked index of a row depends on every year of its pair: those are scored too
  const chained = filtered ? mergeUnique(panel, poolYearsOfPairs(base, panel)) : base;
  const w = options.smoothIndex ?? 1;
  if (!(w > 1)) {
    const t = scoreKeys(indicators, tables, pool, chained, options);
    return chained.length === panel.length ? t : selectKeys(t, panel);
  }
  // a smoothed row averages the index of the pair's w − 1 years before it, whether or not the
  // panel shows those years (cut off by `years`, or rows of no source value that a zero-recording
  // source still gives a 0): they are scored too, then left out
  const work = withPrecedingYears(chained, w - 1, options.stateSystem);
  const smoothed = smoothIndex(scoreKeys(indicators, tables, pool, work, options), w);
  return work.length === panel.length ? smoothed : selectKeys(smoothed, panel);
}

/**
 * Every pair-year, sorted, whose two states exist, from the first to the last year the sources
 * cover ({@link sourceYears}): the pair-years `panel: all_pairs` adds.
 * Range: at most (states choose 2) × years keys.
 * @example allPairKeys(indicators, tables, system).length // e.g. 1,140,000 for 1946–2024
 */
export function allPairKeys(indicators: readonly ScoreIndicator[], tables: readonly DyadYearTable[], system: StateSystem): Float64Array {
  const years = sourceYears(indicators, tables);
  if (years.length === 0) return new Float64Array(0);
  const from = years[0]!.from;
  const to = years[years.length - 1]!.to;
  const codes = system.states.map(iso3Index).sort((x, y) => x - y);
  const out: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++) {
      const p = codes[i]! * N + codes[j]!;
      for (let y = from; y <= to; y++) {
        const k = p * Y + y;
        if (system.pairExists(k)) out.push(k);
      }
    }
  }
  return Float64Array.from(out);
}

/** The keys of `pool` (sorted) whose pair has a key in `keys` (sorted): every pool year of those pairs. */
function poolYearsOfPairs(pool: Float64Array, keys: Float64Array): Float64Array {
  const pairs = new Set<number>();
  for (const k of keys) pairs.add(Math.floor(k / Y));
  return pool.filter((k) => pairs.has(Math.floor(k / Y)));
}

/**
 * The keys and, for each, the same pair's `k` years before it in which the pair exists, sorted
 * without repeats (keys sorted by pair, then year).
 */
function withPrecedingYears(keys: Float64Array, k: number, system: StateSystem): Float64Array {
  const out: number[] = [];
  let last = -1; // last key written
  for (let r = 0; r < keys.length; r++) {
    const key = keys[r]!;
    const year = yearOfKey(key);
    const first = Math.max(key - Math.min(k, year), last + 1, key - year);
    for (let x = first; x < key; x++) if (system.pairExists(x)) out.push(x);
    out.push(key);
    last = key;
  }
  return out.length === keys.length ? keys : Float64Array.from(out);
}

/**
 * The indicators' values as undirected tables (the `combine` rule applied) of the pair-years
 * whose two states exist; one table per indicator, in order.
 * @example memberTables(indicators, system)[0].get('DDR', 'RUS', 1995) // null: East Germany no longer existed
 */
export function memberTables(indicators: readonly ScoreIndicator[], system: StateSystem): DyadYearTable[] {
  return indicators.map((ind) => restrictToStateSystem(toUndirected(ind.data, ind.combine), system).table);
}

function scoreKeys(indicators: readonly ScoreIndicator[], tables: readonly DyadYearTable[], pool: Float64Array, keys: Float64Array, options: ScoreOptions): ScoreTable {
  const n = keys.length;
  const raw: Float64Array[] = [];
  const norm: Float64Array[] = [];
  const imputed: (ImputedColumn | null)[] = [];
  const poolPresent = options.chainReferenceYear === undefined ? new Float64Array(pool.length) : null;
  let poolYears: Float64Array | null = null; // made once, read by every normaliser
  indicators.forEach((ind, i) => {
    const poolRaw = rawColumn(pool, tables[i]!, ind, options.stateSystem);
    if (poolPresent) for (let r = 0; r < pool.length; r++) if (poolRaw[r] === poolRaw[r]) poolPresent[r] = poolPresent[r]! + ind.weight;
    const panelRaw = keys === pool ? poolRaw : rawColumn(keys, tables[i]!, ind, options.stateSystem);
    // fitted on observed values only: imputation never moves an observed cell
    const fitted = fitNormaliser(ind.normalise, fitPool(poolRaw, pool, ind), normaliseParams(ind), (poolYears ??= yearsOf(pool)));
    const filled = imputedCells(keys, tables[i]!, ind, options.stateSystem, panelRaw);
    const out = newColumn(n);
    for (let r = 0; r < n; r++) {
      const x = panelRaw[r]!;
      const v = fitted(x === x || filled === null ? x : filled.values[r]!, yearOfKey(keys[r]!));
      out[r] = ind.polarity === 'negative' ? 1 - v : v;
    }
    raw.push(panelRaw);
    norm.push(out);
    imputed.push(filled);
  });
  const weights = Float64Array.from(indicators.map((i) => i.weight));
  const settings: AggregateSettings = {
    geometricFloor: options.geometricFloor,
    formula: options.formula ? { compiled: options.formula, ids: indicators.map((i) => i.id) } : null,
  };
  const total = weights.reduce((s, w) => s + w, 0);
  const coverageWeights = indicators.some((i) => i.nominalWeight !== undefined) ? Float64Array.from(indicators.map((i) => i.nominalWeight ?? i.weight)) : undefined;
  const { index, coverage, contrib, weightUsed } = aggregateColumns(norm, weights, {
    scale: options.scale,
    aggregation: options.aggregation,
    minCoverage: options.minCoverage,
    minIndicators: options.minIndicators ?? 1,
    settings,
    coverageWeights,
    column: newColumn,
  });
  // the reference year is a property of the sources (the pool), never of the rows asked for
  const reference = options.chainReferenceYear ?? (total > 0 ? defaultReferenceYear(pool, poolPresent!.map((x) => x / total)) : null);
  const model = { weights, aggregation: options.aggregation, settings, scale: options.scale };
  const indexChained = reference === null ? newColumn(n).fill(NaN) : chainIndex(keys, index, norm, model, reference, keys === pool ? null : inPool(keys, pool));
  const extras: ScoreExtra[] = [];
  indicators.forEach((ind) => {
    for (const x of ind.data.extras) extras.push({ column: `${ind.id}_${x.suffix}`, values: valuesOn(keys, x.table), type: x.type, description: x.description });
  });
  indicators.forEach((ind, i) => {
    const f = imputed[i];
    if (f) extras.push({ column: `${ind.id}_imputed_from`, values: f.from, type: 'integer', description: `${ind.id}: the year whose observed value was imputed to this pair-year (impute: ${ind.impute!.method}, max_age ${ind.impute!.maxAge}); ${ind.id}_raw stays empty there and ${ind.id}_norm, ${ind.id}_contrib use the imputed value; empty for an observed or missing value` });
  });
  const hasImputed = imputed.some((x) => x !== null);
  return {
    keys: toShared(keys), ids: indicators.map((i) => i.id), index, indexChained, chainReferenceYear: reference, coverage, raw, norm, contrib, weightUsed, extras,
    ...(hasImputed ? { imputed: imputed.map((x) => x?.values ?? null) } : {}),
  };
}

/**
 * The imputed cells of one indicator on `keys` (null when it imputes nothing): imputation reads
 * the pair's observed values within `max_age` years, scored on the keys and their neighbours.
 */
function imputedCells(keys: Float64Array, table: DyadYearTable, ind: ScoreIndicator, system: StateSystem, observed: Float64Array): ImputedColumn | null {
  const spec = ind.impute;
  if (spec === undefined || spec.method === 'none') return null;
  const around = withNeighbours(keys, spec.maxAge, (k) => system.pairExists(k));
  const col = imputeColumn(around, around.length === keys.length ? observed : rawColumn(around, table, ind, system), spec);
  return { values: pickRows(around, col.values, keys), from: pickRows(around, col.from, keys) };
}

/**
 * The table's value at each of the sorted `keys` (NaN where it has none): one merge walk when
 * the table is sorted, else a look-up per key.
 */
function valuesOn(keys: Float64Array, table: DyadYearTable): Float64Array {
  const n = keys.length;
  const out = newColumn(n);
  const cols = table.sortedColumns();
  if (cols !== null && ascending(keys)) {
    const ck = cols.keys;
    const cv = cols.values;
    let j = 0;
    for (let r = 0; r < n; r++) {
      const key = keys[r]!;
      while (j < ck.length && ck[j]! < key) j++;
      out[r] = j < ck.length && ck[j] === key ? cv[j]! : NaN;
    }
    return out;
  }
  for (let r = 0; r < n; r++) {
    const v = table.getByKey(keys[r]!);
    out[r] = v === undefined ? NaN : v;
  }
  return out;
}

/** 1 for each of the sorted `keys` that is in the sorted `pool`, else 0. */
function inPool(keys: Float64Array, pool: Float64Array): Uint8Array {
  const out = new Uint8Array(keys.length);
  let j = 0;
  for (let r = 0; r < keys.length; r++) {
    while (j < pool.length && pool[j]! < keys[r]!) j++;
    if (j < pool.length && pool[j] === keys[r]) out[r] = 1;
  }
  return out;
}

/**
 * The normaliser's parameters of an indicator (fixed or quantile goalposts, winsorising).
 * @example normaliseParams({ ...ind, winsorise: { lower: 0, upper: 0.99 } }) // { goalposts: undefined, goalpostQuantiles: undefined, winsorise: { lower: 0, upper: 0.99 } }
 */
export function normaliseParams(ind: Pick<ScoreIndicator, 'goalposts' | 'goalpostQuantiles' | 'winsorise'>): NormaliseParams {
  return { goalposts: ind.goalposts, goalpostQuantiles: ind.goalpostQuantiles, winsorise: ind.winsorise };
}

/**
 * The raw values a normaliser is fitted on: the pool's, with the pair-years of the kinds the
 * indicator's `pool_exclude` names (flagged by its source) set to missing.
 * @example fitPool(poolRaw, poolKeys, { ...ind, poolExclude: ['gap_artefacts'] }) // ESP–USA 1914 left out
 */
export function fitPool(poolRaw: Float64Array, poolKeys: Float64Array, ind: Pick<ScoreIndicator, 'poolExclude' | 'data'>): Float64Array {
  const kinds = ind.poolExclude ?? [];
  const flags = (ind.data.flags ?? []).filter((f) => kinds.includes(f.kind));
  if (flags.length === 0) return poolRaw;
  const out = Float64Array.from(poolRaw);
  for (let r = 0; r < poolKeys.length; r++) {
    if (out[r] !== out[r]) continue;
    for (const f of flags) if (f.table.getByKey(poolKeys[r]!) !== undefined) out[r] = NaN;
  }
  return out;
}

/** The year of each key. */
function yearsOf(keys: Float64Array): Float64Array {
  const out = new Float64Array(keys.length);
  for (let r = 0; r < keys.length; r++) out[r] = yearOfKey(keys[r]!);
  return out;
}

/** The rows of a table whose keys are `keys` (sorted, all present), every column sliced alike. */
function selectKeys(t: ScoreTable, keys: Float64Array): ScoreTable {
  const rows = new Uint32Array(keys.length);
  let r = 0;
  for (let i = 0; i < keys.length; i++) {
    while (t.keys[r]! < keys[i]!) r++;
    rows[i] = r;
  }
  const pick = (col: Float64Array): Float64Array => {
    const out = newColumn(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = col[rows[i]!]!;
    return out;
  };
  return { ...mapColumns(t, pick), keys: toShared(keys) };
}

/**
 * Turns a directed table into an undirected one with a combine rule. Inside the coverage of
 * a source that records absence as 0, a missing direction counts as 0; otherwise the rule
 * runs over the directions present.
 */
export function toUndirected(data: IndicatorData, combine: CombineName): DyadYearTable {
  const t = data.values;
  if (!t.directed) return t;
  const rule = combiners[combine];
  const out = new DyadYearTable(false);
  for (const k of t.keys()) {
    // k = (ia·N + ib)·Y + year for the flow a → b; numbers only, no codes unpacked
    const year = yearOfKey(k);
    const pair = (k - year) / Y;
    const ib = pair % N;
    const ia = (pair - ib) / N;
    const ck = (ia < ib ? ia * N + ib : ib * N + ia) * Y + year;
    if (out.getByKey(ck) !== undefined) continue; // B→A after A→B: the pair-year is done
    const zero = data.zeroInsideCoverage && inRanges(year, data.coverage) ? 0 : NaN;
    const ab = t.getByKey(k) ?? zero;
    const ba = t.getByKey((ib * N + ia) * Y + year) ?? zero;
    out.setByKey(ck, rule(ab, ba)); // every rule is symmetric, so the key's order does not matter
  }
  return out;
}

function pairKey(a: Iso3, b: Iso3): number {
  const ia = iso3Index(a);
  const ib = iso3Index(b);
  return ia < ib ? ia * N + ib : ib * N + ia;
}

/**
 * The pair-years of a run, sorted: with `states`/`pairs`, every such pair × every year asked
 * for (clipped to the sources' years) in which both states exist; otherwise every pair-year any
 * indicator has (of existing states; with `panel: all_pairs` every pair-year of existing
 * states, {@link allPairKeys}), within `years`. `tables` are the indicators' values kept
 * to existing states ({@link memberTables}).
 */
export function panelKeys(indicators: readonly ScoreIndicator[], tables: readonly DyadYearTable[], o: ScoreOptions): Float64Array {
  const base = o.panel === 'all_pairs' ? mergeUnique(unionKeys(tables), allPairKeys(indicators, tables, o.stateSystem)) : null;
  return selectYears(workKeys(indicators, tables, o, base), o.years);
}

/**
 * The pair-years of the run's states/pairs in the years of the sources that `years` asks for;
 * without states/pairs, `pool` (every pair-year of the tables; computed when null), not yet
 * cut to `years`.
 */
function workKeys(indicators: readonly ScoreIndicator[], tables: readonly DyadYearTable[], o: ScoreOptions, pool: Float64Array | null): Float64Array {
  const stateSet = o.states ? new Set(o.states.map(iso3Index)) : null;
  const pairSet = o.pairs ? new Set(o.pairs.map(([a, b]) => pairKey(a, b))) : null;
  if (!stateSet && !pairSet) return pool ?? unionKeys(tables);
  let pairs: number[];
  if (pairSet) {
    pairs = [...pairSet].filter((p) => {
      if (!stateSet) return true;
      const ib = p % N;
      return stateSet.has((p - ib) / N) && stateSet.has(ib);
    });
  } else {
    const s = [...stateSet!].sort((x, y) => x - y);
    pairs = [];
    for (let i = 0; i < s.length; i++) for (let j = i + 1; j < s.length; j++) pairs.push(s[i]! * N + s[j]!);
  }
  pairs.sort((x, y) => x - y);
  // every year any source has (rows beyond them would be empty), where both states exist
  const years = sourceYears(indicators, tables);
  if (years.length === 0) return new Float64Array(0);
  const from = Math.max(years[0]!.from, o.years?.from ?? -Infinity);
  const to = Math.min(years[years.length - 1]!.to, o.years?.to ?? Infinity);
  const out: number[] = [];
  for (const p of pairs) {
    for (let y = from; y <= to; y++) {
      const k = p * Y + y;
      if (o.stateSystem.pairExists(k)) out.push(k);
    }
  }
  return Float64Array.from(out);
}

/** The keys inside `years` (all of them when null). */
function selectYears(keys: Float64Array, years: YearRange | null): Float64Array {
  if (years === null) return keys;
  return keys.filter((k) => {
    const y = yearOfKey(k);
    return y >= years.from && y <= years.to;
  });
}

/** Union of the tables' sorted keys, by merging — no Set of a million numbers. */
function unionKeys(tables: readonly DyadYearTable[]): Float64Array {
  let out: Float64Array = new Float64Array(0);
  for (const t of tables) {
    const keys = t.sortedKeyArray();
    out = out.length === 0 ? keys : mergeUnique(out, keys);
  }
  return out;
}

/** True when two key arrays hold the same keys in the same order. */
function sameKeys(x: Float64Array, y: Float64Array): boolean {
  if (x === y) return true;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** True when the keys are in ascending order. */
function ascending(keys: Float64Array): boolean {
  for (let r = 1; r < keys.length; r++) if (!(keys[r - 1]! < keys[r]!)) return false;
  return true;
}

/** Merges two ascending arrays into one ascending array without duplicates. */
function mergeUnique(x: Float64Array, y: Float64Array): Float64Array {
  if (sameKeys(x, y)) return x; // indicators of one source share their pair-years: no copy

  const out = new Float64Array(x.length + y.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < x.length && j < y.length) {
    const a = x[i]!;
    const b = y[j]!;
    if (a < b) { out[n++] = a; i++; }
    else if (b < a) { out[n++] = b; j++; }
    else { out[n++] = a; i++; j++; }
  }
  while (i < x.length) out[n++] = x[i++]!;
  while (j < y.length) out[n++] = y[j++]!;
  return n === out.length ? out : out.slice(0, n);
}

/**
 * The years the sources of a run cover, as merged ranges: each indicator's declared coverage
 * and the years its values have. Independent of the run's filters.
 * @example sourceYears(indicators, tables) // [{ from: 1946, to: 2020 }]
 */
export function sourceYears(indicators: readonly ScoreIndicator[], tables: readonly DyadYearTable[]): YearRange[] {
  const ranges: YearRange[] = [];
  indicators.forEach((ind, i) => {
    ranges.push(...ind.data.coverage);
    ranges.push(...yearRanges([...tables[i]!.years()]));
  });
  return mergeRanges(ranges);
}

/**
 * Raw values of one indicator on the panel: value, else 0 inside a zero-recording coverage,
 * else NaN (after lag/window/half_life, on each pair's whole series). A year in which one of the
 * pair's states did not exist is missing in the series too (no zero for a state that did not
 * exist reaches a lag, window or stock).
 */
export function rawColumn(keys: Float64Array, table: DyadYearTable, ind: ScoreIndicator, system: StateSystem): Float64Array {
  const { coverage, zeroInsideCoverage } = ind.data;
  const masked = coverage.length > 0;
  const valueAt = (key: number): number => {
    const year = yearOfKey(key);
    if (masked && !inRanges(year, coverage)) return NaN;
    if (!system.pairExists(key)) return NaN;
    const v = table.getByKey(key);
    if (v !== undefined) return v;
    return zeroInsideCoverage && masked ? 0 : NaN;
  };
  const n = keys.length;
  const out = newColumn(n);
  const cols = table.sortedColumns();
  if (!hasTemporal(ind.temporal) && cols !== null && sameKeys(cols.keys, keys)) {
    // the panel is exactly this table's keys: read the values in order, no lookups
    for (let r = 0; r < n; r++) out[r] = masked && !inRanges(yearOfKey(keys[r]!), coverage) ? NaN : cols.values[r]!;
    return out;
  }
  if (!hasTemporal(ind.temporal) && cols !== null && ascending(keys)) {
    // sorted table and sorted panel: one merge walk instead of a look-up per row
    const ck = cols.keys;
    const cv = cols.values;
    const absent = zeroInsideCoverage && masked ? 0 : NaN;
    let j = 0;
    for (let r = 0; r < n; r++) {
      const key = keys[r]!;
      if ((masked && !inRanges(yearOfKey(key), coverage)) || !system.pairExists(key)) {
        out[r] = NaN;
        continue;
      }
      while (j < ck.length && ck[j]! < key) j++;
      out[r] = j < ck.length && ck[j] === key ? cv[j]! : absent;
    }
    return out;
  }
  if (!hasTemporal(ind.temporal)) {
    for (let r = 0; r < n; r++) out[r] = valueAt(keys[r]!);
    return out;
  }
  // temporal transforms need each pair's whole yearly series, not just the panel's years
  let from = Infinity;
  let to = -Infinity;
  for (const c of coverage) {
    from = Math.min(from, c.from);
    to = Math.max(to, c.to);
  }
  for (const y of table.years()) {
    from = Math.min(from, y);
    to = Math.max(to, y);
  }
  for (let r = 0; r < n; r++) {
    const y = yearOfKey(keys[r]!);
    from = Math.min(from, y);
    to = Math.max(to, y);
  }
  const len = to - from + 1;
  let r = 0;
  while (r < n) {
    const pair = Math.floor(keys[r]! / Y);
    const series = new Float64Array(len);
    for (let y = from; y <= to; y++) series[y - from] = valueAt(pair * Y + y);
    const t = applyTemporal(series, ind.temporal);
    while (r < n && Math.floor(keys[r]! / Y) === pair) {
      out[r] = t[(yearOfKey(keys[r]!)) - from]!;
      r++;
    }
  }
  return out;
}
