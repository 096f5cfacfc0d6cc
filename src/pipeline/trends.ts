/**
 * `entente trends`: scores the configured panel, fits each pair's slope over a window and finds
 * its structural breaks, and writes `trends.csv` and `breaks.csv` into the report folder.
 * @module
 */
import { pairBreaks, type PairBreak } from '../analysis/change-points.js';
import { latestScoredYear } from '../analysis/rank.js';
import { pairTrends, type PairTrend } from '../analysis/trend.js';
import { UsageError } from '../domain/errors.js';
import { breaksFile, trendsFile } from '../report/trends-csv.js';
import { coverageAt, setChangesInWindow } from '../analysis/coverage-changes.js';
import { usedWeights } from './score.js';
import { explainModelOf, scoreForToolkit, writeToolkitFiles, type ToolkitHooks, type ToolkitRun } from './toolkit.js';

/** The window and the break search of `entente trends`. */
export interface TrendsRequest {
  readonly config: string;
  readonly out?: string | undefined;
  /** First year of the slope window; undefined = 9 years before `to`. */
  readonly from?: number | undefined;
  /** Last year of the slope window; undefined = the latest year with an index. */
  readonly to?: number | undefined;
  /** k in the break penalty k·σ²·ln n. */
  readonly penalty: number;
  /** Fewest years between breaks. */
  readonly minSegment: number;
}

/** What `entente trends` computed and wrote. */
export interface TrendsOutcome {
  readonly tk: ToolkitRun;
  readonly from: number;
  readonly to: number;
  readonly trends: readonly PairTrend[];
  readonly breaks: readonly PairBreak[];
  readonly files: readonly string[];
  readonly rescored: boolean;
}

/**
 * Runs `entente trends`.
 * @throws {UsageError} when no pair-year has an index, or `from` is after `to`.
 * @example const { trends, breaks } = await runTrends({ config: 'entente.yaml', penalty: 2, minSegment: 3 }, {});
 */
export async function runTrends(req: TrendsRequest, hooks: ToolkitHooks): Promise<TrendsOutcome> {
  const tk = await scoreForToolkit(req.config, req.out, hooks, true, true);
  const to = req.to ?? latestScoredYear(tk.run.table);
  if (to === null) throw new UsageError('no pair-year has an index: no trends to compute');
  const from = req.from ?? to - 9;
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const trends = pairTrends(tk.run.table, from, to);
  const breaks = pairBreaks(tk.run.table, { penalty: req.penalty, minSegment: req.minSegment });
  // label what a source entering or leaving did: breaks at a coverage change, windows holding one
  const model = explainModelOf(tk.run.config, usedWeights(tk.run));
  const breakLabels = breaks.map((b) => coverageAt(tk.run.table, model, b.a, b.b, b.year) ?? { coverage: 0, set: '' });
  const trendLabels = trends.map((t) => setChangesInWindow(tk.run.table, t.a, t.b, from, to));
  const files = [trendsFile(trends, tk.run.config.precision, trendLabels), breaksFile(breaks, tk.run.config.precision, breakLabels)];
  const { rescored } = await writeToolkitFiles(tk, files);
  return { tk, from, to, trends, breaks, files: files.map((f) => f.resource.path), rescored };
}
