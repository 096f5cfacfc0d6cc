import type { Argv, CommandModule } from 'yargs';
import { DEFAULT_CHANGE_POINT_OPTIONS } from '../../analysis/change-points.js';
import type { Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';
import { countOption, positiveOption, yearOption, yearOrder } from '../option-checks.js';
import { num, reportWritten, textTable, RESCORE_OPTION, toolkitHooks } from './toolkit-common.js';

interface TrendsArgs extends GlobalArgs {
  readonly rescore?: boolean;
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
        .option('from', yearOption('--from', 'first year of the slope window (default: 9 years before --to)'))
        .option('to', yearOption('--to', 'last year of the slope window (default: the latest year with an index)'))
        .option('penalty', positiveOption('--penalty', 'k in the break penalty k·σ²·ln n (2 = BIC; larger finds fewer breaks)', { default: DEFAULT_CHANGE_POINT_OPTIONS.penalty }))
        .option('min-segment', countOption('--min-segment', 1, 'fewest years between breaks', { default: DEFAULT_CHANGE_POINT_OPTIONS.minSegment }))
        .option('rescore', RESCORE_OPTION)
        .option('show', countOption('--show', 0, 'largest breaks to print', { default: 10 }))
        .check(yearOrder)
        .example('$0 trends --from 2010 --to 2020', 'slopes over 2010–2020 and the breaks of every pair') as unknown as Argv<TrendsArgs>,
    handler: async (args) => {
      const { hooks, stop } = toolkitHooks(term, args.rescore);
      try {
        const res = await (await import('../../pipeline/trends.js')).runTrends({ config: args.config, out: args.out, from: args.from, to: args.to, penalty: args.penalty, minSegment: args.minSegment }, hooks);
        const { breaks } = res;
        term.out(`${res.trends.length} pairs with a slope over ${res.from}–${res.to}; ${breaks.length} breaks in ${new Set(breaks.map((b) => `${b.a}${b.b}`)).size} pairs (penalty ${args.penalty}·σ²·ln n, segments ≥ ${args.minSegment} years)`);
        const largest = [...breaks].sort((p, q) => Math.abs(q.size) - Math.abs(p.size) || (p.a + p.b < q.a + q.b ? -1 : 1) || p.year - q.year).slice(0, args.show);
        for (const l of textTable([['pair', 'year', 'before', 'after', 'size'], ...largest.map((b) => [`${b.a}-${b.b}`, String(b.year), num(b.meanBefore, 1), num(b.meanAfter, 1), num(b.size, 1)])])) term.out(l);
        reportWritten(term, res.tk, res.files, res.rescored);
      } finally {
        stop();
      }
    },
  };
  return module as unknown as CommandModule<GlobalArgs, never>;
}
