import { describe, expect, it } from 'vitest';
import {
  bandsFromExtras,
  buildContributionSpec,
  buildLineSpec,
  canonicalKey,
  chartCaption,
  chartContributions,
  chartLines,
  chartYears,
  pairLabel,
  rowOf,
  type ChartLayout,
  type ChartPair,
} from '../../../src/report/chart/chart-spec.js';
import { scorePanel, type ScoreOptions, type ScoreTable } from '../../../src/core/score.js';
import type { Iso3 } from '../../../src/domain/country.js';
import { DyadYearTable } from '../../../src/domain/dyad-year-table.js';
import { dataOf, indicator } from '../../helpers/indicator-data.js';
import { STATE_SYSTEM } from '../../helpers/state-system.js';

const opts: ScoreOptions = { scale: [0, 100], aggregation: 'arithmetic', formula: null, minCoverage: 0.5, geometricFloor: 0.01, years: null, states: null, pairs: null, stateSystem: STATE_SYSTEM };
const P = (a: string, b: string): ChartPair => ({ a: a as Iso3, b: b as Iso3 });
const layout: ChartLayout = { title: 't', subtitle: ['s'], yTitle: 'index', domain: [0, 100], width: 800, height: 450, font: 'DejaVu Sans' };

/** un on 2015–2017 for IRN–RUS (2016 missing) and CHN–RUS; arms only in 2017. */
function table(): ScoreTable {
  const un = dataOf([
    ['RUS', 'IRN', 2015, 0.5],
    ['RUS', 'IRN', 2017, 0.9],
    ['RUS', 'CHN', 2015, 0.8],
    ['RUS', 'CHN', 2016, 0.7],
    ['RUS', 'CHN', 2017, 0.6],
  ]);
  const arms = dataOf([['RUS', 'IRN', 2017, 0.3], ['RUS', 'CHN', 2017, 0.1]]);
  return scorePanel([indicator('un', un, { weight: 3 }), indicator('arms', arms)], { ...opts, pairs: [['RUS' as Iso3, 'IRN' as Iso3], ['RUS' as Iso3, 'CHN' as Iso3]] });
}

describe('chart rows', () => {
  it('finds a pair-year whichever way round the pair is written', () => {
    const t = table();
    expect(rowOf(t, 'RUS' as Iso3, 'IRN' as Iso3, 2015)).toBe(rowOf(t, 'IRN' as Iso3, 'RUS' as Iso3, 2015));
    expect(rowOf(t, 'RUS' as Iso3, 'IRN' as Iso3, 2015)).toBeGreaterThanOrEqual(0);
    expect(rowOf(t, 'RUS' as Iso3, 'USA' as Iso3, 2015)).toBe(-1);
    expect(canonicalKey('RUS' as Iso3, 'IRN' as Iso3, 2016)).toBe(canonicalKey('IRN' as Iso3, 'RUS' as Iso3, 2016));
  });

  it('gives one row per pair and year in the order asked for, with a gap (null, never 0) where the index is missing', () => {
    const t = table();
    const years = chartYears(t, [P('RUS', 'IRN'), P('RUS', 'CHN')], null)!;
    expect(years).toEqual({ from: 2015, to: 2017 });
    const rows = chartLines(t, [P('RUS', 'IRN'), P('RUS', 'CHN')], years, { kind: 'index' });
    expect(rows.map((r) => `${r.pair} ${r.year}`)).toEqual(['RUS–IRN 2015', 'RUS–IRN 2016', 'RUS–IRN 2017', 'RUS–CHN 2015', 'RUS–CHN 2016', 'RUS–CHN 2017']);
    expect(rows[0]!.value).toBe(50);
    expect(rows[1]!.value).toBeNull();
    // 2017: (3·0.9 + 1·0.3) / 4 · 100 = 75
    expect(rows[2]!.value).toBe(75);
    expect(rows.every((r) => r.lo === null && r.hi === null)).toBe(true);
  });

  it('draws an indicator\'s raw measure when asked, and refuses an unknown indicator', () => {
    const t = table();
    const rows = chartLines(t, [P('RUS', 'IRN')], { from: 2015, to: 2017 }, { kind: 'indicator', id: 'arms' });
    expect(rows.map((r) => r.value)).toEqual([null, null, 0.3]);
    expect(() => chartLines(t, [P('RUS', 'IRN')], { from: 2015, to: 2017 }, { kind: 'indicator', id: 'nope' })).toThrow(/unknown indicator "nope"/);
  });

  it('attaches a band where one is given, ordering lo and hi', () => {
    const t = table();
    const bands = new Map([[canonicalKey('IRN' as Iso3, 'RUS' as Iso3, 2015), { lo: 40, hi: 61.23456789 }]]);
    const rows = chartLines(t, [P('RUS', 'IRN')], { from: 2015, to: 2016 }, { kind: 'index' }, bands);
    expect(rows[0]).toMatchObject({ lo: 40, hi: 61.234568 });
    expect(rows[1]).toMatchObject({ lo: null, hi: null });
  });

  it('reads bootstrap bands from an indicator\'s _lo and _hi extras', () => {
    const lo = new DyadYearTable(false);
    const hi = new DyadYearTable(false);
    lo.set('IRN' as Iso3, 'RUS' as Iso3, 2015, 0.45);
    hi.set('IRN' as Iso3, 'RUS' as Iso3, 2015, 0.55);
    const un = {
      ...dataOf([['RUS', 'IRN', 2015, 0.5]]),
      extras: [
        { suffix: 'lo', table: lo, type: 'number' as const, description: 'lo' },
        { suffix: 'hi', table: hi, type: 'number' as const, description: 'hi' },
      ],
    };
    const t = scorePanel([indicator('un', un)], opts);
    const bands = bandsFromExtras(t, 'un');
    expect([...bands.values()]).toEqual([{ lo: 0.45, hi: 0.55 }]);
    expect(bandsFromExtras(t, 'arms').size).toBe(0);
  });

  it('stacks contributions that add up to the index, 0 for an absent indicator and null where the index is missing', () => {
    const t = table();
    const rows = chartContributions(t, [P('RUS', 'IRN')], { from: 2015, to: 2017 });
    const at = (year: number, ind: string) => rows.find((r) => r.year === year && (ind === '' ? r.kind === 'index' : r.indicator === ind))!.value;
    expect(at(2015, 'un')).toBe(50);
    expect(at(2015, 'arms')).toBe(0);
    expect(at(2016, 'un')).toBeNull();
    expect(at(2016, '')).toBeNull();
    expect(at(2017, 'un')! + at(2017, 'arms')!).toBeCloseTo(at(2017, '')!, 5);
  });
});

describe('chart specs', () => {
  it('draws one line per pair with the pairs as the legend, in the order given, and a band layer only when bands exist', () => {
    const t = table();
    const plain = buildLineSpec(chartLines(t, [P('RUS', 'IRN'), P('RUS', 'CHN')], { from: 2015, to: 2017 }, { kind: 'index' }), layout) as unknown as Record<string, any>;
    expect(plain.layer).toHaveLength(1);
    expect(plain.layer[0].encoding.color.scale.domain).toEqual(['RUS–IRN', 'RUS–CHN']);
    expect(plain.layer[0].encoding.y.scale.domain).toEqual([0, 100]);
    expect(plain.width).toBe(800);
    expect(plain.autosize).toEqual({ type: 'fit', contains: 'padding' });
    const bands = new Map([[canonicalKey('IRN' as Iso3, 'RUS' as Iso3, 2015), { lo: 40, hi: 60 }]]);
    const banded = buildLineSpec(chartLines(t, [P('RUS', 'IRN')], { from: 2015, to: 2017 }, { kind: 'index' }, bands), layout) as unknown as Record<string, any>;
    expect(banded.layer.map((l: any) => l.mark.type)).toEqual(['area', 'line']);
    expect(banded.layer[0].encoding.y2).toEqual({ field: 'hi' });
  });

  it('references no URL: the data are inline', () => {
    const t = table();
    const spec = JSON.stringify(buildContributionSpec(chartContributions(t, [P('RUS', 'IRN')], { from: 2015, to: 2017 }), layout));
    expect(spec).not.toMatch(/"url"/);
    expect(JSON.parse(spec).data.values.length).toBe(3 * 3);
  });

  it('says SYNTHETIC in the subtitle of a sample chart and names the pairs in the title', () => {
    const c = chartCaption({ value: { kind: 'index' }, contributions: false, pairs: [P('RUS', 'IRN'), P('RUS', 'CHN')], years: { from: 1990, to: 2020 }, configName: 'sample', aggregation: 'arithmetic', indicators: ['un'], sample: true, band: null, version: '1.2.3' });
    expect(c.title).toBe('Alignment index, RUS–IRN and RUS–CHN, 1990–2020');
    expect(c.subtitle[0]).toMatch(/^SYNTHETIC SAMPLE DATA/);
    expect(c.subtitle.join('\n')).toContain('Entente 1.2.3');
    const real = chartCaption({ value: { kind: 'indicator', id: 'un' }, contributions: false, pairs: [P('RUS', 'IRN')], years: { from: 2000, to: 2001 }, configName: 'real', aggregation: 'geometric', indicators: ['un'], sample: false, band: 'bootstrap', version: '1' });
    expect(real.subtitle.join('\n')).not.toMatch(/SYNTHETIC/);
    expect(real.subtitle).toContain('shaded: bootstrap');
    expect(pairLabel(P('RUS', 'IRN'))).toBe('RUS–IRN');
  });
});
