/**
 * A worker thread that writes the large files of a report (`alignment.csv`, the score cache)
 * while the main thread makes the others (summary, states, page): on a machine with a second
 * core free the formatting, hashing, writing and fsync of ~200 MB run beside the rest. The
 * bytes are made by the same code as on the main thread (`report-writer-jobs.ts`), from the
 * table's columns in shared memory: the scorer makes them there (`newColumn` of
 * `score-table.ts`), so they are read where they are, never copied (a copy of the real-data
 * table is ~400 MB more at the peak).
 * @module
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isShared, mapColumns, toShared, type ScoreTable } from '../core/score-table.js';
import type { ReportJob, ReportJobMessage, ReportJobReply } from './report-writer-jobs.js';

/** Writes report files on a worker thread; {@link close} it when the report is written. */
export class ReportWriter {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (h: string | null) => void; reject: (e: Error) => void }>();
  private failed: Error | null = null;
  private readonly shared = new WeakMap<Float64Array, Float64Array>();

  private constructor(private readonly worker: Worker) {
    worker.unref(); // an idle writer never keeps the process alive
    worker.on('message', (msg: ReportJobReply) => {
      const w = this.waiting.get(msg.id);
      if (!w) return;
      this.waiting.delete(msg.id);
      if ('error' in msg) {
        const { message, stack, ...rest } = msg.error;
        const e = Object.assign(new Error(message), rest);
        if (stack) e.stack = stack;
        w.reject(e);
      } else w.resolve('sha256' in msg ? msg.sha256 : null);
    });
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', (code) => this.fail(new Error(`the report writer thread stopped (exit code ${code})`)));
  }

  /**
   * Starts the writer thread, or returns null when its script is not built (running from the
   * TypeScript sources, e.g. under the test runner): the caller then writes on its own thread.
   * @example const writer = ReportWriter.start(); // null under vitest
   */
  static start(): ReportWriter | null {
    const script = new URL('./report-writer-worker.js', import.meta.url);
    if (!import.meta.url.endsWith('.js') || !existsSync(fileURLToPath(script))) return null;
    return new ReportWriter(new Worker(script));
  }

  private fail(e: Error): void {
    this.failed ??= e;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }

  /**
   * Writes `job` to the new file `file` (made durable) on the writer thread; resolves with
   * the SHA-256 of its bytes (hex) when `hash`, else null.
   * @example const sha = await writer.write('/tmp/new/alignment.csv', { kind: 'alignment', table: writer.share(table), precision: 6 }, true);
   */
  write(file: string, job: ReportJob, hash: boolean): Promise<string | null> {
    return this.send(file, job, hash, undefined);
  }

  /**
   * {@link write}, for a job the main thread may take back while the writer thread has not
   * begun it (the writer thread is still busy with earlier jobs): `takeBack()` is then true,
   * `done` resolves with null at once and the file is not written by the writer thread — the
   * caller writes it. False once the writer thread has begun it (await `done`).
   * @example const { done, takeBack } = writer.writeOrTakeBack(file, job, false); if (takeBack()) writeHere(); else await done;
   */
  writeOrTakeBack(file: string, job: ReportJob, hash: boolean): { done: Promise<string | null>; takeBack(): boolean } {
    const claim = new Int32Array(new SharedArrayBuffer(4));
    const id = this.next;
    const done = this.send(file, job, hash, claim);
    return {
      done,
      takeBack: () => {
        if (Atomics.compareExchange(claim, 0, 0, 2) !== 0) return false;
        // the writer thread will answer that it left the job alone: settled now
        const w = this.waiting.get(id);
        this.waiting.delete(id);
        w?.resolve(null);
        return true;
      },
    };
  }

  private send(file: string, job: ReportJob, hash: boolean, claim: Int32Array | undefined): Promise<string | null> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.ref(); // a job in flight keeps the process alive
      const msg: ReportJobMessage = { id, file, job, hash, ...(claim ? { claim } : {}) };
      this.worker.postMessage(msg);
    }).finally(() => {
      if (this.waiting.size === 0) this.worker.unref();
    }) as Promise<string | null>;
  }

  /**
   * The table with its columns in shared memory, for {@link write}: a column already there (all
   * of a table the scorer made, or read from the score cache) is passed as it is; any other is
   * copied once, however many jobs read it.
   */
  share(table: ScoreTable): ScoreTable {
    const s = (a: Float64Array): Float64Array => {
      if (isShared(a)) return a;
      let c = this.shared.get(a);
      if (c === undefined) {
        c = toShared(a);
        this.shared.set(a, c);
      }
      return c;
    };
    return mapColumns(table, s);
  }

  /** Stops the thread (a job still in flight is abandoned: await the writes first). */
  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
