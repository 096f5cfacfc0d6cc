/**
 * Named moments of a report write, where the kill tests stop the process: with
 * `ENTENTE_TEST_PAUSE=<point>` in its environment, the process prints
 * `entente: paused at <point> (pid N)` on stderr when it gets there and waits (up to 60 s,
 * then goes on), so a test can send it SIGKILL or SIGTERM at exactly that moment. Without
 * the variable these are no-ops. Test hooks only: nothing else reads the variable.
 *
 * Points (in order): `staging-written` (the new folder is complete, no journal yet),
 * `journal-written` (the journal commits the swap; the old report is still in place),
 * `old-moved` (the old report is moved aside; the new one is not yet in place),
 * `swapped` (the new report is in place; the journal is not yet removed), and
 * `file-written:<name>` after each file of the new folder.
 */

const PAUSE_MS = 60_000;

function wanted(point: string): boolean {
  const at = process.env.ENTENTE_TEST_PAUSE;
  if (at === undefined || at !== point) return false;
  process.stderr.write(`entente: paused at ${point} (pid ${process.pid})\n`);
  return true;
}

/**
 * Pauses at `point` letting the event loop run (so SIGINT/SIGTERM handlers fire) when the
 * test hook asks for it.
 * @example await pauseAt('staging-written');
 */
export async function pauseAt(point: string): Promise<void> {
  if (wanted(point)) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
}

/**
 * Pauses at `point` blocking the thread (inside the synchronous swap, where no signal handler
 * may run) when the test hook asks for it.
 * @example pauseAtSync('old-moved');
 */
export function pauseAtSync(point: string): void {
  if (wanted(point)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, PAUSE_MS);
}
