/**
 * The files a report writer thread (`report-writer.ts`) writes, as messages between the
 * threads, and the one function that turns a job into its bytes — the same on either thread,
 * so a file written away from the main thread is byte-identical to one written on it.
 * @module
 */
import type { ScoreTable } from '../core/score-table.js';
import { writeAlignmentCsvChunks } from './alignment-csv.js';
import { encodeScoreCache, type CacheHeader } from './score-cache.js';

/** A file to write: `alignment.csv` of a table, or the score cache. */
export type ReportJob =
  | { readonly kind: 'alignment'; readonly table: ScoreTable; readonly precision: number }
  | {
      readonly kind: 'cache';
      readonly header: CacheHeader;
      readonly table: ScoreTable;
      readonly flags: readonly (readonly { readonly keys: Float64Array; readonly values: Float64Array }[])[];
    };

/** A job sent to the writer thread: the file to create, and whether to hash what is written. */
export interface ReportJobMessage {
  readonly id: number;
  readonly file: string;
  readonly job: ReportJob;
  readonly hash: boolean;
  /**
   * For a job the main thread may take back: one shared cell, 0 while nobody has begun it;
   * the writer thread sets 1 (compare-and-swap) before it begins, the main thread 2 when it
   * takes the job back. Whoever swaps first writes the file.
   */
  readonly claim?: Int32Array | undefined;
}

/** The answer of the writer thread: the SHA-256 (hex, or null when not asked), or the error. */
export type ReportJobReply =
  | { readonly id: number; readonly sha256: string | null }
  | { readonly id: number; readonly takenBack: true }
  | { readonly id: number; readonly error: { readonly message: string; readonly code?: string; readonly syscall?: string; readonly path?: string; readonly stack?: string } };

/**
 * The bytes of a job, handed to `sink` in chunks (each valid only during the call).
 * @example writeJob({ kind: 'alignment', table, precision: 6 }, (chunk) => parts.push(Buffer.from(chunk)));
 */
export function writeJob(job: ReportJob, sink: (chunk: Uint8Array) => void): void {
  if (job.kind === 'alignment') writeAlignmentCsvChunks(job.table, job.precision, sink);
  else encodeScoreCache(job.header, job.table, job.flags, sink);
}
