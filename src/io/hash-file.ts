import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** SHA-256 of a file's bytes as stored (hex). */
export async function hashFile(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** SHA-256 of a string or buffer (hex). */
export function hashText(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}
