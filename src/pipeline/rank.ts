/**
 * `entente rank`: scores the configured panel and ranks the pairs of a year (or the partners
 * of one state), with each pair's rank change since a year, and writes the whole ranking to
 * `rank.csv` in the report folder (listed in its `datapackage.json`).
 * @module
 */
import { latestScoredYear, rankPairs, topBottom, type RankEntry } from '../analysis/rank.js';
import type { Iso3 } from '../domain/country.js';
import { UsageError } from '../domain/errors.js';
import { scoreForToolkit, writeToolkitFiles, type ToolkitHooks } from './toolkit.js';
import { rankFile } from '../report/rank-csv.js';

/** What to rank. */
export interface RankRequest {
  readonly config: string;
  readonly out?: string | undefined;
  /** The year to rank; null = the latest year with an index. */
  readonly year: number | null;
  /** Only the partners of this state; null = every pair. */
  readonly state: Iso3 | null;
  readonly top: number;
  readonly bottom: number;
  /** Rank change since this year; null = none. */
  readonly since: number | null;
}

/** The ranking `entente rank` prints. */
export interface RankOutcome {
  readonly year: number;
  /** How many pairs were ranked. */
  readonly ranked: number;
  readonly top: readonly RankEntry[];
  readonly bottom: readonly RankEntry[];
  readonly sample: boolean;
  /** The report folder rank.csv went to, and whether the score report was written with it. */
  readonly outDir: string;
  readonly rescored: boolean;
}

/**
 * Runs `entente rank`.
 * @throws {UsageError} when no pair-year (of the state, in the year) has an index.
 * @example const { top } = await runRank({ config: 'entente.yaml', year: 2019, state: null, top: 5, bottom: 0, since: null }, {});
 */
export async function runRank(req: RankRequest, hooks: ToolkitHooks): Promise<RankOutcome> {
  const tk = await scoreForToolkit(req.config, req.out, hooks, true, true);
  const year = req.year ?? latestScoredYear(tk.run.table);
  if (year === null) throw new UsageError('no pair-year has an index: nothing to rank');
  const ranked = rankPairs(tk.run.table, { year, state: req.state, since: req.since });
  if (ranked.length === 0) throw new UsageError(`no pair${req.state ? ` of ${req.state}` : ''} has an index in ${year}`);
  const { top, bottom } = topBottom(ranked, req.top, req.bottom);
  const { rescored } = await writeToolkitFiles(tk, [rankFile(ranked, { year, state: req.state, since: req.since }, tk.run.config.precision)]);
  return { year, ranked: ranked.length, top, bottom, sample: tk.run.sample, outDir: tk.outDir, rescored };
}
