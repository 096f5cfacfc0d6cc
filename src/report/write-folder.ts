import { chmodSync, closeSync, fdatasync, fsync, copyFileSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../domain/errors.js';
import { lockFolder } from './folder-lock.js';
import { fsyncFolder, pathExists, recoverFolder, removeJournal, tempSibling, writeJournal } from './folder-journal.js';
import { fsProblem } from '../format/fs-error.js';
import { pauseAt, pauseAtSync } from './pause-point.js';
import { writeOrder, type ReportContent, type ReportFiles } from './report-content.js';
import { onInterrupt } from './signal-cleanup.js';

/** Options of {@link commitFolder}. */
export interface CommitOptions {
  /**
   * Runs holding the folder's lock, after interrupted runs are recovered and before anything
   * is written; throw (e.g. a {@link UsageError}) to refuse.
   */
  readonly check?: () => void | Promise<void>;
  /** Receives notes for the user: an interrupted run completed, debris removed, waiting for a lock. */
  readonly note?: (text: string) => void;
  /** How a file-system error message starts (default `cannot write <folder>`). */
  readonly doing?: string;
}

/**
 * Writes a new version of the folder `target` and puts it in place in one committed step:
 * takes the folder's lock (another run on the same folder waits; a dead run's lock is taken
 * over), completes or cleans up what interrupted runs left (see `folder-journal.ts`), runs
 * `check`, lets `build` fill a temporary sibling folder, makes it durable (fsync), and swaps
 * it in under a journal. A failure, an exception or Ctrl-C/SIGTERM before the journal leaves
 * the previous folder exactly as it was and no temporary files; after the journal the swap
 * completes (now, or by the next run if the process is killed). File-system errors
 * (ENOSPC, EACCES, EROFS, …) become {@link UsageError}s (exit 2) saying what to do.
 * @example await commitFolder('reports/sample', async (dir) => writeFiles(dir, files));
 */
export async function commitFolder(target: string, build: (staging: string) => Promise<void>, options: CommitOptions = {}): Promise<void> {
  const abs = path.resolve(target);
  const doing = options.doing ?? `cannot write ${abs}`;
  const note = options.note ?? (() => {});
  try {
    mkdirSync(path.dirname(abs), { recursive: true });
  } catch (e) {
    throw fsProblem(e, doing);
  }
  let lock;
  try {
    lock = await lockFolder(abs, { onWait: (h) => note(`waiting for another entente run (pid ${h.pid}, \`${h.command}\`) that is writing ${abs}`) });
  } catch (e) {
    throw fsProblem(e, doing);
  }
  let staging: string | null = null;
  const removeStaging = () => {
    if (staging !== null) rmSync(staging, { recursive: true, force: true });
    staging = null;
  };
  const release = lock.release;
  const done = onInterrupt(() => {
    removeStaging();
    release();
  });
  try {
    for (const n of recoverFolder(abs)) note(n);
    await options.check?.();
    staging = tempSibling(abs, 'new');
    mkdirSync(staging);
    await build(staging);
    fsyncFolder(staging);
    await pauseAt('staging-written');
    swapIn(abs, staging);
    staging = null;
  } catch (e) {
    try {
      removeStaging();
    } catch {
      // the next run removes it
    }
    throw fsProblem(e, doing, pathExists(abs) ? 'The folder is as it was before this run' : undefined);
  } finally {
    done();
    release();
  }
}

/**
 * The committed swap (synchronous, so no signal handler runs in the middle): journal, move
 * the old folder aside, move the new one in, remove the journal, delete the old folder.
 */
function swapIn(abs: string, staging: string): void {
  const old = tempSibling(abs, 'old');
  const had = pathExists(abs);
  writeJournal(abs, { new: path.basename(staging), old: path.basename(old), pid: process.pid });
  pauseAtSync('journal-written');
  if (had) {
    try {
      renameSync(abs, old);
    } catch (e) {
      removeJournal(abs);
      throw e;
    }
  }
  pauseAtSync('old-moved');
  try {
    renameSync(staging, abs);
  } catch (e) {
    if (had) renameSync(old, abs); // if this fails too, the journal stays and the next run completes the swap
    removeJournal(abs);
    throw e;
  }
  fsyncFolder(path.dirname(abs));
  pauseAtSync('swapped');
  removeJournal(abs);
  if (had) {
    try {
      rmSync(old, { recursive: true, force: true });
    } catch {
      // the next run removes it
    }
  }
}

/**
 * Writes a whole folder atomically with {@link commitFolder}: every file into the temporary
 * folder (in {@link writeOrder}: chunked contents chunk by chunk, never whole in memory,
 * deferred ones last), then swapped in. No rule about what may be replaced: commands go
 * through `report-folder.ts`, which checks that the target is a report folder of theirs.
 * @param files file name → content.
 * @example await writeFolderAtomically('bench/out/report', files);
 */
export async function writeFolderAtomically(target: string, files: ReportFiles, options: CommitOptions = {}): Promise<void> {
  await commitFolder(target, (staging) => writeFiles(staging, files), options);
}

/**
 * Writes files into a folder (each made durable with fsync), in {@link writeOrder}. Chunked
 * contents that can be written on another thread (`writeFile`) start first; the other files
 * are written meanwhile, and deferred contents prepared (`prepare`), before they are awaited
 * (those the other thread has not begun by then and gives back, `takeBack`, are written on
 * this one); deferred contents are made last. Whatever fails, nothing is still being written when it
 * returns or throws.
 * @example await writeFiles(staging, new Map([['a.csv', 'x\n1\n']]));
 */
export async function writeFiles(dir: string, files: ReportFiles): Promise<void> {
  const order = writeOrder(files);
  const away = order.flatMap(([name, c]) => (typeof c === 'object' && !(c instanceof Uint8Array) && c.kind === 'chunked' && c.writeFile ? [{ name, content: c, done: c.writeFile(path.join(dir, name)) }] : []));
  // the fsyncs of this thread's files run on the thread pool meanwhile (the journal commit
  // they wait for would otherwise hold up the files still to make)
  const syncs: Promise<void>[] = [];
  const write = (name: string, content: ReportContent) => {
    const p = writeThenSync(path.join(dir, name), content);
    p.catch(() => {}); // handled below
    syncs.push(p);
  };
  // a rejection is handled below, once this thread's files are written
  for (const a of away) a.done.catch(() => {});
  try {
    for (const [name, content] of order) {
      if (away.some((a) => a.name === name) || isDeferred(content)) continue;
      write(name, content);
      await pauseAt(`file-written:${name}`);
    }
    for (const [, content] of order) if (isDeferred(content)) content.prepare?.();
    // this thread is free now: what the other thread has not begun yet is written here first
    const taken = away.filter((a) => a.content.takeBack?.() === true);
    for (const a of taken) {
      write(a.name, a.content);
      await pauseAt(`file-written:${a.name}`);
    }
    for (const a of away) {
      if (taken.includes(a)) continue;
      await a.done;
      await pauseAt(`file-written:${a.name}`);
    }
    for (const [name, content] of order) {
      if (!isDeferred(content)) continue;
      write(name, content);
      await pauseAt(`file-written:${name}`);
    }
    await Promise.all(syncs);
  } finally {
    await Promise.allSettled([...away.map((a) => a.done), ...syncs]);
  }
}

function isDeferred(c: ReportContent): c is Extract<ReportContent, { kind: 'deferred' }> {
  return typeof c === 'object' && !(c instanceof Uint8Array) && c.kind === 'deferred';
}

/**
 * {@link writeFileDurably} with the fsync and close on the thread pool: writes now (throws as
 * it would), and resolves once the file is durable.
 * @example await writeThenSync('/tmp/staging/a.csv', 'x\n1\n');
 */
export function writeThenSync(file: string, content: ReportContent): Promise<void> {
  const fd = openSync(file, 'wx');
  // a large file is handed to the disk every EARLY_SYNC_BYTES as it is written (fdatasync on the
  // thread pool), so little is left for its last fsync
  const syncs: Promise<void>[] = [];
  const sync = (how: typeof fsync) => syncs.push(new Promise((resolve, reject) => how(fd, (err) => (err ? reject(err) : resolve()))));
  try {
    let since = 0;
    writeContent(fd, content, (bytes) => {
      since += bytes;
      if (since >= EARLY_SYNC_BYTES) {
        since = 0;
        sync(fdatasync);
      }
    });
  } catch (e) {
    // the early syncs still hold the descriptor: close it once they are done
    void Promise.allSettled(syncs).then(() => closeSync(fd));
    throw e;
  }
  sync(fsync);
  return Promise.allSettled(syncs).then((results) => {
    closeSync(fd);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  });
}

/** Bytes written between two early syncs of a large file. */
const EARLY_SYNC_BYTES = 32 << 20;

/**
 * Writes one content to a new file (refusing an existing one) and makes it durable (fsync):
 * chunked contents chunk by chunk, deferred ones made first.
 * @example writeFileDurably('/tmp/staging/a.csv', 'x\n1\n');
 */
export function writeFileDurably(file: string, content: ReportContent): void {
  const fd = openSync(file, 'wx');
  try {
    writeContent(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes one content to an open file: chunked contents chunk by chunk, deferred ones made first; `wrote` hears each write's size. */
function writeContent(fd: number, content: ReportContent, wrote: (bytes: number) => void = () => {}): void {
  const put = (chunk: Uint8Array) => {
    for (let off = 0; off < chunk.length; ) off += writeSync(fd, chunk, off, chunk.length - off);
    wrote(chunk.length);
  };
  if (typeof content === 'string') put(Buffer.from(content, 'utf8'));
  else if (content instanceof Uint8Array) put(content);
  else if (content.kind === 'deferred') {
    const made = content.make();
    put(typeof made === 'string' ? Buffer.from(made, 'utf8') : made);
  } else content.write(put);
}

/**
 * Copies a folder's entries into another by hard links (no bytes copied; a plain copy where
 * the file system has no links), leaving out the names in `skip`: how a command that adds
 * files starts its new version of a report. Files are never written through these links
 * (new files replace them), so the old folder stays byte-identical. Keeps the folder's mode.
 * @throws {UsageError} for an entry that cannot be carried over (a FIFO, socket or device).
 * @example linkTree('reports/sample', staging, new Set(['datapackage.json']));
 */
export function linkTree(from: string, to: string, skip: ReadonlySet<string>): void {
  chmodSync(to, statSync(from).mode & 0o7777);
  for (const e of readdirSync(from, { withFileTypes: true })) {
    if (!skip.has(e.name)) carry(path.join(from, e.name), path.join(to, e.name), e);
  }
}

function carry(src: string, dst: string, e: Dirent): void {
  if (e.isDirectory()) {
    mkdirSync(dst);
    chmodSync(dst, statSync(src).mode & 0o7777);
    for (const c of readdirSync(src, { withFileTypes: true })) carry(path.join(src, c.name), path.join(dst, c.name), c);
  } else if (e.isSymbolicLink()) {
    symlinkSync(readlinkSync(src), dst);
  } else if (e.isFile()) {
    try {
      linkSync(src, dst);
    } catch (err) {
      if (!['EPERM', 'EXDEV', 'EMLINK', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EACCES'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
      copyFileSync(src, dst);
    }
  } else {
    throw new UsageError(`${src} is not a file or a folder (a FIFO, socket or device); Entente cannot keep it in a new version of the report folder: move it out and run again`);
  }
}
