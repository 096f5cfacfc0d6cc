import type { CodeSystem } from '../../domain/code-system.js';
import type { Crosswalk } from '../../domain/crosswalk.js';
import { unpackKey } from '../../domain/dyad-year-key.js';
import type { YearRange } from '../../domain/year.js';
import type { StateYearTable } from '../../domain/state-year-table.js';
import { FlowListBuilder, NO_FLOWS } from './flow-list.js';
import type { TradeFlowSet } from './trade-flow-set.js';
import { InputError } from '../../domain/errors.js';
import { readDyadYear } from '../kit/read-dyad-year.js';

/**
 * Options of {@link readTradeFlows}.
 * @example const o: ReadTradeFlowsOptions = { codes: 'cow', reportedBy: 'exporter' };
 */
export interface ReadTradeFlowsOptions {
  /** Code system of `state_a` and `state_b`. */
  readonly codes: CodeSystem;
  /** Whose record the values are: the importer's (default) or the exporter's. */
  readonly reportedBy: 'importer' | 'exporter';
  /** Keep only these years. */
  readonly years?: YearRange | null;
  /** Total trade per state-year from a totals file (overrides sums over partners). */
  readonly totals?: StateYearTable | null;
  /** Label of the source in notes (default: the file path). */
  readonly label?: string;
}

/**
 * Reads directed trade flows in the generic dyad-year format `state_a,state_b,year,value`:
 * `value` is the flow from `state_a` (exporter) to `state_b` (importer) in current million
 * USD; an optional `direction` column (`a_to_b` / `b_to_a`) reverses a row. Parsing and row
 * checks are those of the generic `dyad_year` reader. An empty value is missing; a pair-year
 * absent from the file is unknown (`zeroInsideCoverage` false): write zeros explicitly.
 * The file is taken to list every partner of every state (totals are summed over partners).
 * @throws {InputError} with every bad row, or naming the negative flows (a flow is ≥ 0).
 * @example
 * const set = await readTradeFlows('flows.csv', crosswalk, { codes: 'iso3', reportedBy: 'importer' });
 * flowTable(set.importerReports).get(RUS, IRN, 2016) // Iran's imports from Russia in 2016
 */
export async function readTradeFlows(file: string, crosswalk: Crosswalk, options: ReadTradeFlowsOptions): Promise<TradeFlowSet> {
  const read = await readDyadYear(file, crosswalk, { codes: options.codes, directed: true });
  const negative = [...read.values.keys()]
    .filter((k) => read.values.getByKey(k)! < 0)
    .sort((x, y) => x - y)
    .map((k) => ({ ...unpackKey(k), value: read.values.getByKey(k)! }));
  if (negative.length > 0) {
    const shown = negative.slice(0, 5).map((v) => `${v.a}→${v.b} ${v.year}: ${v.value}`);
    throw new InputError([{ file, line: 0, column: 'value', message: `${negative.length} negative trade flow(s) (${shown.join('; ')}${negative.length > 5 ? '; …' : ''}); a flow is ≥ 0 — leave the cell empty when unknown` }]);
  }
  const yf = options.years ?? null;
  const builder = new FlowListBuilder(read.values.size);
  for (const v of read.values.entries()) if (yf === null || (v.year >= yf.from && v.year <= yf.to)) builder.push(v.a, v.b, v.year, v.value);
  const flows = builder.finish();
  const label = options.label ?? file;
  return {
    label,
    importerReports: options.reportedBy === 'importer' ? flows : NO_FLOWS,
    exporterReports: options.reportedBy === 'exporter' ? flows : NO_FLOWS,
    coverage: read.years ? [read.years] : [],
    completeFor: 'all',
    totals: options.totals ?? null,
    notes: [`${label}: ${read.rows} row(s), ${read.values.size} flow(s) reported by the ${options.reportedBy}`],
  };
}
