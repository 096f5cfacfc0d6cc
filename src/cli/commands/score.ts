import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { pc } from '../colour.js';
import { printWarnings, progressBar, type Terminal } from '../terminal.js';
import { listOption, yearOption, yearOrder } from '../option-checks.js';
import type { GlobalArgs } from '../global-args.js';

/** Arguments of `entente score`. */
export interface ScoreArgs extends GlobalArgs {
  readonly pairs?: string;
  readonly states?: string;
  readonly from?: number;
  readonly to?: number;
  readonly force?: boolean;
  readonly columns?: 'full' | 'lean';
}

/** `entente score`: the main job, writes the report folder. */
export function scoreCommand(term: Terminal): CommandModule<GlobalArgs, ScoreArgs> {
  return {
    command: 'score',
    describe: 'score every pair-year and write the report folder (alignment.csv, datapackage.json)',
    builder: (y: Argv<GlobalArgs>) =>
      y
        .option('pairs', listOption('--pairs', 'only these pairs, e.g. RUS-IRN,RUS-CHN'))
        .option('states', listOption('--states', 'only pairs among these states, e.g. RUS,IRN,CHN'))
        .option('from', yearOption('--from', 'first year'))
        .option('to', yearOption('--to', 'last year'))
        .option('columns', {
          choices: ['full', 'lean'] as const,
          describe: 'columns of alignment.csv: full (every indicator\'s raw, normalised and contribution columns) or lean (state_a, state_b, year, index, coverage: a small file)',
        })
        .option('force', { type: 'boolean', describe: 'replace a report folder made by another config, or holding files Entente did not write' })
        .check(yearOrder)
        .example('$0 score', 'score the config entente.yaml (the bundled sample) into reports/sample/')
        .example('$0 score --columns lean', 'alignment.csv with the index and coverage only (every other file as usual)')
        .example('$0 score --config examples/real-data.yaml --pairs RUS-IRN,RUS-CHN --from 1992', 'two pairs of the real data since 1992') as Argv<ScoreArgs>,
    handler: async (args) => {
      const bar = progressBar(term);
      try {
        const res = await (await import('../../pipeline/score.js')).runScore(args.config, { out: args.out, pairs: args.pairs, states: args.states, from: args.from, to: args.to, columns: args.columns, force: args.force, note: (n) => term.err(pc.yellow(`note: ${n}`)) }, bar.progress);
        bar.stop();
        printWarnings(term, res.run.warnings);
        printDropped(term, res.outDir, res.dropped);
        if (res.run.sample) term.err(pc.cyan('note: this report is made from the bundled SYNTHETIC sample data, not real observations'));
        term.out(`wrote ${displayPath(res.outDir)}/alignment.csv (${res.rows} pair-years) and datapackage.json`);
        term.out(`sha256 ${res.sha256}  alignment.csv`);
        term.out(`open ${displayPath(res.outDir)}/report.html in a browser to read the report`);
      } finally {
        bar.stop();
      }
    },
  };
}

/** A path for messages: relative to the working folder when inside it. */
export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
}

/**
 * Says which files of the old report a replacing command dropped (charts, sensitivity …:
 * they described the old scoring).
 */
export function printDropped(term: Terminal, dir: string, dropped: readonly string[]): void {
  if (dropped.length === 0) return;
  const shown = dropped.slice(0, 10).join(', ') + (dropped.length > 10 ? ` and ${dropped.length - 10} more` : '');
  term.err(pc.yellow(`note: replaced the report in ${displayPath(dir)}; dropped ${shown} (made from the previous report: run the commands that made them again)`));
}
