import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../helpers/cli.js';
import { validateDataPackage } from '../../helpers/validate-datapackage.js';
import { DuckEngine, engineSettings } from '../../../src/families/events/run-duckdb.js';
import { fixture } from './helpers.js';

function project(extra = ''): { dir: string; config: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-events-cli-'));
  copyFileSync(fixture('edges_small.csv'), path.join(dir, 'edges.csv'));
  copyFileSync(fixture('gdelt_v2_small.export.CSV'), path.join(dir, 'gdelt.export.CSV'));
  const config = path.join(dir, 'ev.yaml');
  writeFileSync(
    config,
    `name: ev\nprecision: 6\nindicators:\n  events:\n    family: events\n    source: { format: edges, path: edges.csv }\n    measure: mean_daily\n    min_observed: 0\n    normalise: minmax\n${extra}`,
  );
  return { dir, config };
}

describe('events on the command line', () => {
  it('validate lists the observed share per year, the non-state codes and the self-pairs', async () => {
    const { config } = project();
    const r = await runCli(['validate', '--config', config]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('ok events (events, mean_daily): 7 values, coverage 2022–2023');
    expect(r.out).toContain('share of each year the source observed: 2022 0.008 (3/365 days), 2023 0.003 (1/365 days)');
    expect(r.out).toContain('territory: GGY 1');
  });

  it('score writes the events columns and records the SQL, the engine and the input hash; a rerun is byte-identical', async () => {
    const { dir, config } = project();
    const a = await runCli(['score', '--config', config, '--out', path.join(dir, 'a')]);
    const b = await runCli(['score', '--config', config, '--out', path.join(dir, 'b')]);
    expect(a.code).toBe(0);
    const csv = readFileSync(path.join(dir, 'a', 'alignment.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('state_a,state_b,year,index,index_chained,coverage,events_raw,events_norm,events_contrib,events_n,events_observed');
    expect(csv).toContain('IRN,RUS,2022,');
    for (const f of ['alignment.csv', 'datapackage.json']) expect(readFileSync(path.join(dir, 'b', f))).toEqual(readFileSync(path.join(dir, 'a', f)));
    const pkg = JSON.parse(readFileSync(path.join(dir, 'a', 'datapackage.json'), 'utf8'));
    const ind = pkg.entente.indicators[0];
    expect(ind.provenance.engine).toBe('DuckDB');
    expect(ind.provenance.engine_version).toBe('v1.5.6');
    expect(ind.provenance.sql).toContain("read_csv(['edges.csv']"); // paths relative to the config
    expect(pkg.sources).toEqual([{ title: 'events (events): path', path: 'edges.csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(validateDataPackage(path.join(dir, 'a'))).toEqual([]);
    expect(b.out).toBe(a.out.replaceAll(path.join(dir, 'a'), path.join(dir, 'b')));
  });

  it('measures --period month writes one row per pair and month', async () => {
    const { dir, config } = project();
    const r = await runCli(['measures', '--period', 'month', '--config', config, '--out', path.join(dir, 'm'), '--pairs', 'RUS-IRN']);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'm', 'measures_month.csv'), 'utf8')).toBe(
      'state_a,state_b,year,month,events_raw,events_n,events_observed\nIRN,RUS,2022,1,2.666667,2,0.096774\nIRN,RUS,2023,1,4.000000,1,0.032258\n',
    );
    expect(validateDataPackage(path.join(dir, 'm'))).toEqual([]);
  });

  it('measures --period month without a dated indicator is a usage error', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-events-cli-'));
    writeFileSync(path.join(dir, 'v.csv'), 'state_a,state_b,year,value\nRUS,IRN,2020,1\n');
    writeFileSync(path.join(dir, 'c.yaml'), 'indicators:\n  x:\n    family: dyad_year\n    source: { format: dyad_year, path: v.csv }\n');
    const r = await runCli(['measures', '--period', 'month', '--config', path.join(dir, 'c.yaml')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--period month: no indicator of .* has dated sources/);
  });

  it('sql prints DuckDB text that runs on the files and gives measures.csv\'s values', async () => {
    const { dir, config } = project();
    const r = await runCli(['sql', '--config', config]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^-- Entente .*: indicator "events" \(family events\), measure mean_daily, one row per pair and year/);
    const engine = await DuckEngine.open(engineSettings({}));
    const { columns } = await engine.columns(r.out.replace(/;\s*$/, ''));
    await engine.close();
    const lines = columns[0]!.map((_, i) => `${columns[0]![i]},${columns[1]![i]},${columns[2]![i]},${Number(columns[3]![i]).toFixed(6)}`);
    await runCli(['measures', '--config', config, '--out', path.join(dir, 'm')]);
    const measures = readFileSync(path.join(dir, 'm', 'measures.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 4).join(','));
    expect(lines).toEqual(measures);
  });

  it('sql --dialect bigquery reads GDELT\'s public table and carries the bytes-billed guard; bad flags exit 2', async () => {
    const { config } = project('  gd:\n    family: events\n    source: { format: gdelt_v2, path: gdelt.export.CSV }\n    min_observed: 0\n');
    const many = await runCli(['sql', '--config', config, '--dialect', 'bigquery']);
    expect(many.code).toBe(2);
    expect(many.err).toContain('several events indicators (events, gd); name one with --indicator');
    const r = await runCli(['sql', '--config', config, '--dialect', 'bigquery', '--indicator', 'gd', '--period', 'quarter', '--max-bytes-billed', '50000000000']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('FROM `gdelt-bq.gdeltv2.events`');
    expect(r.out).toContain('-- maximum_bytes_billed: 50000000000');
    expect((await runCli(['sql', '--config', config, '--indicator', 'nope'])).code).toBe(2);
    expect((await runCli(['sql', '--config', config, '--dialect', 'oracle'])).code).toBe(2);
  });
});
