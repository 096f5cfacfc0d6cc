import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { Transform, type Readable } from 'node:stream';
import { InputError } from '../errors.js';

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
 * name). For files that fit in memory comfortably; large inputs should use {@link openTextStream}.
 * @throws {InputError} when the file cannot be read, is corrupt gzip, or is not text ({@link checkTextBytes}).
 */
export async function readBytes(path: string): Promise<Buffer> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (e) {
    throw new InputError([{ file: path, line: 0, message: `cannot read the file: ${(e as Error).message}` }]);
  }
  let bytes = raw;
  if (isGzip(raw)) {
    try {
      bytes = gunzipSync(raw);
    } catch (e) {
      throw new InputError([{ file: path, line: 0, message: `corrupt gzip data: ${(e as Error).message}; re-download the file` }]);
    }
  }
  checkTextBytes(bytes, path);
  return bytes;
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
 * Decoding is left to the consumer (csv-parse decodes itself). A file that is not text
 * ({@link checkTextBytes}) fails with an {@link InputError}: at once, or as the stream's error.
 */
export async function openByteStream(path: string): Promise<Readable> {
  const head = await readHead(path, TEXT_CHECK_BYTES);
  if (!isGzip(head)) {
    checkTextBytes(head, path);
    return createReadStream(path);
  }
  const stream = createReadStream(path);
  const gunzip = createGunzip();
  const check = textCheck(path);
  stream.on('error', (e) => gunzip.destroy(e));
  gunzip.on('error', (e) => check.destroy(e));
  return stream.pipe(gunzip).pipe(check);
}

/** Passes bytes through, checking the first chunk (gunzip's are 16 KB) with {@link checkTextBytes}. */
function textCheck(path: string): Transform {
  let checked = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
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

async function readHead(path: string, n: number): Promise<Buffer> {
  const { open } = await import('node:fs/promises');
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw new InputError([{ file: path, line: 0, message: `cannot read the file: ${(e as Error).message}` }]);
  }
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
