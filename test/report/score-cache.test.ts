import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CacheFormatError, decodeScoreCache, encodeScoreCache, readCacheFileHeader, readCacheHeader, readScoreCacheFile, type CacheHeader } from '../../src/report/score-cache.js';
import type { ScoreTable } from '../../src/core/score-table.js';

/** The cache bytes of a table and header, in one buffer. */
function encode(header: CacheHeader, table: ScoreTable, flags: Parameters<typeof encodeScoreCache>[2] = header.indicators.map(() => [])): Buffer {
  const parts: Buffer[] = [];
  encodeScoreCache(header, table, flags, (c) => parts.push(Buffer.from(c)));
  return Buffer.concat(parts);
}

function headerOf(table: ScoreTable, flags: CacheHeader['indicators'][number]['flags'] = []): CacheHeader {
  return {
    fingerprint: { entente: '0.0.0', commit: null, node: 'v0', config: 'c0ffee', resolved: '{}' },
    indicators: table.ids.map((id, i) => ({ id, inputs: [{ role: 'path', path: `${id}.csv`, sha256: 'ab'.repeat(32) }], coverage: [{ from: 2000, to: 2002 }], zeroInsideCoverage: i === 0, notes: [`note ${id}`], flags: i === 0 ? flags : [] })),
    sample: false,
    warnings: [{ warning: { kind: 'skipped', message: 'x', file: 'a.csv', line: 3 }, count: 2 }],
    calibration: null,
    table: {
      rows: table.keys.length,
      ids: table.ids,
      chained: table.indexChained !== undefined,
      chainReferenceYear: table.chainReferenceYear,
      imputed: table.imputed ? table.imputed.map((c) => c !== null) : null,
      extras: table.extras.map((x) => ({ column: x.column, type: x.type, description: x.description })),
    },
  };
}

/** A table of m indicators over the given columns (each column used for every role). */
function tableOf(cols: Float64Array[], n: number): ScoreTable {
  const keys = Float64Array.from({ length: n }, (_, i) => 1_000_000 + i);
  const col = (k: number) => cols[k % cols.length] ?? new Float64Array(n);
  return {
    keys,
    ids: ['a', 'b'],
    index: col(0),
    indexChained: col(1),
    chainReferenceYear: 2001,
    coverage: col(2),
    raw: [col(3), col(4)],
    imputed: [null, col(5)],
    norm: [col(6), col(7)],
    contrib: [col(8), col(9)],
    weightUsed: [col(10), col(11)],
    extras: [{ column: 'a_n', type: 'integer', description: 'count', values: col(12) }],
  };
}

const bits = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
/** Bits of a column with every NaN made the canonical NaN (the cache keeps "missing", not NaN payloads). */
const canonical = (a: Float64Array) => bits(Float64Array.from(a, (x) => (x !== x ? NaN : x)));

function allColumns(t: ScoreTable): Float64Array[] {
  return [t.keys, t.index, t.indexChained!, t.coverage, ...t.raw, ...t.imputed!.filter((c): c is Float64Array => c !== null), ...t.norm, ...t.contrib, ...t.weightUsed, ...t.extras.map((x) => x.values)];
}

describe('the score cache format', () => {
  it('gives back every column bit for bit (−0, NaN, subnormals, dense and sparse columns)', () => {
    const cell = fc.oneof(fc.constant(NaN), fc.constant(0), fc.constant(-0), fc.double(), fc.constantFrom(Number.MIN_VALUE, -Number.MAX_VALUE, Infinity));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: 13, maxLength: 13 }))), ([n, cols]) => {
        const table = tableOf(cols.map((c) => Float64Array.from(c)), n);
        const back = decodeScoreCache(encode(headerOf(table), table));
        const [a, b] = [allColumns(table), allColumns(back.table)];
        expect(b.map(bits)).toEqual(a.map(canonical));
        expect(back.table.imputed?.[0]).toBeNull();
        expect(back.table.chainReferenceYear).toBe(2001);
        expect(back.table.extras.map((x) => x.column)).toEqual(['a_n']);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps numbers JSON cannot hold in the header, and the flags of an indicator', () => {
    const n = 3;
    const table = tableOf([Float64Array.of(1, NaN, 0)], n);
    const header = { ...headerOf(table, [{ kind: 'gap', description: 'gaps', directed: false, size: 2 }]), calibration: { method: 'effective', indicators: [], iterations: 1, converged: false, tolerance: NaN, maxDeviationBefore: -0, maxDeviationAfter: Infinity, rows: 0 } } as CacheHeader;
    const flags = [[{ keys: Float64Array.of(5, 9), values: Float64Array.of(1, 1) }], []];
    const back = decodeScoreCache(encode(header, table, flags));
    expect(back.header.calibration?.tolerance).toBeNaN();
    expect(Object.is(back.header.calibration?.maxDeviationBefore, -0)).toBe(true);
    expect(back.header.calibration?.maxDeviationAfter).toBe(Infinity);
    expect([...back.flags[0]![0]!.keys]).toEqual([5, 9]);
    expect(back.header.warnings).toEqual(header.warnings);
  });

  it('stores a column of missing cells in one byte and a column mostly of zeros sparsely', () => {
    const n = 8000;
    const missing = new Float64Array(n).fill(NaN);
    const zeros = new Float64Array(n);
    zeros[17] = 0.5;
    const dense = Float64Array.from({ length: n }, (_, i) => i + 0.25);
    const size = (c: Float64Array) => encode(headerOf(tableOf([c], n)), tableOf([c], n)).length;
    // 13 columns of the kind besides the keys (dense in all three)
    const base = size(missing);
    expect(size(zeros) - base).toBe(13 * (2 * (n / 8) + 8));
    expect(size(dense) - base).toBe(13 * 8 * n);
  });

  it('matches its golden bytes (the format does not change by accident)', async () => {
    const table = tableOf([Float64Array.of(71.25, NaN, -0), Float64Array.of(0, 0, 3), Float64Array.of(NaN, NaN, NaN)], 3);
    const bytes = encode(headerOf(table), table);
    // regenerate on purpose with: npx vitest run test/report/score-cache.test.ts -u
    await expect(bytes.toString('hex').replace(/(.{64})/g, '$1\n') + '\n').toMatchFileSnapshot('../golden/score-cache/tiny.hex');
    expect(allColumns(decodeScoreCache(bytes).table).map(bits)).toEqual(allColumns(table).map(canonical));
  });

  it('refuses bytes that are not a whole cache of this format', () => {
    const table = tableOf([Float64Array.of(1, 2)], 2);
    const good = encode(headerOf(table), table);
    expect(() => decodeScoreCache(good.subarray(0, good.length - 1))).toThrow(CacheFormatError);
    expect(() => decodeScoreCache(Buffer.concat([good, Buffer.of(0)]))).toThrow(CacheFormatError);
    expect(() => readCacheHeader(Buffer.from('ENTSCORE'))).toThrow(/truncated/);
    const bad = Buffer.from(good);
    bad[bad.length - 40]! ^= 0xff;
    expect(() => decodeScoreCache(bad)).toThrow(/checksum/);
  });
});

describe('reading a score cache file as it is decoded', () => {
  /** Writes `bytes` to a file in a fresh folder and gives its path to `f`. */
  function withFile<T>(bytes: Uint8Array, f: (file: string) => T): T {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-cache-'));
    try {
      const file = path.join(dir, 'score-cache.bin');
      writeFileSync(file, bytes);
      return f(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('gives the same header, table and flags as decoding the bytes in memory', () => {
    const n = 3000;
    const dense = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? NaN : i / 3 - 100));
    const sparse = Float64Array.from({ length: n }, (_, i) => (i % 11 === 0 ? i : i % 5 === 0 ? NaN : 0));
    const table = tableOf([dense, sparse, new Float64Array(n).fill(NaN)], n);
    const good = encode(headerOf(table, [{ kind: 'gap', description: 'gaps', directed: false, size: 2 }]), table, [[{ keys: Float64Array.of(1, 2), values: Float64Array.of(-0, 5) }], []]);
    const want = decodeScoreCache(good);
    withFile(good, (file) => {
      const got = readScoreCacheFile(file);
      expect(got.header).toEqual(want.header);
      expect(allColumns(got.table).map(canonical)).toEqual(allColumns(want.table).map(canonical));
      expect(got.flags.flat().map((f) => [bits(f.keys), bits(f.values)])).toEqual(want.flags.flat().map((f) => [bits(f.keys), bits(f.values)]));
      expect(got.table.keys.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(readCacheFileHeader(file)).toEqual(want.header);
    });
  });

  it('refuses a damaged, truncated, lengthened or foreign file, as decoding in memory does', () => {
    const table = tableOf([Float64Array.of(1, 2, NaN, 0)], 4);
    const good = encode(headerOf(table), table);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 40]! ^= 0xff;
    const cases: [Uint8Array, RegExp][] = [
      [flipped, /checksum/],
      [good.subarray(0, good.length - 1), /truncated|checksum|bytes after/],
      [Buffer.concat([good, Buffer.of(0)]), /checksum|bytes after/],
      [good.subarray(0, 20), /truncated/],
      [Buffer.concat([Buffer.from('NOTCACHE'), good.subarray(8)]), /not a score cache/],
    ];
    for (const [bytes, why] of cases) {
      withFile(bytes, (file) => {
        expect(() => readScoreCacheFile(file)).toThrow(CacheFormatError);
        expect(() => readScoreCacheFile(file)).toThrow(why);
        expect(() => decodeScoreCache(bytes)).toThrow(CacheFormatError);
      });
    }
  });
});
