import path from 'node:path';
import { terminalText } from '../../domain/escape.js';
import type { Argv, CommandModule } from 'yargs';
import { pc } from '../colour.js';
import { textOption, yearOption, yearOrder } from '../option-checks.js';
import { displayPath } from './score.js';
import { printWarnings, progressBar, type Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';

/** Arguments of `entente plot`. */
export interface PlotArgs extends GlobalArgs {
  readonly pairs: readonly string[];
  readonly from?: number;
  readonly to?: number;
  readonly contributions?: boolean;
  readonly indicator?: string;
  readonly name?: string;
}

/**
 * `entente plot A-B [C-D ...]`: the index over time as SVG and PNG in the report folder.
 * Typed for the command registry (whose modules are `CommandModule<GlobalArgs, never>`).
 */
export function plotCommand(term: Terminal): CommandModule<GlobalArgs, never> {
  const module: CommandModule<GlobalArgs, PlotArgs> = {
    command: 'plot <pairs..>',
    describe: 'draw the index of some pairs over time as <name>.svg and <name>.png in the report folder',
    builder: (y: Argv<GlobalArgs>) =>
      y
        .positional('pairs', { type: 'string', array: true, describe: 'pairs like RUS-IRN, space- or comma-separated (as --pairs takes them)' })
        .option('from', yearOption('--from', 'first year'))
        .option('to', yearOption('--to', 'last year'))
        .option('contributions', { type: 'boolean', describe: 'stacked areas of each indicator\'s contribution, one panel per pair' })
        .option('indicator', textOption('--indicator', 'draw this indicator\'s raw measure (with its bootstrap band) instead of the index', 'un'))
        .option('name', textOption('--name', 'base name of the files (default plot_<pairs>, shortened with a hash when long)', 'russia-partners'))
        .check(async (argv) => {
          // the plot pipeline (charts) is loaded only when `plot` runs, not for `--help`
          const { parsePairs, plotNameArg } = await import('../../pipeline/plot.js');
          parsePairs(splitPairs((argv.pairs as unknown[] | undefined) ?? []));
          if (argv.name !== undefined) plotNameArg(String(argv.name));
          return yearOrder(argv);
        })
        .example('$0 plot RUS-IRN RUS-CHN', 'two pairs of the sample into reports/sample/plot_RUS-IRN_RUS-CHN.svg and .png')
        .example('$0 plot RUS-IRN --from 2000 --contributions', 'what each indicator adds to RUS–IRN since 2000') as unknown as Argv<PlotArgs>,
    handler: async (args) => {
      const bar = progressBar(term);
      try {
        const res = await (await import('../../pipeline/plot.js')).runPlot(
          args.config,
          { pairs: splitPairs(args.pairs), from: args.from, to: args.to, contributions: args.contributions, indicator: args.indicator, name: args.name, out: args.out, note: (n) => term.err(pc.yellow(`note: ${n}`)) },
          bar.progress,
        );
        bar.stop();
        printWarnings(term, res.run.warnings);
        if (res.rescored) term.err(pc.cyan(`note: ${displayPath(res.outDir)} had no report; wrote the score report of this config there too`));
        for (const n of res.notes) term.err(pc.yellow(`note: ${terminalText(n)}`));
        if (res.run.sample) term.err(pc.cyan('note: this chart is drawn from the bundled SYNTHETIC sample data, not real observations'));
        term.out(`wrote ${displayPath(res.svgFile)} and ${path.basename(res.pngFile)}`);
        term.out(`sha256 ${res.svgSha256}  ${path.basename(res.svgFile)}`);
      } finally {
        bar.stop();
      }
    },
  };
  return module as unknown as CommandModule<GlobalArgs, never>;
}

/**
 * The pairs of the command line, space- or comma-separated (`plot RUS-IRN RUS-CHN` and
 * `plot RUS-IRN,RUS-CHN` are the same, as `--pairs` takes them).
 * @example splitPairs(['RUS-IRN,RUS-CHN', 'USA-GBR']) // ['RUS-IRN', 'RUS-CHN', 'USA-GBR']
 */
export function splitPairs(args: readonly unknown[]): string[] {
  return args.flatMap((a) => String(a).split(',')).map((p) => p.trim()).filter((p) => p !== '');
}
