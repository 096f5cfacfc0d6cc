import type { Argv, CommandModule } from 'yargs';
import { latestScoredYear, rankPairs, topBottom, type RankEntry } from '../../analysis/rank.js';
import { UsageError } from '../../domain/errors.js';
import type { Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';
import type { Iso3 } from '../../domain/country.js';
import { countOption, stateOption, yearOption } from '../option-checks.js';
import { num, recompute, textTable } from './toolkit-common.js';

interface RankArgs extends GlobalArgs {
  readonly year?: number;
  readonly state?: string;
  readonly top: number;
  readonly bottom: number;
  readonly since?: number;
}

/** `entente rank`: the most and least aligned pairs of a year (or partners of a state), with rank change. */
export function rankCommand(term: Terminal): CommandModule<GlobalArgs, never> {
  const module: CommandModule<GlobalArgs, RankArgs> = {
    command: 'rank',
    describe: 'most and least aligned pairs of a year, or the partners of one state, with their rank change since a year',
    builder: (y: Argv<GlobalArgs>) =>
      y
        .option('year', yearOption('--year', 'year to rank (default: the latest year with an index)'))
        .option('state', stateOption('--state', 'only the partners of this state (ISO3)'))
        .option('top', countOption('--top', 0, 'how many of the most aligned to show', { default: 10 }))
        .option('bottom', countOption('--bottom', 0, 'how many of the least aligned to show', { default: 10 }))
        .option('since', yearOption('--since', 'show each pair\'s rank change since this year'))
        .example('$0 rank --state RUS --since 2010', 'Russia\'s partners in the latest year, and how they moved since 2010') as unknown as Argv<RankArgs>,
    handler: async (args) => {
      const state = (args.state ?? null) as Iso3 | null;
      const since = args.since ?? null;
      const [top, bottom] = [args.top, args.bottom];
      const tk = await recompute(args, term, { writes: false });
      const year = args.year ?? latestScoredYear(tk.run.table);
      if (year === null) throw new UsageError('no pair-year has an index: nothing to rank');
      const ranked = rankPairs(tk.run.table, { year, state, since });
      if (ranked.length === 0) throw new UsageError(`no pair${state ? ` of ${state}` : ''} has an index in ${year}`);
      const { top: hi, bottom: lo } = topBottom(ranked, top, bottom);
      const row = (e: RankEntry) => [String(e.rank), `${e.a}-${e.b}`, num(e.index, 2), ...(since === null ? [] : [e.rankSince === null ? '–' : String(e.rankSince), e.change === null ? 'new' : e.change > 0 ? `+${e.change}` : String(e.change)])];
      const head = ['rank', 'pair', 'index', ...(since === null ? [] : [`rank ${since}`, 'change'])];
      term.out(`${ranked.length} ${state ? `partners of ${state}` : 'pairs'} ranked in ${year}${tk.run.sample ? ' (synthetic sample)' : ''}`);
      const lines = [head, ...hi.map(row)];
      if (lo.length > 0) lines.push(...(hi.length + lo.length < ranked.length ? [['…']] : []), ...lo.map(row));
      for (const l of textTable(lines)) term.out(l);
    },
  };
  return module as unknown as CommandModule<GlobalArgs, never>;
}
