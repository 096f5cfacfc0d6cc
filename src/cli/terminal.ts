import type { SingleBar } from 'cli-progress';
import { pc } from './colour.js';
import type { ProgressFn } from '../pipeline/load-indicators.js';
import type { WarningCollector } from '../core/warnings.js';
import { terminalText } from '../domain/escape.js';

/** Where the CLI writes: injectable so tests can capture it. */
export interface Terminal {
  out(line: string): void;
  err(line: string): void;
  /** True when stderr is a terminal (progress is drawn only then). */
  readonly isTTY: boolean;
}

/** The process's own terminal. */
export const processTerminal: Terminal = {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
  isTTY: Boolean(process.stderr.isTTY),
};

/**
 * A progress reporter: a bar on stderr on a terminal, nothing when piped. The bar's library is
 * loaded only here, on a terminal (not for `--help` or a piped run); what is reported before it
 * is loaded is drawn once it is.
 */
export function progressBar(term: Terminal): { progress: ProgressFn; stop(): void } {
  if (!term.isTTY) return { progress: () => {}, stop: () => {} };
  let bar: SingleBar | null = null;
  let started = false;
  let stopped = false;
  let last: [string, number, number] | null = null;
  const draw = (b: SingleBar, label: string, done: number, total: number): void => {
    const t = Math.max(total, 1);
    if (!started) {
      b.start(t, done, { label: terminalText(label) });
      started = true;
    }
    b.setTotal(t);
    b.update(done, { label: terminalText(label) });
  };
  void import('cli-progress').then(
    ({ default: cliProgress }) => {
      if (stopped) return;
      bar = new cliProgress.SingleBar(
        { format: ' {bar} {percentage}% | ETA {eta_formatted} | {label}', etaBuffer: 50, stream: process.stderr, clearOnComplete: true, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      if (last !== null) draw(bar, ...last);
    },
    () => {}, // no bar: the run goes on without one
  );
  return {
    progress: (label, done, total) => {
      last = [label, done, total];
      if (bar !== null) draw(bar, label, done, total);
    },
    stop: () => {
      stopped = true;
      if (started && bar !== null) bar.stop();
    },
  };
}

/** Prints warnings as a summary: one line per distinct warning, up to `max` per kind. */
export function printWarnings(term: Terminal, warnings: WarningCollector, max = 3): void {
  if (warnings.size === 0) return;
  const shown = new Map<string, number>();
  for (const { warning, count } of warnings.list()) {
    const n = shown.get(warning.kind) ?? 0;
    shown.set(warning.kind, n + 1);
    if (n >= max) continue;
    const where = warning.file ? `${warning.file}${warning.line ? `:${warning.line}` : ''}: ` : '';
    term.err(pc.yellow(`warning: ${terminalText(`${where}${warning.message}`)}${count > 1 ? ` (×${count})` : ''}`));
  }
  for (const [kind, total] of warnings.countsByKind()) {
    const distinct = shown.get(kind) ?? 0;
    if (distinct > max) term.err(pc.yellow(`warning: … ${distinct - max} more "${terminalText(kind)}" warning(s) (${total} in all)`));
  }
}
