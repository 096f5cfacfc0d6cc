import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempCopy } from '../helpers/cli.js';

/** Every file under a folder with its bytes, to prove a failed run changed nothing. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      const p = path.join(e.parentPath, e.name);
      out.set(path.relative(dir, p), readFileSync(p).toString('base64'));
    }
  }
  return out;
}

/** The fixture copied, with a report already scored in `report/`. */
async function withReport() {
  const dir = tempCopy('membership');
  const config = path.join(dir, 'membership.yaml');
  const out = path.join(dir, 'report');
  expect((await runCli(['score', '--config', config, '--out', out])).code).toBe(0);
  return { dir, config, out, before: snapshot(dir) };
}

const rows = (out: string) => readFileSync(path.join(out, 'alignment.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 3).join(','));

describe('state-system membership through the CLI', () => {
  it('lists a source value of a state that did not exist in `entente validate`', async () => {
    const dir = tempCopy('membership');
    const r = await runCli(['validate', '--config', path.join(dir, 'membership.yaml')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 value(s) for pair-years in which a state did not exist');
    expect(r.out).toContain('DDR ×1 in 1995 (exists 1949–1990)');
  });

  it('never scores East Germany after 1990: --states RUS,DDR has rows for 1989 and 1990 only', async () => {
    const { out, config } = await withReport();
    expect(rows(out)).not.toContain('DDR,RUS,1995');
    const r = await runCli(['score', '--config', config, '--out', out, '--states', 'RUS,DDR']);
    expect(r.code).toBe(0);
    expect(rows(out)).toEqual(['DDR,RUS,1989', 'DDR,RUS,1990']);
  });

  it('accepts a state by its English name', async () => {
    const { out, config } = await withReport();
    expect((await runCli(['score', '--config', config, '--out', out, '--pairs', 'Russia-United States', '--from', '1994'])).code).toBe(0);
    expect(rows(out)).toEqual(['RUS,USA,1994', 'RUS,USA,1995']);
  });

  it('merges a historical code as the succession rules say, and refuses a pair that becomes one state', async () => {
    const { dir, out, config, before } = await withReport();
    const r = await runCli(['score', '--config', config, '--out', out, '--pairs', 'SUN-RUS']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('"SUN-RUS" names RUS twice (after the succession rules)');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('unknown states are exit 2 with the closest spellings, and nothing is written', () => {
  it('--pairs RUS-XYZ says XYZ is unknown', async () => {
    const { dir, out, config, before } = await withReport();
    const r = await runCli(['score', '--config', config, '--out', out, '--pairs', 'RUS-XYZ']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--pairs: "XYZ" is not a known state code or name; closest: /);
    expect(snapshot(dir)).toEqual(before);
  });

  it('--states Irna suggests IRN (Iran); every bad entry is listed at once', async () => {
    const { dir, out, config, before } = await withReport();
    const r = await runCli(['score', '--config', config, '--out', out, '--states', 'Irna,RUS,GMY,HKG']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--states: "Irna" is not a known state code or name; closest: IRN (Iran)');
    expect(r.err).toContain('--states: "GMY" is not a known state code or name; it is a COW abbreviation of Germany: write DEU');
    expect(r.err).toContain('--states: HKG (Hong Kong) is never a state of the state system');
    expect(snapshot(dir)).toEqual(before);
  });

  it('`measures` refuses unknown states too', async () => {
    const { dir, config, before } = await withReport();
    const r = await runCli(['measures', '--config', config, '--out', path.join(dir, 'm'), '--states', 'RUS,XXX']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('"XXX" is not a known state code or name');
    expect(snapshot(dir)).toEqual(before);
  });

  it('the config\'s states: and pairs: name the file, line and column of each unknown entry', async () => {
    const { dir, out, config, before } = await withReport();
    const text = readFileSync(config, 'utf8').replace('scale: [0, 100]', 'scale: [0, 100]\nstates: [RUS, XXX, Iran]\npairs: [RUS-XYZ]');
    writeFileSync(config, text);
    const r = await runCli(['score', '--config', config, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/membership\.yaml:5:15: states\.1: "XXX" is not a known state code or name/);
    expect(r.err).toMatch(/membership\.yaml:6:9: pairs\.0: "XYZ" is not a known state code or name/);
    expect(r.err).not.toContain('Iran'); // a name is accepted
    const after = snapshot(dir);
    after.delete('membership.yaml');
    before.delete('membership.yaml');
    expect(after).toEqual(before);
  });
});

describe('years outside every source are exit 2 before anything is written', () => {
  it('--from 1850 --to 1860 says which years the sources cover', async () => {
    const { dir, out, config, before } = await withReport();
    const r = await runCli(['score', '--config', config, '--out', out, '--from', '1850', '--to', '1860']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--from/--to: the years 1850–1860 lie outside every source: the sources cover 1989–1995 (ties 1989–1995)');
    expect(snapshot(dir)).toEqual(before); // no report rewritten, no temporary folder left
  });

  it('--from 2030 (to the open end) and `measures` are refused the same way', async () => {
    const { dir, out, config, before } = await withReport();
    expect((await runCli(['score', '--config', config, '--out', out, '--from', '2030'])).code).toBe(2);
    const m = await runCli(['measures', '--config', config, '--out', path.join(dir, 'm'), '--from', '1900', '--to', '1950']);
    expect(m.code).toBe(2);
    expect(m.err).toContain('the sources cover 1989–1995');
    expect(snapshot(dir)).toEqual(before);
  });

  it('a config\'s years: outside the sources is an error at its line', async () => {
    const { dir, out, config } = await withReport();
    writeFileSync(config, readFileSync(config, 'utf8').replace('scale: [0, 100]', 'scale: [0, 100]\nyears: { from: 2030, to: 2040 }'));
    const before = snapshot(dir);
    const r = await runCli(['score', '--config', config, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/membership\.yaml:5: years: the years 2030–2040 lie outside every source: the sources cover 1989–1995/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a range that overlaps the sources is scored, clipped to them', async () => {
    const { out, config } = await withReport();
    expect((await runCli(['score', '--config', config, '--out', out, '--from', '1995', '--to', '2030'])).code).toBe(0);
    expect(rows(out)).toEqual(['DEU,RUS,1995', 'RUS,USA,1995']);
  });
});
