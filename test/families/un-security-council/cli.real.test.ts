import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { ROOT } from '../../helpers/cli.js';
import { describeShared } from '../../helpers/shared-data.js';
import { readRecords } from '../../cli/toolkit-helpers.js';

// the executable package.json publishes (the bundle made by `npm run build`)
const BIN = path.join(ROOT, (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { entente: string } }).bin.entente);

function newestSource(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return t;
}

// Both configs of the family on the real files, through the binary users run: the Council alone
// (examples/unsc.yaml) and all five families (examples/real-data-unsc.yaml).
describeShared('the Security Council configs through the entente binary', (dataDir) => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'entente-unsc-cli-'));
  const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ENTENTE_DATA_DIR: dataDir } });

  beforeAll(() => {
    if (!existsSync(BIN) || statSync(BIN).mtimeMs < newestSource(path.join(ROOT, 'src'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }, 300_000);

  it('validates the Council config and lists every correction, one a line', () => {
    const r = run(['validate', '--config', 'examples/unsc.yaml']);
    expect(r.status, r.stderr).toBe(0);
    const listed = r.stdout.split('\n').filter((l) => /indicators\/unsc\/corrections-1994-2025\.csv:\d+: ID \d+/.test(l));
    expect(listed.length).toBe(3 * 496); // three indicators on the same sources
    expect(r.stdout).toMatch(/ID 1069 \(S\/2010\/283, 1929 \(2010\)\): set the date from "2010-09-06" to "2010-06-09" \[date_day_month_swapped\]/);
  }, 300_000);

  it('scores, explains, plots and measures the Council alone', () => {
    const dir = path.join(out, 'unsc');
    const score = run(['score', '--config', 'examples/unsc.yaml', '--out', dir]);
    expect(score.status, score.stderr).toBe(0);
    const rows = readRecords(path.join(dir, 'alignment.csv'));
    const chnRus = rows.find((x) => x['state_a'] === 'CHN' && x['state_b'] === 'RUS' && x['year'] === '2012')!;
    expect(Number(chnRus['coveto_raw'])).toBe(2); // S/2012/77, S/2012/538
    expect(Number(chnRus['agree_joint_votes'])).toBeGreaterThan(0);
    const explain = run(['explain', 'RUS', 'SYR', '--year', '2012', '--config', 'examples/unsc.yaml', '--out', dir]);
    expect(explain.status, explain.stderr).toBe(0);
    expect(explain.stdout).toMatch(/^shield\s+0\.2857/m); // 2 vetoes of 7 drafts on Syria
    const plot = run(['plot', 'RUS-SYR', 'CHN-RUS', '--indicator', 'shield', '--config', 'examples/unsc.yaml', '--out', dir, '--name', 'shield']);
    expect(plot.status, plot.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'shield.svg'), 'utf8')).toMatch(/^<svg/);
    expect(existsSync(path.join(dir, 'shield.png'))).toBe(true);
    const measures = run(['measures', '--config', 'examples/unsc.yaml', '--out', path.join(out, 'unsc-measures')]);
    expect(measures.status, measures.stderr).toBe(0);
    const m = readRecords(path.join(out, 'unsc-measures', 'measures.csv'));
    const irn = m.find((x) => x['state_a'] === 'IRN' && x['state_b'] === 'RUS' && x['year'] === '2020')!;
    expect(irn['shield_raw']).toBe('1.000000');
    expect(irn['shield_drafts_on_a']).toBe('1');
    expect(m.find((x) => x['state_a'] === 'IRN' && x['state_b'] === 'RUS' && x['year'] === '2008')!['shield_raw']).toBe('0.000000');
  }, 300_000);

  it('scores, explains, plots and measures all five families', () => {
    const dir = path.join(out, 'all');
    const pairs = ['--pairs', 'RUS-IRN,RUS-SYR,RUS-CHN,RUS-USA'];
    const score = run(['score', '--config', 'examples/real-data-unsc.yaml', '--out', dir, ...pairs]);
    expect(score.status, score.stderr).toBe(0);
    const rows = readRecords(path.join(dir, 'alignment.csv'));
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['un_raw', 'arms_raw', 'drills_raw', 'trade_raw', 'unsc_raw', 'unsc_drafts_on_a', 'unsc_drafts_on_b']));
    const irn2006 = rows.find((x) => x['state_a'] === 'IRN' && x['state_b'] === 'RUS' && x['year'] === '2006')!;
    expect(irn2006['unsc_raw']).toBe('0.000000'); // Russia voted for 1696 and 1737
    expect(Number(irn2006['coverage'])).toBe(1);
    const explain = run(['explain', 'RUS', 'IRN', '--year', '2006', '--config', 'examples/real-data-unsc.yaml', '--out', dir]);
    expect(explain.status, explain.stderr).toBe(0);
    expect(explain.stdout).toMatch(/^unsc\s+0\.0000\s+0\.000\s+0\.130/m);
    const plot = run(['plot', 'RUS-IRN', 'RUS-SYR', '--from', '1994', '--to', '2019', '--contributions', '--config', 'examples/real-data-unsc.yaml', '--out', dir, '--name', 'contrib']);
    expect(plot.status, plot.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'contrib.svg'), 'utf8')).toMatch(/unsc/);
    const measures = run(['measures', '--config', 'examples/real-data-unsc.yaml', '--out', path.join(out, 'all-measures'), ...pairs, '--from', '2000']);
    expect(measures.status, measures.stderr).toBe(0);
    const m = readRecords(path.join(out, 'all-measures', 'measures.csv'));
    expect(m.find((x) => x['state_a'] === 'RUS' && x['state_b'] === 'SYR' && x['year'] === '2012')!['unsc_raw']).toBe('0.285714');
  }, 300_000);
});
