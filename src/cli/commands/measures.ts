import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { pc } from '../colour.js';
import { runMeasures } from '../../io/run-measures.js';
import { printWarnings, progressBar, type Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';
import { printDropped, type ScoreArgs } from './score.js';
import { listOption, yearOption, yearOrder } from '../option-checks.js';

/** `entente measures`: the raw dyad-year measures of every indicator, without the index. */
export function measuresCommand(term: Terminal): CommandModule<GlobalArgs, never> {
  const module: CommandModule<GlobalArgs, ScoreArgs> = {
    command: 'measures',
    describe: 'write the raw measure of every indicator per pair-year (no normalisation, no index) to measures.csv',
    builder: (y: Argv<GlobalArgs>) =>
      y
        .option('pairs', listOption('--pairs', 'only these pairs, e.g. RUS-IRN,RUS-CHN'))
        .option('states', listOption('--states', 'only pairs among these states'))
        .option('from', yearOption('--from', 'first year'))
        .option('to', yearOption('--to', 'last year'))
        .option('force', { type: 'boolean', describe: 'replace a report folder made by another config, or holding files Entente did not write' })
        .check(yearOrder)
        .example('$0 measures --config examples/real-data.yaml', 'every indicator\'s raw value for every pair-year, into reports/real-data-measures/') as Argv<ScoreArgs>,
    handler: async (args) => {
      const bar = progressBar(term);
      try {
        const res = await runMeasures(args.config, { out: args.out, pairs: args.pairs, states: args.states, from: args.from, to: args.to, force: args.force, note: (n) => term.err(pc.yellow(`note: ${n}`)) }, bar.progress);
        bar.stop();
        printWarnings(term, res.warnings);
        printDropped(term, res.outDir, res.dropped);
        if (res.sample) term.err(pc.cyan('note: these measures are computed from the bundled SYNTHETIC sample data, not real observations'));
        const rel = path.relative(process.cwd(), res.outDir);
        term.out(`wrote ${rel === '' ? '.' : rel.startsWith('..') ? res.outDir : rel}/measures.csv (${res.rows} pair-years) and datapackage.json`);
        term.out(`sha256 ${res.sha256}  measures.csv`);
      } finally {
        bar.stop();
      }
    },
  };
  return module as unknown as CommandModule<GlobalArgs, never>;
}
