import type { Argv, CommandModule } from 'yargs';
import { pc } from '../colour.js';
import { countOption } from '../option-checks.js';
import { progressBar, type Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';
import { num, RESCORE_OPTION, reportWritten, textTable, toolkitHooks } from './toolkit-common.js';

interface SensitivityArgs extends GlobalArgs {
  readonly draws?: number;
  readonly seed?: number;
  readonly threads?: number;
  readonly rescore?: boolean;
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
        .option('rescore', RESCORE_OPTION)
        .option('threads', countOption('--threads', 1, 'worker threads (default: the number of cores for large panels); the results do not depend on it', { max: 64 }))
        .example('$0 sensitivity --draws 1000 --seed 7', 'a reproducible run of 1,000 draws') as unknown as Argv<SensitivityArgs>,
    handler: async (args) => {
      const { hooks, stop } = toolkitHooks(term, args.rescore);
      const draws = progressBar(term);
      try {
        const res = await (await import('../../pipeline/sensitivity.js')).runSensitivityReport({ config: args.config, out: args.out, draws: args.draws, seed: args.seed, threads: args.threads }, hooks, draws.progress);
        draws.stop();
        const { spec, result } = res;
        term.out(`${spec.draws} draws (seed ${spec.seed}), ${result.factors.length} uncertain choices, ${result.runs} runs per pair-year over ${res.tk.run.table.keys.length} pair-years`);
        const pooled = result.sobol.filter((s) => s.year === null);
        const ci = (lo: number, hi: number) => (lo === lo && hi === hi ? `${num(lo, 3)}–${num(hi, 3)}` : '');
        for (const l of textTable([['choice', 'first order', '95 % interval', 'total', '95 % interval'], ...pooled.map((s) => [s.factor, num(s.first, 3), ci(s.firstLow, s.firstHigh), num(s.total, 3), ci(s.totalLow, s.totalHigh)])])) term.out(l);
        const { sobolWarnings } = await import('../../analysis/sensitivity.js');
        for (const w of sobolWarnings(result.sobol, spec.draws)) term.err(pc.yellow(`warning: ${w}`));
        reportWritten(term, res.tk, res.files, res.rescored);
      } finally {
        draws.stop();
        stop();
      }
    },
  };
  return module as unknown as CommandModule<GlobalArgs, never>;
}
