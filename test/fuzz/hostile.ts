import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { AppError, ConfigError, InputError } from '../../src/domain/errors.js';

/** Cases per reader: bounded in CI, more with ENTENTE_FUZZ_RUNS=N. */
export const FUZZ_RUNS = Number(process.env.ENTENTE_FUZZ_RUNS ?? 60);

/** A case longer than this fails (a hang); inputs are small, so a few seconds is plenty. */
export const FUZZ_CASE_TIMEOUT_MS = 20_000;

/**
 * Runs one fuzz case and fails it when it took longer than {@link FUZZ_CASE_TIMEOUT_MS}.
 * fast-check's own `timeout` cannot fire while synchronous code (a backtracking pattern on a
 * huge cell) blocks the event loop; this measures the case once it is over.
 */
export async function withinCaseTime<T>(run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    const ms = performance.now() - started;
    if (ms > FUZZ_CASE_TIMEOUT_MS) throw new Error(`the case took ${Math.round(ms)} ms (limit ${FUZZ_CASE_TIMEOUT_MS} ms): a hang on hostile input`);
  }
}

/** Timeout of one fuzz test (all its cases): vitest's default, longer for big ENTENTE_FUZZ_RUNS. */
export const FUZZ_TEST_TIMEOUT_MS = Math.max(120_000, FUZZ_RUNS * 1_000);

/** A hostile rewrite of a valid file's bytes. */
export type Mutation = (valid: Buffer) => Buffer;

// Latin-1 round trips are byte-exact: a UTF-8 or a Latin-1 file keeps its bytes except where mutated.
const text = (b: Buffer) => b.toString('latin1');
const buf = (s: string) => Buffer.from(s, 'latin1');

/** Mutations that grow a file stop at about this size, so chained ones stay small (no hang, no OOM of the fuzzer itself). */
const MAX_GROWN = 2 << 20;

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
    if (v.length > MAX_GROWN) return v;
    const lines = text(v).split('\n');
    if (lines.length > 1) lines[1] = 'x'.repeat(1 << 20) + ',' + lines[1];
    return buf(lines.join('\n'));
  },
  // 200,000 digits and a letter in every numeric cell of the first row: a cell pattern that
  // backtracks (a number pattern with two ways to match digits) takes hours on it
  'huge number': (_r, v) => {
    if (v.length > MAX_GROWN) return v;
    const lines = text(v).split('\n');
    if (lines.length > 1) lines[1] = lines[1]!.replace(/(^|,)\d+(\.\d+)?(?=,|$)/g, (_m, sep: string) => `${sep}${'9'.repeat(200_000)}x`);
    return buf(lines.join('\n'));
  },
  'non-finite numbers': (r, v) => buf(text(v).replace(/\b\d+\.\d+\b/g, () => ['NaN', 'Infinity', '1e309', '-Infinity', '0x10'][r % 5]!)),
  'many columns': (r, v) => {
    if (v.length > MAX_GROWN) return v;
    const lines = text(v).split('\n');
    const at = lines.length > 1 ? 1 + (r % (lines.length - 1)) : 0;
    lines[at] = lines[at] + ','.repeat(100_000);
    return buf(lines.join('\n'));
  },
  'many rows': (r, v) => {
    const lines = text(v).split('\n');
    const body = lines.slice(1).filter((l) => l !== '');
    if (body.length === 0) return v;
    const out = [lines[0]!];
    let size = v.length;
    for (let i = 0; out.length < 20_000 && size < MAX_GROWN; i++) {
      const line = body[(i * (r | 1)) % body.length]!;
      out.push(line);
      size += line.length + 1;
    }
    return buf(out.join('\n') + '\n');
  },
  'latin-1 bytes': (_r, v) => Buffer.concat([v, Buffer.from('Côte d\'Ivoire,São Tomé\n', 'latin1')]),
  'utf-16': (_r, v) => Buffer.from(v.toString('utf8'), 'utf16le'),
  gzip: (_r, v) => gzipSync(v),
  'corrupt gzip': (_r, v) => gzipSync(v).subarray(0, 20),
};

/**
 * Cell values that reach a reader's row logic: non-finite and overflowing numbers, years out
 * of range, negative counts, codes and names that are almost right, prototype keys, quotes,
 * separators, odd dates, non-ASCII and control characters.
 */
export const HOSTILE_CELLS: readonly string[] = [
  '', ' ', 'NaN', 'nan', 'Infinity', '-Infinity', '1e309', '-1e309', '1e-400', '0x10', '-0', '-1', '-9', '0', '1', '2', '1.5', '2e3', '1e15',
  '99999999999999999999', '9007199254740993', '0000', '999', '1000', '4095', '4096', '9999', '-2020', '2020.5', ' 2016 ', '1990-1995',
  'x', 'NA', '?', '-', '.', 'e', '+', ';', ';;', 'RUS;RUS', 'RUS;', ' RUS ', 'rus', 'RUS', 'USA', 'IRN', 'XXX', 'Russia', 'Soviet Union',
  'Iran', 'United States', 'Atlantis', 'NATO', '2', '365', '630', '710', '__proto__', 'constructor', 'toString', 'hasOwnProperty',
  '"', '""', '"a,b"', ',', 'a\tb', '1/2/3', '13/45/2021', '2/30/2001', '8/18/05', '2021-13-45', '0000-00-00', '2021-02-29',
  '12/31/99999', '2016; 2017', '2016;2016', '2017; 2016', '1990; 9999', 'yes', 'no', 'abstain', 'maybe', '\u0000', 'é', '\uFFFD',
  '\u00A0', 'Côte d’Ivoire', '💥', 'x'.repeat(5000), '9'.repeat(5000) + 'x', '1.'.repeat(2500) + 'x', ' '.repeat(5000) + 'x', '2016; '.repeat(1000) + 'x',
];

const ROW_OPS = ['duplicate', 'delete', 'swap', 'header again', 'blank', 'commas only', 'cut short', 'join next'] as const;
type RowOp = (typeof ROW_OPS)[number];

/** Options of {@link hostileBytes}. */
export interface HostileOptions {
  /**
   * Lines at the top of the file (note lines and the header) that body mutations keep as they
   * are, so the fuzzer gets past the header to the row logic; default 1 (the header).
   */
  readonly keep?: number;
}

/** Splits bytes after the first `keep` lines: [head (with its line ends), body]. Byte-exact. */
function splitHead(valid: Buffer, keep: number): [Buffer, Buffer] {
  let at = 0;
  for (let n = 0; n < keep && at < valid.length; n++) {
    const lf = valid.indexOf(0x0a, at);
    at = lf === -1 ? valid.length : lf + 1;
  }
  return [valid.subarray(0, at), valid.subarray(at)];
}

/** A cell value as it is written into a file: its UTF-8 bytes, as Latin-1 chars. */
const tokenChars = (token: string) => text(Buffer.from(token, 'utf8'));

function bodyLines(body: Buffer): { lines: string[]; eol: string } {
  const s = text(body);
  const eol = s.includes('\r\n') ? '\r\n' : '\n';
  const lines = s.split(eol);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return { lines, eol };
}

function replaceCells(body: Buffer, edits: readonly { row: number; col: number; token: string }[]): Buffer {
  const { lines, eol } = bodyLines(body);
  if (lines.length === 0 || (lines.length === 1 && lines[0] === '')) return body;
  for (const e of edits) {
    const r = e.row % lines.length;
    const cells = lines[r]!.split(',');
    cells[e.col % cells.length] = tokenChars(e.token);
    lines[r] = cells.join(',');
  }
  return buf(lines.join(eol) + eol);
}

function editRows(head: Buffer, body: Buffer, ops: readonly { op: RowOp; row: number; other: number }[]): Buffer {
  const { lines, eol } = bodyLines(body);
  const headLines = text(head).split(/\r?\n/).filter((l) => l !== '');
  const header = headLines[headLines.length - 1] ?? '';
  for (const { op, row, other } of ops) {
    const n = lines.length;
    const r = n === 0 ? 0 : row % n;
    const o = n === 0 ? 0 : other % n;
    switch (op) {
      case 'duplicate':
        if (n > 0) lines.splice(o, 0, lines[r]!);
        break;
      case 'delete':
        if (n > 0) lines.splice(r, 1);
        break;
      case 'swap':
        if (n > 1) [lines[r], lines[o]] = [lines[o]!, lines[r]!];
        break;
      case 'header again':
        lines.splice(r, 0, header);
        break;
      case 'blank':
        lines.splice(r, 0, '');
        break;
      case 'commas only':
        lines.splice(r, 0, ','.repeat(header.split(',').length - 1));
        break;
      case 'cut short':
        if (n > 0) lines[r] = lines[r]!.slice(0, other % (lines[r]!.length + 1));
        break;
      case 'join next':
        if (n > 1 && r + 1 < n) lines.splice(r, 2, lines[r]! + lines[r + 1]!);
        break;
    }
  }
  return buf(lines.join(eol) + (lines.length > 0 ? eol : ''));
}

function wholeFile(valid: Buffer, name: string, r: number, times: number): Buffer {
  const names = Object.keys(namedMutations);
  let bytes = namedMutations[name]!(r, valid);
  for (let i = 0; i < times; i++) bytes = namedMutations[names[(r + i) % names.length]!]!(r + i, bytes);
  return bytes;
}

/**
 * fast-check arbitrary of hostile buffers derived from a valid one: the named mutations of
 * the whole file; the same applied to the body only (the first `keep` lines kept); hostile
 * values in random cells of body rows; and row edits (duplicated, deleted, swapped, repeated
 * header, blank, cut short, joined).
 */
export function hostileBytes(valid: Buffer, options: HostileOptions = {}): fc.Arbitrary<{ name: string; bytes: Buffer }> {
  const [head, body] = splitHead(valid, options.keep ?? 1);
  const mutation = fc.constantFrom(...Object.keys(namedMutations));
  const whole = fc.tuple(mutation, fc.nat(), fc.nat({ max: 2 })).map(([name, r, times]) => ({ name, bytes: wholeFile(valid, name, r, times) }));
  const bodyOnly = fc
    .tuple(mutation, fc.nat(), fc.nat({ max: 1 }))
    .map(([name, r, times]) => ({ name: `body: ${name}`, bytes: Buffer.concat([head, wholeFile(body, name, r, times)]) }));
  const edit = fc.record({ row: fc.nat(), col: fc.nat(), token: fc.constantFrom(...HOSTILE_CELLS) });
  const cells = fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => ({
    name: `cells: ${edits.map((e) => JSON.stringify(e.token.slice(0, 12))).join(' ')}`,
    bytes: Buffer.concat([head, replaceCells(body, edits)]),
  }));
  const rowOp = fc.record({ op: fc.constantFrom(...ROW_OPS), row: fc.nat(), other: fc.nat() });
  const rows = fc.tuple(fc.array(rowOp, { minLength: 1, maxLength: 3 }), fc.array(edit, { maxLength: 2 })).map(([ops, edits]) => ({
    name: `rows: ${ops.map((o) => o.op).join(', ')}`,
    bytes: Buffer.concat([head, replaceCells(editRows(head, body, ops), edits)]),
  }));
  return fc
    .oneof({ arbitrary: whole, weight: 2 }, { arbitrary: bodyOnly, weight: 2 }, { arbitrary: cells, weight: 3 }, { arbitrary: rows, weight: 2 })
    .map((c) => Object.assign(c, { [fc.toStringMethod]: () => describeCase(c) }));
}

/** A counterexample as fast-check prints it: the mutation's name and the bytes as text (to pin in a regression test). */
export function describeCase(c: { name: string; bytes: Buffer }): string {
  const b = c.bytes;
  const shown = b.length > 4000 ? `${JSON.stringify(text(b.subarray(0, 2000)))} … ${JSON.stringify(text(b.subarray(b.length - 2000)))} (${b.length} bytes)` : JSON.stringify(text(b));
  return `{ name: ${JSON.stringify(c.name)}, latin1: ${shown} }`;
}

const tempDirs: string[] = [];

/** A fresh temporary folder, removed by {@link removeTempFiles}. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-fuzz-'));
  tempDirs.push(dir);
  return dir;
}

/** Writes bytes to a fresh temporary file and returns its path. */
export function tempFile(bytes: Buffer, name = 'input.csv'): string {
  const p = path.join(tempDir(), name);
  writeFileSync(p, bytes);
  return p;
}

/** Removes every folder made by {@link tempDir} / {@link tempFile} (call in `afterAll`). */
export function removeTempFiles(): void {
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/**
 * Checks a typed error: its message names one of `files` (by path or base name), and every
 * located problem has a file and a whole line number (≥ 0; 0 = the whole file).
 */
export function checkTypedError(e: AppError, files: readonly string[]): void {
  const names = files.flatMap((f) => [f, path.basename(f)]);
  if (!names.some((n) => e.message.includes(n))) throw new Error(`typed error without the file name (${files.map((f) => path.basename(f)).join(', ')}): ${e.message.slice(0, 500)}`);
  if (e instanceof InputError || e instanceof ConfigError) {
    for (const p of e.problems) {
      if (!p.file || !Number.isInteger(p.line) || p.line < 0) throw new Error(`badly located problem: ${JSON.stringify(p).slice(0, 500)}`);
    }
  }
}

/**
 * Runs a reader on a hostile file: it must return or throw an {@link AppError} (a typed,
 * user-facing error with file and line) — never any other exception. `files` are the names
 * the error may give (default: the file itself).
 */
export async function mustFailCleanly(read: (file: string) => Promise<unknown>, file: string, files: readonly string[] = [file]): Promise<'ok' | 'typed-error'> {
  try {
    await read(file);
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) {
      checkTypedError(e, files);
      return 'typed-error';
    }
    throw e;
  }
}
