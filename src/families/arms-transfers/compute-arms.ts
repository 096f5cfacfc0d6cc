import { DyadYearTable } from '../../domain/dyad-year-table.js';
import type { YearRange } from '../../domain/year.js';
import type { AllocationName } from './allocate.js';
import { isUncertainDeal } from './deal.js';
import { denominators, type TotalsTable } from './denominators.js';
import { buildFlows } from './flows.js';
import { ARMS_MEASURES, type ArmsMeasureName } from './measures.js';
import { movingAverage } from './moving-average.js';
import { applyPairPrecedence, type PairPrecedenceName, type PairTable } from './pair-precedence.js';
import { unpackPair } from './pair-key.js';
import type { ResolvedDeal } from './resolve-deals.js';
import { deliveredTiv } from './small-tiv.js';

/** The family options that shape the computation (see the arms family's options schema). */
export interface ArmsOptions {
  readonly allocation: AllocationName;
  readonly excludeUncertain: boolean;
  readonly stockHalfLife: number;
  readonly flowWindow: number;
  readonly pairPrecedence: PairPrecedenceName;
}

/** Everything the computation reads, already resolved to states. */
export interface ArmsInputs {
  /** Register deals (sorted), possibly from several registers. */
  readonly deals: readonly ResolvedDeal[];
  /** Supplier → recipient tables by year, merged; null when none given. */
  readonly pairTable: PairTable | null;
  readonly importers: TotalsTable | null;
  readonly exporters: TotalsTable | null;
  /** The year range computed over (the union of the sources' coverage). */
  readonly range: YearRange;
}

/** The computed measure and what `entente validate` should say about the computation. */
export interface ArmsResult {
  /** Directed supplier → recipient values; pair-years with value 0 are left out (the core reads them as 0 inside coverage). */
  readonly values: DyadYearTable;
  readonly notes: readonly string[];
}

/**
 * Computes an arms measure for every supplier → recipient pair and year:
 * 1. drops deals with `?` flags when `excludeUncertain`;
 * 2. allocates each deal's delivered TIV over its delivery years (`allocation`), summing to
 *    F_{s→r,t}, the recipients' imports and the suppliers' exports;
 * 3. gives the pair table precedence over the allocation where it has values;
 * 4. takes the share denominators from importer/exporter tables where given;
 * 5. smooths flows and denominators with a trailing `flowWindow`-year moving average;
 * 6. applies the measure (`log_tiv`, `tiv`, `import_share`, `export_share`, `stock`).
 * Second-hand status is not discounted: SIPRI's TIV already values second-hand weapons at 40 %
 * (66 % if modernised). Deterministic: the same inputs give the same table in any row order.
 * Every pair and every year of `inputs.range` is computed (no filter: a run's subset is
 * selected later, so a value never depends on the subset asked for).
 * @example computeArms(inputs, 'tiv', options).values.get('RUS', 'IRN', 2016) // 220
 */
export function computeArms(inputs: ArmsInputs, measure: ArmsMeasureName, options: ArmsOptions): ArmsResult {
  const notes: string[] = [];
  let deals = inputs.deals;
  const uncertain = deals.filter((d) => isUncertainDeal(d.deal));
  const uncertainTiv = uncertain.reduce((s, d) => s + deliveredTiv(d.deal), 0);
  if (options.excludeUncertain) {
    deals = deals.filter((d) => !isUncertainDeal(d.deal));
    notes.push(`exclude_uncertain: dropped ${uncertain.length} deal(s) whose order year or numbers carry "?" (${fmt(uncertainTiv)} TIV delivered)`);
  } else if (uncertain.length > 0) {
    notes.push(`${uncertain.length} deal(s) carry "?" on the order year or numbers (${fmt(uncertainTiv)} TIV delivered); kept (set exclude_uncertain: true to drop them)`);
  }
  const flows = buildFlows(deals, options.allocation, inputs.range.from, inputs.range.to);
  if (flows.outsideTiv > 0) notes.push(`${fmt(flows.outsideTiv)} TIV allocated to years outside the coverage ${inputs.range.from}–${inputs.range.to} was left out`);
  if (inputs.pairTable) {
    const st = applyPairPrecedence(flows, inputs.pairTable, options.pairPrecedence);
    notes.push(
      `pair table (${options.pairPrecedence}): replaced ${st.replaced} supplier→recipient-year value(s)` +
        (st.zeroed > 0 ? ` and set ${st.zeroed} unlisted one(s) to 0` : '') +
        ` (register allocation ${fmt(st.registerTiv)} TIV → table ${fmt(st.tableTiv)} TIV)`,
    );
  }
  const imp = denominators(flows, 'recipient', measure === 'import_share' ? inputs.importers : null);
  const exp = denominators(flows, 'supplier', measure === 'export_share' ? inputs.exporters : null);
  if (imp.raised > 0) notes.push(`importer table: in ${imp.raised} recipient-year(s) its total was below the sum of the register's state flows; the sum was used`);
  if (exp.raised > 0) notes.push(`exporter table: in ${exp.raised} supplier-year(s) its total was below the sum of the register's state flows; the sum was used`);
  const w = options.flowWindow;
  const input = {
    flows: w > 1 ? flows.pairs.mapSeries((s) => movingAverage(s, w)) : flows.pairs,
    imports: w > 1 ? imp.totals.mapSeries((s) => movingAverage(s, w)) : imp.totals,
    exports: w > 1 ? exp.totals.mapSeries((s) => movingAverage(s, w)) : exp.totals,
    stockHalfLife: options.stockHalfLife,
  };
  const m = ARMS_MEASURES[measure];
  const values = new DyadYearTable(true);
  const keys = [...input.flows.keys()].sort((a, b) => a - b);
  for (const key of keys) {
    const { supplier, recipient } = unpackPair(key);
    const series = m.compute(input.flows.peek(key)!, key, input);
    for (let year = input.flows.from; year <= input.flows.to; year++) {
      const v = series[year - input.flows.from]!;
      if (v !== 0) values.set(supplier, recipient, year, v);
    }
  }
  return { values, notes };
}

function fmt(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}
