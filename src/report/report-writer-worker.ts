/**
 * Worker-thread entry of the report writer (`report-writer.ts`): for each job it is sent,
 * creates the file, writes the job's bytes (hashing them when asked), makes it durable, and
 * answers with the hash or the error.
 */
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { writeFileDurably } from './write-folder.js';
import { writeJob, type ReportJobMessage, type ReportJobReply } from './report-writer-jobs.js';

if (parentPort) {
  const port = parentPort;
  port.on('message', ({ id, file, job, hash }: ReportJobMessage) => {
    let reply: ReportJobReply;
    try {
      const h = hash ? createHash('sha256') : null;
      writeFileDurably(file, {
        kind: 'chunked',
        write: (sink) =>
          writeJob(job, (chunk) => {
            h?.update(chunk);
            sink(chunk);
          }),
      });
      reply = { id, sha256: h ? h.digest('hex') : null };
    } catch (e) {
      const x = e as NodeJS.ErrnoException;
      reply = { id, error: { message: x?.message ?? String(e), ...(x?.code ? { code: x.code } : {}), ...(x?.syscall ? { syscall: x.syscall } : {}), ...(x?.path ? { path: x.path } : {}), ...(x?.stack ? { stack: x.stack } : {}) } };
    }
    port.postMessage(reply);
  });
}
