#!/usr/bin/env node
/** The `entente` executable: runs the CLI and sets the exit code (never `process.exit`). */
import { hideBin } from 'yargs/helpers';
import { main } from './main.js';

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`internal error: ${String((e as Error)?.stack ?? e)}\n`);
    process.exitCode = 1;
  },
);
