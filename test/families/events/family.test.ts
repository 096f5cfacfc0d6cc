import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { InputError } from '../../../src/domain/errors.js';
import { iso3Index, type Iso3 } from '../../../src/domain/country.js';
import { eventsFamily } from '../../../src/families/events/family.js';
import { testContext } from '../../helpers/load-context.js';
import { at, fixture, loadEvents } from './helpers.js';

const edges = { format: 'edges', path: fixture('edges_small.csv') };
const gdelt = { format: 'gdelt_v2', path: fixture('gdelt_v2_small.export.CSV') };
const icews = { format: 'icews', path: fixture('icews_small.tab') };
const polecat = { format: 'polecat', path: fixture('polecat_small.txt') };

async function problemsOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems.map((x) => `${path.basename(x.file)}:${x.line}${x.column ? ` ${x.column}` : ''}: ${x.message}`);
  }
  throw new Error('expected an InputError');
}

describe('events family: edges (daily pair scores)', () => {
  it('mean_daily divides the pair\'s total by the days the source covers; a covered day without a row counts 0', async () => {
    const d = await loadEvents(edges);
    // 2022 has 3 covered days: IRN-RUS 10.5 − 2.5, RUS-USA −4 − 1, CHN-RUS 7, CHN-IRN 3
    expect(at(d.values, 'RUS', 'IRN', 2022)).toBeCloseTo(8 / 3, 12);
    expect(at(d.values, 'RUS', 'USA', 2022)).toBeCloseTo(-5 / 3, 12);
    expect(at(d.values, 'CHN', 'RUS', 2022)).toBeCloseTo(7 / 3, 12);
    expect(at(d.values, 'CHN', 'IRN', 2022)).toBeCloseTo(1, 12);
    expect(at(d.values, 'IRN', 'RUS', 2023)).toBeCloseTo(4, 12);
  });

  it('gives observed states without rows 0, and has no value for a state the source never names', async () => {
    const d = await loadEvents(edges);
    expect(at(d.values, 'CHN', 'USA', 2022)).toBe(0);
    expect(at(d.values, 'DEU', 'RUS', 2022)).toBeNull();
    expect(at(d.values, 'CHN', 'RUS', 2023)).toBeNull(); // CHN has no row in 2023
  });

  it('computes the other measures as documented', async () => {
    expect(at((await loadEvents(edges, 'mean_event')).values, 'IRN', 'RUS', 2022)).toBeCloseTo(4, 12);
    expect(at((await loadEvents(edges, 'coop_share')).values, 'IRN', 'RUS', 2022)).toBeCloseTo(1 / 3, 12);
    expect(at((await loadEvents(edges, 'coop_share')).values, 'CHN', 'USA', 2022)).toBe(0);
    // |10.5| + |−2.5| of 28, the absolute total of the state pairs (GGY, the empty code and VNM-VNM left out)
    expect(at((await loadEvents(edges, 'share')).values, 'IRN', 'RUS', 2022)).toBeCloseTo(13 / 28, 12);
    expect(at((await loadEvents(edges, 'log_count')).values, 'IRN', 'RUS', 2022)).toBeCloseTo(Math.log(3), 12);
    expect(at((await loadEvents(edges, 'mean_event')).values, 'CHN', 'USA', 2022)).toBeNull();
  });

  it('lists non-state and empty codes and self-pairs in its notes, never stopping on them', async () => {
    const d = await loadEvents(edges);
    expect(d.notes.join('\n')).toContain('territory: GGY 1');
    expect(d.notes.join('\n')).toContain('empty actor code: (empty) 1');
    expect(d.notes.join('\n')).toContain('VNM-VNM 1');
  });

  it('leaves partial years empty below min_observed and says so', async () => {
    const d = await loadEvents(edges, 'mean_daily', {});
    expect(d.values.size).toBe(0);
    expect(d.coverage).toEqual([]);
    expect(d.notes.join('\n')).toMatch(/partial years, observed on fewer than min_observed = 0\.5 of their days, have no values: 2022 \(3 of 365 days\), 2023 \(1 of 365 days\)/);
  });

  it('empties pairs below min_events and min_days', async () => {
    const e = await loadEvents(edges, 'mean_daily', { min_observed: 0, min_events: 2 });
    expect(at(e.values, 'IRN', 'RUS', 2022)).toBeCloseTo(8 / 3, 12);
    expect(at(e.values, 'CHN', 'RUS', 2022)).toBeNull();
    const d = await loadEvents(edges, 'mean_daily', { min_observed: 0, min_days: 2 });
    expect(at(d.values, 'RUS', 'USA', 2022)).toBeCloseTo(-5 / 3, 12);
    expect(at(d.values, 'CHN', 'IRN', 2022)).toBeNull();
  });

  it('reports the events and the observed share per pair-year as extra columns, and the SQL run as provenance', async () => {
    const d = await loadEvents(edges);
    const n = d.extras.find((x) => x.suffix === 'n')!.table;
    const obs = d.extras.find((x) => x.suffix === 'observed')!.table;
    expect(at(n, 'IRN', 'RUS', 2022)).toBe(2);
    expect(at(obs, 'IRN', 'RUS', 2022)).toBeCloseTo(3 / 365, 12);
    expect(d.provenance).toMatchObject({ engine: 'DuckDB', engine_version: 'v1.5.6', format: 'edges' });
    expect(String(d.provenance!['sql'])).toMatch(/^WITH\nsrc AS/);
    expect(d.inputs).toEqual([{ path: fixture('edges_small.csv'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), role: 'path' }]);
  });

  it('reads the same values from gzip, from Parquet and from a glob over several files', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-events-'));
    const text = readFileSync(fixture('edges_small.csv'), 'utf8').trim().split('\n');
    writeFileSync(path.join(dir, 'plain.csv'), text.join('\n') + '\n');
    writeFileSync(path.join(dir, 'edges.csv.gz'), gzipSync(text.join('\n') + '\n'));
    writeFileSync(path.join(dir, 'gzip-without-suffix.csv'), gzipSync(text.join('\n') + '\n'));
    const parts = path.join(dir, 'parts');
    (await import('node:fs')).mkdirSync(parts);
    writeFileSync(path.join(parts, 'a.csv'), [text[0], ...text.slice(1, 5)].join('\n') + '\n');
    writeFileSync(path.join(parts, 'b.csv'), [text[0], ...text.slice(5)].join('\n') + '\n');
    const { DuckEngine, engineSettings } = await import('../../../src/families/events/run-duckdb.js');
    const engine = await DuckEngine.open(engineSettings({}));
    await engine.run(`COPY (SELECT * FROM read_csv('${path.join(dir, 'plain.csv')}', header = true, columns = {'date': 'DATE', 'actor1': 'VARCHAR', 'actor2': 'VARCHAR', 'weight': 'DOUBLE'})) TO '${path.join(dir, 'edges.parquet')}' (FORMAT parquet)`);
    await engine.close();
    const ref = (await loadEvents(edges)).values.sortedEntries();
    for (const p of ['edges.csv.gz', 'gzip-without-suffix.csv', 'edges.parquet', 'parts/*.csv']) {
      expect((await loadEvents({ format: 'edges', path: path.join(dir, p) })).values.sortedEntries(), p).toEqual(ref);
    }
  });

  it('reads its output back through format: aggregated with the same values', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-events-'));
    const ref = await loadEvents(edges);
    const { DuckEngine, engineSettings } = await import('../../../src/families/events/run-duckdb.js');
    const engine = await DuckEngine.open(engineSettings({}));
    await engine.run(`COPY (${String(ref.provenance!['sql'])}) TO '${path.join(dir, 'agg.csv')}' (HEADER, DELIMITER ',')`);
    await engine.close();
    const back = await loadEvents({ format: 'aggregated', path: path.join(dir, 'agg.csv') });
    expect(back.values.sortedEntries()).toEqual(ref.values.sortedEntries());
    const wrong = await problemsOf(loadEvents({ format: 'aggregated', path: path.join(dir, 'agg.csv') }, 'share'));
    expect(wrong[0]).toMatch(/agg\.csv:1: no column "share"/);
  });

  it('reports every broken row of a file together, located', async () => {
    expect(await problemsOf(loadEvents({ format: 'edges', path: fixture('edges_broken.csv') }))).toEqual([
      'edges_broken.csv:4 date: expected a date, got "2022-01-0x"; fix or remove the row',
      'edges_broken.csv:5 weight: expected a number, got "abc"; fix or remove the row',
      'edges_broken.csv:6: expected 4 columns, found 3; every row needs the 4 columns of the layout (a tab or comma inside a field must be quoted)',
      'edges_broken.csv:7 weight: expected a weight (a finite number below 1e8 in magnitude), got "inf"; fix or remove the row',
      'edges_broken.csv:8 actor1: unknown country code "QQZ": not a state the crosswalk knows, nor a known region, organisation or territory code; if it is a state, map it with the source\'s `aliases: { QQZ: ISO3 }`, else declare it `aliases: { QQZ: non_state }`',
    ]);
  });

  it('accepts an unknown code declared in aliases (as a state, or as non_state)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-events-'));
    const f = path.join(dir, 'e.csv');
    writeFileSync(f, 'date,actor1,actor2,weight\n2022-01-01,QQZ,RUS,1\n2022-01-01,IRN,RUS,2\n');
    expect(at((await loadEvents({ format: 'edges', path: f, aliases: { QQZ: 'UKR' } })).values, 'RUS', 'UKR', 2022)).toBe(1);
    const d = await loadEvents({ format: 'edges', path: f, aliases: { QQZ: 'non_state' } });
    expect(at(d.values, 'IRN', 'RUS', 2022)).toBe(2);
    expect(d.notes.join('\n')).toContain('declared non_state in aliases: QQZ 1');
  });

  it('refuses a file without the columns it needs, naming them', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-events-'));
    const f = path.join(dir, 'e.csv');
    writeFileSync(f, 'day,a,b,w\n2022-01-01,RUS,IRN,1\n');
    expect((await problemsOf(loadEvents({ format: 'edges', path: f })))[0]).toMatch(/^e\.csv:1: no column "date", "actor1", "actor2", "weight"/);
    expect((await problemsOf(loadEvents({ format: 'edges', path: path.join(dir, 'none-*.csv') })))[0]).toMatch(/the pattern matches no file/);
  });
});

describe('events family: GDELT 2.0 export', () => {
  it('reads the 61-column export: actors by country code (RUSGOV counts for RUS), Goldstein per covered day', async () => {
    const d = await loadEvents(gdelt);
    expect(at(d.values, 'IRN', 'RUS', 2022)).toBeCloseTo((1.9 + 4.0 + 8.0) / 3, 12);
    expect(at(d.values, 'RUS', 'UKR', 2022)).toBeCloseTo(-10 / 3, 12);
    expect(at(d.values, 'AUS', 'TLS', 2022)).toBeCloseTo(7.4 / 3, 12); // CAMEO's TMP is Timor-Leste
    expect(d.notes.join('\n')).toContain('region: EUR 1');
  });

  it('with actors: code, skips role-suffixed codes such as RUSGOV and lists them', async () => {
    const d = await loadEvents({ ...gdelt, actors: 'code' });
    expect(at(d.values, 'IRN', 'RUS', 2022)).toBeCloseTo((1.9 + 8.0) / 3, 12);
    expect(d.notes.join('\n')).toMatch(/role-suffixed \(a state with a role, e\.g\. RUSGOV; `actors: country` counts them for their state\): IRNGOV 1, RUSGOV 1, RUSMIL 1/);
    expect(d.notes.join('\n')).toContain('role, organisation or religion: IGOUNO 1');
  });

  it('selects by CAMEO code prefix and by quad class', async () => {
    expect(at((await loadEvents({ ...gdelt, select: { cameo: ['04'] } })).values, 'IRN', 'RUS', 2022)).toBeCloseTo(1.9 / 3, 12);
    const conflict = await loadEvents({ ...gdelt, select: { quad_class: [3, 4] } });
    expect(at(conflict.values, 'IRN', 'USA', 2022)).toBeCloseTo(-7 / 3, 12);
    // IRN and RUS both have conflict events in 2022, not with each other: a measured 0
    expect(at(conflict.values, 'IRN', 'RUS', 2022)).toBe(0);
    expect(at(conflict.values, 'CHN', 'RUS', 2022)).toBeNull(); // CHN has no conflict event: not observed
  });

  it('computes coop_share as (QC1 + QC2) / events', async () => {
    const d = await loadEvents(gdelt, 'coop_share');
    expect(at(d.values, 'IRN', 'RUS', 2022)).toBe(1);
    expect(at(d.values, 'IRN', 'USA', 2022)).toBe(0);
    expect(at(d.values, 'RUS', 'USA', 2022)).toBe(0);
    expect(at(d.values, 'AUS', 'RUS', 2022)).toBeNull(); // no events: empty, not 0
  });

  it('dates events by DATEADDED by default and by SQLDATE on request', async () => {
    // event 3 (USA→RUS) happened on 2021-12-31 and was added on 2022-01-01
    expect(at((await loadEvents(gdelt)).values, 'RUS', 'USA', 2021)).toBeNull();
    expect(at((await loadEvents({ ...gdelt, date: 'sqldate' })).values, 'RUS', 'USA', 2021)).toBeCloseTo(-2, 12);
  });

  it('reads the same rows from Parquet with integer dates (as GDELT\'s tables hold them)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-events-'));
    const { DuckEngine, engineSettings } = await import('../../../src/families/events/run-duckdb.js');
    const { GDELT_V2_LAYOUT } = await import('../../../src/families/events/formats.js');
    const engine = await DuckEngine.open(engineSettings({}));
    const cols = GDELT_V2_LAYOUT.map((c) => `'${c}': '${c === 'SQLDATE' || c === 'DATEADDED' ? 'BIGINT' : c === 'GoldsteinScale' ? 'DOUBLE' : c === 'QuadClass' ? 'INTEGER' : 'VARCHAR'}'`).join(', ');
    await engine.run(`COPY (SELECT * FROM read_csv('${fixture('gdelt_v2_small.export.CSV')}', header = false, delim = '\t', quote = '', escape = '', auto_detect = false, columns = {${cols}})) TO '${path.join(dir, 'g.parquet')}' (FORMAT parquet)`);
    await engine.close();
    for (const date of ['dateadded', 'sqldate']) {
      const csv = await loadEvents({ ...gdelt, date });
      const parquet = await loadEvents({ format: 'gdelt_v2', path: path.join(dir, 'g.parquet'), date });
      expect(parquet.values.sortedEntries(), date).toEqual(csv.values.sortedEntries());
      expect(String(parquet.provenance!['sql']), date).toContain('TRY(make_date(');
    }
  });

  it('locates a broken row, a missing column, a bad quad class and an unknown state-like code', async () => {
    expect(await problemsOf(loadEvents({ format: 'gdelt_v2', path: fixture('gdelt_v2_broken.export.CSV') }))).toEqual([
      'gdelt_v2_broken.export.CSV:4 GoldsteinScale: expected a number, got "abc"; fix or remove the row',
      'gdelt_v2_broken.export.CSV:5: expected 61 columns, found 60; every row needs the 61 columns of the layout (a tab or comma inside a field must be quoted)',
      'gdelt_v2_broken.export.CSV:6 QuadClass: expected a quad class 1, 2, 3 or 4, got "7"; fix or remove the row',
      expect.stringMatching(/^gdelt_v2_broken\.export\.CSV:7 Actor2CountryCode: unknown country code "QQX"/),
    ]);
  });
});

describe('events family: ICEWS', () => {
  it('reads country names (quoted fields with tabs inside, names the crosswalk folds), intensity per covered day', async () => {
    const d = await loadEvents(icews);
    expect(at(d.values, 'IRN', 'RUS', 2022)).toBeCloseTo((1.0 + 1.9) / 3, 12);
    expect(at(d.values, 'RUS', 'USA', 2022)).toBeCloseTo(-2 / 3, 12);
    expect(at(d.values, 'CIV', 'GHA', 2022)).toBeCloseTo(-5 / 3, 12);
    expect(d.notes.join('\n')).toContain('unknown: Europe 1');
  });

  it('derives quad classes from the CAMEO root code', async () => {
    const d = await loadEvents(icews, 'coop_share');
    expect(at(d.values, 'IRN', 'RUS', 2022)).toBe(1);
    expect(at(d.values, 'CIV', 'GHA', 2022)).toBe(0);
  });

  it('locates a bad date, a bad CAMEO code and an intensity outside −10…10', async () => {
    expect(await problemsOf(loadEvents({ format: 'icews', path: fixture('icews_broken.tab') }))).toEqual([
      'icews_broken.tab:4 Event Date: expected a date, got "2022-13-01"; fix or remove the row',
      'icews_broken.tab:5 CAMEO Code: expected a CAMEO event code of 2 to 4 digits (e.g. 042), got "42x"; keep the leading zero',
      'icews_broken.tab:6 Intensity: expected a score from -10 to 10 (the Goldstein scale), got "11.5"; fix or remove the row',
    ]);
  });
});

describe('events family: POLECAT', () => {
  it('reads ISO3 actor countries and intensity; PLOVER types give the quad class', async () => {
    const d = await loadEvents(polecat);
    expect(at(d.values, 'IRN', 'RUS', 2022)).toBeCloseTo(8 / 3, 12);
    expect(at(d.values, 'CHN', 'RUS', 2022)).toBeCloseTo(4 / 3, 12);
    expect(d.notes.join('\n')).toContain('role-suffixed: RUSGOV 1');
    expect(at((await loadEvents(polecat, 'coop_share')).values, 'RUS', 'USA', 2022)).toBe(0);
    expect(at((await loadEvents({ ...polecat, select: { plover: ['consult'] } })).values, 'IRN', 'RUS', 2022)).toBeCloseTo(1, 12);
  });

  it('locates an extra column, a NaN intensity and an empty date', async () => {
    expect(await problemsOf(loadEvents({ format: 'polecat', path: fixture('polecat_broken.txt') }))).toEqual([
      'polecat_broken.txt:4: expected 40 columns, found 41; every row needs the 40 columns of the layout (a tab or comma inside a field must be quoted)',
      'polecat_broken.txt:5 Intensity: expected an intensity (a finite number below 1e8 in magnitude), got "NaN"; fix or remove the row',
      'polecat_broken.txt:6 Event Date: the date is empty (or, in a Parquet file, not a date); every row needs its day',
    ]);
  });
});

describe('events family: periods', () => {
  it('computes month and quarter values with their observed share', async () => {
    const spec = { id: 'events', family: 'events', measure: 'mean_daily', options: eventsFamily.optionsSchema.parse({ min_observed: 0 }) as Record<string, unknown>, sources: [eventsFamily.sourceSchema.parse(edges) as never] };
    const month = await eventsFamily.periods!.load(spec, testContext(), 'month');
    const rows = Array.from(month.table.values.keys()).map((i) => [month.table.pairs[i], month.table.periods[i], month.table.values[i]]);
    const pair = iso3Index('IRN' as Iso3) * 17576 + iso3Index('RUS' as Iso3);
    expect(rows.filter((r) => r[0] === pair)).toEqual([
      [pair, 2022 * 12, 8 / 3],
      [pair, 2023 * 12, 4],
    ]);
    const observed = month.extras.find((x) => x.suffix === 'observed')!.values;
    expect(observed[rows.findIndex((r) => r[0] === pair)]).toBeCloseTo(3 / 31, 12);
    const quarter = await eventsFamily.periods!.load(spec, testContext(), 'quarter');
    expect(quarter.table.kind).toBe('quarter');
    expect(Array.from(quarter.table.periods).every((p) => p === 2022 * 4 || p === 2023 * 4)).toBe(true);
  });

  it('copies nothing: the fixture is untouched by a run', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-events-'));
    copyFileSync(fixture('edges_small.csv'), path.join(dir, 'x.csv'));
    expect(readFileSync(path.join(dir, 'x.csv'), 'utf8')).toBe(readFileSync(fixture('edges_small.csv'), 'utf8'));
  });
});

describe('events family: settings', () => {
  it('refuses several sources and a malformed engine environment with a config error', async () => {
    const spec = { id: 'events', family: 'events', measure: 'mean_daily', options: eventsFamily.optionsSchema.parse({}) as Record<string, unknown>, sources: [eventsFamily.sourceSchema.parse(edges) as never, eventsFamily.sourceSchema.parse(edges) as never] };
    await expect(eventsFamily.load(spec, testContext())).rejects.toThrow(/reads one source per indicator \(got 2\); give several files as one glob/);
    const before = process.env['ENTENTE_DUCKDB_THREADS'];
    process.env['ENTENTE_DUCKDB_THREADS'] = 'zero';
    try {
      await expect(loadEvents(edges)).rejects.toMatchObject({ code: 'E_CONFIG', message: expect.stringContaining('ENTENTE_DUCKDB_THREADS=zero') });
    } finally {
      if (before === undefined) delete process.env['ENTENTE_DUCKDB_THREADS'];
      else process.env['ENTENTE_DUCKDB_THREADS'] = before;
    }
  });
});
