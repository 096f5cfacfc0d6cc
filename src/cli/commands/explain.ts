import type { Argv, CommandModule } from 'yargs';
import { explainPair } from '../../analysis/explain.js';
import { asStateArg } from './toolkit-args.js';
import { yearOption } from '../option-checks.js';
import { explainFile } from '../../report/explain-csv.js';
import { explainModelOf, writeToolkitFiles } from '../../pipeline/toolkit.js';
import { UsageError } from '../../domain/errors.js';
import type { Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';
import { num, recompute, reportWritten, textTable } from './toolkit-common.js';

interface ExplainArgs extends GlobalArgs {
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
        .option('year', yearOption('--year', 'only this year (its change is from the previous scored year)'))
        .check((argv) => {
          asStateArg(argv.a, 'A');
          asStateArg(argv.b, 'B');
          return true;
        })
        .example('$0 explain RUS IRN --year 2016', 'RUS–IRN in 2016 and what changed since 2015') as unknown as Argv<ExplainArgs>,
    handler: async (args) => {
      const [a, b] = [asStateArg(args.a, 'A'), asStateArg(args.b, 'B')];
      const year = args.year ?? null;
      const tk = await recompute(args, term);
      const years = explainPair(tk.run.table, a, b, explainModelOf(tk.run.config), year === null ? null : { from: year, to: year });
      if (years.length === 0) throw new UsageError(`no data for ${a}-${b}${year === null ? '' : ` in ${year}`} in ${tk.run.config.file}`);
      const ids = tk.run.table.ids;
      const lines: string[][] = [];
      if (year !== null) {
        // one year in detail: a row per indicator
        const yr = years[0]!;
        const c = yr.change;
        term.out(`${a}-${b} ${yr.year}: index ${num(yr.index, 2)} (coverage ${num(yr.coverage, 2)})${c ? `, ${c.total >= 0 ? '+' : ''}${num(c.total, 2)} since ${c.fromYear}` : ''}; strongest ${yr.strongest ?? '–'}, weakest ${yr.weakest ?? '–'}`);
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
      for (const line of textTable(lines)) term.out(line);
      const file = explainFile(a, b, years, ids, tk.run.config.precision);
      const { rescored } = await writeToolkitFiles(tk, [file]);
      reportWritten(term, tk, [file.resource.path], rescored);
    },
  };
  return module as unknown as CommandModule<GlobalArgs, never>;
}
