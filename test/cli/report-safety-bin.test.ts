/**
 * The report folder through the real executable: kills at every moment of a write (score
 * and sensitivity), Ctrl-C/SIGTERM, two runs on one folder, the lock, a full disk, a
 * read-only file system and the other file-system errors. Each test checks that no byte of
 * the user's files or of the previous report changed and that no debris is left after the
 * next run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { ensureBuilt, killAt, runBin, startBin, tree, waitForStderr } from '../helpers/bin.js';
import { validateDataPackage } from '../helpers/validate-datapackage.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A project folder: the toolkit fixture (config `toolkit.yaml`, name `toolkit`, two inputs). */
function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-safety-'));
  made.push(dir);
  chmodSync(dir, 0o755);
  cpSync(path.join(ROOT, 'test/fixtures/toolkit'), dir, { recursive: true });
  return dir;
}

/** The user's files of a project: everything but `reports/`. */
function userFiles(dir: string): Map<string, string> {
  return new Map([...tree(dir)].filter(([p]) => !p.startsWith('reports/')));
}

const REPORT = (dir: string) => path.join(dir, 'reports', 'toolkit');
const SCORE = ['score', '--config', 'toolkit.yaml'];
const SENSITIVITY = ['sensitivity', '--config', 'toolkit.yaml', '--draws', '200'];

/** Version 2 of the config: another weight, so its report differs in every index. */
function editConfig(dir: string): void {
  const file = path.join(dir, 'toolkit.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('weight: 2', 'weight: 3'));
}

function ok(r: { status: number | null; stderr: string }): void {
  expect(r.status, r.stderr).toBe(0);
}

/** Debris of any run beside the report (temporary folders, journal, lock). */
const debris = (dir: string) => readdirSync(path.join(dir, 'reports')).filter((n) => n !== 'toolkit');

beforeAll(() => ensureBuilt(), 300_000);

describe('a kill at any moment of `entente score`', { timeout: 120_000 }, () => {
  // the report `score` makes from config version 2, in a project of its own (same layout)
  let expected: Map<string, string>;
  beforeAll(() => {
    const ref = project();
    editConfig(ref);
    ok(runBin(SCORE, { cwd: ref }));
    expected = tree(REPORT(ref));
  });

  for (const [point, after] of [
    ['file-written:alignment.csv', 'old'],
    ['staging-written', 'old'],
    ['journal-written', 'old'],
    ['old-moved', 'none'],
    ['swapped', 'new'],
  ] as const) {
    it(`SIGKILL at ${point}: the user's files never change, the report is ${after === 'none' ? 'restored by the next run' : `the ${after} one`}, and the next run leaves no debris`, async () => {
      const dir = project();
      ok(runBin(SCORE, { cwd: dir }));
      const previous = tree(REPORT(dir));
      editConfig(dir);
      const mine = userFiles(dir);
      const killed = await killAt(SCORE, point, 'SIGKILL', { cwd: dir });
      expect(killed.signal).toBe('SIGKILL');
      expect(userFiles(dir)).toEqual(mine);
      if (after === 'old') expect(tree(REPORT(dir))).toEqual(previous);
      if (after === 'new') expect(tree(REPORT(dir))).toEqual(expected);
      if (after === 'none') expect(readdirSync(path.join(dir, 'reports'))).not.toContain('toolkit');
      expect(debris(dir).length).toBeGreaterThan(0); // what the kill left
      const next = runBin(SCORE, { cwd: dir });
      ok(next);
      expect(tree(REPORT(dir))).toEqual(expected);
      expect(debris(dir)).toEqual([]);
      expect(userFiles(dir)).toEqual(mine);
    });
  }

  it('a run killed before its journal is undone by the next run, which leaves the previous report byte for byte', async () => {
    const dir = project();
    ok(runBin(SCORE, { cwd: dir }));
    const previous = tree(REPORT(dir));
    const killed = await killAt(SCORE, 'staging-written', 'SIGKILL', { cwd: dir });
    expect(killed.signal).toBe('SIGKILL');
    // a run that adds a file: it recovers first, then adds audit.csv next to the untouched report
    const audit = runBin(['audit', '--config', 'toolkit.yaml'], { cwd: dir });
    ok(audit);
    expect(audit.stderr).toMatch(/removed \d+ temporary items? of interrupted runs/);
    const now = tree(REPORT(dir));
    // audit lists its file in datapackage.json and shows it on report.html; every other file is untouched
    for (const [file, sha] of previous) if (file !== 'datapackage.json' && file !== '.entente-report' && file !== 'report.html') expect(now.get(file), file).toBe(sha);
    expect(now.has('audit.csv')).toBe(true);
    expect(debris(dir)).toEqual([]);
  });
});

describe('a kill at any moment of `entente sensitivity`', { timeout: 120_000 }, () => {
  let expected: Map<string, string>;
  beforeAll(() => {
    const ref = project();
    ok(runBin(SCORE, { cwd: ref }));
    ok(runBin(SENSITIVITY, { cwd: ref }));
    expected = tree(REPORT(ref));
    expect([...expected.keys()]).toEqual(expect.arrayContaining(['sensitivity.csv', 'sobol.csv']));
  });

  for (const [point, after] of [
    ['file-written:sensitivity.csv', 'old'],
    ['staging-written', 'old'],
    ['journal-written', 'old'],
    ['old-moved', 'none'],
    ['swapped', 'new'],
  ] as const) {
    it(`SIGKILL at ${point}: sensitivity.csv, sobol.csv and datapackage.json appear together or not at all`, async () => {
      const dir = project();
      ok(runBin(SCORE, { cwd: dir }));
      const previous = tree(REPORT(dir));
      const mine = userFiles(dir);
      const killed = await killAt(SENSITIVITY, point, 'SIGKILL', { cwd: dir });
      expect(killed.signal).toBe('SIGKILL');
      expect(userFiles(dir)).toEqual(mine);
      if (after === 'old') expect(tree(REPORT(dir))).toEqual(previous);
      if (after === 'new') {
        expect(tree(REPORT(dir))).toEqual(expected);
        expect(validateDataPackage(REPORT(dir))).toEqual([]);
      }
      if (after === 'none') expect(readdirSync(path.join(dir, 'reports'))).not.toContain('toolkit');
      ok(runBin(SENSITIVITY, { cwd: dir }));
      expect(tree(REPORT(dir))).toEqual(expected);
      expect(validateDataPackage(REPORT(dir))).toEqual([]);
      expect(debris(dir)).toEqual([]);
      expect(userFiles(dir)).toEqual(mine);
    });
  }
});

describe('Ctrl-C and SIGTERM during a write', { timeout: 120_000 }, () => {
  for (const [signal, point, args] of [
    ['SIGTERM', 'staging-written', SCORE],
    ['SIGINT', 'file-written:alignment.csv', SCORE],
    ['SIGTERM', 'file-written:sensitivity.csv', SENSITIVITY],
  ] as const) {
    it(`${signal} at ${point} (${args[0]}): removes its temporary files and lock, ends by the signal, and leaves the report as it was`, async () => {
      const dir = project();
      ok(runBin(SCORE, { cwd: dir }));
      const previous = tree(REPORT(dir));
      if (args !== SENSITIVITY) editConfig(dir);
      const r = await killAt(args, point, signal, { cwd: dir });
      expect(r.signal).toBe(signal);
      expect(r.stderr).toMatch(/interrupted \(SIG(INT|TERM)\); temporary files removed/);
      expect(debris(dir)).toEqual([]);
      expect(tree(REPORT(dir))).toEqual(previous);
    });
  }
});

describe('two runs on one folder', { timeout: 120_000 }, () => {
  it('two `score` runs at once both succeed, one after the other, leaving one whole report and no debris', async () => {
    const dir = project();
    const a = startBin(SCORE, { cwd: dir });
    const b = startBin(SCORE, { cwd: dir });
    const [ra, rb] = await Promise.all([a.ended, b.ended]);
    expect([ra.status, rb.status], a.stderr() + b.stderr()).toEqual([0, 0]);
    expect(debris(dir)).toEqual([]);
    expect(validateDataPackage(REPORT(dir))).toEqual([]);
  });

  it('`audit` and `trends` at once on one report: both files end up in it, listed in datapackage.json (nothing lost)', async () => {
    const dir = project();
    ok(runBin(SCORE, { cwd: dir }));
    const a = startBin(['audit', '--config', 'toolkit.yaml'], { cwd: dir });
    const b = startBin(['trends', '--config', 'toolkit.yaml'], { cwd: dir });
    const [ra, rb] = await Promise.all([a.ended, b.ended]);
    expect([ra.status, rb.status], a.stderr() + b.stderr()).toEqual([0, 0]);
    const files = readdirSync(REPORT(dir));
    expect(files).toEqual(expect.arrayContaining(['audit.csv', 'trends.csv', 'breaks.csv']));
    expect(validateDataPackage(REPORT(dir))).toEqual([]);
    const listed = (JSON.parse(readFileSync(path.join(REPORT(dir), 'datapackage.json'), 'utf8')) as { resources: { path: string }[] }).resources.map((r) => r.path);
    expect(listed).toEqual(expect.arrayContaining(['audit.csv', 'trends.csv', 'breaks.csv']));
    expect(debris(dir)).toEqual([]);
  });

  it('a run waits for the run holding the lock, says so, and takes the lock over when that run is killed', async () => {
    const dir = project();
    ok(runBin(SCORE, { cwd: dir }));
    editConfig(dir);
    const holder = startBin(SCORE, { cwd: dir, env: { ENTENTE_TEST_PAUSE: 'staging-written' } });
    await waitForStderr(holder, /paused at staging-written/);
    const waiter = startBin(SCORE, { cwd: dir, env: { ENTENTE_LOCK_TIMEOUT: '100' } });
    await waitForStderr(waiter, new RegExp(`waiting for another entente run \\(pid ${holder.child.pid}`));
    holder.child.kill('SIGKILL');
    const end = await waiter.ended;
    expect(end.status, waiter.stderr()).toBe(0);
    expect(debris(dir)).toEqual([]);
    expect(validateDataPackage(REPORT(dir))).toEqual([]);
  });

  it('with ENTENTE_LOCK_TIMEOUT=0 a run refuses at once, naming the run that holds the lock; the holder then ends cleanly on SIGTERM', async () => {
    const dir = project();
    ok(runBin(SCORE, { cwd: dir }));
    const previous = tree(REPORT(dir));
    const holder = startBin(SCORE, { cwd: dir, env: { ENTENTE_TEST_PAUSE: 'staging-written' } });
    await waitForStderr(holder, /paused at staging-written/);
    const r = runBin(SCORE, { cwd: dir, env: { ENTENTE_LOCK_TIMEOUT: '0' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`is being written by another entente run \\(pid ${holder.child.pid}, \`entente score --config toolkit.yaml\``));
    expect(r.stderr).toMatch(/delete the lock file .*\.toolkit\.entente-lock/);
    holder.child.kill('SIGTERM');
    expect((await holder.ended).signal).toBe('SIGTERM');
    expect(debris(dir)).toEqual([]);
    expect(tree(REPORT(dir))).toEqual(previous);
  });

  it('a lock left by a dead process is taken over without waiting', () => {
    const dir = project();
    ok(runBin(SCORE, { cwd: dir }));
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!; // a process that has ended
    writeFileSync(path.join(dir, 'reports', '.toolkit.entente-lock'), JSON.stringify({ pid: dead, host: os.hostname(), token: 'x', command: 'entente score', since: '' }));
    ok(runBin(SCORE, { cwd: dir, env: { ENTENTE_LOCK_TIMEOUT: '0' } }));
    expect(debris(dir)).toEqual([]);
  });
});

/** Mounts a tmpfs of `size` at a new folder; null (with the reason) where mounting is not allowed. */
function tmpfs(size: string, extra = ''): { dir: string; umount(): void } | string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-tmpfs-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${extra}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return `cannot mount a tmpfs here (${(r.stderr || r.error?.message || `exit ${r.status}`).trim()}); run the tests as root on Linux to include them`;
  }
  return {
    dir,
    umount: () => {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const probe = tmpfs('64k');
const mountable = typeof probe !== 'string';
if (typeof probe === 'string') console.warn(`skipping the disk-full and read-only tests: ${probe}`);
else probe.umount();

describe.skipIf(!mountable)('a full disk and a read-only file system (tmpfs)', { timeout: 120_000 }, () => {
  /** The bundled sample's config and inputs in a project folder (its report is ~410 kB). */
  function sampleProject(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-sample-'));
    made.push(dir);
    cpSync(path.join(ROOT, 'entente.yaml'), path.join(dir, 'entente.yaml'));
    cpSync(path.join(ROOT, 'indicators/sample'), path.join(dir, 'indicators/sample'), { recursive: true });
    return dir;
  }

  it('disk full (ENOSPC): score and sensitivity exit 2 saying so, the previous report is byte-identical, no debris', () => {
    // one sample report (~1.6 MB with report.html) fits, a second one beside it does not
    const fs = tmpfs('2500k') as { dir: string; umount(): void };
    try {
      const dir = sampleProject();
      const out = path.join(fs.dir, 'sample');
      ok(runBin(['score', '--out', out], { cwd: dir }));
      const before = tree(fs.dir);
      const mine = tree(dir);
      // a second report does not fit beside the first one
      const again = runBin(['score', '--out', out], { cwd: dir });
      expect(again.status, again.stderr).toBe(2);
      expect(again.stderr).toMatch(/cannot write the report folder .*: no space left on the device \(ENOSPC/);
      expect(again.stderr).toMatch(/free some space, or write elsewhere with --out DIR\. The folder is as it was before this run/);
      expect(again.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
      expect(tree(fs.dir)).toEqual(before);
      // neither do its sensitivity files
      const sens = runBin(['sensitivity', '--out', out, '--draws', '300'], { cwd: dir });
      expect(sens.status, sens.stderr).toBe(2);
      expect(sens.stderr).toMatch(/no space left on the device \(ENOSPC/);
      expect(tree(fs.dir)).toEqual(before);
      expect(tree(dir)).toEqual(mine);
    } finally {
      fs.umount();
    }
  });

  it('disk full on a first report: exit 2 and nothing at all is left', () => {
    const fs = tmpfs('100k') as { dir: string; umount(): void };
    try {
      const dir = sampleProject();
      const r = runBin(['score', '--out', path.join(fs.dir, 'sample')], { cwd: dir });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/ENOSPC/);
      expect(readdirSync(fs.dir)).toEqual([]);
    } finally {
      fs.umount();
    }
  });

  it('read-only file system (EROFS): score, audit and plot exit 2 saying so, report unchanged', () => {
    const fs = tmpfs('2m') as { dir: string; umount(): void };
    try {
      const dir = sampleProject();
      const out = path.join(fs.dir, 'sample');
      ok(runBin(['score', '--out', out], { cwd: dir }));
      const before = tree(fs.dir);
      expect(spawnSync('mount', ['-o', 'remount,ro', fs.dir]).status).toBe(0);
      for (const args of [['score'], ['audit'], ['plot', 'RUS-IRN']]) {
        const r = runBin([...args, '--out', out], { cwd: dir });
        expect(r.status, r.stderr).toBe(2);
        expect(r.stderr).toMatch(/the file system is read-only \(EROFS/);
      }
      expect(tree(fs.dir)).toEqual(before);
    } finally {
      fs.umount();
    }
  });
});

describe('other file-system errors are messages with exit 2', { timeout: 120_000 }, () => {
  it('permission denied (EACCES): a folder the user may not write', () => {
    const dir = project();
    const locked = path.join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    // root may write anywhere: run as nobody then
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = runBin([...SCORE, '--out', path.join(locked, 'r')], { cwd: dir, ...asUser });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/permission denied \(EACCES/);
    expect(readdirSync(locked)).toEqual([]);
  });

  it('a name too long (ENAMETOOLONG), a symlink loop (ELOOP), a file in the path (ENOTDIR)', () => {
    const dir = project();
    symlinkSync('loop-b', path.join(dir, 'loop-a'));
    symlinkSync('loop-a', path.join(dir, 'loop-b'));
    for (const [out, code] of [
      [path.join(dir, 'x'.repeat(300)), 'ENAMETOOLONG'],
      [path.join(dir, 'loop-a', 'r'), 'ELOOP'],
      [path.join(dir, 'un.csv', 'r'), 'ENOTDIR'],
    ] as const) {
      const mine = userFiles(dir);
      const r = runBin([...SCORE, '--out', out], { cwd: dir });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(`(${code}`);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(userFiles(dir)).toEqual(mine);
    }
  });

  it('`--out /`, `--out ""`, a dangling symlink, the working folder: exit 2 with the reason, before any work', () => {
    const dir = project();
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
    for (const [out, why] of [
      ['/', /is the root of the file system/],
      ['', /--out is empty/],
      ['dangling', /is a symbolic link \(to .*nowhere, which does not exist\)/],
      ['.', /is the working folder/],
    ] as const) {
      const mine = tree(dir);
      const r = runBin([...SCORE, `--out=${out}`], { cwd: dir });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(why);
      expect(tree(dir)).toEqual(mine);
    }
  });

  it('a misspelt option is refused before the report is touched (`--form 2015`)', () => {
    const dir = project();
    ok(runBin(SCORE, { cwd: dir }));
    const before = tree(dir);
    const r = runBin([...SCORE, '--pairs', 'RUS-IRN', '--form', '2015'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown argument: form/);
    expect(tree(dir)).toEqual(before);
  });
});

describe('the rules of the report folder through the executable', { timeout: 120_000 }, () => {
  it('`name: ..` is refused with its line and column; a config named `...yaml` scores into reports/report/', () => {
    const dir = project();
    const config = path.join(dir, 'toolkit.yaml');
    const text = readFileSync(config, 'utf8');
    writeFileSync(config, text.replace('name: toolkit', 'name: ..'));
    const before = tree(dir);
    const r = runBin(SCORE, { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/toolkit\.yaml:2:7: name: a report name is one folder name/);
    expect(tree(dir)).toEqual(before);
    writeFileSync(path.join(dir, '...yaml'), text.replace('name: toolkit\n', ''));
    ok(runBin(['score', '--config', '...yaml'], { cwd: dir }));
    expect(readdirSync(path.join(dir, 'reports'))).toEqual(['report']);
  });

  it('impossible years are refused before the report is touched', () => {
    const dir = project();
    ok(runBin(SCORE, { cwd: dir }));
    const before = tree(dir);
    const r = runBin([...SCORE, '--from', '20', '--to', '201'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--from: need a year from 1800 to 2100/);
    expect(tree(dir)).toEqual(before);
  });

  it('a second config with the same name is refused, and replaces the report with --force; score says which derived files it dropped', () => {
    const dir = project();
    ok(runBin(SENSITIVITY, { cwd: dir }));
    writeFileSync(path.join(dir, 'colleague.yaml'), readFileSync(path.join(dir, 'toolkit.yaml'), 'utf8').replace('weight: 2', 'weight: 1'));
    const before = tree(dir);
    const r = runBin(['score', '--config', 'colleague.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/holds the report of another config .* pass --force to replace that report/);
    expect(tree(dir)).toEqual(before);
    const forced = runBin(['score', '--config', 'colleague.yaml', '--force'], { cwd: dir });
    ok(forced);
    expect(forced.stderr).toMatch(/note: replaced the report in reports\/toolkit; dropped sensitivity\.csv, sobol\.csv \(made from the previous report/);
  });

  it('plot draws 28 pairs into files with a short name', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-plot-'));
    made.push(dir);
    const states = ['RUS', 'IRN', 'CHN', 'USA', 'FRA', 'DEU', 'GBR', 'IND'];
    const pairs: string[] = [];
    for (let i = 0; i < states.length; i++) for (let j = i + 1; j < states.length; j++) pairs.push(`${states[i]}-${states[j]}`);
    const r = runBin(['plot', ...pairs, '--config', path.join(ROOT, 'entente.yaml'), '--out', path.join(dir, 'sample')]);
    ok(r);
    expect(r.stdout).toMatch(/wrote .*plot_RUS-IRN_.*_and_\d+_more_[0-9a-f]{10}\.svg and plot_.*\.png/);
    expect(validateDataPackage(path.join(dir, 'sample'))).toEqual([]);
  });
});
