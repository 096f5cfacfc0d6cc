import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { pc } from '../colour.js';
import { printWarnings, progressBar, type Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';
import { printDropped, type ScoreArgs } from './score.js';
import { listOption, yearOption, yearOrder } from '../option-checks.js';
import { PERIOD_KINDS, type PeriodKind } from '../../domain/period.js';

/** `entente measures`: the raw dyad-year measures of every indicator, without the index. */
export function measuresCommand(term: Terminal): CommandModule<GlobalArgs, never> {
  const module: CommandModule<GlobalArgs, ScoreArgs & { readonly period: PeriodKind }> = {
    command: 'measures',
    describe: 'write the raw measure of every indicator per pair-year (no normalisation, no index) to measures.csv',
    builder: (y: Argv<GlobalArgs>) =>
      y
        .option('pairs', listOption('--pairs', 'only these pairs, e.g. RUS-IRN,RUS-CHN'))
        .option('states', listOption('--states', 'only pairs among these states'))
        .option('from', yearOption('--from', 'first year'))
        .option('to', yearOption('--to', 'last year'))
        .option('period', { choices: PERIOD_KINDS, default: 'year' as PeriodKind, describe: 'year (every indicator), or quarter / month (dated indicators: events)' })
        .option('force', { type: 'boolean', describe: 'replace a report folder made by another config, or holding files Entente did not write' })
        .check(yearOrder)
        .example('$0 measures --period month --pairs RUS-IRN,RUS-USA', 'event data month by month, into reports/<name>-measures-month/')
        .example('$0 measures --config examples/real-data.yaml', 'every indicator\'s raw value for every pair-year, into reports/real-data-measures/') as Argv<ScoreArgs & { readonly period: PeriodKind }>,
    handler: async (args) => {
      const bar = progressBar(term);
      try {
        const res = await (await import('../../pipeline/measures.js')).runMeasures(args.config, { out: args.out, pairs: args.pairs, states: args.states, from: args.from, to: args.to, period: args.period, force: args.force, note: (n) => term.err(pc.yellow(`note: ${n}`)) }, bar.progress);
        bar.stop();
        printWarnings(term, res.warnings);
        printDropped(term, res.outDir, res.dropped);
        if (res.skipped.length > 0) term.err(pc.cyan(`note: ${res.skipped.join(', ')} left out: yearly data only (--period ${args.period} needs dated sources)`));
        if (res.sample) term.err(pc.cyan('note: these measures are computed from the bundled SYNTHETIC sample data, not real observations'));
        const rel = path.relative(process.cwd(), res.outDir);
        term.out(`wrote ${rel === '' ? '.' : rel.startsWith('..') ? res.outDir : rel}/${res.file} (${res.rows} pair-${args.period}s) and datapackage.json`);
        term.out(`sha256 ${res.sha256}  ${res.file}`);
      } finally {
        bar.stop();
      }
    },
  };
  return module as unknown as CommandModule<GlobalArgs, never>;
}
