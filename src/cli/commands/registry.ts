/**
 * Commands beyond `score` and `validate` (measures, explain, rank, trends, sensitivity,
 * audit, validity, plot, sql), each loaded on demand: a run imports only the command it runs (the others'
 * modules — charts, Monte Carlo, audit — cost start-up time), while `--help` and a mistyped
 * command load them all so every command is listed and suggested.
 */
import type { CommandModule } from 'yargs';
import type { Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';

/** A factory of one command. */
export type CommandFactory = (term: Terminal) => CommandModule<GlobalArgs, never>;

/** An extra command: its name and how to load its factory. */
export interface CommandEntry {
  readonly name: string;
  load(): Promise<CommandFactory>;
}

/** The extra commands, in help order. */
export const commandRegistry: readonly CommandEntry[] = [
  { name: 'measures', load: async () => (await import('./measures.js')).measuresCommand },
  { name: 'explain', load: async () => (await import('./explain.js')).explainCommand },
  { name: 'rank', load: async () => (await import('./rank.js')).rankCommand },
  { name: 'trends', load: async () => (await import('./trends.js')).trendsCommand },
  { name: 'sensitivity', load: async () => (await import('./sensitivity.js')).sensitivityCommand },
  { name: 'audit', load: async () => (await import('./audit.js')).auditCommand },
  { name: 'validity', load: async () => (await import('./validity.js')).validityCommand },
  { name: 'plot', load: async () => (await import('./plot.js')).plotCommand },
  { name: 'sql', load: async () => (await import('./sql.js')).sqlCommand },
  { name: 'rerun', load: async () => (await import('./rerun.js')).rerunCommand },
  { name: 'diff', load: async () => (await import('./diff.js')).diffCommand },
];

/**
 * The extra commands a command line needs: none for `score`/`validate`, the one named, or
 * all of them when no known command is named (help, a typo).
 * @example await commandsFor(['explain', 'RUS', 'IRN']) // [explainCommand]
 */
export async function commandsFor(argv: readonly string[]): Promise<CommandFactory[]> {
  const first = argv.find((a) => !a.startsWith('-'));
  if (first === 'score' || first === 'validate') return [];
  const named = commandRegistry.find((c) => c.name === first);
  const entries = named ? [named] : commandRegistry;
  return Promise.all(entries.map((c) => c.load()));
}
