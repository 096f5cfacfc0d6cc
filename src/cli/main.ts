/**
 * The composition root of the `entente` command: builds the yargs parser, runs a command,
 * and maps errors to exit codes (0 success, 2 bad input or usage, 1 a bug). Only this file
 * sets the exit code.
 */
import yargs from 'yargs';
import { pc } from './colour.js';
import { AppError, UsageError } from '../domain/errors.js';
import { terminalLines } from '../domain/escape.js';
import { pathOption } from './option-checks.js';
import { DEFAULTS } from '../domain/defaults.js';
import { toolVersion } from '../report/tool-version.js';
import { processTerminal, type Terminal } from './terminal.js';
import { scoreCommand } from './commands/score.js';
import { validateCommand } from './commands/validate.js';
import type { GlobalArgs } from './global-args.js';
import { commandsFor } from './commands/registry.js';

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], term: Terminal = processTerminal): Promise<number> {
  const parser = yargs([...argv])
    .scriptName('entente')
    .usage('$0 <command> [options]\n\nAlignment between states, year by year, from UN votes, arms transfers, joint exercises and trade.')
    .option('config', pathOption('--config', 'config file (YAML or JSON)', { default: DEFAULTS.configFile, global: true }))
    .option('out', pathOption('--out', 'report folder (default reports/<name>/): a new folder or a report folder Entente made', { global: true }))
    .command(scoreCommand(term) as never)
    .command(validateCommand(term) as never);
  for (const make of await commandsFor(argv)) parser.command(make(term) as never);
  parser
    .demandCommand(1, 'name a command, e.g. `entente score`')
    .strict()
    .version(toolVersion())
    .alias('v', 'version')
    .help()
    .alias('h', 'help')
    .epilogue(
      'Environment: ENTENTE_DATA_DIR=DIR resolves the relative source paths of a config that declares `data_dir:` against DIR instead ' +
        '(e.g. ENTENTE_DATA_DIR=/data/entente entente score --config examples/real-data.yaml). Pairs are written A-B (RUS-IRN, or RUS-* for one state against all), comma-separated.',
    )
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((msg, err) => {
      // throwing here stops yargs before the command's handler: a bad command line is
      // exit 2 before anything is read or written
      if (err instanceof AppError) throw err;
      // yargs wraps what a coerce function throws (our value checks) in a YError
      if (err && err.name !== 'YError') throw err;
      throw new UsageError(`${err?.message ?? msg}\nrun \`entente --help\` for the commands and options`);
    });
  try {
    await parser.parseAsync();
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      term.err(pc.red(`error: ${terminalLines(e.message)}`));
      return e.exitCode;
    }
    term.err(pc.red('internal error (a bug in Entente; please report it with the command you ran):'));
    term.err(String((e as Error)?.stack ?? e));
    return 1;
  }
}

/** Typed args of the global options, for command modules. */
export type { GlobalArgs };
