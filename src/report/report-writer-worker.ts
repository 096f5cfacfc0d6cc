/**
 * Worker-thread entry of the report writer (`report-writer.ts`): for each job it is sent and
 * that the main thread has not taken back, creates the file, writes the job's bytes (hashing them when asked), makes it durable (the
 * fsync on the thread pool, while the next job is written), and answers with the hash or the
 * error.
 */
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { writeThenSync } from './write-folder.js';
import { writeJob, type ReportJobMessage, type ReportJobReply } from './report-writer-jobs.js';

if (parentPort) {
  const port = parentPort;
  const failure = (id: number, e: unknown): ReportJobReply => {
    const x = e as NodeJS.ErrnoException;
    return { id, error: { message: x?.message ?? String(e), ...(x?.code ? { code: x.code } : {}), ...(x?.syscall ? { syscall: x.syscall } : {}), ...(x?.path ? { path: x.path } : {}), ...(x?.stack ? { stack: x.stack } : {}) } };
  };
  port.on('message', ({ id, file, job, hash, claim }: ReportJobMessage) => {
    // a job the main thread took back before this thread began it: not written here
    if (claim !== undefined && Atomics.compareExchange(claim, 0, 0, 1) !== 0) {
      port.postMessage({ id, takenBack: true } satisfies ReportJobReply);
      return;
    }
    try {
      const h = hash ? createHash('sha256') : null;
      // written now; its fsync runs on the thread pool while the next job is written
      const durable = writeThenSync(file, {
        kind: 'chunked',
        write: (sink) =>
          writeJob(job, (chunk) => {
            h?.update(chunk);
            sink(chunk);
          }),
      });
      const sha256 = h ? h.digest('hex') : null;
      durable.then(
        () => port.postMessage({ id, sha256 } satisfies ReportJobReply),
        (e: unknown) => port.postMessage(failure(id, e)),
      );
    } catch (e) {
      port.postMessage(failure(id, e));
    }
  });
}
