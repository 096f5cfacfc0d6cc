/**
 * What every command that writes does with the report folder (in-process): it replaces or
 * adds to its own report folders only, validates its command line before any work, says
 * which derived files a new score dropped, never removes a file when adding, and keeps two
 * configs of the same name apart.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runCli, tempCopy } from '../helpers/cli.js';
import { tree } from '../helpers/bin.js';
import { validateDataPackage } from '../helpers/validate-datapackage.js';

/** The toolkit fixture in a temporary project folder (config `toolkit.yaml`, report name `toolkit`). */
function project(): { dir: string; config: string; report: string } {
  const dir = tempCopy('toolkit');
  return { dir, config: path.join(dir, 'toolkit.yaml'), report: path.join(dir, 'reports', 'toolkit') };
}

/** Every command that writes into a report folder, as a command line (without --config/--out). */
const WRITERS: readonly (readonly string[])[] = [
  ['score'],
  ['measures'],
  ['audit'],
  ['trends'],
  ['explain', 'RUS', 'IRN'],
  ['sensitivity', '--draws', '8'],
  ['plot', 'RUS-IRN'],
];

describe('every command that writes refuses a folder that is not its own (exit 2, nothing changed)', () => {
  for (const cmd of WRITERS) {
    it(`entente ${cmd.join(' ')}`, async () => {
      const { dir, config } = project();
      const someone = path.join(dir, 'someone');
      mkdirSync(someone);
      writeFileSync(path.join(someone, 'thesis.tex'), 'years of work');
      const before = tree(dir);
      for (const [out, why] of [
        [someone, /is not an Entente report folder .* not empty \(1 entry: thesis\.tex\); Entente replaces only its own report folders; give a new folder, or a report folder Entente made, with --out DIR/],
        [config, /is the config file itself/],
        [path.join(dir, 'un.csv'), /is the input file itself|holds the input file|is a file, not a report folder/],
        [dir, /holds the config file/],
        ['/', /is the root of the file system/],
      ] as const) {
        const r = await runCli([...cmd, '--config', config, '--out', out]);
        expect(r.code, `${out}: ${r.err}`).toBe(2);
        expect(r.err).toMatch(why);
        expect(tree(dir)).toEqual(before);
      }
      const empty = await runCli([...cmd, '--config', config, '--out=']);
      expect(empty.code).toBe(2);
      expect(empty.err).toMatch(/--out is empty/);
    });
  }
});

describe('the command line is checked before any work', () => {
  it('a misspelt option, a year like 20 or 201, from after to, a repeated --out: exit 2, the report not touched', async () => {
    const { dir, config, report } = project();
    expect((await runCli(['score', '--config', config])).code).toBe(0);
    const before = tree(dir);
    for (const [args, why] of [
      [['score', '--pairs', 'RUS-IRN', '--form', '2015'], /Unknown argument: form/],
      [['score', '--from', '20', '--to', '201'], /--from: need a year from 1800 to 2100 like 2016, got 20/],
      [['score', '--from', '2015', '--to', '2010'], /--from 2015 is after --to 2010/],
      [['score', '--from', '2015.5'], /--from: need a year like 2016, got "2015.5"/],
      [['score', '--from', 'soon'], /--from: need a year like 2016, got "soon"/],
      [['score', '--out', report, '--out', path.join(dir, 'x')], /--out is given 2 times; give it once/],
      [['score', '--pairs', 'RUS-IRN', '--pairs', 'RUS-CHN'], /--pairs is given 2 times/],
      [['measures', '--states', 'R1S'], /--states: .*"R1S"/],
      [['measures', '--states', ''], /--states is empty/],
      [['trends', '--penalty', '0'], /--penalty: need a number > 0/],
      [['trends', '--min-segment', '0'], /--min-segment: need a whole number ≥ 1/],
      [['rank', '--since', '3000'], /--since: need a year from 1800 to 2100/],
      [['explain', 'RUS', 'IRAN'], /B: "IRAN" is not an ISO3 code/],
      [['sensitivity', '--draws', '1e3'], /--draws: need a whole number ≥ 2, got "1e3"/],
      [['sensitivity', '--threads', '0'], /--threads: need a whole number ≥ 1/],
      [['plot', 'RUS-IRN', '--name', '../escape'], /--name "..\/escape": use letters, digits/],
      [['plot', 'RUSSIA'], /"RUSSIA" is not a pair like RUS-IRN/],
      [['score', 'extra'], /Unknown argument: extra/],
    ] as const) {
      const r = await runCli([...args, '--config', config]);
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(2);
      expect(r.err).toMatch(why);
      expect(r.err).not.toMatch(/internal error/);
    }
    expect(tree(dir)).toEqual(before);
  });
});

describe('report names', () => {
  it('`name: ..` is a config error with its line and column, and nothing is written', async () => {
    const { dir, config } = project();
    writeFileSync(config, readFileSync(config, 'utf8').replace('name: toolkit', 'name: ..'));
    const before = tree(dir);
    const r = await runCli(['score', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/toolkit\.yaml:2:7: name: a report name is one folder name/);
    expect(tree(dir)).toEqual(before);
  });

  it('a config named `...yaml` without `name:` writes reports/report/, not the parent', async () => {
    const { dir, config } = project();
    const odd = path.join(dir, '...yaml');
    writeFileSync(odd, readFileSync(config, 'utf8').replace('name: toolkit\n', ''));
    const r = await runCli(['score', '--config', odd]);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(path.join(dir, 'reports'))).toEqual(['report']);
    expect(existsSync(config)).toBe(true);
  });
});

describe('two configs with the same name', () => {
  it('do not overwrite each other\'s report: exit 2 saying so; --out gives the second its own folder; --force replaces', async () => {
    const { dir, config, report } = project();
    expect((await runCli(['score', '--config', config])).code).toBe(0);
    const mine = tree(report);
    const colleague = path.join(dir, 'colleague.yaml');
    writeFileSync(colleague, readFileSync(config, 'utf8').replace('weight: 2', 'weight: 1'));
    const r = await runCli(['score', '--config', colleague]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/holds the report of another config \(.*toolkit\.yaml\), not of .*colleague\.yaml — two configs with the same `name:`\?/);
    expect(tree(report)).toEqual(mine);
    for (const cmd of [['audit'], ['plot', 'RUS-IRN'], ['measures', '--out', report]]) {
      const t = await runCli([...cmd, '--config', colleague]);
      expect(t.code, cmd.join(' ')).toBe(2);
      expect(tree(report)).toEqual(mine);
    }
    expect((await runCli(['score', '--config', colleague, '--out', path.join(dir, 'reports', 'colleague')])).code).toBe(0);
    expect(tree(report)).toEqual(mine);
    const forced = await runCli(['score', '--config', colleague, '--force']);
    expect(forced.code, forced.err).toBe(0);
    expect(JSON.parse(readFileSync(path.join(report, '.entente-report'), 'utf8')).config).toBe('../../colleague.yaml');
  });
});

describe('derived files', () => {
  it('a new score says which derived files it dropped (they describe the old scoring)', async () => {
    const { config, report } = project();
    expect((await runCli(['sensitivity', '--config', config])).code).toBe(0);
    expect((await runCli(['plot', 'RUS-IRN', '--config', config])).code).toBe(0);
    const r = await runCli(['score', '--config', config]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/note: replaced the report in .*toolkit; dropped plot_RUS-IRN\.png, plot_RUS-IRN\.svg, sensitivity\.csv, sobol\.csv \(made from the previous report: run the commands that made them again\)/);
    expect(readdirSync(report).sort()).toEqual(['.entente-report', 'alignment.csv', 'datapackage.json', 'references.bib', 'report.html', 'score-cache.bin', 'states.csv', 'summary.md']);
  });

  it('a score that drops nothing says nothing about it', async () => {
    const { config } = project();
    expect((await runCli(['score', '--config', config])).code).toBe(0);
    expect((await runCli(['score', '--config', config])).err).not.toMatch(/dropped/);
  });

  it('toolkit commands never remove a file: the user\'s notes and every derived file stay, and the package lists them all with true hashes', async () => {
    const { config, report } = project();
    expect((await runCli(['score', '--config', config])).code).toBe(0);
    writeFileSync(path.join(report, 'notes.txt'), 'my notes');
    for (const cmd of [['sensitivity'], ['audit'], ['trends'], ['explain', 'RUS', 'IRN'], ['plot', 'RUS-IRN', 'RUS-CHN']]) {
      const before = tree(report);
      const r = await runCli([...cmd, '--config', config]);
      expect(r.code, `${cmd.join(' ')}: ${r.err}`).toBe(0);
      const after = tree(report);
      // datapackage.json lists the new files and report.html shows them: every other file stays byte for byte
      for (const [f, sha] of before) if (f !== 'datapackage.json' && f !== '.entente-report' && f !== 'report.html') expect(after.get(f), `${cmd[0]} changed ${f}`).toBe(sha);
      expect(validateDataPackage(report)).toEqual([]);
    }
    expect(readFileSync(path.join(report, 'notes.txt'), 'utf8')).toBe('my notes');
    const pkg = JSON.parse(readFileSync(path.join(report, 'datapackage.json'), 'utf8')) as { resources: { path: string; mediatype: string }[] };
    expect(pkg.resources.map((r) => r.path)).toEqual(
      expect.arrayContaining(['sensitivity.csv', 'sobol.csv', 'audit.csv', 'trends.csv', 'breaks.csv', 'explain_IRN_RUS.csv', 'plot_RUS-IRN_RUS-CHN.svg', 'plot_RUS-IRN_RUS-CHN.png']),
    );
    // score would drop notes.txt: it refuses instead
    const s = await runCli(['score', '--config', config]);
    expect(s.code).toBe(2);
    expect(s.err).toMatch(/Entente did not write \(notes\.txt\)/);
  });

  it('toolkit commands refuse a report of an earlier version of the config, or of changed inputs, and a measures folder', async () => {
    const { dir, config, report } = project();
    expect((await runCli(['score', '--config', config])).code).toBe(0);
    const before = tree(report);
    writeFileSync(config, readFileSync(config, 'utf8').replace('weight: 2', 'weight: 3'));
    const r = await runCli(['audit', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/holds a report made from another version of .*toolkit\.yaml .*; run `entente score` first \(it replaces the report and says which files it drops\), or write elsewhere with --out DIR/);
    writeFileSync(config, readFileSync(config, 'utf8').replace('weight: 3', 'weight: 2'));
    writeFileSync(path.join(dir, 'un.csv'), readFileSync(path.join(dir, 'un.csv'), 'utf8').replace(/\n$/, '\n\n'));
    const c = await runCli(['trends', '--config', config]);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/holds a report made from input files that have changed since \(un\.csv\)/);
    expect(tree(report)).toEqual(before);
    expect((await runCli(['measures', '--config', config, '--out', path.join(dir, 'm')])).code).toBe(0);
    const m = await runCli(['sensitivity', '--config', config, '--out', path.join(dir, 'm')]);
    expect(m.code).toBe(2);
    expect(m.err).toMatch(/holds an `entente measures` report, not a score report/);
  });

  it('a toolkit command into a folder without a report writes the score report with its files, in one step', async () => {
    const { config, report } = project();
    const r = await runCli(['audit', '--config', config]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/had no report; wrote the score report of this config there too/);
    expect(readdirSync(report).sort()).toEqual(['.entente-report', 'alignment.csv', 'audit.csv', 'datapackage.json', 'references.bib', 'report.html', 'score-cache.bin', 'states.csv', 'summary.md']);
    expect(validateDataPackage(report)).toEqual([]);
  });
});

describe('reports of the previous version (no marker)', () => {
  it('are recognised by their datapackage.json: score replaces them (adding the marker) and toolkit commands add to them', async () => {
    const { config, report } = project();
    expect((await runCli(['score', '--config', config])).code).toBe(0);
    rmSync(path.join(report, '.entente-report'));
    writeFileSync(path.join(report, 'plot_RUS-IRN.svg'), '<svg/>'); // old plots were not listed
    const a = await runCli(['audit', '--config', config]);
    expect(a.code, a.err).toBe(0);
    expect(existsSync(path.join(report, '.entente-report'))).toBe(true);
    rmSync(path.join(report, '.entente-report'));
    const s = await runCli(['score', '--config', config]);
    expect(s.code, s.err).toBe(0);
    expect(s.err).toMatch(/dropped audit\.csv, plot_RUS-IRN\.svg/);
    expect(JSON.parse(readFileSync(path.join(report, '.entente-report'), 'utf8'))).toMatchObject({ kind: 'score', config: '../../toolkit.yaml' });
  });
});

describe('entente plot', () => {
  it('gives the files of 28 pairs a short name with a hash (never "file name too long"), listed in datapackage.json', async () => {
    const report = path.join(tempCopy('reports'), 'sample');
    const config = path.join(ROOT, 'entente.yaml');
    const states = ['RUS', 'IRN', 'CHN', 'USA', 'FRA', 'DEU', 'GBR', 'IND'];
    const pairs: string[] = [];
    for (let i = 0; i < states.length; i++) for (let j = i + 1; j < states.length; j++) pairs.push(`${states[i]}-${states[j]}`);
    expect(pairs).toHaveLength(28);
    const many = await runCli(['plot', ...pairs, '--config', config, '--out', report]);
    expect(many.code, many.err).toBe(0);
    const svg = readdirSync(report).find((f) => /_and_\d+_more_[0-9a-f]{10}\.svg$/.test(f))!;
    expect(svg).toMatch(/^plot_RUS-IRN_RUS-CHN_RUS-USA_.*_and_\d+_more_[0-9a-f]{10}\.svg$/);
    expect(readdirSync(report)).toContain(svg.replace(/svg$/, 'png'));
    expect(svg.length).toBeLessThanOrEqual(124);
    expect(many.out).toContain(svg);
    expect(validateDataPackage(report)).toEqual([]);
  });
});
