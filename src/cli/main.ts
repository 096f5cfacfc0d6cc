/**
 * The composition root of the `entente` command: builds the yargs parser, runs a command,
 * and maps errors to exit codes (0 success, 2 bad input or usage, 1 a bug). Only this file
 * sets the exit code.
 */
import yargs from 'yargs';
import { pc } from './colour.js';
import { AppError } from '../errors.js';
import { terminalLines } from '../escape.js';
import { DEFAULTS } from '../defaults.js';
import { toolVersion } from '../io/tool-version.js';
import { processTerminal, type Terminal } from './terminal.js';
import { scoreCommand } from './commands/score.js';
import { validateCommand } from './commands/validate.js';
import type { GlobalArgs } from './global-args.js';
import { commandsFor } from './commands/registry.js';

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], term: Terminal = processTerminal): Promise<number> {
  let usageFailure: string | null = null;
  const parser = yargs([...argv])
    .scriptName('entente')
    .usage('$0 <command> [options]\n\nAlignment between states, year by year, from UN votes, arms transfers, joint exercises and trade.')
    .option('config', { type: 'string', default: DEFAULTS.configFile, describe: 'config file (YAML or JSON)', global: true })
    .option('out', { type: 'string', describe: 'report folder (default reports/<name>/)', global: true })
    .command(scoreCommand(term) as never)
    .command(validateCommand(term) as never);
  for (const make of await commandsFor(argv)) parser.command(make(term) as never);
  parser
    .demandCommand(1, 'name a command, e.g. `entente score`')
    .strict()
    .version(toolVersion())
    .help()
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      usageFailure = msg;
    });
  try {
    await parser.parseAsync();
    if (usageFailure !== null) {
      term.err(pc.red(`error: ${terminalLines(usageFailure)}`));
      term.err('run `entente --help` for the commands and options');
      return 2;
    }
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
