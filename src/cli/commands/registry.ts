/**
 * Commands beyond `score` and `validate` (explain, rank, sensitivity, audit, plot), each a
 * factory of a yargs command module; `main.ts` registers them in this order.
 */
import type { CommandModule } from 'yargs';
import type { Terminal } from '../terminal.js';
import type { GlobalArgs } from '../global-args.js';
import { plotCommand } from './plot.js';
import { measuresCommand } from './measures.js';
import { explainCommand } from './explain.js';
import { rankCommand } from './rank.js';
import { trendsCommand } from './trends.js';
import { sensitivityCommand } from './sensitivity.js';
import { auditCommand } from './audit.js';

/** A factory of one command. */
export type CommandFactory = (term: Terminal) => CommandModule<GlobalArgs, never>;

/** The extra commands, in help order. */
export const commandRegistry: readonly CommandFactory[] = [measuresCommand, explainCommand, rankCommand, trendsCommand, sensitivityCommand, auditCommand, plotCommand];
