import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { VALIDITY_CONFIG, validityConfigWith as configWith } from '../helpers/validity-fixture.js';

const CONFIG = VALIDITY_CONFIG;


describe('entente validate and the validation: block', () => {
  it('reads the criterion data of a good block with the readers of entente validity and lists them (exit 0)', async () => {
    const r = await runCli(['validate', '--config', CONFIG]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^ok validation\.rivalries \(criterion rivalries of `entente validity`\): \d+ pair-years, years 1948–2020$/m);
    expect(r.out).toMatch(/td_rivalries\.csv: 8 rows \(td_rivalries\), 1948–2020/);
    expect(r.out).toMatch(/1 row\(s\) wholly before 1816/);
    expect(r.out).toMatch(/^ok validation\.disputes .*: 12 pair-years, years 1990–2019$/m);
    // defence pacts default to the config's alliances indicator, read with the `defence` measure
    expect(r.out).toMatch(/^ok indicators\.alliance \(criterion allies of `entente validity`\)/m);
    expect(r.out).toMatch(/^ok validation\.ideal_points /m);
    expect(r.out).toMatch(/config and 6 indicator\(s\), 4 criterion data set\(s\) valid/);
  });

  it('reports every problem of broken criterion files together, with file, line, column and config key (exit 2)', async () => {
    const config = configWith((t) => t.replace('td_rivalries.csv', 'td_rivalries_broken.csv').replace('cow_mid_ddydisps.csv', 'cow_mid_ddydisps_broken.csv'));
    const r = await runCli(['validate', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/td_rivalries_broken\.csv:3: column "ccode1": \[validation\.rivalries\] expected a COW state code \(a number such as 365\), got "USSR"/);
    expect(r.err).toMatch(/td_rivalries_broken\.csv:4: column "styear": \[validation\.rivalries\] expected a four-digit year/);
    expect(r.err).toMatch(/td_rivalries_broken\.csv:5: column "endyear": \[validation\.rivalries\] the last year \(1979\) is before the first/);
    expect(r.err).toMatch(/td_rivalries_broken\.csv:6: .*\[validation\.rivalries\]/);
    expect(r.err).toMatch(/td_rivalries_broken\.csv:7: column "ccode2": \[validation\.rivalries\] expected a COW state code/);
    expect(r.err).toMatch(/cow_mid_ddydisps_broken\.csv:3: column "ccode2": \[validation\.disputes\] a pair needs two different states/);
    expect(r.err).toMatch(/cow_mid_ddydisps_broken\.csv:4: column "year": \[validation\.disputes\] expected a four-digit year/);
    expect(r.out).not.toMatch(/valid$/m);
  });

  it('names a missing column of a criterion file (exit 2)', async () => {
    const config = configWith((t) => t.replace('td_rivalries.csv', 'td_rivalries_no_endyear.csv'));
    const r = await runCli(['validate', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/td_rivalries_no_endyear\.csv:1: \[validation\.rivalries\] missing column\(s\) "endyear"; the header has "rivalryno", "rivalryname", "ccode1", "ccode2", "styear"/);
  });

  it('lists a missing criterion file with a missing indicator file in one error, before reading any (exit 2)', async () => {
    const config = configWith((t) => t.replace('test/fixtures/validity/cow_mid_ddydisps.csv', 'nowhere/disputes.csv').replace('indicators/sample/cow_trade.csv', 'nowhere/trade.csv'));
    const r = await runCli(['validate', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/2 of the \d+ input file\(s\) named by .*config\.yaml cannot be read/);
    expect(r.err).toMatch(/nowhere\/trade\.csv: indicators\.trade\.source\.path: does not exist/);
    expect(r.err).toMatch(/nowhere\/disputes\.csv: validation\.disputes\.path: does not exist/);
  });

  it('reports the problems of a broken indicator and of a broken criterion file in one run (exit 2)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-validate-criteria-'));
    const trade = path.join(dir, 'trade.csv');
    // the sample's trade file with one year cell broken
    const lines = readFileSync(path.join(ROOT, 'indicators/sample/cow_trade.csv'), 'utf8').split('\n');
    const header = lines[0]!.split(',');
    const yearAt = header.indexOf('year');
    const cells = lines[1]!.split(',');
    cells[yearAt] = '19x1';
    lines[1] = cells.join(',');
    writeFileSync(trade, lines.join('\n'));
    const config = configWith((t) => t.replace('indicators/sample/cow_trade.csv', trade).replace('td_rivalries.csv', 'td_rivalries_broken.csv'));
    const r = await runCli(['validate', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/trade\.csv:2: .*\[trade\]/);
    expect(r.err).toMatch(/td_rivalries_broken\.csv:3: column "ccode1": \[validation\.rivalries\]/);
  });

  it('caps the problems of a criterion file and counts the rest (exit 2)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-validate-criteria-'));
    const file = path.join(dir, 'disputes.csv');
    writeFileSync(file, ['dispnum,ccode1,ccode2,year', ...Array.from({ length: 80 }, (_, i) => `${i},2,2,1990`)].join('\n') + '\n');
    const config = configWith((t) => t.replace('test/fixtures/validity/cow_mid_ddydisps.csv', file));
    const r = await runCli(['validate', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.err.match(/disputes\.csv:\d+: column "ccode2": \[validation\.disputes\] a pair needs two different states/g)).toHaveLength(50);
    expect(r.err).toMatch(/… and 30 more problem\(s\)/);
  });
});
