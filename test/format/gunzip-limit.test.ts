import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { InputError, UsageError } from '../../src/domain/errors.js';
import { DEFAULT_GUNZIP_RATIO, GUNZIP_FLOOR_BYTES, GUNZIP_RATIO_ENV, gunzipLimit, gunzipRatio } from '../../src/format/gunzip-limit.js';
import { readBytes } from '../../src/format/open-text.js';
import { readBytesAsync } from '../../src/format/read-bytes-async.js';
import { readCsv } from '../../src/format/read-csv.js';
import { removeTempFiles, tempFile } from '../fuzz/hostile.js';

afterAll(removeTempFiles);
afterEach(() => {
  delete process.env[GUNZIP_RATIO_ENV];
});

const MB = 1 << 20;

/** Every way a reader unpacks a gzip input. */
const READS: readonly [string, (file: string) => Promise<unknown>][] = [
  ['readBytes (whole file)', (f) => readBytes(f)],
  ['readBytesAsync (whole file, thread pool)', (f) => readBytesAsync(f)],
  ['readCsv (stream)', async (f) => {
    for await (const _ of readCsv(f)) {
      // drain
    }
  }],
];

describe('the gunzip limit', () => {
  it('is 100 times the compressed size, at least 64 MiB, and ENTENTE_GUNZIP_MAX_RATIO overrides the ratio', () => {
    expect(DEFAULT_GUNZIP_RATIO).toBe(100);
    expect(gunzipLimit(1000, {})).toBe(GUNZIP_FLOOR_BYTES);
    expect(gunzipLimit(8 * MB, {})).toBe(800 * MB);
    expect(gunzipLimit(8 * MB, { [GUNZIP_RATIO_ENV]: '5' })).toBe(GUNZIP_FLOOR_BYTES);
    expect(gunzipLimit(8 * MB, { [GUNZIP_RATIO_ENV]: '20' })).toBe(160 * MB);
    expect(gunzipRatio({ [GUNZIP_RATIO_ENV]: ' ' })).toBe(100);
  });

  it('a bad ENTENTE_GUNZIP_MAX_RATIO is a usage error saying what it must be', () => {
    for (const bad of ['0', '-5', 'lots', 'NaN']) {
      expect(() => gunzipRatio({ [GUNZIP_RATIO_ENV]: bad })).toThrow(UsageError);
      expect(() => gunzipRatio({ [GUNZIP_RATIO_ENV]: bad })).toThrow(/ENTENTE_GUNZIP_MAX_RATIO must be a number ≥ 1/);
    }
  });

  it('a gzip bomb stops every reader at the limit with the file, the limit and the override named', async () => {
    // 80 MiB of zero rows unpack from ~80 KB: over the 64 MiB floor
    const bomb = tempFile(gzipSync(Buffer.concat([Buffer.from('a,b\n'), Buffer.from('0,0\n'.repeat((80 * MB) / 4))])), 'votes.csv.gz');
    for (const [name, read] of READS) {
      let error: unknown = null;
      try {
        await read(bomb);
      } catch (e) {
        error = e;
      }
      expect(error, name).toBeInstanceOf(InputError);
      const e = error as InputError;
      expect(e.problems, name).toHaveLength(1);
      expect(e.problems[0], name).toMatchObject({ file: bomb, line: 0 });
      expect(e.problems[0]!.message, name).toMatch(
        /^the gzip file unpacks to more than 67,108,864 bytes \(the limit is 100× its [\d,]+ compressed bytes, at least 67,108,864\): a decompression bomb.*raise the limit, e\.g\. ENTENTE_GUNZIP_MAX_RATIO=1000$/,
      );
    }
  });

  it('a genuine file over the default ratio is read once the ratio is raised', async () => {
    // 70 MiB of a repeated row: far more repetitive than any source (ratio ~ 1,000)
    const rows = tempFile(gzipSync(Buffer.concat([Buffer.from('a,b\n'), Buffer.from('1,2\n'.repeat((70 * MB) / 4))])), 'rows.csv.gz');
    await expect(readBytes(rows)).rejects.toThrow(/unpacks to more than/);
    process.env[GUNZIP_RATIO_ENV] = '5000';
    expect((await readBytes(rows)).length).toBe(70 * MB + 4);
    expect((await readBytesAsync(rows)).length).toBe(70 * MB + 4);
  });
});
