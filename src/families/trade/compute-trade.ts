import { DyadYearTable } from '../../domain/dyad-year-table.js';
import { completeness } from './completeness.js';
import type { MirrorRuleName } from './mirror-rules.js';
import { StateIndex } from './state-index.js';
import { StateYearTable } from '../../domain/state-year-table.js';
import type { TradeFlowSet } from './trade-flow-set.js';
import { tradeMeasures, type DyadTradeFacts, type TradeMeasureName } from './trade-measures.js';
import { yearBuckets } from './year-buckets.js';
import { YearFlows, type FlowSide, type MergeCounts } from './year-flows.js';

/**
 * Options of {@link computeTrade}.
 * @example const o: ComputeTradeOptions = { measure: 'salience', mirror: 'importer', gdp: null };
 */
export interface ComputeTradeOptions {
  readonly measure: TradeMeasureName;
  /** How importer- and exporter-reported flows are reconciled (default `importer`). */
  readonly mirror: MirrorRuleName;
  /** GDP per state-year (million USD) for the `*_gdp` measures. */
  readonly gdp: StateYearTable | null;
}

/**
 * The measure, the bilateral trade behind it and notes for `entente validate`.
 * @example computeTrade(sets, options).trade.get(IRN, RUS, 2008) // 4068.57 (million USD, COW v3.0)
 */
export interface TradeResult {
  /** The measure per pair-year (directed for `share` and `share_gdp`, else undirected). */
  readonly values: DyadYearTable;
  /** Bilateral trade X_ab + X_ba, current million USD (undirected). */
  readonly trade: DyadYearTable;
  readonly notes: readonly string[];
  /**
   * Gap artefacts: pair-years of a share-based measure where a state's total was summed over
   * fewer than {@link MIN_TOTAL_PARTNERS} partners (the source's gaps, not the state's trade:
   * COW lists 4–7 pairs a year in 1914–1918, so Spain's only partner, the USA, makes a
   * salience of 1); the value is the smaller partner count of the two states.
   */
  readonly artefacts: DyadYearTable;
}

/**
 * Fewer partners than this behind a summed total flag a pair-year as a gap artefact: in an
 * ordinary year a state of the COW data trades with dozens of partners (median 1913: 14;
 * 1990: over 100), in the war years 1914–1918 and 1942–1945 many with 1–4.
 */
export const MIN_TOTAL_PARTNERS = 5;

const ratio = (x: number, d: number): number | null => (d === d && d > 0 ? x / d : null);

/**
 * The trade pipeline, pure, one year at a time over dense state × state matrices:
 *
 * 1. merge the sources' flows (per side; a duplicate of an earlier source is dropped) and
 *    reconcile importer and exporter reports with the `mirror` rule;
 * 2. bilateral trade `trade_ij = X_ij + X_ji`, known only when both directions are known;
 * 3. each state's total trade `total_i = Σ_j trade_ij`, summed over partners in alphabetical
 *    order where some source lists all of the state's partners that year, else (and always
 *    when given) from a totals file;
 * 4. the measure ({@link tradeMeasures}) from trade, shares `trade_ij / total_i` and
 *    trade/GDP ratios.
 *
 * Every pair and year of the sources is computed (a run's subset is selected later, so shares
 * stay relative to all partners). The result does not depend on the order of the input rows. Complexity O(flows + years · states²).
 * @example
 * const { values } = computeTrade([cowSet], { measure: 'salience', mirror: 'importer', gdp: null });
 * values.get(IRN, RUS, 2008) // sqrt(share_IRN · share_RUS)
 */
export function computeTrade(sets: readonly TradeFlowSet[], options: ComputeTradeOptions): TradeResult {
  if (sets.length > 64) throw new RangeError('at most 64 trade sources per indicator');
  const measure = tradeMeasures[options.measure];
  const states = new StateIndex(sets.flatMap((s) => [s.importerReports, s.exporterReports]));
  const n = states.size;
  const side = (pick: (s: TradeFlowSet) => TradeFlowSet['importerReports']): FlowSide[] =>
    sets.map((s, source) => ({ flows: pick(s), buckets: yearBuckets(pick(s)), source })).filter((x) => x.flows.count > 0);
  const importerSides = side((s) => s.importerReports);
  const exporterSides = side((s) => s.exporterReports);
  const years = [...new Set([...importerSides, ...exporterSides].flatMap((s) => [...s.buckets.ranges.keys()]))].sort((x, y) => x - y);
  const complete = completeness(sets);
  const totalsFile = mergedTotals(sets);
  const counts: MergeCounts = { summed: sets.map(() => 0), duplicates: new Map() };
  const matrices = new YearFlows(states);
  const values = new DyadYearTable(measure.directed);
  const trade = new DyadYearTable(false);
  const total = new Float64Array(n);
  const partners = new Float64Array(n).fill(Infinity); // partners behind a summed total
  const artefacts = new DyadYearTable(false);
  const gdp = new Float64Array(n);
  let oneSided = 0;
  for (const year of years) {
    matrices.fill(year, importerSides, exporterSides, options.mirror, counts);
    const f = matrices.flow;
    const tradeOf = (p: number, q: number) => {
      const ab = f[p * n + q]!;
      const ba = f[q * n + p]!;
      return ab >= 0 && ba >= 0 ? ab + ba : -1;
    };
    if (measure.needs === 'totals') {
      for (let p = 0; p < n; p++) {
        const fixed = totalsFile?.get(states.codes[p]!, year) ?? null;
        partners[p] = Infinity;
        if (fixed !== null) total[p] = fixed;
        else if (!complete(states.codes[p]!, year)) total[p] = NaN;
        else {
          let sum = 0;
          let count = 0;
          for (let q = 0; q < n; q++) {
            if (q === p) continue;
            const t = tradeOf(p, q);
            if (t >= 0) {
              sum += t;
              count++;
            }
          }
          total[p] = count > 0 ? sum : NaN;
          partners[p] = count;
        }
      }
    }
    if (measure.needs === 'gdp') for (let p = 0; p < n; p++) gdp[p] = options.gdp?.get(states.codes[p]!, year) ?? NaN;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const t = tradeOf(p, q);
        if (t < 0) {
          if (f[p * n + q]! >= 0 || f[q * n + p]! >= 0) oneSided++;
          continue;
        }
        const a = states.codes[p]!;
        const b = states.codes[q]!;
        trade.set(a, b, year, t);
        const facts: DyadTradeFacts = { trade: t, shareA: ratio(t, total[p]!), shareB: ratio(t, total[q]!), gdpRatioA: ratio(t, gdp[p]!), gdpRatioB: ratio(t, gdp[q]!) };
        const ab = measure.value(facts);
        if (ab !== null) values.set(a, b, year, ab);
        const fewest = Math.min(partners[p]!, partners[q]!);
        if (measure.needs === 'totals' && fewest < MIN_TOTAL_PARTNERS) artefacts.set(a, b, year, fewest);
        if (measure.directed) {
          const ba = measure.value({ trade: t, shareA: facts.shareB, shareB: facts.shareA, gdpRatioA: facts.gdpRatioB, gdpRatioB: facts.gdpRatioA });
          if (ba !== null) values.set(b, a, year, ba);
        }
      }
    }
  }
  const notes: string[] = [];
  counts.summed.forEach((c, k) => {
    if (c > 0) notes.push(`${sets[k]!.label}: ${c} flow(s) listed twice for one pair-year (two codes of one state, e.g. in a succession year) summed; a missing part leaves the sum missing`);
  });
  for (const [key, c] of [...counts.duplicates].sort(([x], [y]) => x - y)) {
    const later = sets[Math.floor(key / 64)]!.label;
    const first = sets[key % 64]!.label;
    notes.push(`${c} flow(s) of ${later} also reported on the same side by ${first}: kept ${first} (the source listed first)`);
  }
  if (oneSided > 0) notes.push(`${oneSided} pair-year(s) with a flow known in one direction only: bilateral trade left missing`);
  if (artefacts.size > 0) notes.push(`${artefacts.size} pair-year(s) flagged as gap artefacts: a state's total trade summed over fewer than ${MIN_TOTAL_PARTNERS} partners (\`pool_exclude: [gap_artefacts]\` leaves them out of the normalisation pool)`);
  return { values, trade, notes, artefacts };
}

/** The totals files of all sources in one table; the source listed first wins a state-year. */
function mergedTotals(sets: readonly TradeFlowSet[]): StateYearTable | null {
  const withTotals = sets.filter((s) => s.totals !== null);
  if (withTotals.length === 0) return null;
  if (withTotals.length === 1) return withTotals[0]!.totals;
  const out = new StateYearTable();
  for (const s of withTotals) for (const { state, year, value } of s.totals!.sortedEntries()) if (!out.has(state, year)) out.set(state, year, value);
  return out;
}
