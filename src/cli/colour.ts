import { createColors } from 'picocolors';

/**
 * Terminal colours, on only when both output streams are terminals (or `FORCE_COLOR` is set)
 * and `NO_COLOR` is not: piped output, files and CI logs stay plain text, whatever
 * picocolors would guess from the environment (it turns colours on whenever `CI` is set).
 * @example pc.red('error') // '\x1b[31merror\x1b[39m' on a terminal, 'error' when piped
 */
export const pc = createColors(
  process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0'
    ? true
    : process.env['NO_COLOR'] === undefined && Boolean(process.stdout.isTTY) && Boolean(process.stderr.isTTY),
);
