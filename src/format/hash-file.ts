import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { InputError } from '../domain/errors.js';
import { fileErrorMessage } from './input-file.js';

/**
 * SHA-256 of a file's bytes as stored (hex).
 * @throws {InputError} when the file cannot be read (with a plain-language message).
 */
export async function hashFile(path: string): Promise<string> {
  const h = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  } catch (e) {
    throw new InputError([{ file: path, line: 0, message: fileErrorMessage(e) }]);
  }
  return h.digest('hex');
}

const bufferHashes = new WeakMap<Uint8Array, string>();

/** SHA-256 of a string or buffer (hex); a buffer's hash is remembered (reports hash one big buffer twice). */
export function hashText(text: string | Uint8Array): string {
  if (typeof text === 'string') return createHash('sha256').update(text).digest('hex');
  let h = bufferHashes.get(text);
  if (h === undefined) {
    h = createHash('sha256').update(text).digest('hex');
    bufferHashes.set(text, h);
  }
  return h;
}
