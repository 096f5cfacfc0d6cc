import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, ROOT, tempCopy } from '../helpers/cli.js';
import { validateDataPackage } from '../helpers/validate-datapackage.js';
import { addCsvFiles } from '../../src/report/update-datapackage.js';

async function score(config: string, out: string): Promise<void> {
  const r = await runCli(['score', '--config', config, '--out', out]);
  expect(r.err).not.toMatch(/error/);
  expect(r.code).toBe(0);
}

describe('datapackage.json describes every CSV of a report folder', () => {
  it('on the bundled sample', async () => {
    const out = path.join(tempCopy('reports'), 'sample');
    await score(path.join(ROOT, 'entente.yaml'), out);
    expect(validateDataPackage(out)).toEqual([]);
    const pkg = JSON.parse(readFileSync(path.join(out, 'datapackage.json'), 'utf8'));
    expect(pkg.resources.map((r: { path: string }) => r.path)).toEqual(expect.arrayContaining(['alignment.csv', 'states.csv']));
    expect(pkg.sample).toBe(true);
  });

  it('on a tiny config with missing values and the wide table', async () => {
    const dir = tempCopy('reports');
    const config = path.join(dir, 'small.yaml');
    writeFileSync(config, readFileSync(config, 'utf8') + 'wide: true\n');
    const out = path.join(dir, 'out');
    await score(config, out);
    expect(validateDataPackage(out)).toEqual([]);
    const alignment = readFileSync(path.join(out, 'alignment.csv'), 'utf8');
    expect(alignment).toContain('IRN,RUS,2012,,,0.333333,,,,2.100000,0.015584,');
  });

  it('after another command adds a CSV through addCsvFiles', async () => {
    const dir = tempCopy('reports');
    const out = path.join(dir, 'out');
    await score(path.join(dir, 'small.yaml'), out);
    const text = 'state_a,state_b,year,note\nIRN,RUS,2016,"=1+2"\n';
    await addCsvFiles(out, [{ text, resource: { name: 'notes', path: 'notes.csv', description: 'test', fields: [
      { name: 'state_a', type: 'string', description: 'a' },
      { name: 'state_b', type: 'string', description: 'b' },
      { name: 'year', type: 'integer', description: 'y' },
      { name: 'note', type: 'string', description: 'n' },
    ] } }]);
    expect(validateDataPackage(out)).toEqual([]);
  });

  it('the validator catches an unlisted CSV, a wrong type, an empty required cell and a stale hash', async () => {
    const dir = tempCopy('reports');
    const out = path.join(dir, 'out');
    await score(path.join(dir, 'small.yaml'), out);
    writeFileSync(path.join(out, 'extra.csv'), 'a\n1\n');
    const file = path.join(out, 'alignment.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = lines[1]!.replace(/^CHN,RUS,2010,/, 'CHN,RUS,20x0,');
    lines[2] = lines[2]!.replace(/^CHN,RUS,2011,([^,]*),([^,]*),[^,]*,/, 'CHN,RUS,2011,$1,$2,,');
    writeFileSync(file, lines.join('\n'));
    const problems = validateDataPackage(out).join('\n');
    expect(problems).toMatch(/extra\.csv: in the folder but not listed/);
    expect(problems).toMatch(/alignment\.csv:2: year="20x0" is not an integer/);
    expect(problems).toMatch(/alignment\.csv:3: coverage is required but empty/);
    expect(problems).toMatch(/alignment\.csv: hash sha256:\w+ but the file is/);
  });
});
