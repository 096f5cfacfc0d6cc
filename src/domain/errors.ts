import { terminalText } from './escape.js';

/**
 * The error hierarchy of Entente. Only `cli/main.ts` turns an error into an exit code:
 * every {@link AppError} exits with its `exitCode` (2 for bad input or usage), anything
 * else is a bug (exit 1, with stack).
 */

/** Base class of every expected, user-facing error. */
export abstract class AppError extends Error {
  /** A stable machine-readable code, e.g. `E_CONFIG`. */
  abstract readonly code: string;
  /** The process exit code this error maps to. */
  readonly exitCode: number = 2;
}

/** Bad command-line flags or arguments. Exit 2. */
export class UsageError extends AppError {
  readonly code = 'E_USAGE';
}

/** One problem located in a file: `file:line:col: path: message`. */
export interface Problem {
  readonly file: string;
  /** 1-based line; 0 when the problem concerns the whole file. */
  readonly line: number;
  /** 1-based column (config files) or a column name (CSV files). */
  readonly column?: number | string;
  /** Dotted key path for config problems, e.g. `indicators.un.weight`. */
  readonly path?: string;
  readonly message: string;
}

/** Formats a problem the way compilers do, so terminals link to the spot. */
export function formatProblem(p: Problem): string {
  let where = p.file;
  if (p.line > 0) where += `:${p.line}`;
  if (typeof p.column === 'number') where += `:${p.column}`;
  const col = typeof p.column === 'string' ? ` column "${p.column}":` : '';
  const path = p.path ? ` ${p.path}:` : '';
  return `${where}:${path}${col} ${p.message}`;
}

/** A list of located problems, reported together. */
abstract class ProblemsError extends AppError {
  readonly problems: readonly Problem[];
  /** Problems found beyond the ones kept in `problems` (reporting is capped). */
  readonly omitted: number;
  constructor(given: readonly Problem[], omitted = 0, summary?: string) {
    const problems = given.map((p) => (p.message.length > MAX_MESSAGE ? { ...p, message: clipQuotedCells(p.message) } : p));
    // a cell's control characters shown as escapes, so a cell cannot forge a line or run a terminal sequence
    const lines = problems.map((p) => terminalText(formatProblem(p)));
    if (omitted > 0) lines.push(`… and ${omitted} more problem(s) of the same kind`);
    super((summary ? `${summary}\n` : '') + lines.join('\n'));
    this.problems = problems;
    this.omitted = omitted;
  }
}

/** The config file is invalid: every problem with file, line, column and key. Exit 2. */
export class ConfigError extends ProblemsError {
  readonly code = 'E_CONFIG';
}

/** An input data file has bad rows: all row problems of the file together. Exit 2. */
export class InputError extends ProblemsError {
  readonly code = 'E_INPUT';
}

/** A user formula is not allowed or does not parse. Exit 2. */
export class FormulaError extends AppError {
  readonly code = 'E_FORMULA';
  /** 0-based character position in the formula, when known. */
  readonly position: number | null;
  constructor(message: string, position: number | null = null) {
    super(message);
    this.position = position;
  }
}

/** A country name or code that the crosswalk cannot resolve. */
export class UnknownCountryError extends AppError {
  readonly code = 'E_COUNTRY';
  readonly raw: string;
  readonly system: string;
  readonly suggestions: readonly string[];
  constructor(raw: string, system: string, suggestions: readonly string[]) {
    const hint = suggestions.length > 0 ? `; closest known: ${suggestions.map((s) => `"${s}"`).join(', ')}` : '';
    // thrown and caught once per bad cell, and never shown with a stack: capturing one cost
    // most of the time of a file of unknown names (~10 µs a cell)
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`unknown country ${system === 'name' ? 'name' : `${system} code`} ${quoteClipped(raw)}${hint}`);
    Error.stackTraceLimit = stackTraceLimit;
    this.raw = raw;
    this.system = system;
    this.suggestions = suggestions;
  }
}

/** Longest cell text quoted whole in a message; longer cells are cut (a 1 MB cell must not make a 1 MB line). */
const MAX_QUOTED = 80;

/**
 * A cell's text in double quotes for a message, cut after {@link MAX_QUOTED} characters with
 * its full length given.
 * @example quoteClipped('Rusia') // '"Rusia"'
 */
export function quoteClipped(text: string): string {
  return text.length <= MAX_QUOTED ? `"${text}"` : `"${text.slice(0, MAX_QUOTED)}…" (${text.length.toLocaleString('en-US')} characters)`;
}

/** Longest message kept whole; longer ones have their long quoted cells cut. */
const MAX_MESSAGE = 1000;

/**
 * Cuts every quoted text longer than 80 characters in a message (see {@link quoteClipped}),
 * then, if the message is still over 1,000 characters, its middle: the problems of a hostile
 * file (a 1 MB cell) stay one readable line each, with the advice at the end kept.
 * @example clipQuotedCells(`got "${'x'.repeat(200)}"; fix it`) // `got "${'x'.repeat(80)}…" (200 characters); fix it`
 */
export function clipQuotedCells(message: string): string {
  // a scan, not a regular expression: `/"([^"]{81,})"/` overflows the regexp stack on a 20 MB cell
  const parts: string[] = [];
  let from = 0; // start of the text not yet copied
  let open = message.indexOf('"');
  while (open !== -1) {
    const close = message.indexOf('"', open + 1);
    if (close === -1) break;
    if (close - open - 1 > MAX_QUOTED) {
      parts.push(message.slice(from, open), quoteClipped(message.slice(open + 1, close)));
      from = close + 1;
      open = message.indexOf('"', from);
    } else open = close; // the closing quote may open the next quoted text
  }
  const cut = from === 0 ? message : parts.join('') + message.slice(from);
  return cut.length <= MAX_MESSAGE ? cut : `${cut.slice(0, 600)} … ${cut.slice(-300)}`;
}

/** `entente rerun` wrote files whose bytes differ from the report it re-made. Exit 3. */
export class NotReproducedError extends AppError {
  readonly code = 'E_NOT_REPRODUCED';
  override readonly exitCode: number = 3;
}
