import type { Argv, CommandModule } from 'yargs';
import type { RankEntry } from '../../analysis/rank.js';
import type { Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';
import type { Iso3 } from '../../domain/country.js';
import { countOption, stateOption, yearOption } from '../option-checks.js';
import { num, textTable, RESCORE_OPTION, toolkitHooks } from './toolkit-common.js';
import { displayPath } from './score.js';

interface RankArgs extends GlobalArgs {
  readonly rescore?: boolean;
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
    describe: 'most and least aligned pairs of a year, or the partners of one state, with their rank change since a year; the whole ranking to rank.csv',
    builder: (y: Argv<GlobalArgs>) =>
      y
        .option('year', yearOption('--year', 'year to rank (default: the latest year with an index)'))
        .option('state', stateOption('--state', 'only the partners of this state (ISO3)'))
        .option('top', countOption('--top', 0, 'how many of the most aligned to show', { default: 10 }))
        .option('bottom', countOption('--bottom', 0, 'how many of the least aligned to show', { default: 10 }))
        .option('rescore', RESCORE_OPTION)
        .option('since', yearOption('--since', 'show each pair\'s rank change since this year'))
        .example('$0 rank --state RUS --since 2010', 'Russia\'s partners in the latest year, and how they moved since 2010') as unknown as Argv<RankArgs>,
    handler: async (args) => {
      const state = (args.state ?? null) as Iso3 | null;
      const since = args.since ?? null;
      const { hooks, stop } = toolkitHooks(term, args.rescore);
      try {
        const res = await (await import('../../pipeline/rank.js')).runRank({ config: args.config, out: args.out, year: args.year ?? null, state, top: args.top, bottom: args.bottom, since }, hooks);
        const row = (e: RankEntry) => [String(e.rank), `${e.a}-${e.b}`, num(e.index, 2), ...(since === null ? [] : [e.rankSince === null ? '–' : String(e.rankSince), e.change === null ? 'new' : e.change > 0 ? `+${e.change}` : String(e.change)])];
        const head = ['rank', 'pair', 'index', ...(since === null ? [] : [`rank ${since}`, 'change'])];
        term.out(`${res.ranked} ${state ? `partners of ${state}` : 'pairs'} ranked in ${res.year}${res.sample ? ' (synthetic sample)' : ''}`);
        const lines = [head, ...res.top.map(row)];
        if (res.bottom.length > 0) lines.push(...(res.top.length + res.bottom.length < res.ranked ? [['…']] : []), ...res.bottom.map(row));
        for (const l of textTable(lines)) term.out(l);
        term.out(`wrote ${displayPath(res.outDir)}/rank.csv (${res.ranked} pairs)${res.rescored ? ' with the score report' : ''}`);
      } finally {
        stop();
      }
    },
  };
  return module as unknown as CommandModule<GlobalArgs, never>;
}
