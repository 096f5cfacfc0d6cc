/**
 * Command-line options that are checked while the command line is parsed — before the
 * command's handler runs, so a malformed, repeated or impossible value (or an unknown
 * option, caught by yargs' strict mode) is exit 2 before anything is read or written. Each
 * builder gives the yargs option with a `coerce` that validates the raw text and throws a
 * {@link UsageError} saying what was expected.
 */
import type { Options } from 'yargs';
import { UsageError } from '../domain/errors.js';
import { asStateArg, countArg, yearArg } from './commands/toolkit-args.js';

/** The value of an option given once (yargs makes an array of a repeated one). */
function once(raw: unknown, flag: string): unknown {
  if (Array.isArray(raw)) throw new UsageError(`${flag} is given ${raw.length} times; give it once`);
  return raw;
}

/** A non-empty text value. */
function text(raw: unknown, flag: string, example: string): string {
  const v = once(raw, flag);
  if (typeof v !== 'string' && typeof v !== 'number') throw new UsageError(`${flag} needs a value, e.g. ${flag} ${example}`);
  const s = String(v);
  if (s.trim() === '') throw new UsageError(`${flag} is empty; give a value, e.g. ${flag} ${example}`);
  return s;
}

/** A whole number written in decimal digits (no `1e3`, `0x10`, `12.0` or blanks). */
function whole(raw: unknown, flag: string, what: string): number {
  const v = once(raw, flag);
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  const s = typeof v === 'string' ? v.trim() : '';
  if (!/^[+-]?\d{1,15}$/.test(s)) throw new UsageError(`${flag}: need ${what}, got "${String(v ?? '')}"`);
  return Number(s);
}

/**
 * `--config`/`--out`: a path, given once and not empty (`--out ""` would mean the working
 * folder).
 * @example pathOption('--out', 'report folder').coerce('reports/x') // 'reports/x'
 */
export function pathOption(flag: string, describe: string, extra: Partial<Options> = {}): Options {
  return { type: 'string', requiresArg: true, describe, ...extra, coerce: (v: unknown) => (v === undefined ? v : text(v, flag, flag === '--out' ? 'reports/my-report' : 'entente.yaml')) };
}

/**
 * A year (`--from`, `--to`, `--year`, `--since`): a whole number from 1800 to 2100.
 * @example yearOption('--from', 'first year').coerce('2015') // 2015
 */
export function yearOption(flag: string, describe: string): Options {
  return { type: 'string', requiresArg: true, describe, coerce: (v: unknown) => (v === undefined ? v : yearArg(whole(v, flag, 'a year like 2016'), flag)) };
}

/**
 * A whole number ≥ `min` (and ≤ `max` when given): counts, draws, seeds, threads.
 * @example countOption('--top', 0, 'how many').coerce('5') // 5
 */
export function countOption(flag: string, min: number, describe: string, extra: Partial<Options> & { max?: number } = {}): Options {
  const { max, ...rest } = extra;
  return {
    type: 'string',
    requiresArg: true,
    describe,
    ...rest,
    coerce: (v: unknown) => {
      if (v === undefined) return v;
      const n = countArg(whole(v, flag, `a whole number ≥ ${min}`), flag, min);
      if (max !== undefined && n > max) throw new UsageError(`${flag}: need a whole number from ${min} to ${max}, got ${n}`);
      return n;
    },
  };
}

/**
 * A finite number > 0 (`--penalty`).
 * @example positiveOption('--penalty', 'k').coerce('2.5') // 2.5
 */
export function positiveOption(flag: string, describe: string, extra: Partial<Options> = {}): Options {
  return {
    type: 'string',
    requiresArg: true,
    describe,
    ...extra,
    coerce: (v: unknown) => {
      if (v === undefined) return v;
      const raw = once(v, flag);
      const n = typeof raw === 'number' ? raw : /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(String(raw)) ? Number(raw) : NaN;
      if (!(Number.isFinite(n) && n > 0)) throw new UsageError(`${flag}: need a number > 0, got "${String(raw)}"`);
      return n;
    },
  };
}

/**
 * A text value given once and not empty (`--indicator`, `--name`).
 * @example textOption('--indicator', 'indicator id').coerce('un') // 'un'
 */
export function textOption(flag: string, describe: string, example: string): Options {
  return { type: 'string', requiresArg: true, describe, coerce: (v: unknown) => (v === undefined ? v : text(v, flag, example)) };
}

/**
 * `--pairs A-B,C-D` and `--states A,B,C`: given once and not empty. Which states they name
 * (codes or names, checked against the crosswalk and the state system) is read when the
 * config's succession rules are known, before any input is loaded (`applyOverrides`).
 * @example listOption('--pairs', 'only these pairs', 'RUS-IRN').coerce('RUS-IRN') // 'RUS-IRN'
 */
export function listOption(flag: '--pairs' | '--states', describe: string): Options {
  return textOption(flag, describe, flag === '--pairs' ? 'RUS-IRN,RUS-CHN' : 'RUS,IRN,CHN');
}

/**
 * `--state S`: one three-letter code, upper-cased.
 * @example stateOption('--state', 'partners of').coerce('rus') // 'RUS'
 */
export function stateOption(flag: string, describe: string): Options {
  return { type: 'string', requiresArg: true, describe, coerce: (v: unknown) => (v === undefined ? v : asStateArg(text(v, flag, 'RUS'), flag)) };
}

/**
 * Checks `--from` ≤ `--to` when both are given (a yargs `.check`).
 * @throws {UsageError} otherwise.
 * @example yearOrder({ from: 2020, to: 2010 }) // throws
 */
export function yearOrder(argv: { readonly from?: unknown; readonly to?: unknown }): true {
  const { from, to } = argv;
  if (typeof from === 'number' && typeof to === 'number' && from > to) throw new UsageError(`--from ${from} is after --to ${to}; the first year comes first`);
  return true;
}
