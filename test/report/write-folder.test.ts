import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../../src/domain/errors.js';
import { lockFile, lockFolder } from '../../src/report/folder-lock.js';
import { recoverFolder, writeJournal } from '../../src/report/folder-journal.js';
import { fsProblem } from '../../src/format/fs-error.js';
import { onInterrupt } from '../../src/report/signal-cleanup.js';
import { commitFolder, linkTree, writeFolderAtomically } from '../../src/report/write-folder.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function temp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'entente-wf-'));
  dirs.push(d);
  return d;
}

/** A folder with files (name → text). */
function folder(at: string, files: Record<string, string>): string {
  mkdirSync(at, { recursive: true });
  for (const [n, t] of Object.entries(files)) writeFileSync(path.join(at, n), t);
  return at;
}

const contents = (d: string) => Object.fromEntries(readdirSync(d).sort().map((n) => [n, readFileSync(path.join(d, n), 'utf8')]));
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('commitFolder', () => {
  it('replaces the folder with what build wrote, leaving nothing beside it', async () => {
    const dir = temp();
    const out = folder(path.join(dir, 'r'), { 'old.csv': 'old\n' });
    await writeFolderAtomically(out, new Map([['new.csv', 'new\n']]));
    expect(contents(out)).toEqual({ 'new.csv': 'new\n' });
    expect(readdirSync(dir)).toEqual(['r']);
  });

  it('keeps the folder byte for byte when build fails, and removes its temporary folder and lock', async () => {
    const dir = temp();
    const out = folder(path.join(dir, 'r'), { 'a.csv': 'a\n' });
    const failing = commitFolder(out, async (staging) => {
      writeFileSync(path.join(staging, 'half.csv'), 'ha');
      throw Object.assign(new Error('no space'), { code: 'ENOSPC', path: path.join(staging, 'half.csv') });
    });
    await expect(failing).rejects.toThrow(/no space left on the device \(ENOSPC at .*half\.csv\); free some space, or write elsewhere with --out DIR\. The folder is as it was before this run/);
    await expect(commitFolder(out, async () => Promise.reject(Object.assign(new Error('x'), { code: 'ENOSPC' })))).rejects.toBeInstanceOf(UsageError);
    expect(contents(out)).toEqual({ 'a.csv': 'a\n' });
    expect(readdirSync(dir)).toEqual(['r']);
  });

  it('runs the check under the lock before writing anything; a refusal writes nothing', async () => {
    const dir = temp();
    let sawLock = false;
    const r = commitFolder(path.join(dir, 'r'), async () => undefined, {
      check: () => {
        sawLock = readdirSync(dir).includes('.r.entente-lock');
        throw new UsageError('refused');
      },
    });
    await expect(r).rejects.toThrow('refused');
    expect(sawLock).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a bug (an error without an errno code) stays a bug', async () => {
    const dir = temp();
    const r = commitFolder(path.join(dir, 'r'), async () => {
      throw new TypeError('oops');
    });
    await expect(r).rejects.toBeInstanceOf(TypeError);
  });
});

describe('linkTree', () => {
  it('carries every file over by hard link (same inode, nothing copied), folders and links too, leaving out the names skipped', () => {
    const dir = temp();
    const from = folder(path.join(dir, 'from'), { 'a.csv': 'a\n', 'datapackage.json': '{}' });
    folder(path.join(from, 'sub'), { 'b.txt': 'b' });
    const to = path.join(dir, 'to');
    mkdirSync(to);
    linkTree(from, to, new Set(['datapackage.json']));
    expect(readdirSync(to).sort()).toEqual(['a.csv', 'sub']);
    expect(statSync(path.join(to, 'a.csv')).ino).toBe(statSync(path.join(from, 'a.csv')).ino);
    expect(readFileSync(path.join(to, 'sub', 'b.txt'), 'utf8')).toBe('b');
  });

  it('refuses a FIFO in the folder rather than drop it', () => {
    const dir = temp();
    const from = folder(path.join(dir, 'from'), {});
    if (spawnSync('mkfifo', [path.join(from, 'pipe')]).status !== 0) return; // no mkfifo here
    mkdirSync(path.join(dir, 'to'));
    expect(() => linkTree(from, path.join(dir, 'to'), new Set())).toThrow(/not a file or a folder \(a FIFO, socket or device\)/);
  });
});

describe('recoverFolder (debris of interrupted runs)', () => {
  it('rolls a committed swap forward when the old report was not yet moved aside', () => {
    const dir = temp();
    const target = folder(path.join(dir, 'r'), { 'v.txt': 'old' });
    folder(path.join(dir, '.r.entente-new-1-aa'), { 'v.txt': 'new' });
    writeJournal(target, { new: '.r.entente-new-1-aa', old: '.r.entente-old-1-bb', pid: 1 });
    expect(recoverFolder(target)).toEqual([expect.stringMatching(/completed the write .* \(pid 1\)/), expect.stringMatching(/removed 1 temporary item/)]);
    expect(contents(target)).toEqual({ 'v.txt': 'new' });
    expect(readdirSync(dir)).toEqual(['r']);
  });

  it('rolls a committed swap forward when the process died between the two renames (no folder at the target)', () => {
    const dir = temp();
    const target = path.join(dir, 'r');
    folder(path.join(dir, '.r.entente-new-1-aa'), { 'v.txt': 'new' });
    folder(path.join(dir, '.r.entente-old-1-bb'), { 'v.txt': 'old' });
    writeJournal(target, { new: '.r.entente-new-1-aa', old: '.r.entente-old-1-bb', pid: 1 });
    recoverFolder(target);
    expect(contents(target)).toEqual({ 'v.txt': 'new' });
    expect(readdirSync(dir)).toEqual(['r']);
  });

  it('after a finished swap only removes the old folder and the journal', () => {
    const dir = temp();
    const target = folder(path.join(dir, 'r'), { 'v.txt': 'new' });
    folder(path.join(dir, '.r.entente-old-1-bb'), { 'v.txt': 'old' });
    writeJournal(target, { new: '.r.entente-new-1-aa', old: '.r.entente-old-1-bb', pid: 1 });
    recoverFolder(target);
    expect(contents(target)).toEqual({ 'v.txt': 'new' });
    expect(readdirSync(dir)).toEqual(['r']);
  });

  it('without a journal, deletes partial new folders and stray temporary files, and nothing of other folders', () => {
    const dir = temp();
    const target = folder(path.join(dir, 'r'), { 'v.txt': 'old' });
    folder(path.join(dir, '.r.entente-new-42-0a1b'), { 'half.csv': 'ha' });
    writeFileSync(path.join(dir, '.r.entente-journal.tmp-42-0a1b'), '{');
    writeFileSync(path.join(dir, '.r.entente-lock.stale-42-0a1b'), '{}');
    folder(path.join(dir, '.other.entente-new-42-0a1b'), {});
    writeFileSync(path.join(dir, '.r.notes'), 'mine');
    recoverFolder(target);
    expect(readdirSync(dir).sort()).toEqual(['.other.entente-new-42-0a1b', '.r.notes', 'r']);
    expect(contents(target)).toEqual({ 'v.txt': 'old' });
  });

  it('puts back an old report the previous version left aside when killed between its renames, and deletes its temporary folders', () => {
    const dir = temp();
    const target = path.join(dir, 'r');
    folder(path.join(dir, '.r.old-4242-1700000000000'), { 'v.txt': 'old' });
    folder(path.join(dir, '.r.tmp-4242-1700000000000'), { 'v.txt': 'new' });
    expect(recoverFolder(target).join('\n')).toMatch(/restored .*r from \.r\.old-4242-1700000000000/);
    expect(contents(target)).toEqual({ 'v.txt': 'old' });
    expect(readdirSync(dir)).toEqual(['r']);
  });

  it('ignores a journal that is not one (it never follows names with separators)', () => {
    const dir = temp();
    const target = folder(path.join(dir, 'r'), { 'v.txt': 'old' });
    writeFileSync(path.join(dir, '.r.entente-journal'), JSON.stringify({ entente_journal: 1, new: '../x', old: '.r.entente-old-1-bb' }));
    recoverFolder(target);
    expect(contents(target)).toEqual({ 'v.txt': 'old' });
    expect(readdirSync(dir)).toEqual(['r']);
  });
});

describe('lockFolder', () => {
  it('makes a second writer of the same folder wait until the first releases, telling who holds it', async () => {
    const dir = temp();
    const target = path.join(dir, 'r');
    const first = await lockFolder(target);
    const held = JSON.parse(readFileSync(lockFile(target), 'utf8'));
    expect(held).toMatchObject({ pid: process.pid, host: os.hostname() });
    let waitingFor: number | null = null;
    let got = false;
    const second = lockFolder(target, { timeoutMs: 60_000, onWait: (h) => (waitingFor = h.pid) }).then((l) => {
      got = true;
      return l;
    });
    while (waitingFor === null) await new Promise((r) => setTimeout(r, 10));
    expect(waitingFor).toBe(process.pid);
    expect(got).toBe(false);
    first.release();
    const lock = await second;
    expect(JSON.parse(readFileSync(lockFile(target), 'utf8')).token).not.toBe(held.token);
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses when the wait runs out, naming the holder and the lock file', async () => {
    const dir = temp();
    const first = await lockFolder(path.join(dir, 'r'));
    try {
      await expect(lockFolder(path.join(dir, 'r'), { timeoutMs: 0 })).rejects.toThrow(/is being written by another entente run \(pid \d+, `entente .*`, since .*\); wait for it .* delete the lock file .*\.r\.entente-lock/);
    } finally {
      first.release();
    }
  });

  it('takes over the lock of a dead process, and of an unreadable lock file older than 10 s', async () => {
    const dir = temp();
    const target = path.join(dir, 'r');
    writeFileSync(lockFile(target), JSON.stringify({ pid: deadPid(), host: os.hostname(), token: 't', command: 'entente score', since: '' }));
    (await lockFolder(target, { timeoutMs: 0 })).release();
    writeFileSync(lockFile(target), '{"pid": 12');
    await expect(lockFolder(target, { timeoutMs: 0 })).rejects.toThrow(/being written by another entente run;/);
    const old = Date.now() / 1000 - 60;
    utimesSync(lockFile(target), old, old);
    (await lockFolder(target, { timeoutMs: 0 })).release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never judges a lock of another machine dead', async () => {
    const dir = temp();
    const target = path.join(dir, 'r');
    writeFileSync(lockFile(target), JSON.stringify({ pid: deadPid(), host: 'elsewhere.example', token: 't', command: 'entente score', since: 'then' }));
    await expect(lockFolder(target, { timeoutMs: 0 })).rejects.toThrow(/pid \d+ on elsewhere\.example/);
  });

  it('release leaves a lock that is not its own', async () => {
    const dir = temp();
    const target = path.join(dir, 'r');
    const lock = await lockFolder(target);
    writeFileSync(lockFile(target), JSON.stringify({ pid: 1, host: os.hostname(), token: 'someone-else', command: '', since: '' }));
    lock.release();
    expect(readdirSync(dir)).toEqual(['.r.entente-lock']);
  });

  it('reads ENTENTE_LOCK_TIMEOUT and refuses a bad value', async () => {
    const dir = temp();
    const saved = process.env.ENTENTE_LOCK_TIMEOUT;
    try {
      process.env.ENTENTE_LOCK_TIMEOUT = 'soon';
      await expect(lockFolder(path.join(dir, 'r'))).rejects.toThrow(/ENTENTE_LOCK_TIMEOUT: need a number of seconds ≥ 0, got "soon"/);
    } finally {
      if (saved === undefined) delete process.env.ENTENTE_LOCK_TIMEOUT;
      else process.env.ENTENTE_LOCK_TIMEOUT = saved;
    }
  });
});

describe('fsProblem', () => {
  it('says what each file-system error means and what to do; other errors pass unchanged', () => {
    const e = (code: string) => Object.assign(new Error(code), { code, path: '/r/x.csv' });
    expect(String((fsProblem(e('ENOSPC'), 'cannot write /r') as Error).message)).toBe('cannot write /r: no space left on the device (ENOSPC at /r/x.csv); free some space, or write elsewhere with --out DIR');
    for (const [code, what] of [['EACCES', 'permission denied'], ['EROFS', 'read-only'], ['ENAMETOOLONG', 'too long'], ['ELOOP', 'symbolic links'], ['EDQUOT', 'quota']] as const) {
      const p = fsProblem(e(code), 'cannot write /r');
      expect(p).toBeInstanceOf(UsageError);
      expect((p as Error).message).toContain(what);
    }
    const bug = new TypeError('x');
    expect(fsProblem(bug, 'cannot write /r')).toBe(bug);
  });
});

describe('onInterrupt', () => {
  it('listens to SIGINT, SIGTERM and SIGHUP only while a clean-up is registered', () => {
    const before = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s));
    const a = onInterrupt(() => {});
    const b = onInterrupt(() => {});
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s))).toEqual(before.map((n) => n + 1));
    a();
    a();
    b();
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s))).toEqual(before);
  });
});
