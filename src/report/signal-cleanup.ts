/**
 * Clean-up on Ctrl-C and `kill`: while a report is being written, SIGINT, SIGTERM and SIGHUP
 * run the registered clean-ups (remove the temporary folder, release the lock), say so on
 * stderr, and then end the process by the same signal (so the shell sees it was
 * interrupted). Outside a write the signals keep their default effect.
 */

type Cleanup = () => void;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const cleanups = new Set<Cleanup>();

function onSignal(signal: NodeJS.Signals): void {
  for (const c of [...cleanups].reverse()) {
    try {
      c();
    } catch {
      // best effort: the next run removes what is left
    }
  }
  cleanups.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.stderr.write(`entente: interrupted (${signal}); temporary files removed, the report folder is as it was\n`);
  process.kill(process.pid, signal);
}

/**
 * Runs `cleanup` (synchronous) if the process gets SIGINT, SIGTERM or SIGHUP before the
 * returned function is called.
 * @example const done = onInterrupt(() => rmSync(tmp, { recursive: true, force: true })); try { … } finally { done(); }
 */
export function onInterrupt(cleanup: Cleanup): () => void {
  if (cleanups.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  cleanups.add(cleanup);
  return () => {
    if (!cleanups.delete(cleanup)) return;
    if (cleanups.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
  };
}
