import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../domain/errors.js';

/** Who holds a folder's lock (the content of the lock file). */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
  readonly command: string;
  readonly since: string;
}

/** A held lock. */
export interface FolderLock {
  /** The lock file. */
  readonly file: string;
  /** Removes the lock file (only if it is still this lock). */
  release(): void;
}

/** Options of {@link lockFolder}. */
export interface LockOptions {
  /** How long to wait for another run's lock, in ms (default: `ENTENTE_LOCK_TIMEOUT` seconds, else 120 s). */
  readonly timeoutMs?: number;
  /** Called once when the lock is held by another live run and this one starts waiting. */
  readonly onWait?: (holder: LockHolder) => void;
}

const DEFAULT_TIMEOUT_S = 120;
/** A lock file that stays unreadable this long was left by a process killed while writing it. */
const UNREADABLE_STALE_MS = 10_000;

/**
 * The lock file of a report folder: `.<name>.entente-lock` beside it (in its parent, which
 * must exist), so it survives the folder being swapped.
 * @example lockFile('/p/reports/sample') // '/p/reports/.sample.entente-lock'
 */
export function lockFile(target: string): string {
  const abs = path.resolve(target);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.entente-lock`);
}

/**
 * Takes the lock of a report folder, so two runs never write one folder at the same time:
 * the lock file is created exclusively (O_EXCL) with this process's id; when another live
 * run holds it, this one waits (polling) up to the timeout, then refuses with a
 * {@link UsageError} naming the other run. A lock left by a dead process of this machine
 * (killed, crashed) is taken over. Release it in a `finally`.
 * @throws {UsageError} when the wait times out; file-system errors as they come.
 * @example const lock = await lockFolder('reports/sample'); try { … } finally { lock.release(); }
 */
export async function lockFolder(target: string, options: LockOptions = {}): Promise<FolderLock> {
  const file = lockFile(target);
  const timeoutMs = options.timeoutMs ?? lockTimeoutMs();
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    token: randomBytes(8).toString('hex'),
    command: `entente ${process.argv.slice(2).join(' ')}`.slice(0, 300),
    since: new Date().toISOString(),
  };
  const started = Date.now();
  let told = false;
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(file, me)) return { file, release: () => releaseIfMine(file, me.token) };
    const holder = readHolder(file);
    if (holder === 'gone') continue;
    if (holder === 'unreadable' ? ageMs(file) > UNREADABLE_STALE_MS : isDead(holder)) {
      takeOver(file, holder === 'unreadable' ? null : holder.token);
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= timeoutMs) {
      const who = holder === 'unreadable' ? 'another entente run' : `another entente run (pid ${holder.pid}${holder.host === me.host ? '' : ` on ${holder.host}`}, \`${holder.command}\`, since ${holder.since})`;
      throw new UsageError(
        `${path.resolve(target)} is being written by ${who}; wait for it to finish and run again (ENTENTE_LOCK_TIMEOUT=<seconds> waits longer). ` +
          `If no entente run is active, delete the lock file ${file}`,
      );
    }
    if (!told && holder !== 'unreadable') {
      told = true;
      options.onWait?.(holder);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** Math.min(attempt, 3), 400, Math.max(1, timeoutMs - waited))));
  }
}

/** `ENTENTE_LOCK_TIMEOUT` (seconds) in ms, else the default. */
function lockTimeoutMs(): number {
  const raw = process.env.ENTENTE_LOCK_TIMEOUT;
  const s = raw === undefined || raw.trim() === '' ? DEFAULT_TIMEOUT_S : Number(raw);
  if (!Number.isFinite(s) || s < 0) throw new UsageError(`ENTENTE_LOCK_TIMEOUT: need a number of seconds ≥ 0, got "${raw}"`);
  return s * 1000;
}

function tryCreate(file: string, me: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, JSON.stringify(me) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(file: string): LockHolder | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw e;
  }
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid === 'number' && typeof h.token === 'string' && typeof h.host === 'string') {
      return { pid: h.pid, host: h.host, token: h.token, command: String(h.command ?? ''), since: String(h.since ?? '') };
    }
  } catch {
    // being written right now, or cut by a kill
  }
  return 'unreadable';
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** A holder of this machine whose process no longer runs. A holder on another machine is never judged dead. */
function isDead(h: LockHolder): boolean {
  if (h.host !== os.hostname()) return false;
  if (h.pid === process.pid) return false; // another write of this process (still running)
  try {
    process.kill(h.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes a stale lock: renames it to a private name (one contender wins), and checks that
 * what was moved is the stale lock judged (token); if a new live lock was moved by mistake,
 * it is put back (by link, which never overwrites a lock made meanwhile).
 */
function takeOver(file: string, staleToken: string | null): void {
  const grave = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, grave);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const moved = readHolder(grave);
  const wasStale = moved === 'unreadable' || moved === 'gone' || staleToken === null || moved.token === staleToken;
  if (!wasStale) {
    try {
      linkSync(grave, file);
    } catch {
      // a newer lock exists: that one wins
    }
  }
  try {
    unlinkSync(grave);
  } catch {
    // already gone
  }
}

function releaseIfMine(file: string, token: string): void {
  const h = readHolder(file);
  if (h === 'gone' || h === 'unreadable' || h.token !== token) return;
  try {
    unlinkSync(file);
  } catch {
    // gone already
  }
}
