import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../src/domain/errors.js';
import { fileErrorMessage, inputFileFault } from '../../src/format/input-file.js';
import { readBytes } from '../../src/format/open-text.js';
import { readBytesAsync } from '../../src/format/read-bytes-async.js';
import { readCsv } from '../../src/format/read-csv.js';
import { hashFile } from '../../src/format/hash-file.js';
import { removeTempFiles, tempDir } from '../fuzz/hostile.js';

afterAll(removeTempFiles);

/** Makes a named pipe with `mkfifo`, or returns null where there is none (Windows). */
function fifo(dir: string): string | null {
  const p = path.join(dir, 'pipe.csv');
  return spawnSync('mkfifo', [p]).status === 0 ? p : null;
}

/** Every way a reader opens an input. */
const READS: readonly [string, (file: string) => Promise<unknown>][] = [
  ['readBytes (whole file)', (f) => readBytes(f)],
  ['readBytesAsync (whole file, thread pool)', (f) => readBytesAsync(f)],
  ['readCsv (stream)', async (f) => {
    for await (const _ of readCsv(f)) {
      // drain
    }
  }],
];

async function inputError(read: Promise<unknown>): Promise<InputError> {
  try {
    await read;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('input files that are not regular files are refused before they are opened', () => {
  it('a folder, a device and a FIFO are named for what they are', async () => {
    const dir = tempDir();
    expect((await inputFileFault(dir))?.message).toMatch(/^this is a folder, not a regular file; a source must be a CSV file/);
    expect((await inputFileFault('/dev/null'))?.message).toMatch(/^this is a device, not a regular file/);
    const pipe = fifo(dir);
    if (pipe !== null) expect((await inputFileFault(pipe))?.message).toMatch(/^this is a named pipe \(FIFO\), not a regular file/);
    writeFileSync(path.join(dir, 'ok.csv'), 'a\n');
    expect(await inputFileFault(path.join(dir, 'ok.csv'))).toBeNull();
  });

  it.runIf(spawnSync('mkfifo', ['--version']).status === 0)('every reader refuses a FIFO at once instead of waiting for a writer forever', async () => {
    const pipe = fifo(tempDir())!;
    for (const [name, read] of READS) {
      const e = await inputError(read(pipe));
      expect(e.problems, name).toEqual([{ file: pipe, line: 0, message: expect.stringMatching(/^this is a named pipe \(FIFO\)/) }]);
    }
  });

  it('every reader refuses a folder and a device', async () => {
    for (const [name, read] of READS) {
      expect((await inputError(read(tempDir()))).message, name).toMatch(/this is a folder, not a regular file/);
      expect((await inputError(read('/dev/zero'))).message, name).toMatch(/\/dev\/zero: this is a device/);
    }
  });
});

describe('file-system errors on inputs are messages, not stack traces', () => {
  it('a dangling symbolic link names its target', async () => {
    const dir = tempDir();
    const link = path.join(dir, 'votes.csv');
    symlinkSync(path.join(dir, 'gone.csv'), link);
    for (const [name, read] of READS) {
      expect((await inputError(read(link))).problems[0]!.message, name).toBe(`a symbolic link to "${path.join(dir, 'gone.csv')}", which does not exist; fix or remove the link (ENOENT)`);
    }
  });

  it('a symbolic-link loop (ELOOP) and a path through a file (ENOTDIR)', async () => {
    const dir = tempDir();
    symlinkSync(path.join(dir, 'b.csv'), path.join(dir, 'a.csv'));
    symlinkSync(path.join(dir, 'a.csv'), path.join(dir, 'b.csv'));
    writeFileSync(path.join(dir, 'file'), 'x');
    for (const [name, read] of READS) {
      expect((await inputError(read(path.join(dir, 'a.csv')))).problems[0]!.message, name).toMatch(/^too many levels of symbolic links .*\(ELOOP\)$/);
      expect((await inputError(read(path.join(dir, 'file', 'x.csv')))).problems[0]!.message, name).toMatch(/^a part of the path is a file, not a folder.*\(ENOTDIR\)$/);
    }
  });

  it('a path too long for the file system (ENAMETOOLONG)', async () => {
    const long = path.join(tempDir(), `${'n'.repeat(300)}.csv`);
    expect((await inputError(readBytes(long))).problems[0]!.message).toMatch(/^the path is too long for the file system.*\(ENAMETOOLONG\)$/);
  });

  it('permission denied (EACCES) and an unknown code have plain messages', () => {
    // a real EACCES needs a user without the permission: see the binary test (test/cli/hostile-input.test.ts)
    expect(fileErrorMessage(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }))).toBe(
      'permission denied: Entente may not read it; check the permissions of the file and of its folders (EACCES)',
    );
    expect(fileErrorMessage(Object.assign(new Error('boom'), { code: 'EWHAT' }))).toBe('cannot read the file: boom');
  });

  it('hashing an input that vanished is an input error', async () => {
    const gone = path.join(tempDir(), 'gone.csv');
    await expect(hashFile(gone)).rejects.toThrow(/gone\.csv: the file does not exist.*\(ENOENT\)/);
  });
});
