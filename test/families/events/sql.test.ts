import { describe, expect, it } from 'vitest';
import nodeSqlParser from 'node-sql-parser';
import { SparkSQL, TrinoSQL } from 'dt-sql-parser';
import path from 'node:path';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { PERIOD_KINDS, type PeriodKind } from '../../../src/domain/period.js';
import { DuckEngine, engineSettings } from '../../../src/families/events/run-duckdb.js';
import { eventsFamily } from '../../../src/families/events/family.js';
import { EVENT_MEASURE_NAMES } from '../../../src/families/events/measures.js';
import { DEFAULT_MAX_BYTES_BILLED, printSql } from '../../../src/families/events/run-print-sql.js';
import type { IndicatorSpec } from '../../../src/families/family.js';
import { testContext } from '../../helpers/load-context.js';
import { fixture } from './helpers.js';

const SOURCES: Record<string, Record<string, unknown>> = {
  edges: { format: 'edges', path: fixture('edges_small.csv') },
  gdelt_v2: { format: 'gdelt_v2', path: fixture('gdelt_v2_small.export.CSV'), select: { cameo: ['04', '05'], quad_class: [1, 2] } },
  icews: { format: 'icews', path: fixture('icews_small.tab') },
  polecat: { format: 'polecat', path: fixture('polecat_small.txt'), select: { plover: ['consult', 'cooperate', 'accuse', 'agree'] } },
};

function spec(source: Record<string, unknown>, measure: string, options: Record<string, unknown> = { min_observed: 0 }): IndicatorSpec {
  return { id: 'events', family: 'events', measure, options: eventsFamily.optionsSchema.parse(options) as Record<string, unknown>, sources: [eventsFamily.sourceSchema.parse(source) as never] };
}

const print = (s: IndicatorSpec, dialect: 'duckdb' | 'spark' | 'bigquery' | 'trino', period: PeriodKind = 'year', precision = 6) =>
  printSql(s, createCrosswalk(), (p) => p, { dialect, period, precision, toolVersion: 'test' });

/** The family's values per pair and period, as `A-B year[ sub] value` lines rounded to 6 decimals. */
async function familyLines(s: IndicatorSpec, period: PeriodKind): Promise<string[]> {
  const d = await eventsFamily.periods!.load(s, testContext(), period);
  const k = period === 'year' ? 1 : period === 'quarter' ? 4 : 12;
  return Array.from(d.table.values, (v, i) => {
    const p = d.table.pairs[i]!;
    const a = Math.floor(p / 17576);
    const code = (x: number) => String.fromCharCode(65 + Math.floor(x / 676), 65 + (Math.floor(x / 26) % 26), 65 + (x % 26));
    const per = d.table.periods[i]!;
    const year = Math.floor(per / k);
    return `${code(a)}-${code(p % 17576)} ${year}${period === 'year' ? '' : ` ${per - year * k + 1}`} ${v.toFixed(6)}`;
  });
}

describe('entente sql: the printed DuckDB text runs and gives the family\'s values', () => {
  for (const [name, source] of Object.entries(SOURCES)) {
    for (const measure of EVENT_MEASURE_NAMES) {
      for (const period of PERIOD_KINDS) {
        it(`${name}, ${measure}, per ${period}`, async () => {
          const s = spec(source, measure);
          const sql = await print(s, 'duckdb', period);
          const engine = await DuckEngine.open(engineSettings({}));
          try {
            const { names, columns } = await engine.columns(sql.replace(/;\s*$/, ''));
            const lines = Array.from(columns[0]!, (_, r) => {
              const sub = period === 'year' ? '' : ` ${columns[names.indexOf(period)]![r]}`;
              return `${columns[0]![r]}-${columns[1]![r]} ${columns[2]![r]}${sub} ${Number(columns[names.indexOf(measure)]![r]).toFixed(6)}`;
            });
            expect(lines).toEqual(await familyLines(s, period));
          } finally {
            await engine.close();
          }
        });
      }
    }
  }
});

describe('entente sql with min_days (one row per day and pair before the periods)', () => {
  for (const [name, source] of Object.entries(SOURCES)) {
    for (const period of ['year', 'month'] as const) {
      it(`${name} per ${period}: DuckDB gives the family's values; the other dialects parse`, async () => {
        const s = spec(source, 'mean_daily', { min_observed: 0, min_days: 2 });
        const sql = await print(s, 'duckdb', period);
        expect(sql).toContain('GROUP BY day, a1, a2');
        const engine = await DuckEngine.open(engineSettings({}));
        try {
          const { names, columns } = await engine.columns(sql.replace(/;\s*$/, ''));
          const lines = Array.from(columns[0]!, (_, r) => `${columns[0]![r]}-${columns[1]![r]} ${columns[2]![r]}${period === 'year' ? '' : ` ${columns[names.indexOf(period)]![r]}`} ${Number(columns[names.indexOf('mean_daily')]![r]).toFixed(6)}`);
          expect(lines).toEqual(await familyLines(s, period));
        } finally {
          await engine.close();
        }
        const bq = await print(s, 'bigquery', period);
        expect(() => new nodeSqlParser.Parser().astify(bq, { database: 'bigquery' })).not.toThrow();
        expect(new SparkSQL().validate(await print(s, 'spark', period))).toEqual([]);
        expect(new TrinoSQL().validate(await print(s, 'trino', period))).toEqual([]);
      });
    }
  }
});

const bigquery = new nodeSqlParser.Parser();
const spark = new SparkSQL();
const trino = new TrinoSQL();

describe('entente sql: every dialect\'s text parses with a parser of that dialect', () => {
  for (const [name, source] of Object.entries(SOURCES)) {
    for (const period of PERIOD_KINDS) {
      it(`${name} per ${period}: BigQuery (node-sql-parser), Spark and Trino (dt-sql-parser)`, async () => {
        for (const measure of EVENT_MEASURE_NAMES) {
          const s = spec(source, measure);
          const bq = await print(s, 'bigquery', period);
          expect(() => bigquery.astify(bq, { database: 'bigquery' }), `${measure} bigquery`).not.toThrow();
          expect(spark.validate(await print(s, 'spark', period)), `${measure} spark`).toEqual([]);
          expect(trino.validate(await print(s, 'trino', period)), `${measure} trino`).toEqual([]);
        }
      });
    }
  }

  it('a broken text does not parse (the parsers are not blind)', () => {
    expect(() => bigquery.astify('SELECT FROM WHERE', { database: 'bigquery' })).toThrow();
    expect(spark.validate('SELECT FROM WHERE x').length).toBeGreaterThan(0);
    expect(trino.validate('SELEC 1').length).toBeGreaterThan(0);
  });
});

describe('entente sql: the text', () => {
  it('pushes the selection into the scan, canonicalises pairs, groups by period and sorts', async () => {
    const sql = await print(spec(SOURCES['gdelt_v2']!, 'mean_daily'), 'bigquery', 'month');
    expect(sql).toContain('FROM `gdelt-bq.gdeltv2.events`');
    expect(sql).toContain("PARSE_DATE('%Y%m%d', SUBSTR(CAST(`DATEADDED` AS STRING), 1, 8)) AS day");
    expect(sql).toContain("(TRIM(`EventCode`) LIKE '04%' OR TRIM(`EventCode`) LIKE '05%') AND `QuadClass` IN (1, 2)");
    expect(sql).toContain('LEAST(c1.iso3, c2.iso3) AS state_a, GREATEST(c1.iso3, c2.iso3) AS state_b');
    expect(sql).toContain("EXTRACT(MONTH FROM PARSE_DATE('%Y%m%d', SUBSTR(CAST(`DATEADDED` AS STRING), 1, 8))) AS sub");
    expect(sql).toContain('GROUP BY year, sub, a1, a2\n  UNION ALL'); // BigQuery: the day set as a second aggregation
    expect(await print(spec(SOURCES['gdelt_v2']!, 'mean_daily'), 'trino', 'month')).toContain('GROUP BY GROUPING SETS ((year, sub, a1, a2), (day))');
    expect(sql).toMatch(/ORDER BY state_a, state_b, year, month;\n$/);
    expect(sql).not.toContain('SELECT *'); // only the columns used are read (what BigQuery bills)
  });

  it('writes the output schema and, for BigQuery, the maximum_bytes_billed guard', async () => {
    const sql = await print(spec(SOURCES['gdelt_v2']!, 'coop_share'), 'bigquery');
    expect(sql).toContain('--   coop_share     FLOAT64');
    expect(sql).toContain(`-- maximum_bytes_billed: ${DEFAULT_MAX_BYTES_BILLED}`);
    expect(sql).toContain(`bq query --use_legacy_sql=false --maximum_bytes_billed=${DEFAULT_MAX_BYTES_BILLED} < events.sql`);
    expect(await print(spec(SOURCES['gdelt_v2']!, 'coop_share'), 'trino')).not.toContain('maximum_bytes_billed');
  });

  it('quotes the published column names of ICEWS per dialect and rounds to the precision', async () => {
    expect(await print(spec(SOURCES['icews']!, 'share'), 'spark')).toContain('CAST(`Event Date` AS DATE) AS day');
    expect(await print(spec(SOURCES['icews']!, 'share'), 'trino')).toContain('CAST("Event Date" AS DATE) AS day');
    expect(await print(spec(SOURCES['icews']!, 'share'), 'trino', 'year', 4)).toContain('ROUND(value, 4) AS share');
  });

  it('is the same text on every run', async () => {
    const s = spec(SOURCES['polecat']!, 'mean_event');
    expect(await print(s, 'duckdb')).toBe(await print(s, 'duckdb'));
    expect(path.isAbsolute(fixture('x'))).toBe(true);
  });
});
