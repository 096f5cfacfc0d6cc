import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Loader } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { buildContributionSpec, buildLineSpec, canonicalKey, chartCaption, chartContributions, chartLines, chartYears, type Band, type ChartPair } from '../../../src/report/chart/chart-spec.js';
import type { Iso3 } from '../../../src/domain/country.js';
import { readConfig } from '../../../src/config/read-config.js';
import { chartFontFile, pngSize, refusingLoader, renderSvg, svgToPng } from '../../../src/report/chart/render-chart.js';
import { applyOverrides, computeScore } from '../../../src/pipeline/score.js';
import { ROOT } from '../../helpers/cli.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'reports', 'small.yaml');
const pairs: ChartPair[] = [
  { a: 'RUS' as Iso3, b: 'IRN' as Iso3 },
  { a: 'RUS' as Iso3, b: 'CHN' as Iso3 },
  { a: 'USA' as Iso3, b: 'RUS' as Iso3 },
];

/** The line chart of the small fixture with a hand-made band around RUS–IRN (fixed caption, no tool version). */
async function smallSpec(): Promise<TopLevelSpec> {
  const config = applyOverrides(await readConfig(FIXTURE), { pairs: 'RUS-IRN,RUS-CHN,USA-RUS' });
  const run = await computeScore(config);
  const years = chartYears(run.table, pairs, null)!;
  const bands = new Map<number, Band>();
  for (const [y, lo, hi] of [[2010, 20, 35], [2011, 30, 45], [2013, 40, 55], [2014, 45, 62], [2015, 50, 66]] as const) {
    bands.set(canonicalKey('RUS' as Iso3, 'IRN' as Iso3, y), { lo, hi });
  }
  const caption = chartCaption({ value: { kind: 'index' }, contributions: false, pairs, years, configName: 'small', aggregation: 'arithmetic', indicators: run.table.ids, sample: false, band: 'a hand-made test band', version: 'test' });
  return buildLineSpec(chartLines(run.table, pairs, years, { kind: 'index' }, bands), { ...caption, yTitle: 'index (0–100)', domain: [0, 100], width: 640, height: 360, font: 'DejaVu Sans' });
}

/** Rounds every decimal number in SVG text to one decimal, so the golden file ignores float noise. */
function roundNumbers(svg: string): string {
  return svg.replace(/-?\d+\.\d+/g, (m) => {
    const r = Math.round(Number(m) * 10) / 10;
    return String(r === 0 ? 0 : r);
  });
}

/** A loader that records every URL it is asked for, then refuses it. */
function spyLoader(): { loader: Loader; asked: string[] } {
  const asked: string[] = [];
  const no = async (uri: string): Promise<never> => {
    asked.push(uri);
    throw new Error(`test loader: no network (${uri})`);
  };
  return { loader: { load: no, sanitize: no, http: no, file: no }, asked };
}

describe('render-chart', () => {
  it('renders the small fixture to the golden SVG (numbers rounded to 1 decimal)', async () => {
    const svg = await renderSvg(await smallSpec());
    expect(svg.startsWith('<svg')).toBe(true);
    await expect(roundNumbers(svg)).toMatchFileSnapshot('../../golden/plot-small.svg');
  });

  it('puts title, axes, legend and band inside the SVG itself, with no date or random id', async () => {
    const svg = await renderSvg(await smallSpec());
    expect(svg).toContain('Alignment index, RUS–IRN, RUS–CHN and USA–RUS, 2010–2015');
    expect(svg).toContain('shaded: a hand-made test band');
    for (const label of ['RUS–IRN', 'RUS–CHN', 'USA–RUS', 'year', 'index (0–100)']) expect(svg).toContain(`>${label}<`);
    expect(svg).toMatch(/role-legend/);
    expect(svg).toMatch(/role-axis/);
    expect(svg).not.toMatch(/20\d\d-\d\d-\d\d|GMT|Date/);
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('gives byte-identical SVG on two renders', async () => {
    const spec = await smallSpec();
    const a = await renderSvg(spec);
    await renderSvg(buildContributionSpec(chartContributions((await computeScore(await readConfig(FIXTURE))).table, pairs, { from: 2010, to: 2015 }), { title: 'x', subtitle: [], yTitle: 'y', domain: [0, 100], width: 640, height: 360, font: 'DejaVu Sans' }));
    const b = await renderSvg(spec);
    expect(b).toBe(a);
  });

  it('fetches nothing: a spying loader is never asked for a URL, and the render succeeds', async () => {
    const spy = spyLoader();
    const svg = await renderSvg(await smallSpec(), { loader: spy.loader });
    expect(svg.length).toBeGreaterThan(1000);
    expect(spy.asked).toEqual([]);
  });

  it('refuses a spec that asks for a URL (the loader is the one vega uses)', async () => {
    const spy = spyLoader();
    const remote = { data: { url: 'https://example.org/data.csv' }, mark: 'line', encoding: { x: { field: 'a', type: 'quantitative' } } } as TopLevelSpec;
    await expect(renderSvg(remote, { loader: spy.loader })).rejects.toThrow();
    expect(spy.asked.join(' ')).toContain('https://example.org/data.csv');
    await expect(renderSvg(remote)).rejects.toThrow(/refused to load/);
    await expect(refusingLoader.load('file:///etc/passwd')).rejects.toThrow(/refused/);
  });

  it('makes a PNG twice the SVG size, with the shipped font, identical on re-render', async () => {
    const svg = await renderSvg(await smallSpec());
    expect(svg).toMatch(/^<svg[^>]* width="640" height="360"/);
    const png = await svgToPng(svg);
    expect(pngSize(png)).toEqual({ width: 1280, height: 720 });
    expect(Buffer.from(await svgToPng(svg)).equals(Buffer.from(png))).toBe(true);
    expect(chartFontFile()).toMatch(/dejavu-fonts-ttf[\\/]ttf[\\/]DejaVuSans\.ttf$/);
    expect(() => pngSize(new Uint8Array([1, 2, 3]))).toThrow(/not a PNG/);
  });
});
