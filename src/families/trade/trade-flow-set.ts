import type { Iso3 } from '../../domain/country.js';
import type { YearRange } from '../../domain/year.js';
import type { FlowList } from './flow-list.js';
import type { StateYearTable } from '../../domain/state-year-table.js';

/**
 * The directed trade flows one source reports, split by who reported them, in current
 * million US dollars (exporter → importer). A flow the source does not know (COW `-9`, an
 * empty DOTS cell, an absent row) is missing, never 0.
 *
 * - `importerReports`: flows as the importer records them (its imports; CIF in DOTS).
 *   COW's `flow1`/`flow2` are imports, so COW flows land here.
 * - `exporterReports`: flows as the exporter records them (its exports; FOB in DOTS).
 *
 * Within one list, a flow listed twice for one pair-year is summed (two COW codes of one
 * state in a succession year); readers reject genuine duplicate rows before.
 *
 * @example
 * // COW row 365,630,2008,flow1=400.55,flow2=3668.02 gives importer reports
 * // IRN→RUS 2008 = 400.55 and RUS→IRN 2008 = 3668.02
 */
export interface TradeFlowSet {
  /** What the set was read from, for notes and messages. */
  readonly label: string;
  readonly importerReports: FlowList;
  readonly exporterReports: FlowList;
  /** Years the source covers (empty when it has no year at all). */
  readonly coverage: readonly YearRange[];
  /**
   * States whose every partner is in the source, so that their total trade may be summed over
   * partners: `all` (COW, generic flows) or a set (DOTS: the reporter only).
   */
  readonly completeFor: 'all' | ReadonlySet<Iso3>;
  /** Total trade per state-year read from a totals file; overrides sums over partners. */
  readonly totals: StateYearTable | null;
  /** Lines for `entente validate`. */
  readonly notes: readonly string[];
}
