import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';
import { VALIDITY_CONFIG, validityConfigWith as configWith } from '../helpers/validity-fixture.js';
import { packageOf, readRecords } from './toolkit-helpers.js';

const CONFIG = VALIDITY_CONFIG;
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'entente-validity-'));


describe('entente validity', () => {
  it('under aggregation: latent measures the latent index itself against alliances: an indicator with latent: none is not an input', async () => {
    const config = configWith((t) =>
      t
        .replace('aggregation: arithmetic', 'aggregation: latent\nlatent: { sign: un }')
        .replace(/(\n  (drills|trade|unsc|alliance):\n)/g, '$1    latent: none\n'),
    );
    const out = path.join(tmp(), 'report');
    const r = await runCli(['validity', '--config', config, '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^index\s+\d\.\d{3}\s+\d\.\d{3}/m);
    expect(r.err).not.toMatch(/not measured on index,/);
    const csv = readFileSync(path.join(out, 'validity.csv'), 'utf8');
    expect(csv).toMatch(/^auc_allies_rivals,all,index,[01]\.\d{6}$/m);
    expect(csv).not.toMatch(/index_without_alliance/);
  });

  it('writes validity.csv (golden), its resource and a Validity section in summary.md; a rerun gives the same bytes', async () => {
    const out = path.join(tmp(), 'report');
    const r = await runCli(['validity', '--config', CONFIG, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^index_without_alliance\s+0\.971\s+0\.973\s+-0\.530/m);
    expect(r.err).toMatch(/auc_allies_rivals: not measured on index, index_chained, alliance_norm, computed from the alliances family/);
    const csv = readFileSync(path.join(out, 'validity.csv'), 'utf8');
    // regenerate on purpose with: npx vitest run test/cli/validity.test.ts -u
    await expect(csv).toMatchFileSnapshot('../golden/validity/validity.csv');
    expect(csv.split('\n')[0]).toBe('metric,scope,series,value');
    const summary = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(summary).toMatch(/SYNTHETIC/);
    expect(summary).toMatch(/## Validity\n/);
    expect(summary).toMatch(/effective weights stray most from the nominal ones in the 2020s: ½Σ\|effective − nominal\| = 0\.177, most for un \(0\.232 against 0\.364\)\./);
    expect(summary).toMatch(/\| AUC allies vs rivals \| index_without_alliance \| 0\.971 \| 0\.941 \(2010s\) \| allies 130, rivals 149 \|/);
    expect(summary).toMatch(/\| rivalries \| validation\.rivalries \| `\.\.\/\.\.\/\.\.\/test\/fixtures\/validity\/td_rivalries\.csv`|td_rivalries\.csv/);
    expect(packageOf(out).names).toContain('validity');
    expect(JSON.parse(readFileSync(path.join(out, '.entente-report'), 'utf8')).files).toContain('validity.csv');
    const again = await runCli(['validity', '--config', CONFIG, '--out', out]);
    expect(again.code).toBe(0);
    expect(readFileSync(path.join(out, 'validity.csv'), 'utf8')).toBe(csv);
    expect(readFileSync(path.join(out, 'summary.md'), 'utf8')).toBe(summary);
  });

  it('adds to a score report of the same config without changing its other files', async () => {
    const out = path.join(tmp(), 'report');
    expect((await runCli(['score', '--config', CONFIG, '--out', out])).code).toBe(0);
    const alignment = readFileSync(path.join(out, 'alignment.csv'), 'utf8');
    const before = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(before).not.toMatch(/## Validity/);
    expect((await runCli(['validity', '--config', CONFIG, '--out', out])).code).toBe(0);
    expect(readFileSync(path.join(out, 'alignment.csv'), 'utf8')).toBe(alignment);
    const after = readFileSync(path.join(out, 'summary.md'), 'utf8');
    // the page is the score's page with the section added before the list of files
    expect(after.replace(/## Validity\n[\s\S]*?(?=## Files)/, '')).toBe(before);
  });

  it('reports every problem of a broken criterion file with file, line and column, exit 2, and writes nothing', async () => {
    const config = configWith((t) => t.replace('td_rivalries.csv', 'td_rivalries_broken.csv').replace('cow_mid_ddydisps.csv', 'cow_mid_ddydisps_broken.csv'));
    const out = path.join(path.dirname(config), 'report');
    const r = await runCli(['validity', '--config', config, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/td_rivalries_broken\.csv:3: column "ccode1": \[validation\.rivalries\] expected a COW state code/);
    expect(r.err).toMatch(/td_rivalries_broken\.csv:5: column "endyear": \[validation\.rivalries\] the last year \(1979\) is before the first/);
    expect(r.err).toMatch(/cow_mid_ddydisps_broken\.csv:3: column "ccode2": \[validation\.disputes\] a pair needs two different states/);
    expect(() => readFileSync(path.join(out, 'validity.csv'))).toThrow();
  });

  it('lists a missing criterion file with its config key before scoring (exit 2)', async () => {
    const config = configWith((t) => t.replace('test/fixtures/validity/cow_mid_ddydisps.csv', 'nowhere/disputes.csv'));
    const r = await runCli(['validity', '--config', config, '--out', path.join(path.dirname(config), 'report')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nowhere\/disputes\.csv: validation\.disputes\.path: does not exist/);
  });

  it('refuses an unknown key or format in the validation block at its line and column (exit 2)', async () => {
    const config = configWith((t) => t.replace('  rivalries: { format: td_rivalries,', '  rivals: { format: td_rivalries,'));
    const r = await runCli(['validity', '--config', config, '--out', path.join(path.dirname(config), 'report')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/config\.yaml:\d+:\d+: validation\.rivals: unknown key "rivals"/);
  });

  it('measures weights and alpha without a validation block, and says which metrics it could not measure', async () => {
    const out = path.join(tmp(), 'report');
    const r = await runCli(['validity', '--config', path.join(ROOT, 'entente.yaml'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/auc_allies_rivals: not measured: the config has no validation\.rivalries/);
    const rows = readRecords(path.join(out, 'validity.csv'));
    expect(rows.filter((x) => x['metric'] === 'effective_weight' && !x['scope']!.includes(':')).map((x) => x['scope'])).toEqual(['un', 'arms', 'drills', 'trade', 'unsc', 'alliance']);
    // per decade, scope <indicator>:<decade>, adding up to 1 in each
    const decade = rows.filter((x) => x['metric'] === 'effective_weight' && x['scope']!.endsWith(':2000s'));
    expect(decade.map((x) => x['scope'])).toEqual(['un:2000s', 'arms:2000s', 'drills:2000s', 'trade:2000s', 'unsc:2000s', 'alliance:2000s']);
    expect(decade.reduce((s, x) => s + Number(x['value']), 0)).toBeCloseTo(1, 5);
    expect(rows.some((x) => x['metric']!.startsWith('auc'))).toBe(false);
  });
});
