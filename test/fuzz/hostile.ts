import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { AppError } from '../../src/errors.js';

/** Cases per reader: bounded in CI, more with ENTENTE_FUZZ_RUNS=N. */
export const FUZZ_RUNS = Number(process.env.ENTENTE_FUZZ_RUNS ?? 60);

/** A hostile rewrite of a valid file's bytes. */
export type Mutation = (valid: Buffer) => Buffer;

const text = (b: Buffer) => b.toString('utf8');
const buf = (s: string) => Buffer.from(s, 'utf8');

/** The hostile inputs of the issue, as named mutations. */
export const namedMutations: Readonly<Record<string, (rand: number, valid: Buffer) => Buffer>> = {
  'random bytes': (r) => Buffer.from(Array.from({ length: 1 + (r % 300) }, (_, i) => (r * (i + 7) * 2654435761) % 256)),
  truncated: (r, v) => v.subarray(0, r % (v.length + 1)),
  bom: (_r, v) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), v]),
  'crlf and cr mix': (r, v) => buf(text(v).split('\n').map((l, i) => l + ((i + r) % 3 === 0 ? '\r\n' : (i + r) % 3 === 1 ? '\r' : '\n')).join('')),
  'unbalanced quote': (r, v) => {
    const s = text(v);
    const at = r % (s.length + 1);
    return buf(s.slice(0, at) + '"' + s.slice(at));
  },
  'extra column': (r, v) => buf(text(v).split('\n').map((l, i) => (i > 0 && l && (i + r) % 2 === 0 ? l + ',extra' : l)).join('\n')),
  'missing column': (r, v) => buf(text(v).split('\n').map((l, i) => (i > 0 && l && (i + r) % 2 === 0 ? l.slice(0, Math.max(0, l.lastIndexOf(','))) : l)).join('\n')),
  empty: () => Buffer.alloc(0),
  'header only': (_r, v) => buf(text(v).split('\n')[0] + '\n'),
  'huge cell': (_r, v) => {
    const lines = text(v).split('\n');
    if (lines.length > 1) lines[1] = 'x'.repeat(1 << 20) + ',' + lines[1];
    return buf(lines.join('\n'));
  },
  'non-finite numbers': (r, v) => buf(text(v).replace(/\b\d+\.\d+\b/g, () => ['NaN', 'Infinity', '1e309', '-Infinity', '0x10'][r % 5]!)),
  'latin-1 bytes': (_r, v) => Buffer.concat([v, Buffer.from('Côte d\'Ivoire,São Tomé\n', 'latin1')]),
  'utf-16': (_r, v) => Buffer.from(text(v), 'utf16le'),
  gzip: (_r, v) => gzipSync(v),
  'corrupt gzip': (_r, v) => gzipSync(v).subarray(0, 20),
};

/** fast-check arbitrary of hostile buffers derived from a valid one. */
export function hostileBytes(valid: Buffer): fc.Arbitrary<{ name: string; bytes: Buffer }> {
  return fc.tuple(fc.constantFrom(...Object.keys(namedMutations)), fc.nat(), fc.nat({ max: 2 })).map(([name, r, times]) => {
    let bytes = namedMutations[name]!(r, valid);
    for (let i = 0; i < times; i++) bytes = namedMutations[Object.keys(namedMutations)[(r + i) % Object.keys(namedMutations).length]!]!(r + i, bytes);
    return { name, bytes };
  });
}

/** Writes bytes to a fresh temporary file and returns its path. */
export function tempFile(bytes: Buffer, name = 'input.csv'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-fuzz-'));
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

/**
 * Runs a reader on a hostile file: it must return or throw an {@link AppError} (a typed,
 * user-facing error with file and line) — never any other exception.
 */
export async function mustFailCleanly(read: (file: string) => Promise<unknown>, file: string): Promise<'ok' | 'typed-error'> {
  try {
    await read(file);
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) {
      if (!e.message.includes(path.basename(file)) && !e.message.includes(file)) throw new Error(`typed error without the file name: ${e.message}`);
      return 'typed-error';
    }
    throw e;
  }
}
