import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  REPORT_MARKER,
  addToReport,
  checkAdd,
  checkReplace,
  checkReportPath,
  inspectFolder,
  markerText,
  parseMarker,
  replaceReport,
  type ReportTarget,
} from '../../src/report/report-folder.js';
import { MAX_REPORT_NAME, reportNameFromFile, reportNameSchema } from '../../src/config/schema.js';
import { parseConfigText } from '../../src/config/read-config.js';
import { ConfigError } from '../../src/domain/errors.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A project: `p/entente.yaml`, `p/data/in.csv`, and the reports folder `p/reports`. */
function project(): { root: string; config: string; input: string; at(name: string): ReportTarget } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'entente-rf-'));
  dirs.push(root);
  mkdirSync(path.join(root, 'data'));
  writeFileSync(path.join(root, 'entente.yaml'), 'name: x\n');
  writeFileSync(path.join(root, 'data', 'in.csv'), 'a\n');
  const config = path.join(root, 'entente.yaml');
  return { root, config, input: path.join(root, 'data', 'in.csv'), at: (name) => ({ dir: path.join(root, 'reports', name), configFile: config, cwd: root, home: '/nonexistent-home' }) };
}

const files = (m: Record<string, string>) => new Map(Object.entries(m));
const pkg = (sha: string) => JSON.stringify({ profile: 'tabular-data-package', resources: [{ name: 'alignment', path: 'alignment.csv' }], entente: { version: '0.1.0', config: { path: 'entente.yaml', sha256: sha } } });

describe('the marker', () => {
  it('is deterministic JSON naming the kind, the config relative to the folder and the files, and parses back', () => {
    const m = { kind: 'score' as const, config: '../../entente.yaml', files: ['summary.md', 'alignment.csv'] };
    expect(markerText(m)).toBe(markerText({ ...m, files: ['alignment.csv', 'summary.md'] }));
    expect(parseMarker(markerText(m))).toEqual({ ...m, files: ['alignment.csv', 'summary.md'] });
    for (const bad of ['', '{}', '{"entente_report": 2, "kind": "score", "config": null, "files": []}', '{"entente_report": 1, "kind": "x", "config": null, "files": []}', '{"entente_report": 1, "kind": "score", "config": null, "files": [1]}']) {
      expect(parseMarker(bad), bad).toBeNull();
    }
  });
});

describe('inspectFolder', () => {
  it('tells absent, empty, a report (marked or of the previous version), someone else\'s folder, a file, a link and a FIFO apart', async () => {
    const p = project();
    const at = (n: string) => path.join(p.root, n);
    expect(inspectFolder(at('none')).state).toBe('absent');
    mkdirSync(at('empty'));
    expect(inspectFolder(at('empty')).state).toBe('empty');
    await replaceReport(p.at('r'), 'score', files({ 'alignment.csv': 'x\n', 'datapackage.json': pkg('a') }), []);
    const marked = inspectFolder(path.join(p.root, 'reports', 'r'));
    expect(marked).toMatchObject({ state: 'report', kind: 'score', marker: { config: '../../entente.yaml' } });
    mkdirSync(at('legacy'));
    writeFileSync(path.join(at('legacy'), 'datapackage.json'), pkg('a'));
    writeFileSync(path.join(at('legacy'), 'alignment.csv'), 'x\n');
    writeFileSync(path.join(at('legacy'), 'plot_RUS-IRN.svg'), '<svg/>');
    const legacy = inspectFolder(at('legacy'));
    expect(legacy).toMatchObject({ state: 'report', kind: 'score', marker: null });
    expect(legacy.state === 'report' && [...legacy.owned].sort()).toEqual(['alignment.csv', 'datapackage.json', 'plot_RUS-IRN.svg']);
    expect(inspectFolder(path.join(p.root, 'data'))).toMatchObject({ state: 'foreign', why: expect.stringMatching(/not an Entente report folder .* not empty \(1 entry: in\.csv\)/) });
    writeFileSync(path.join(at('legacy'), REPORT_MARKER), 'garbage');
    expect(inspectFolder(at('legacy'))).toMatchObject({ state: 'foreign', why: expect.stringMatching(/not Entente's marker \(damaged\?\)/) });
    expect(inspectFolder(p.config)).toMatchObject({ state: 'not-a-folder', why: 'is a file, not a report folder' });
    symlinkSync(at('gone'), at('dangling'));
    expect(inspectFolder(at('dangling'))).toMatchObject({ state: 'not-a-folder', why: expect.stringMatching(/symbolic link \(to .*gone, which does not exist\)/) });
    symlinkSync(at('empty'), at('link'));
    expect(inspectFolder(at('link'))).toMatchObject({ state: 'not-a-folder', why: expect.stringMatching(/^is a symbolic link \(to .*empty\); Entente does not replace links/) });
    if (spawnSync('mkfifo', [at('fifo')]).status === 0) expect(inspectFolder(at('fifo'))).toMatchObject({ state: 'not-a-folder', why: 'is a FIFO, not a report folder' });
  });
});

describe('checkReportPath', () => {
  it('refuses the root, the home folder, the working folder, the config, folders holding them or an input — saying why and how', () => {
    const p = project();
    const t = (dir: string, extra: Partial<ReportTarget> = {}) => () => checkReportPath({ ...p.at('x'), dir, ...extra }, [p.input]);
    expect(t('/')).toThrow(/the report folder \/ is the root of the file system; give a new folder, or a report folder Entente made, with --out DIR/);
    expect(t(path.join(p.root, 'home'), { home: path.join(p.root, 'home') })).toThrow(/is your home folder/);
    expect(t(p.root, { home: path.join(p.root, 'home', 'me'), cwd: '/' })).toThrow(/holds your home folder/);
    expect(t(p.root)).toThrow(/is the working folder/);
    expect(t(path.dirname(p.root))).toThrow(/holds the working folder/);
    expect(t(p.config, { cwd: '/' })).toThrow(/is the config file itself/);
    expect(t(p.root, { cwd: '/' })).toThrow(/holds the config file/);
    expect(t(path.join(p.root, 'data'))).toThrow(/holds the input file .*in\.csv/);
    expect(t(path.join(p.root, 'reports', 'x'))).not.toThrow();
  });

  it('resolves links above the folder: a path through a link to the project is still the project', () => {
    const p = project();
    const link = path.join(os.tmpdir(), `entente-link-${process.pid}-${Date.now()}`);
    symlinkSync(p.root, link);
    dirs.push(link);
    expect(() => checkReportPath({ ...p.at('x'), dir: path.join(link, 'data') }, [p.input])).toThrow(/holds the input file/);
  });

  it('law: a folder it accepts never holds the working folder, the home folder, the config or an input', () => {
    const p = project();
    const protectedPaths = [p.root, p.config, p.input, path.join(p.root, 'home')];
    const segment = fc.constantFrom('.', '..', 'data', 'reports', 'x', 'home', 'entente.yaml', 'in.csv');
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), (segs) => {
        const dir = path.resolve(p.root, ...segs);
        let accepted = true;
        try {
          checkReportPath({ ...p.at('x'), dir, home: path.join(p.root, 'home') }, [p.input]);
        } catch {
          accepted = false;
        }
        if (accepted) for (const q of protectedPaths) expect(q === dir || q.startsWith(dir + path.sep), `${dir} holds ${q}`).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkReplace and replaceReport', () => {
  it('replace a report of the same config and list the files dropped; the marker lists the new files', async () => {
    const p = project();
    const t = p.at('r');
    await replaceReport(t, 'score', files({ 'alignment.csv': 'v1\n', 'datapackage.json': pkg('a') }), [p.input]);
    await addToReport(t, [], { make: () => files({ 'sensitivity.csv': 's\n', 'datapackage.json': pkg('a') }) });
    writeFileSync(path.join(t.dir, '.DS_Store'), '');
    chmodSync(t.dir, 0o750);
    const { dropped } = await replaceReport(t, 'score', files({ 'alignment.csv': 'v2\n', 'datapackage.json': pkg('b') }), [p.input]);
    expect(dropped).toEqual(['sensitivity.csv']);
    expect(statSync(t.dir).mode & 0o777).toBe(0o750); // the folder keeps its permissions
    expect(readdirSync(t.dir).sort()).toEqual([REPORT_MARKER, 'alignment.csv', 'datapackage.json']);
    expect(parseMarker(readFileSync(path.join(t.dir, REPORT_MARKER), 'utf8'))!.files).toEqual(['alignment.csv', 'datapackage.json']);
  });

  it('refuse a report made by another config, or holding files Entente did not write, unless forced', async () => {
    const p = project();
    const t = p.at('r');
    await replaceReport(t, 'score', files({ 'alignment.csv': 'v1\n', 'datapackage.json': pkg('a') }), []);
    writeFileSync(path.join(p.root, 'other.yaml'), 'name: x\n');
    const other = { ...t, configFile: path.join(p.root, 'other.yaml') };
    expect(() => checkReplace(other)).toThrow(/holds the report of another config \(.*entente\.yaml\), not of .*other\.yaml — two configs with the same `name:`\? .*--out DIR .* --force/);
    expect(() => checkReplace({ ...other, force: true })).not.toThrow();
    writeFileSync(path.join(t.dir, 'notes.txt'), 'mine');
    expect(() => checkReplace(t)).toThrow(/holds a file Entente did not write \(notes\.txt\); move it out of the report folder, or pass --force/);
    await expect(replaceReport(t, 'score', files({ 'alignment.csv': 'v2\n' }), [])).rejects.toThrow(/notes\.txt/);
    expect(readFileSync(path.join(t.dir, 'notes.txt'), 'utf8')).toBe('mine');
    const { dropped } = await replaceReport({ ...t, force: true }, 'score', files({ 'alignment.csv': 'v2\n' }), []);
    expect(dropped).toEqual(['datapackage.json', 'notes.txt']);
  });

  it('refuse someone else\'s folder even when forced, and accept an empty one', async () => {
    const p = project();
    expect(() => checkReplace({ ...p.at('x'), dir: path.join(p.root, 'data'), force: true })).toThrow(/is not an Entente report folder/);
    mkdirSync(path.join(p.root, 'reports', 'empty'), { recursive: true });
    await replaceReport(p.at('empty'), 'measures', files({ 'measures.csv': 'm\n' }), []);
    expect(inspectFolder(p.at('empty').dir)).toMatchObject({ state: 'report', kind: 'measures' });
  });

  it('accept a report of the previous version (no marker, Entente\'s datapackage.json) made from a config of the same name, and mark it', async () => {
    const p = project();
    const t = p.at('legacy');
    mkdirSync(t.dir, { recursive: true });
    writeFileSync(path.join(t.dir, 'datapackage.json'), pkg('a'));
    writeFileSync(path.join(t.dir, 'alignment.csv'), 'old\n');
    writeFileSync(path.join(t.dir, '.sensitivity.csv.tmp-4242'), 'half');
    expect(() => checkReplace({ ...t, configFile: path.join(p.root, 'other.yaml') })).toThrow(/another config \(entente\.yaml\)/);
    const { dropped } = await replaceReport(t, 'score', files({ 'alignment.csv': 'new\n' }), []);
    expect(dropped).toEqual(['datapackage.json']);
    expect(readdirSync(t.dir).sort()).toEqual([REPORT_MARKER, 'alignment.csv']);
  });
});

describe('checkAdd and addToReport', () => {
  it('add files with the updated package in one step, carrying over every other file (the user\'s too), never removing any', async () => {
    const p = project();
    const t = p.at('r');
    await replaceReport(t, 'score', files({ 'alignment.csv': 'a\n', 'datapackage.json': pkg('a') }), []);
    writeFileSync(path.join(t.dir, 'notes.txt'), 'mine');
    let seen: string | null = 'unset';
    const { created } = await addToReport(t, [], {
      make: (current) => {
        seen = current;
        return files({ 'audit.csv': 'x\n', 'datapackage.json': `${current}\n` });
      },
    });
    expect(created).toBe(false);
    expect(seen).toBe(pkg('a'));
    expect(readdirSync(t.dir).sort()).toEqual([REPORT_MARKER, 'alignment.csv', 'audit.csv', 'datapackage.json', 'notes.txt']);
    expect(parseMarker(readFileSync(path.join(t.dir, REPORT_MARKER), 'utf8'))!.files).toEqual(['alignment.csv', 'audit.csv', 'datapackage.json']);
  });

  it('refuse to overwrite a file Entente did not write, a measures report, another config\'s report, and what accept refuses', async () => {
    const p = project();
    const t = p.at('r');
    await replaceReport(t, 'score', files({ 'alignment.csv': 'a\n', 'datapackage.json': pkg('a') }), []);
    writeFileSync(path.join(t.dir, 'audit.csv'), 'mine');
    await expect(addToReport(t, [], { make: () => files({ 'audit.csv': 'x\n' }) })).rejects.toThrow(/holds audit\.csv, which Entente did not write/);
    expect(readFileSync(path.join(t.dir, 'audit.csv'), 'utf8')).toBe('mine');
    expect(() => checkAdd(t, [], () => {
      throw new Error('another version');
    })).toThrow('another version');
    expect(() => checkAdd({ ...t, configFile: path.join(p.root, 'other.yaml') })).toThrow(/holds the report of another config/);
    await replaceReport(p.at('m'), 'measures', files({ 'measures.csv': 'm\n', 'datapackage.json': pkg('a') }), []);
    expect(() => checkAdd(p.at('m'))).toThrow(/holds an `entente measures` report, not a score report/);
  });

  it('write a whole report with the files into a folder that has none', async () => {
    const p = project();
    const t = p.at('new');
    const { created } = await addToReport(t, [], { make: (current) => (current === null ? files({ 'alignment.csv': 'a\n', 'audit.csv': 'x\n' }) : files({})) });
    expect(created).toBe(true);
    expect(readdirSync(t.dir).sort()).toEqual([REPORT_MARKER, 'alignment.csv', 'audit.csv']);
  });
});

describe('report names', () => {
  it('a config file\'s stem is sanitised to one safe folder name (a config named `...yaml` never names the parent)', () => {
    expect(reportNameFromFile('entente.yaml')).toBe('entente');
    expect(reportNameFromFile('my config.yml')).toBe('my-config');
    expect(reportNameFromFile('...yaml')).toBe('report');
    expect(reportNameFromFile('..json')).toBe('report');
    expect(reportNameFromFile('.hidden.yaml')).toBe('hidden');
    expect(reportNameFromFile(`${'a'.repeat(300)}.yaml`)).toHaveLength(MAX_REPORT_NAME);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const name = reportNameFromFile(s);
        expect(reportNameSchema.safeParse(name).success).toBe(true);
        expect(name.includes('/') || name === '.' || name === '..').toBe(false);
      }),
    );
  });

  it('`name:` must be one safe segment: ".", "..", paths and hidden names are config errors with line and column', () => {
    for (const bad of ['.', '..', 'a/b', '/abs', '.hidden', '..\\\\x', 'x'.repeat(101)]) {
      const text = `# a config\nname: "${bad}"\nindicators:\n  un: { family: dyad_year, source: { format: dyad_year, path: x.csv } }\n`;
      let err: unknown;
      try {
        parseConfigText(text, 'c.yaml');
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(ConfigError);
      expect(String((err as Error).message), bad).toMatch(/^c\.yaml:2:7: name: a report (name is one folder name|name has at most 100 characters)/m);
    }
  });
});
