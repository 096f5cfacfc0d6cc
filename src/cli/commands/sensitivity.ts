import type { Argv, CommandModule } from 'yargs';
import { pc } from '../colour.js';
import { sensitivityFile, sobolFile } from '../../report/sensitivity-csv.js';
import { sensitivityInputs, writeToolkitFiles } from '../../pipeline/toolkit.js';
import { defaultThreads, runSensitivityThreaded } from '../../pipeline/sensitivity-threads.js';
import { countOption } from '../option-checks.js';
import { progressBar, type Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';
import { num, recompute, reportWritten, textTable } from './toolkit-common.js';

interface SensitivityArgs extends GlobalArgs {
  readonly draws?: number;
  readonly seed?: number;
  readonly threads?: number;
}

/** `entente sensitivity`: Monte Carlo intervals of index and rank, and Sobol' indices of each uncertain choice. */
export function sensitivityCommand(term: Terminal): CommandModule<GlobalArgs, never> {
  const module: CommandModule<GlobalArgs, SensitivityArgs> = {
    command: 'sensitivity',
    describe: 'index and rank intervals under perturbed weights and alternative methods (sensitivity.csv) and Sobol\' indices (sobol.csv)',
    builder: (y: Argv<GlobalArgs>) =>
      y
        .option('draws', countOption('--draws', 2, 'Monte Carlo draws N (default: sensitivity.draws, 1000)', { max: 100_000 }))
        .option('seed', countOption('--seed', 0, 'seed (default: sensitivity.seed, else the config\'s seed)', { max: 2 ** 32 - 1 }))
        .option('threads', countOption('--threads', 1, 'worker threads (default: the number of cores for large panels); the results do not depend on it', { max: 64 }))
        .example('$0 sensitivity --draws 1000 --seed 7', 'a reproducible run of 1,000 draws') as unknown as Argv<SensitivityArgs>,
    handler: async (args) => {
      const tk = await recompute(args, term);
      const { model, spec, params } = sensitivityInputs(tk.run, { draws: args.draws, seed: args.seed });
      if ((tk.run.config.smoothIndex ?? 1) > 1) term.err(pc.yellow('note: the analysis is of the unsmoothed index (smooth_index is not applied to the draws)'));
      const threads = args.threads ?? defaultThreads(tk.run.table.keys.length, spec.draws);
      const bar = progressBar(term);
      const res = await runSensitivityThreaded(tk.run.table, model, spec, threads, bar.progress).finally(() => bar.stop());
      term.out(`${spec.draws} draws (seed ${spec.seed}), ${res.factors.length} uncertain choices, ${res.runs} runs per pair-year over ${tk.run.table.keys.length} pair-years`);
      const pooled = res.sobol.filter((s) => s.year === null);
      for (const l of textTable([['choice', 'first order', 'total'], ...pooled.map((s) => [s.factor, num(s.first, 3), num(s.total, 3)])])) term.out(l);
      const files = [sensitivityFile(tk.run.table, res, tk.run.config.precision), sobolFile(res, tk.run.config.precision)];
      const { rescored } = await writeToolkitFiles(tk, files, { sensitivity: { ...params, factors: res.factors.map((f) => f.name), runs_per_pair_year: res.runs } });
      reportWritten(term, tk, files.map((f) => f.resource.path), rescored);
    },
  };
  return module as unknown as CommandModule<GlobalArgs, never>;
}
