/**
 * The score cache (`score-cache.bin`): what the toolkit commands (`explain`, `rank`, `trends`,
 * `audit`) read of a scoring run, written by `entente score` beside `alignment.csv` in the
 * same committed step, so they need not re-read every source and score the panel again.
 *
 * Layout (little-endian):
 * - `ENTSCORE` (8 bytes), the format version (u32), the length of the header (u32);
 * - the header, UTF-8 JSON: the fingerprint of the run (Entente version and commit, Node
 *   version, the config's SHA-256 and what it resolved to), every input file (per indicator:
 *   role, path relative to the config's folder, SHA-256), the indicators' coverage, notes,
 *   provenance and flags, the warnings, the weight calibration, and the table's shape;
 * - the columns of the scored table, each at full float64 precision: a kind byte, then
 *   nothing (every cell missing), the n values (dense), or two bitmaps of n bits (present;
 *   present and not +0) followed by the values of the other cells (sparse) — whichever is
 *   smaller; every bit of every value is kept (−0, the exact doubles);
 * - the SHA-256 of everything before it (32 bytes): a damaged or truncated file is refused.
 * @module
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ScoreExtra, ScoreTable } from '../core/score-table.js';
import type { ScoreRun } from './score-run.js';
import type { Warning } from '../core/warnings.js';
import type { WeightCalibration } from '../analysis/weight-calibration.js';
import type { YearRange } from '../domain/year.js';

/** The file name of the cache in a report folder. */
export const SCORE_CACHE_FILE = 'score-cache.bin';

/** Version of the layout; a cache of another version is not read. */
export const SCORE_CACHE_FORMAT = 1;

const MAGIC = 'ENTSCORE';
const KIND_MISSING = 0;
const KIND_DENSE = 1;
const KIND_SPARSE = 2;

/** What must equal the current run's for the cache to stand for it. */
export interface CacheFingerprint {
  readonly entente: string;
  readonly commit: string | null;
  readonly node: string;
  /** SHA-256 of the config file's text. */
  readonly config: string;
  /** The config as resolved (years, states, pairs, data folder), as JSON. */
  readonly resolved: string;
}

/** One input file, as the cache records it. */
export interface CachedInput {
  readonly role: string;
  /** Relative to the config's folder, `/`-separated. */
  readonly path: string;
  readonly sha256: string;
}

/** A flag table of an indicator (its pair-years are stored as columns after the table's). */
export interface CachedFlag {
  readonly kind: string;
  readonly description: string;
  readonly directed: boolean;
  readonly size: number;
}

/** What the cache keeps of one indicator's data besides its values. */
export interface CachedIndicator {
  readonly id: string;
  readonly inputs: readonly CachedInput[];
  readonly coverage: readonly YearRange[];
  readonly zeroInsideCoverage: boolean;
  readonly notes: readonly string[];
  readonly details?: readonly string[] | undefined;
  readonly provenance?: Readonly<Record<string, unknown>> | undefined;
  readonly flags: readonly CachedFlag[];
}

/** The header of a cache file. */
export interface CacheHeader {
  readonly fingerprint: CacheFingerprint;
  readonly indicators: readonly CachedIndicator[];
  readonly sample: boolean;
  readonly warnings: readonly { readonly warning: Warning; readonly count: number }[];
  readonly calibration: WeightCalibration | null;
  readonly table: {
    readonly rows: number;
    readonly ids: readonly string[];
    readonly chained: boolean;
    readonly chainReferenceYear: number | null | undefined;
    /** Per indicator, whether it has an imputed column; null when the table has none. */
    readonly imputed: readonly boolean[] | null;
    readonly extras: readonly Omit<ScoreExtra, 'values'>[];
  };
}

/** A decoded cache: its header, the table, and each indicator's flag tables (keys and values). */
export interface DecodedCache {
  readonly header: CacheHeader;
  readonly table: ScoreTable;
  /** By indicator position, by flag position: the flagged keys and their values. */
  readonly flags: readonly (readonly { readonly keys: Float64Array; readonly values: Float64Array }[])[];
}

/** The cache cannot be read (wrong format, damaged, truncated). */
export class CacheFormatError extends Error {}

/**
 * The header of the cache of a run (everything but the columns).
 * @example cacheHeader(run, fingerprint, inputs).table.rows // run.table.keys.length
 */
export function cacheHeader(run: ScoreRun, fingerprint: CacheFingerprint, inputs: (id: string) => readonly CachedInput[]): CacheHeader {
  const t = run.table;
  return {
    fingerprint,
    indicators: run.config.indicators.map((ind) => {
      const d = run.data.get(ind.id);
      return {
        id: ind.id,
        inputs: inputs(ind.id),
        coverage: d?.coverage ?? [],
        zeroInsideCoverage: d?.zeroInsideCoverage ?? false,
        notes: d?.notes ?? [],
        ...(d?.details !== undefined ? { details: d.details } : {}),
        ...(d?.provenance !== undefined ? { provenance: d.provenance } : {}),
        flags: (d?.flags ?? []).map((f) => ({ kind: f.kind, description: f.description, directed: f.table.directed, size: f.table.size })),
      };
    }),
    sample: run.sample,
    warnings: run.warnings.list(),
    calibration: run.calibration ?? null,
    table: {
      rows: t.keys.length,
      ids: t.ids,
      chained: t.indexChained !== undefined,
      chainReferenceYear: t.chainReferenceYear,
      imputed: t.imputed ? t.imputed.map((c) => c !== null) : null,
      extras: t.extras.map((x) => ({ column: x.column, type: x.type, description: x.description })),
    },
  };
}

/** The columns of a table in the cache's order (the flag columns follow). */
function tableColumns(t: ScoreTable): Float64Array[] {
  return [
    t.keys,
    t.index,
    ...(t.indexChained ? [t.indexChained] : []),
    t.coverage,
    ...t.raw,
    ...(t.imputed ? t.imputed.filter((c): c is Float64Array => c !== null) : []),
    ...t.norm,
    ...t.contrib,
    ...t.weightUsed,
    ...t.extras.map((x) => x.values),
  ];
}

/** JSON with the numbers JSON cannot hold (NaN, ±Infinity, −0) kept. */
function toJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && (!Number.isFinite(x) || Object.is(x, -0)) ? { $number: Object.is(x, -0) ? '-0' : String(x) } : x));
}

function fromJson(text: string): unknown {
  return JSON.parse(text, (_k, x: unknown) => {
    if (x !== null && typeof x === 'object' && !Array.isArray(x)) {
      const keys = Object.keys(x);
      if (keys.length === 1 && keys[0] === '$number') return Number((x as { $number: string }).$number);
    }
    return x;
  });
}

/** Bits of a float64 column in one shared buffer, for the +0 test (NaN ≠ NaN, −0 = 0 otherwise). */
const scratch = new Float64Array(1);
const scratchBits = new Uint32Array(scratch.buffer);

/** One column encoded (kind byte, then its payload), handed to `put`; a dense column's values go as a view, not a copy. */
function encodeColumn(col: Float64Array, put: (chunk: Uint8Array) => void): void {
  const n = col.length;
  let present = 0;
  let other = 0;
  for (let i = 0; i < n; i++) {
    const x = col[i]!;
    if (x !== x) continue;
    present++;
    if (x !== 0) other++;
    else {
      scratch[0] = x;
      if (scratchBits[1] !== 0) other++; // −0 is kept as a value
    }
  }
  if (present === 0) {
    put(Uint8Array.of(KIND_MISSING));
    return;
  }
  const bitmap = (n + 7) >> 3;
  const sparse = 2 * bitmap + 8 * other;
  if (sparse >= 8 * n) {
    put(Uint8Array.of(KIND_DENSE));
    put(new Uint8Array(col.buffer, col.byteOffset, 8 * n));
    return;
  }
  const out = new Uint8Array(1 + sparse);
  out[0] = KIND_SPARSE;
  const has = out.subarray(1, 1 + bitmap);
  const nonzero = out.subarray(1 + bitmap, 1 + 2 * bitmap);
  const values = new Float64Array(other);
  let v = 0;
  for (let i = 0; i < n; i++) {
    const x = col[i]!;
    if (x !== x) continue;
    has[i >> 3]! |= 1 << (i & 7);
    scratch[0] = x;
    if (x === 0 && scratchBits[1] === 0) continue;
    nonzero[i >> 3]! |= 1 << (i & 7);
    values[v++] = x;
  }
  out.set(new Uint8Array(values.buffer), 1 + 2 * bitmap);
  put(out);
}

/**
 * The cache file of a run, in chunks (the header, then a column at a time, then the
 * checksum): never held whole.
 * @example encodeScoreCache(header, run.table, flagColumns, (chunk) => parts.push(chunk));
 */
export function encodeScoreCache(
  header: CacheHeader,
  table: ScoreTable,
  flags: readonly (readonly { readonly keys: Float64Array; readonly values: Float64Array }[])[],
  sink: (chunk: Uint8Array) => void,
): void {
  const hash = createHash('sha256');
  const put = (chunk: Uint8Array) => {
    hash.update(chunk);
    sink(chunk);
  };
  const json = Buffer.from(toJson(header), 'utf8');
  const head = Buffer.alloc(16);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(SCORE_CACHE_FORMAT, 8);
  head.writeUInt32LE(json.length, 12);
  put(head);
  put(json);
  for (const col of tableColumns(table)) encodeColumn(col, put);
  for (const f of flags.flat()) {
    encodeColumn(f.keys, put);
    encodeColumn(f.values, put);
  }
  sink(hash.digest());
}

/** Where a cache's bytes come from, in order: held in memory, or read from the file as they are decoded. */
interface ByteSource {
  /** The next k bytes (a view of its own: two taken one after the other are both kept). */
  take(k: number): Uint8Array;
  /** Fills `dst` with the next dst.length bytes. */
  fill(dst: Uint8Array): void;
  /** True when every byte up to the checksum has been taken. */
  atEnd(): boolean;
}

/** The bytes of a whole file in memory, from `start` to `end` (the checksum's offset). */
class MemorySource implements ByteSource {
  constructor(
    private readonly bytes: Uint8Array,
    private at: number,
    private readonly end: number,
  ) {}

  take(k: number): Uint8Array {
    if (this.at + k > this.end) throw new CacheFormatError('the file is truncated');
    const out = this.bytes.subarray(this.at, this.at + k);
    this.at += k;
    return out;
  }

  fill(dst: Uint8Array): void {
    dst.set(this.take(dst.length));
  }

  atEnd(): boolean {
    return this.at === this.end;
  }
}

/**
 * A cache file read as it is decoded (columns straight into their shared buffers, never the
 * whole file at once), every byte added to the SHA-256 as it goes.
 */
class FileSource implements ByteSource {
  constructor(
    private readonly fd: number,
    private at: number,
    private readonly end: number,
    readonly hash: Hash,
  ) {}

  take(k: number): Uint8Array {
    const out = new Uint8Array(k);
    this.fill(out);
    return out;
  }

  fill(dst: Uint8Array): void {
    if (this.at + dst.length > this.end) throw new CacheFormatError('the file is truncated');
    readFully(this.fd, dst, this.at);
    this.hash.update(dst);
    this.at += dst.length;
  }

  atEnd(): boolean {
    return this.at === this.end;
  }
}

/** Reads dst.length bytes of a file at `position` (the file ending first is a truncation). */
function readFully(fd: number, dst: Uint8Array, position: number): void {
  for (let got = 0; got < dst.length; ) {
    const n = readSync(fd, dst, got, dst.length - got, position + got);
    if (n === 0) throw new CacheFormatError('the file is truncated');
    got += n;
  }
}

/** Reads columns off a cache's bytes, refusing anything that runs past its end. */
class ColumnReader {
  constructor(private readonly source: ByteSource) {}

  private take(k: number): Uint8Array {
    return this.source.take(k);
  }

  /** The next column, in shared memory (worker threads, as the sensitivity analysis', read it without a copy). */
  column(n: number): Float64Array {
    const kind = this.take(1)[0];
    const out = new Float64Array(new SharedArrayBuffer(8 * n));
    if (kind === KIND_MISSING) return out.fill(NaN);
    if (kind === KIND_DENSE) {
      this.source.fill(new Uint8Array(out.buffer));
      return out;
    }
    if (kind !== KIND_SPARSE) throw new CacheFormatError(`unknown column kind ${kind}`);
    const bitmap = (n + 7) >> 3;
    const has = this.take(bitmap);
    const nonzero = this.take(bitmap);
    let other = 0;
    for (let i = 0; i < bitmap; i++) {
      let b = nonzero[i]!;
      while (b !== 0) {
        b &= b - 1;
        other++;
      }
    }
    const values = new Float64Array(other);
    this.source.fill(new Uint8Array(values.buffer));
    let v = 0;
    for (let i = 0; i < n; i++) {
      const bit = 1 << (i & 7);
      if ((has[i >> 3]! & bit) === 0) out[i] = NaN;
      else if ((nonzero[i >> 3]! & bit) !== 0) out[i] = values[v++]!;
      // else +0, as allocated
    }
    return out;
  }

  done(): void {
    if (!this.source.atEnd()) throw new CacheFormatError('the file has bytes after its last column');
  }
}

/**
 * The header of a cache file's bytes, without checking the columns or the checksum (so a
 * stale cache is recognised before the rest is read). `bytes` may be the start of the file
 * only (at least its 16 + header-length first bytes) when `size` says how long the file is.
 * @throws {CacheFormatError} when the bytes are not a cache of this format.
 * @example readCacheHeader(bytes).fingerprint.config // the config's SHA-256
 */
export function readCacheHeader(bytes: Uint8Array, size = bytes.length): { header: CacheHeader; end: number } {
  if (size < 16 + 32 || bytes.length < 16) throw new CacheFormatError('the file is truncated');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (buf.toString('latin1', 0, 8) !== MAGIC) throw new CacheFormatError('it is not a score cache');
  const format = buf.readUInt32LE(8);
  if (format !== SCORE_CACHE_FORMAT) throw new CacheFormatError(`it has format ${format}, this Entente reads format ${SCORE_CACHE_FORMAT}`);
  const length = buf.readUInt32LE(12);
  if (16 + length + 32 > size || 16 + length > bytes.length) throw new CacheFormatError('the file is truncated');
  let header: CacheHeader;
  try {
    header = fromJson(buf.toString('utf8', 16, 16 + length)) as CacheHeader;
  } catch {
    throw new CacheFormatError('its header is not readable');
  }
  if (typeof header?.fingerprint?.config !== 'string' || !Array.isArray(header.indicators) || typeof header.table?.rows !== 'number') {
    throw new CacheFormatError('its header is not readable');
  }
  return { header, end: 16 + length };
}

/**
 * The header of a cache file, reading only its first bytes (16 + the header's length).
 * @throws {CacheFormatError} when the file is not a cache of this format; the file system's error when it cannot be read.
 * @example readCacheFileHeader('reports/sample/score-cache.bin').fingerprint.entente // '0.1.0'
 */
export function readCacheFileHeader(file: string): CacheHeader {
  const fd = openSync(file, 'r');
  try {
    return readPrefix(fd).header;
  } finally {
    closeSync(fd);
  }
}

/** The first 16 + header-length bytes of an open cache file, its header, where the columns start and the file's size. */
function readPrefix(fd: number): { prefix: Uint8Array; header: CacheHeader; end: number; size: number } {
  const size = fstatSync(fd).size;
  const head = new Uint8Array(Math.min(16, size));
  readFully(fd, head, 0);
  if (size < 16 + 32) throw new CacheFormatError('the file is truncated');
  const length = Buffer.from(head.buffer, head.byteOffset, 16).readUInt32LE(12);
  if (16 + length + 32 > size) readCacheHeader(head, size); // throws, saying what is wrong (magic, format, truncation)
  const prefix = new Uint8Array(16 + length);
  prefix.set(head);
  readFully(fd, prefix.subarray(16), 16);
  return { prefix, ...readCacheHeader(prefix, size), size };
}

/**
 * Decodes a whole cache file held in memory: checks its checksum, then reads the header and
 * every column.
 * @throws {CacheFormatError} when the bytes are damaged, truncated or of another format.
 * @example decodeScoreCache(readFileSync('reports/sample/score-cache.bin')).table.keys.length
 */
export function decodeScoreCache(bytes: Uint8Array): DecodedCache {
  const { header, end } = readCacheHeader(bytes);
  const body = bytes.length - 32;
  const digest = createHash('sha256').update(bytes.subarray(0, body)).digest();
  if (!digest.equals(bytes.subarray(body))) throw new CacheFormatError('its checksum does not match (the file is damaged or truncated)');
  return decodeColumns(header, new ColumnReader(new MemorySource(bytes, end, body)));
}

/**
 * Reads and decodes a cache file as {@link decodeScoreCache} does, without holding the file in
 * memory: each column is read straight into its shared buffer and every byte hashed on the
 * way, and the checksum is compared before the table is given back (a 200 MB cache adds its
 * 200 MB to no peak).
 * @throws {CacheFormatError} when the file is damaged, truncated or of another format; the file system's error when it cannot be read.
 * @example readScoreCacheFile('reports/sample/score-cache.bin').table.keys.length
 */
export function readScoreCacheFile(file: string): DecodedCache {
  const fd = openSync(file, 'r');
  try {
    const { prefix, header, end, size } = readPrefix(fd);
    const body = size - 32;
    const source = new FileSource(fd, end, body, createHash('sha256').update(prefix));
    const decoded = decodeColumns(header, new ColumnReader(source));
    const stored = new Uint8Array(32);
    readFully(fd, stored, body);
    if (!source.hash.digest().equals(stored)) throw new CacheFormatError('its checksum does not match (the file is damaged or truncated)');
    return decoded;
  } finally {
    closeSync(fd);
  }
}

/** The table and flags of a cache, from its header and a reader at its first column. */
function decodeColumns(header: CacheHeader, r: ColumnReader): DecodedCache {
  const h = header.table;
  const n = h.rows;
  const m = h.ids.length;
  const many = (k: number) => Array.from({ length: k }, () => r.column(n));
  const keys = r.column(n);
  const index = r.column(n);
  const indexChained = h.chained ? r.column(n) : undefined;
  const coverage = r.column(n);
  const raw = many(m);
  const imputed = h.imputed === null ? undefined : h.imputed.map((has) => (has ? r.column(n) : null));
  const norm = many(m);
  const contrib = many(m);
  const weightUsed = many(m);
  const extras = h.extras.map((x) => ({ ...x, values: r.column(n) }));
  const flags = header.indicators.map((ind) =>
    ind.flags.map((f) => {
      const keys = r.column(f.size);
      return { keys, values: r.column(f.size) };
    }),
  );
  r.done();
  const table: ScoreTable = {
    keys,
    ids: h.ids,
    index,
    ...(indexChained ? { indexChained } : {}),
    ...(h.chainReferenceYear !== undefined ? { chainReferenceYear: h.chainReferenceYear } : {}),
    coverage,
    raw,
    ...(imputed ? { imputed } : {}),
    norm,
    contrib,
    weightUsed,
    extras,
  };
  return { header, table, flags };
}
