/**
 * What the analyst-toolkit commands (explain, rank, trends, sensitivity, audit) share:
 * the hooks of their pipeline call (a progress bar and the usual notes), printing aligned
 * tables, and saying what was written.
 */
import path from 'node:path';
import { pc } from '../colour.js';
import type { ToolkitHooks, ToolkitRun } from '../../pipeline/toolkit.js';
import { printWarnings, progressBar, type Terminal } from '../terminal.js';
import { displayPath } from './score.js';

/**
 * The hooks a toolkit command's pipeline call reports to: a progress bar on stderr while the
 * panel is scored, then its warnings and the sample note; notes in yellow. Call `stop()`
 * when the command ends (a no-op when the bar is already gone). `rescore` (`--rescore`): score the
 * panel even when the report folder's score cache could be used.
 * @example const { hooks, stop } = toolkitHooks(term); try { await runAudit(args, hooks); } finally { stop(); }
 */
export function toolkitHooks(term: Terminal, rescore = false): { hooks: ToolkitHooks; stop(): void } {
  const bar = progressBar(term);
  const hooks: ToolkitHooks = {
    rescore,
    progress: bar.progress,
    note: (n) => term.err(pc.yellow(`note: ${n}`)),
    loaded: (run) => {
      bar.stop();
      printWarnings(term, run.warnings);
      if (run.sample) term.err(pc.cyan('note: computed from the bundled SYNTHETIC sample data, not real observations'));
    },
  };
  return { hooks, stop: bar.stop };
}

/**
 * Lines of a text table: columns padded to their widest cell, numbers (cells starting with
 * a digit, sign or dot) aligned right.
 * @example textTable([['pair', 'index'], ['IRN-RUS', '71.2']]) // ['pair     index', 'IRN-RUS   71.2']
 */
export function textTable(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (/^[-+−]?[\d.]/.test(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd());
}

/** A number for the terminal: fixed decimals, `–` when missing. @example num(71.234, 1) // '71.2' */
export function num(x: number, digits: number): string {
  if (!Number.isFinite(x)) return '–';
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** Prints where files went (and that the score report was rewritten first, when it was). */
export function reportWritten(term: Terminal, tk: ToolkitRun, files: readonly string[], rescored: boolean): void {
  const dir = displayPath(tk.outDir);
  if (rescored) term.err(pc.cyan(`note: ${dir} had no report; wrote the score report of this config there too`));
  term.out(`wrote ${files.map((f) => path.join(dir, f)).join(', ')}`);
}

/**
 * The `--rescore` option of the commands that read the report folder's score cache
 * (`explain`, `rank`, `trends`, `audit`, `sensitivity`).
 */
export const RESCORE_OPTION = {
  type: 'boolean',
  default: false,
  describe: 'score the panel again even when the report folder\'s score cache (score-cache.bin, written by `entente score`) matches the config and inputs',
} as const;
