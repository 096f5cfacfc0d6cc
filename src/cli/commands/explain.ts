import type { Argv, CommandModule } from 'yargs';
import { asStateArg } from './toolkit-args.js';
import { yearOption } from '../option-checks.js';
import type { ExplainOutcome } from '../../pipeline/explain.js';
import type { LatentExplanation } from '../../core/latent/latent-explain.js';
import type { Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';
import { num, reportWritten, textTable, RESCORE_OPTION, toolkitHooks } from './toolkit-common.js';

interface ExplainArgs extends GlobalArgs {
  readonly rescore?: boolean;
  readonly a: string;
  readonly b: string;
  readonly year?: number;
}

/** `entente explain A B [--year Y]`: why a pair scores what it scores, and what moved it. */
export function explainCommand(term: Terminal): CommandModule<GlobalArgs, never> {
  const module: CommandModule<GlobalArgs, ExplainArgs> = {
    command: 'explain <a> <b>',
    describe: 'one pair: raw, normalised, weight and contribution of each indicator per year, and what drove each change (explain_<A>_<B>.csv)',
    builder: (y: Argv<GlobalArgs>) =>
      y
        .positional('a', { type: 'string', describe: 'a state (ISO3)' })
        .positional('b', { type: 'string', describe: 'the other state (ISO3)' })
        .option('rescore', RESCORE_OPTION)
        .option('year', yearOption('--year', 'only this year (its change is from the previous scored year)'))
        .check((argv) => {
          asStateArg(argv.a, 'A');
          asStateArg(argv.b, 'B');
          return true;
        })
        .example('$0 explain RUS IRN --year 2016', 'RUS–IRN in 2016 and what changed since 2015') as unknown as Argv<ExplainArgs>,
    handler: async (args) => {
      const year = args.year ?? null;
      const { hooks, stop } = toolkitHooks(term, args.rescore);
      try {
        const [a, b] = [asStateArg(args.a, 'A'), asStateArg(args.b, 'B')];
        const res = await (await import('../../pipeline/explain.js')).runExplain({ config: args.config, out: args.out, a, b, year }, hooks);
        for (const line of textTable(explainLines(term, res, `${a}-${b}`, year))) term.out(line);
        reportWritten(term, res.tk, res.files, res.rescored);
      } finally {
        stop();
      }
    },
  };
  return module as unknown as CommandModule<GlobalArgs, never>;
}

/** The table `entente explain` prints (a row per indicator for one year, else a row per year); one year's headline goes to `term` first. */
function explainLines(term: Terminal, res: ExplainOutcome, pair: string, year: number | null): string[][] {
  if (res.tk.run.latent) return latentLines(term, res, pair, year);
  const { years } = res;
  const ids = res.tk.run.table.ids;
  const lines: string[][] = [];
  if (year !== null) {
    // one year in detail: a row per indicator
    const yr = years[0]!;
    const c = yr.change;
    term.out(`${pair} ${yr.year}: index ${num(yr.index, 2)} (coverage ${num(yr.coverage, 2)})${c ? `, ${c.total >= 0 ? '+' : ''}${num(c.total, 2)} since ${c.fromYear}` : ''}; strongest ${yr.strongest ?? '–'}, weakest ${yr.weakest ?? '–'}`);
    lines.push(['indicator', 'raw', 'normalised', 'weight', 'contribution', 'percentile', 'change']);
    yr.components.forEach((k, i) => lines.push([k.id, num(k.raw, 4), num(k.norm, 3), num(k.weightUsed, 3), num(k.contribution, 2), num(k.percentile, 2), num(c?.terms[i] ?? NaN, 2)]));
    if (c) lines.push(['coverage change', '', '', '', '', '', num(c.coverage, 2)]);
  } else {
    // every year: the index, its change and each indicator's contribution and term
    lines.push(['year', 'index', 'change', 'coverage Δ', ...ids.flatMap((id) => [id, `Δ ${id}`]), 'strongest', 'weakest']);
    for (const yr of years) {
      const c = yr.change;
      lines.push([String(yr.year), num(yr.index, 2), num(c?.total ?? NaN, 2), num(c?.coverage ?? NaN, 2), ...yr.components.flatMap((k, i) => [num(k.contribution, 2), num(c?.terms[i] ?? NaN, 2)]), yr.strongest ?? '–', yr.weakest ?? '–']);
    }
  }
  return lines;
}

/** The table under `aggregation: latent`: a row per model column for one year, else a row per year (latent scale z; the index is Φ(z) on the scale). */
function latentLines(term: Terminal, res: ExplainOutcome, pair: string, year: number | null): string[][] {
  const fit = res.tk.run.latent!;
  const lines: string[][] = [];
  const interval = (e: LatentExplanation) => `${num(e.index, 2)} [${num(e.indexLo, 2)}, ${num(e.indexHi, 2)}]`;
  if (year !== null) {
    const e = res.latent[0]!;
    const c = e.change;
    term.out(`${pair} ${e.year}: latent index ${interval(e)}; z ${num(e.mean, 3)} ± ${num(Math.sqrt(e.variance), 3)}${c ? `, ${c.total >= 0 ? '+' : ''}${num(c.total, 3)} since ${c.previousYear} (${num(c.fromNew, 3)} from this year's values, ${num(c.carried, 3)} carried)` : ''}`);
    lines.push(['column', 'value', 'weight', 'this year', 'contribution (z)', 'change from this year']);
    for (const col of e.columns) lines.push([col.id, num(col.value, 4), num(col.weight, 3), num(col.gain, 3), num(col.contribution, 3), num(c ? col.changeFromNew : NaN, 3)]);
    lines.push(['prior', '', num(e.priorWeight, 3), '', num(e.priorContribution, 3), '']);
  } else {
    lines.push(['year', 'index [interval]', 'Δz', 'from this year', 'carried', ...fit.columns.map((col) => `${col.id} weight`)]);
    for (const e of res.latent) {
      const c = e.change;
      lines.push([String(e.year), interval(e), num(c?.total ?? NaN, 3), num(c?.fromNew ?? NaN, 3), num(c?.carried ?? NaN, 3), ...e.columns.map((col) => num(col.weight, 3))]);
    }
  }
  return lines;
}
