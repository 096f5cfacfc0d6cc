import type { Argv, CommandModule } from 'yargs';
import { terminalText } from '../../domain/escape.js';
import type { Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';
import { countOption, pathOption } from '../option-checks.js';
import { num, textTable } from './toolkit-common.js';
import { displayPath } from './score.js';

interface DiffArgs extends GlobalArgs {
  readonly a: string;
  readonly b: string;
  readonly csv?: string;
  readonly force?: boolean;
  readonly top: number;
}

/** `entente diff A B`: what changed between two score reports. */
export function diffCommand(term: Terminal): CommandModule<GlobalArgs, never> {
  const module: CommandModule<GlobalArgs, DiffArgs> = {
    command: 'diff <a> <b>',
    describe: 'compare two score reports: the pair-years whose index changed, the largest movers, the config keys and inputs that differ',
    builder: (y: Argv<GlobalArgs>) =>
      y
        .positional('a', pathOption('A', 'the first report folder') as never)
        .positional('b', pathOption('B', 'the second report folder') as never)
        .option('csv', pathOption('--csv', 'write every pair-year whose index changed to this CSV file'))
        .option('force', { type: 'boolean', describe: 'replace the --csv file when it exists' })
        .option('top', countOption('--top', 0, 'how many of the largest movers to show', { default: 10 }))
        .example('$0 diff reports/before reports/after --csv changes.csv', 'what moved between two runs, every change in changes.csv') as unknown as Argv<DiffArgs>,
    handler: async (args) => {
      const d = await (await import('../../pipeline/diff.js')).runDiff(args.a, args.b, { csv: args.csv, force: args.force, movers: args.top });
      const count = (s: string) => d.changes.filter((c) => c.status === s).length;
      term.out(`A ${displayPath(d.a)}: ${d.rowsA} pair-years; B ${displayPath(d.b)}: ${d.rowsB} pair-years`);
      term.out(`${d.changes.length} pair-years differ: ${count('changed')} changed index, ${count('gained_index')} gained one, ${count('lost_index')} lost it, ${count('only_a')} only in A, ${count('only_b')} only in B`);
      if (d.config.length === 0) term.out('config: the same keys and values');
      else {
        term.out(`config: ${d.config.length} ${d.config.length === 1 ? 'key differs' : 'keys differ'}`);
        for (const k of d.config.slice(0, 20)) term.out(`  ${terminalText(k.key)}: ${terminalText(JSON.stringify(k.a) ?? '(absent)')} → ${terminalText(JSON.stringify(k.b) ?? '(absent)')}`);
        if (d.config.length > 20) term.out(`  … and ${d.config.length - 20} more`);
      }
      if (d.inputs.length === 0) term.out('inputs: the same files (SHA-256)');
      else {
        term.out(`inputs: ${d.inputs.length} differ`);
        for (const i of d.inputs) term.out(`  ${terminalText(i.title)}: ${i.a ? `${terminalText(i.a.path)} ${i.a.sha256.slice(0, 12)}…` : '(absent)'} → ${i.b ? `${terminalText(i.b.path)} ${i.b.sha256.slice(0, 12)}…` : '(absent)'}`);
      }
      if (d.movers.length > 0) {
        term.out('largest movers:');
        for (const l of textTable([['pair', 'year', 'A', 'B', 'change'], ...d.movers.map((m) => [`${m.a}-${m.b}`, String(m.year), num(m.indexA!, 2), num(m.indexB!, 2), `${m.change! > 0 ? '+' : ''}${num(m.change!, 2)}`])])) term.out(`  ${l}`);
      }
      if (d.csv) term.out(`wrote ${displayPath(d.csv)} (${d.changes.length} rows)`);
      else if (d.changes.length > 0) term.out('pass --csv FILE to write every pair-year that differs');
    },
  };
  return module as unknown as CommandModule<GlobalArgs, never>;
}
