/**
 * Hostile input through the command line: exit 2 with a located message, the existing report
 * untouched, input text escaped wherever it is shown. A few cases run the built binary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, runCli } from '../helpers/cli.js';
import { sameSnapshot, snapshotFolder } from '../helpers/folder-snapshot.js';
import { removeTempFiles, tempDir } from '../fuzz/hostile.js';
import { WarningCollector } from '../../src/core/warnings.js';
import { printWarnings, type Terminal } from '../../src/cli/terminal.js';

afterAll(removeTempFiles);

const BIN = path.join(ROOT, (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { entente: string } }).bin.entente);

function newestSource(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** A copy of the sample project in a fresh folder, scored once: [folder, config, report snapshot]. */
async function scoredSample(): Promise<{ dir: string; config: string; reports: string; before: Map<string, Buffer> }> {
  const dir = tempDir();
  cpSync(path.join(ROOT, 'entente.yaml'), path.join(dir, 'entente.yaml'));
  cpSync(path.join(ROOT, 'indicators/sample'), path.join(dir, 'indicators/sample'), { recursive: true });
  const config = path.join(dir, 'entente.yaml');
  const first = await runCli(['score', '--config', config]);
  expect(first.code, first.err).toBe(0);
  const reports = path.join(dir, 'reports');
  return { dir, config, reports, before: snapshotFolder(reports) };
}

const sample = (dir: string, f: string) => path.join(dir, 'indicators/sample', f);
const RAW_ESC = /\u001b/;

describe('input text is escaped wherever it is shown', () => {
  it('SIPRI party names cannot put a live image or a javascript: link into summary.md, nor escape sequences on the terminal', async () => {
    const dir = tempDir();
    cpSync(path.join(ROOT, 'entente.yaml'), path.join(dir, 'entente.yaml'));
    cpSync(path.join(ROOT, 'indicators/sample'), path.join(dir, 'indicators/sample'), { recursive: true });
    const reg = sample(dir, 'sipri_trade_register.csv');
    const text = readFileSync(reg, 'latin1')
      .replace('Hezbollah (Lebanon)*,Iran', '![x](https://evil.example/t.png)*,Iran')
      .replace(/\n$/, '\nBrazil,[click](javascript:alert(1)) \u001b[2J**,2005,,1,,X-1,tank,1,,2006,New,,1,1,1\n');
    writeFileSync(reg, text, 'latin1');
    const r = await runCli(['score', '--config', path.join(dir, 'entente.yaml')]);
    expect(r.code, r.err).toBe(0);
    const summary = readFileSync(path.join(dir, 'reports/sample/summary.md'), 'utf8');
    expect(summary).toContain('non-state armed groups (\\*): !\\[x\\](https\u200b://evil.example/t.png)\\* (1)');
    expect(summary).toContain('\\[click\\](javascript:alert(1)) \\\\x1b\\[2J\\*\\* (1)');
    expect(summary).not.toMatch(/!\[x\]\(|\[click\]\(|\u001b/);
    const v = await runCli(['validate', '--config', path.join(dir, 'entente.yaml')]);
    expect(v.code).toBe(0);
    expect(v.out).toContain('[click](javascript:alert(1)) \\x1b[2J**');
    expect(v.out).not.toMatch(RAW_ESC);
  });

  it('an error quoting a cell shows its escape sequences and line breaks as text: no forged line, no terminal command', async () => {
    const { dir, config, reports, before } = await scoredSample();
    const ties = sample(dir, 'atop_alliances.csv');
    writeFileSync(ties, readFileSync(ties, 'utf8').replace('\n2,140,2013,', '\n"2\nerror: all good, nothing was read\u001b[2J",140,2013,'));
    const r = await runCli(['score', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/atop_alliances\.csv:2: .*"2\\nerror: all good, nothing was read\\x1b\[2J"/);
    expect(r.err).not.toMatch(RAW_ESC);
    expect(r.err.split('\n').filter((l) => l.startsWith('error:'))).toHaveLength(1);
    expect(sameSnapshot(snapshotFolder(reports), before)).toBe(true);
  });

  it('warnings quoting input text are escaped too', () => {
    const w = new WarningCollector();
    w.add({ kind: 'duplicate-across-sources', message: 'deal X \u001b[31mRED\u001b[0m is also in an earlier register', file: 'reg\n.csv', line: 3 });
    const err: string[] = [];
    const term: Terminal = { out: () => {}, err: (l) => err.push(l), isTTY: false };
    printWarnings(term, w);
    expect(err.join('\n')).not.toMatch(RAW_ESC);
    expect(err.join('\n')).toContain('reg\\n.csv:3: deal X \\x1b[31mRED\\x1b[0m is also');
  });
});

describe('hostile input through the command line: exit 2, located, the report untouched', () => {
  it('config values that overflow: weights of 1e308, a scale of infinite width', async () => {
    const { config, reports, before } = await scoredSample();
    const good = readFileSync(config, 'utf8');
    writeFileSync(config, good.replace('weight: 0.4', 'weight: 1.0e308').replace('weight: 0.2\n    normalise: minmax\n  drills', 'weight: 1.0e308\n    normalise: minmax\n  drills'));
    let r = await runCli(['score', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/entente\.yaml:13:3: indicators: the weights add up to more than 1\.8e308/);
    writeFileSync(config, good.replace('scale: [0, 100]', 'scale: [-1e308, 1e308]'));
    r = await runCli(['score', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/entente\.yaml:8:8: scale: scale must have a finite width/);
    expect(sameSnapshot(snapshotFolder(reports), before)).toBe(true);
  });

  it('a formula of 100,000 terms', async () => {
    const { config, reports, before } = await scoredSample();
    const sum = Array.from({ length: 100_000 }, () => 'un').join(' + ');
    writeFileSync(config, readFileSync(config, 'utf8').replace('aggregation: arithmetic', `aggregation: formula\nformula: ${sum}`));
    const r = await runCli(['score', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/entente\.yaml:10:5010: formula: the formula has more than 1,000 terms/);
    expect(sameSnapshot(snapshotFolder(reports), before)).toBe(true);
  });

  it('100,000 misspelt config keys: 50 listed and the rest counted', async () => {
    const { config, reports, before } = await scoredSample();
    writeFileSync(config, readFileSync(config, 'utf8') + Array.from({ length: 100_000 }, (_, i) => `misspelt_${i}: 1`).join('\n') + '\n');
    const r = await runCli(['validate', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(51); // 50 problems and the count
    const first = readFileSync(config, 'utf8').split('\n').indexOf('misspelt_0: 1') + 1;
    expect(r.err).toContain(`entente.yaml:${first}:1: misspelt_0: unknown key "misspelt_0"`);
    expect(r.err).toMatch(/… and 99950 more problem\(s\) of the same kind$/);
    expect(sameSnapshot(snapshotFolder(reports), before)).toBe(true);
  });
});

describe('the entente binary on hostile input', () => {
  beforeAll(() => {
    if (!existsSync(BIN) || statSync(BIN).mtimeMs < newestSource(path.join(ROOT, 'src'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  });

  const run = (dir: string, args: string[], extra: { uid?: number; env?: NodeJS.ProcessEnv } = {}) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...extra.env }, ...(extra.uid !== undefined ? { uid: extra.uid } : {}) });

  it('a FIFO as a source is refused at once (it hung the run), the report untouched', async () => {
    const { dir, reports, before } = await scoredSample();
    rmSync(sample(dir, 'mme_exercises.csv'));
    if (spawnSync('mkfifo', [sample(dir, 'mme_exercises.csv')]).status !== 0) return; // no mkfifo here
    const r = run(dir, ['score']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/mme_exercises\.csv: indicators\.drills\.source\.path: this is a named pipe \(FIFO\), not a regular file/);
    expect(sameSnapshot(snapshotFolder(reports), before)).toBe(true);
  });

  it('a 20 MB cell is a located error with the message cut (exit 1 with a stack trace before)', async () => {
    const { dir, reports, before } = await scoredSample();
    const cow = sample(dir, 'cow_trade.csv');
    const lines = readFileSync(cow, 'utf8').split('\n');
    lines[1] = `${'9'.repeat(20 << 20)}${lines[1]}`;
    writeFileSync(cow, lines.join('\n'));
    const r = run(dir, ['score']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cow_trade\.csv:2: \[trade\] the record is longer than 8 MB/);
    expect(r.stderr.length).toBeLessThan(2000);
    expect(sameSnapshot(snapshotFolder(reports), before)).toBe(true);
  });

  it('a gzip bomb as the votes file stops at the limit, naming the override; the override lets a genuine file through', async () => {
    const { dir, config, reports, before } = await scoredSample();
    const bomb = sample(dir, 'un_votes.csv.gz');
    writeFileSync(bomb, gzipSync(Buffer.concat([readFileSync(sample(dir, 'un_votes.csv')), Buffer.from('\n'.repeat(80 << 20))])));
    writeFileSync(config, readFileSync(config, 'utf8').replace('votes: indicators/sample/un_votes.csv', 'votes: indicators/sample/un_votes.csv.gz'));
    const r = run(dir, ['score']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/un_votes\.csv\.gz: \[un\] the gzip file unpacks to more than 67,108,864 bytes .* raise the limit, e\.g\. ENTENTE_GUNZIP_MAX_RATIO=1000/);
    expect(sameSnapshot(snapshotFolder(reports), before)).toBe(true);
    const raised = run(dir, ['validate'], { env: { ENTENTE_GUNZIP_MAX_RATIO: '100000' } });
    expect(raised.status, raised.stderr).toBe(0);
  });

  it.runIf(process.getuid?.() === 0)('an input the user may not read (EACCES) is a message (run as the unprivileged user "nobody")', async () => {
    const { dir } = await scoredSample();
    rmSync(path.join(dir, 'reports'), { recursive: true });
    chmodSync(dir, 0o777);
    chmodSync(path.join(dir, 'indicators'), 0o755);
    chmodSync(path.join(dir, 'indicators/sample'), 0o755);
    for (const f of readdirSync(path.join(dir, 'indicators/sample'))) chmodSync(sample(dir, f), 0o644);
    chmodSync(path.dirname(dir), 0o755);
    chmodSync(sample(dir, 'cow_trade.csv'), 0o600);
    const r = run(dir, ['validate'], { uid: 65534 });
    expect(r.stderr).toMatch(/cow_trade\.csv: \[trade\] permission denied: Entente may not read it; check the permissions of the file and of its folders \(EACCES\)/);
    expect(r.status).toBe(2);
  });
});
