import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { csvText } from '../../src/format/csv-cell.js';
import { statesCsv } from '../../src/report/states-csv.js';
import { readConfig } from '../../src/config/read-config.js';
import { computeScore } from '../../src/pipeline/score.js';
import { runCli, ROOT, tempCopy } from '../helpers/cli.js';

const FORMULA_START = /^[=+\-@\t\r]/;

describe('CSV safety', () => {
  it('never needs to change a state code (three capital letters)', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Z]{3}$/), (code) => csvText(code) === code));
  });

  it('neutralises a country name beginning with "=" in states.csv, so a spreadsheet shows it as text', async () => {
    const run = await computeScore(await readConfig(path.join(ROOT, 'test', 'fixtures', 'reports', 'small.yaml')));
    const evil = '=HYPERLINK("http://evil.example","Iran")';
    const csv = statesCsv(run.table, (code) => (code === 'IRN' ? evil : code === 'RUS' ? '@SUM(1+1)' : 'China, People\'s Republic'));
    const line = csv.split('\n').find((l) => l.startsWith('IRN,'))!;
    expect(line).toBe(`IRN,"'=HYPERLINK(""http://evil.example"",""Iran"")",1,2010,2015`);
    const cells = parse(csv, { columns: true }) as Record<string, string>[];
    expect(cells.find((c) => c.state === 'IRN')!.name).toBe(`'${evil}`);
    expect(cells.find((c) => c.state === 'RUS')!.name).toBe("'@SUM(1+1)");
    expect(cells.find((c) => c.state === 'CHN')!.name).toBe("China, People's Republic");
    expect(csvText('-1+1')).toBe("'-1+1");
    expect(csvText('\tcmd')).toBe("'\tcmd");
  });

  it('leaves no text cell of a report that a spreadsheet would run: only numbers may start with "-"', async () => {
    const out = path.join(tempCopy('reports'), 'sample');
    expect((await runCli(['score', '--config', path.join(ROOT, 'entente.yaml'), '--out', out])).code).toBe(0);
    const pkg = JSON.parse(readFileSync(path.join(out, 'datapackage.json'), 'utf8')) as { resources: { path: string; schema: { fields: { type: string }[] } }[] };
    const bad: string[] = [];
    for (const f of readdirSync(out).filter((f) => f.endsWith('.csv'))) {
      const types = pkg.resources.find((r) => r.path === f)!.schema.fields.map((x) => x.type);
      for (const row of parse(readFileSync(path.join(out, f)), {}) as string[][]) {
        row.forEach((cell, j) => {
          if (FORMULA_START.test(cell) && !(types[j] !== 'string' && /^-\d/.test(cell))) bad.push(`${f}: ${cell}`);
        });
      }
    }
    expect(bad).toEqual([]);
  });

  it('writes numbers with the configured precision (2 or 6 decimals)', async () => {
    const dir = tempCopy('reports');
    const config = path.join(dir, 'small.yaml');
    const decimals = async (precision: number) => {
      writeFileSync(config, readFileSync(config, 'utf8').replace(/precision: \d+/, `precision: ${precision}`));
      const out = path.join(dir, `p${precision}`);
      expect((await runCli(['score', '--config', config, '--out', out])).code).toBe(0);
      const rows = parse(readFileSync(path.join(out, 'alignment.csv')), { columns: true }) as Record<string, string>[];
      return new Set(rows.flatMap((r) => ['index', 'coverage', 'trade_norm'].map((c) => r[c]!)).filter((v) => v !== '').map((v) => v.split('.')[1]?.length ?? 0));
    };
    expect([...(await decimals(2))]).toEqual([2]);
    expect([...(await decimals(6))]).toEqual([6]);
  });

  it('writes the wide table (one column per year) with the same index values when `wide: true`', async () => {
    const dir = tempCopy('reports');
    const config = path.join(dir, 'small.yaml');
    writeFileSync(config, readFileSync(config, 'utf8') + 'wide: true\n');
    const out = path.join(dir, 'out');
    expect((await runCli(['score', '--config', config, '--out', out])).code).toBe(0);
    const wide = parse(readFileSync(path.join(out, 'alignment_wide.csv')), { columns: true }) as Record<string, string>[];
    const long = parse(readFileSync(path.join(out, 'alignment.csv')), { columns: true }) as Record<string, string>[];
    expect(Object.keys(wide[0]!)).toEqual(['state_a', 'state_b', 'y2010', 'y2011', 'y2012', 'y2013', 'y2014', 'y2015']);
    expect(wide.map((r) => `${r.state_a}-${r.state_b}`)).toEqual(['CHN-RUS', 'IRN-RUS', 'RUS-USA']);
    for (const r of long) expect(wide.find((w) => w.state_a === r.state_a && w.state_b === r.state_b)![`y${r.year}`]).toBe(r.index);
    // a pair-year absent from the long table is an empty cell, never 0
    expect(wide.find((w) => w.state_a === 'CHN')!.y2013).toBe('');
    expect(wide.find((w) => w.state_a === 'IRN')!.y2012).toBe('');
  });
});
