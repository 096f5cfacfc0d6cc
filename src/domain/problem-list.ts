import { clipQuotedCells, InputError, type Problem } from './errors.js';
import { DEFAULTS } from './defaults.js';

/** Messages longer than this are cut when recorded (see {@link clipQuotedCells}). */
const MAX_KEPT_MESSAGE = 1000;

/**
 * Collects the row problems of one input file so that all of them are reported together
 * (up to `max`, then counted), and throws them as one {@link InputError}.
 * @example
 * const p = new ProblemList('votes.csv');
 * p.add(17, 'vote', 'expected yes, abstain or no, got "maybe"');
 * p.throwIfAny(); // InputError: votes.csv:17: column "vote": expected …
 */
export class ProblemList {
  readonly file: string;
  private readonly max: number;
  private readonly kept: Problem[] = [];
  private extra = 0;

  constructor(file: string, max: number = DEFAULTS.maxErrors) {
    this.file = file;
    this.max = max;
  }

  /** Records a problem at a 1-based line (0 = whole file), optionally naming the column. */
  add(line: number, column: string | number | undefined, message: string): void {
    if (this.kept.length < this.max) {
      // cut at once: 50 kept problems quoting 8 MB cells must not hold 400 MB until the throw
      const text = message.length > MAX_KEPT_MESSAGE ? clipQuotedCells(message) : message;
      this.kept.push(column === undefined ? { file: this.file, line, message: text } : { file: this.file, line, column, message: text });
    } else this.extra++;
  }

  /** Number of problems recorded (kept and omitted). */
  get count(): number {
    return this.kept.length + this.extra;
  }

  /** The kept problems. */
  get problems(): readonly Problem[] {
    return this.kept;
  }

  /** @throws {InputError} with every recorded problem, when there is any. */
  throwIfAny(): void {
    if (this.count > 0) throw new InputError(this.kept, this.extra, `${this.file}: ${this.count} problem(s) in the file; nothing was written`);
  }
}
