import type { Argv, CommandModule } from 'yargs';
import { DEFAULT_CHANGE_POINT_OPTIONS, pairBreaks } from '../../core/change-points.js';
import { latestScoredYear } from '../../core/rank.js';
import { pairTrends } from '../../core/trend.js';
import { UsageError } from '../../errors.js';
import { breaksFile, trendsFile } from '../../io/trends-csv.js';
import { writeToolkitFiles } from '../../io/toolkit-run.js';
import type { Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';
import { countArg, yearArg } from './toolkit-args.js';
import { num, recompute, reportWritten, textTable } from './toolkit-common.js';

interface TrendsArgs extends GlobalArgs {
  readonly from?: number;
  readonly to?: number;
  readonly penalty: number;
  readonly minSegment: number;
  readonly show: number;
}

/** `entente trends`: each pair's slope over a window (trends.csv) and its structural breaks (breaks.csv). */
export function trendsCommand(term: Terminal): CommandModule<GlobalArgs, never> {
  const module: CommandModule<GlobalArgs, TrendsArgs> = {
    command: 'trends',
    describe: 'slope of each pair\'s index over a window (trends.csv) and structural breaks found by PELT (breaks.csv)',
    builder: (y: Argv<GlobalArgs>) =>
      y
        .option('from', { type: 'number', describe: 'first year of the slope window (default: 9 years before --to)' })
        .option('to', { type: 'number', describe: 'last year of the slope window (default: the latest year with an index)' })
        .option('penalty', { type: 'number', default: DEFAULT_CHANGE_POINT_OPTIONS.penalty, describe: 'k in the break penalty k·σ²·ln n (2 = BIC; larger finds fewer breaks)' })
        .option('min-segment', { type: 'number', default: DEFAULT_CHANGE_POINT_OPTIONS.minSegment, describe: 'fewest years between breaks' })
        .option('show', { type: 'number', default: 10, describe: 'largest breaks to print' })
        .example('$0 trends --from 2010 --to 2020', 'slopes over 2010–2020 and the breaks of every pair') as unknown as Argv<TrendsArgs>,
    handler: async (args) => {
      if (!(args.penalty > 0)) throw new UsageError(`--penalty: need a number > 0, got ${args.penalty}`);
      const minSegment = countArg(args.minSegment, '--min-segment', 1);
      const tk = await recompute(args, term);
      const to = args.to === undefined ? latestScoredYear(tk.run.table) : yearArg(args.to, '--to');
      if (to === null) throw new UsageError('no pair-year has an index: no trends to compute');
      const from = args.from === undefined ? to - 9 : yearArg(args.from, '--from');
      if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
      const trends = pairTrends(tk.run.table, from, to);
      const breaks = pairBreaks(tk.run.table, { penalty: args.penalty, minSegment });
      term.out(`${trends.length} pairs with a slope over ${from}–${to}; ${breaks.length} breaks in ${new Set(breaks.map((b) => `${b.a}${b.b}`)).size} pairs (penalty ${args.penalty}·σ²·ln n, segments ≥ ${minSegment} years)`);
      const largest = [...breaks].sort((p, q) => Math.abs(q.size) - Math.abs(p.size) || (p.a + p.b < q.a + q.b ? -1 : 1) || p.year - q.year).slice(0, countArg(args.show, '--show', 0));
      for (const l of textTable([['pair', 'year', 'before', 'after', 'size'], ...largest.map((b) => [`${b.a}-${b.b}`, String(b.year), num(b.meanBefore, 1), num(b.meanAfter, 1), num(b.size, 1)])])) term.out(l);
      const files = [trendsFile(trends, tk.run.config.precision), breaksFile(breaks, tk.run.config.precision)];
      const { rescored } = await writeToolkitFiles(tk, files);
      reportWritten(term, tk, files.map((f) => f.resource.path), rescored);
    },
  };
  return module as unknown as CommandModule<GlobalArgs, never>;
}
