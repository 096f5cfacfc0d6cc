import { constants } from 'node:buffer';
import { InputError, UsageError } from '../domain/errors.js';

/** The environment variable that overrides {@link DEFAULT_GUNZIP_RATIO}. */
export const GUNZIP_RATIO_ENV = 'ENTENTE_GUNZIP_MAX_RATIO';

/**
 * How many times its compressed size a gzip input may unpack to, by default. The real sources
 * unpack to 3–27 times their size (SIPRI's per-supplier TIV table 21×, the UN Security Council
 * votes 27×); a gzip bomb unpacks to ~1,000 times.
 */
export const DEFAULT_GUNZIP_RATIO = 100;

/** Every gzip input may unpack to at least this much, whatever its ratio: 64 MiB. */
export const GUNZIP_FLOOR_BYTES = 64 * 1024 * 1024;

/**
 * The unpacking ratio in force: {@link DEFAULT_GUNZIP_RATIO}, or `ENTENTE_GUNZIP_MAX_RATIO`.
 * @throws {UsageError} when the variable is set to anything but a number ≥ 1.
 * @example gunzipRatio({ ENTENTE_GUNZIP_MAX_RATIO: '500' }) // 500
 */
export function gunzipRatio(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[GUNZIP_RATIO_ENV];
  if (raw === undefined || raw.trim() === '') return DEFAULT_GUNZIP_RATIO;
  const v = Number(raw);
  if (!(v >= 1)) throw new UsageError(`${GUNZIP_RATIO_ENV} must be a number ≥ 1 (how many times its compressed size a gzip input may unpack to; default ${DEFAULT_GUNZIP_RATIO}), got "${raw.slice(0, 40)}"`);
  return v;
}

/**
 * The most bytes a gzip file of `compressedBytes` may unpack to:
 * max({@link GUNZIP_FLOOR_BYTES}, ratio × compressedBytes), at most what a buffer can hold.
 * @example gunzipLimit(8 << 20, {}) // 838,860,800 (100 × 8 MiB)
 */
export function gunzipLimit(compressedBytes: number, env: NodeJS.ProcessEnv = process.env): number {
  return Math.min(constants.MAX_LENGTH, Math.max(GUNZIP_FLOOR_BYTES, Math.ceil(gunzipRatio(env) * compressedBytes)));
}

/**
 * The error for a gzip input that unpacks to more than `limit` bytes.
 * @example gunzipTooLargeError('votes.csv.gz', 8 << 20, 838860800)
 */
export function gunzipTooLargeError(file: string, compressedBytes: number, limit: number): InputError {
  const n = (x: number) => x.toLocaleString('en-US');
  return new InputError([
    {
      file,
      line: 0,
      message:
        `the gzip file unpacks to more than ${n(limit)} bytes (the limit is ${gunzipRatio()}× its ${n(compressedBytes)} compressed bytes, at least ${n(GUNZIP_FLOOR_BYTES)}): ` +
        `a decompression bomb, or data far more repetitive than any source; if the file is genuine, raise the limit, e.g. ${GUNZIP_RATIO_ENV}=1000`,
    },
  ]);
}
