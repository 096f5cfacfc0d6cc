import { createReadStream } from 'node:fs';
import { constants } from 'node:buffer';
import { open, readFile } from 'node:fs/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { Transform, type Readable } from 'node:stream';
import { InputError } from '../domain/errors.js';
import { gunzipLimit, gunzipTooLargeError } from './gunzip-limit.js';
import { checkInputFile, fileErrorMessage } from './input-file.js';

/** Text encodings the readers accept. */
export type TextEncoding = 'utf8' | 'latin1';

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

/** True when the buffer starts with the gzip magic bytes. */
export function isGzip(buf: Uint8Array): boolean {
  return buf.length >= 2 && buf[0] === GZIP_MAGIC_0 && buf[1] === GZIP_MAGIC_1;
}

/** How far into a file {@link checkTextBytes} looks for NUL bytes. */
const TEXT_CHECK_BYTES = 4096;

/**
 * Refuses bytes that are not CSV text: UTF-16 (Excel's "Unicode text", with or without its
 * byte-order mark) or binary — a UTF-16 BOM, or a NUL byte in the first 4 KB, which no text
 * file has. Read as UTF-8 such a file would give a problem on every row, slowly.
 * @throws {InputError} naming the file and the line of the first NUL byte.
 * @example checkTextBytes(Buffer.from('a,b\n'), 'x.csv') // passes
 */
export function checkTextBytes(bytes: Uint8Array, path: string): void {
  const bom = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const nul = bom ? 0 : bytes.subarray(0, TEXT_CHECK_BYTES).indexOf(0);
  if (!bom && nul === -1) return;
  let line = 1;
  for (let i = 0; i < nul; i++) if (bytes[i] === 0x0a) line++;
  const what = bom ? 'the file is UTF-16 (it starts with a UTF-16 byte-order mark)' : 'the file has NUL bytes: it is UTF-16 or binary, not CSV text';
  throw new InputError([{ file: path, line, message: `${what}; save it as CSV in UTF-8 (or Latin-1), or re-download it` }]);
}

/**
 * Reads a whole file as bytes, gunzipping it when it is gzip-compressed (by content, not by
 * name). For files that fit in memory comfortably; large inputs should use {@link openByteStream}.
 * The path must be a regular file ({@link checkInputFile}); gzip data may unpack to at most
 * {@link gunzipLimit} bytes.
 * @throws {InputError} when the file is not a regular file or cannot be read, is corrupt gzip
 * or a decompression bomb, or is not text ({@link checkTextBytes}).
 */
export async function readBytes(path: string): Promise<Buffer> {
  const raw = await readInputFile(path);
  const bytes = isGzip(raw) ? gunzipBytes(raw, path) : raw;
  checkTextBytes(bytes, path);
  return bytes;
}

/**
 * The bytes of an input file as stored, after {@link checkInputFile}.
 * @throws {InputError} with a plain-language message for every file-system error.
 */
export async function readInputFile(path: string): Promise<Buffer> {
  await checkInputFile(path);
  try {
    return await readFile(path);
  } catch (e) {
    throw new InputError([{ file: path, line: 0, message: fileErrorMessage(e) }]);
  }
}

function gunzipBytes(raw: Buffer, path: string): Buffer {
  const limit = gunzipLimit(raw.length);
  try {
    return gunzipSync(raw, { maxOutputLength: limit });
  } catch (e) {
    throw gunzipError(e, path, raw.length, limit);
  }
}

/**
 * The {@link InputError} for a failed gunzip of `path`: over the size limit
 * ({@link gunzipTooLargeError}) or corrupt data.
 */
export function gunzipError(e: unknown, path: string, compressedBytes: number, limit: number): InputError {
  if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return gunzipTooLargeError(path, compressedBytes, limit);
  return new InputError([{ file: path, line: 0, message: `corrupt gzip data: ${(e as Error).message}; re-download the file` }]);
}

/**
 * Reads a whole file as text (gunzipped, decoded, BOM stripped).
 * @throws {InputError} when the file cannot be read, or is not valid UTF-8 when `utf8` is asked.
 */
export async function readText(path: string, encoding: TextEncoding = 'utf8'): Promise<string> {
  const bytes = await readBytes(path);
  return decodeText(bytes, path, encoding);
}

/** Decodes bytes (UTF-8 strictly, or Latin-1) and strips a leading BOM. */
export function decodeText(bytes: Uint8Array, path: string, encoding: TextEncoding): string {
  if (bytes.length > constants.MAX_STRING_LENGTH) {
    const n = (x: number) => x.toLocaleString('en-US');
    throw new InputError([{ file: path, line: 0, message: `the file is ${n(bytes.length)} bytes, more than this reader can hold as text (${n(constants.MAX_STRING_LENGTH)}); no source of this format is that large — check the file` }]);
  }
  let text: string;
  if (encoding === 'latin1') {
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const line = firstInvalidUtf8Line(bytes);
      throw new InputError([
        {
          file: path,
          line,
          message: 'the file is not valid UTF-8; if it is a Latin-1 export (e.g. SIPRI raw), set `encoding: latin1` in its source block',
        },
      ]);
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function firstInvalidUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return 0;
}

/**
 * Opens a file as a stream of bytes, gunzipping on the fly when the first bytes are gzip.
 * Decoding is left to the consumer (csv-parse decodes itself). The path must be a regular
 * file ({@link checkInputFile}). A file that is not text ({@link checkTextBytes}) or gzip data
 * unpacking to more than {@link gunzipLimit} bytes fails with an {@link InputError}: at once,
 * or as the stream's error.
 */
export async function openByteStream(path: string): Promise<Readable> {
  await checkInputFile(path);
  const { head, size } = await readHead(path, TEXT_CHECK_BYTES);
  if (!isGzip(head)) {
    checkTextBytes(head, path);
    return createReadStream(path);
  }
  const stream = createReadStream(path);
  const gunzip = createGunzip();
  const check = textCheck(path, size, gunzipLimit(size));
  stream.on('error', (e) => gunzip.destroy(new InputError([{ file: path, line: 0, message: fileErrorMessage(e) }])));
  gunzip.on('error', (e) => check.destroy(e instanceof InputError ? e : gunzipError(e, path, size, Infinity)));
  check.on('close', () => {
    // a consumer that stops early (or a size limit) closes the whole chain, file included
    gunzip.destroy();
    stream.destroy();
  });
  return stream.pipe(gunzip).pipe(check);
}

/**
 * Passes unpacked bytes through, checking the first chunk (gunzip's are 16 KB) with
 * {@link checkTextBytes} and failing once more than `limit` bytes came through.
 */
function textCheck(path: string, compressedBytes: number, limit: number): Transform {
  let checked = false;
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > limit) {
        done(gunzipTooLargeError(path, compressedBytes, limit));
        return;
      }
      if (!checked) {
        checked = true;
        try {
          checkTextBytes(chunk, path);
        } catch (e) {
          done(e as Error);
          return;
        }
      }
      done(null, chunk);
    },
  });
}

async function readHead(path: string, n: number): Promise<{ head: Buffer; size: number }> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw new InputError([{ file: path, line: 0, message: fileErrorMessage(e) }]);
  }
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return { head: buf.subarray(0, bytesRead), size: (await fh.stat()).size };
  } catch (e) {
    throw new InputError([{ file: path, line: 0, message: fileErrorMessage(e) }]);
  } finally {
    await fh.close();
  }
}
