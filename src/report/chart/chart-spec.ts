/**
 * Chart specifications, pure: the rows of a scored table for the pairs and years asked for,
 * turned into a vega-lite spec (plain JSON) — one line per pair with an optional interval
 * band, or per pair a panel of stacked indicator contributions under the index line.
 * Rendering (vega, resvg) lives in `io/render-chart.ts`; this module only builds data.
 */
import type { TopLevelSpec } from 'vega-lite';
import { svgText } from '../../domain/escape.js';
import { iso3Index, type Iso3 } from '../../domain/country.js';
import type { YearRange } from '../../domain/year.js';
import type { ScoreTable } from '../../core/score.js';
import { yearOfKey, CODE_SPAN as N, YEAR_SPAN as Y } from '../../domain/dyad-year-key.js';

/** A pair of states to draw, in the order the user wrote it (`RUS-IRN` stays RUS first). */
export interface ChartPair {
  readonly a: Iso3;
  readonly b: Iso3;
}

/** An interval of the plotted value at one pair-year, `lo ≤ hi`. */
export interface Band {
  readonly lo: number;
  readonly hi: number;
}

/** What the lines show: the index, or one indicator's raw measure. */
export type ChartValue = { readonly kind: 'index' } | { readonly kind: 'indicator'; readonly id: string };

/** One point of a line: `value` null where the table has no value (the line breaks there). */
export interface ChartLineRow {
  readonly pair: string;
  readonly year: number;
  readonly value: number | null;
  readonly lo: number | null;
  readonly hi: number | null;
}

/**
 * One indicator's part of the index at a pair-year (`kind: 'contribution'`), or the index
 * itself (`kind: 'index'`, `indicator` empty), for the stacked view.
 */
export interface ChartAreaRow {
  readonly pair: string;
  readonly year: number;
  readonly kind: 'contribution' | 'index';
  readonly indicator: string;
  /** Position of the indicator in the stack (config order), so stacking is stable. */
  readonly order: number;
  readonly value: number | null;
}

/** Layout and text of a chart. */
export interface ChartLayout {
  readonly title: string;
  /** Lines under the title (data source, method, what the band is). */
  readonly subtitle: readonly string[];
  /** Title of the value axis. */
  readonly yTitle: string;
  /** Fixed value domain, e.g. the index scale `[0, 100]`; null lets the data decide. */
  readonly domain: readonly [number, number] | null;
  /** Total size of the picture in CSS pixels (the line chart fits into it exactly). */
  readonly width: number;
  readonly height: number;
  /** Font family written into the SVG (the PNG renderer is given the same font file). */
  readonly font: string;
}

/** Default layout values: 800 × 450 px, DejaVu Sans. */
export const CHART_DEFAULTS = { width: 800, height: 450, panelHeight: 160, font: 'DejaVu Sans' } as const;

/**
 * The label of a pair as the user wrote it, with an en dash.
 * @example pairLabel({ a: 'RUS', b: 'IRN' }) // 'RUS–IRN'
 */
export function pairLabel(p: ChartPair): string {
  return svgText(`${p.a}–${p.b}`);
}

/**
 * Row position of a pair-year in a scored table (keys sorted ascending), or -1.
 * Binary search: O(log n).
 * @example rowOf(table, 'RUS', 'IRN', 2016) // e.g. 1234, or -1 when the table has no such row
 */
export function rowOf(table: ScoreTable, a: Iso3, b: Iso3, year: number): number {
  const key = canonicalKey(a, b, year);
  const keys = table.keys;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The packed key of an unordered pair-year as the scored table stores it
 * (`(index(min)·26³ + index(max))·4096 + year`).
 * @example canonicalKey('RUS', 'IRN', 2016) === canonicalKey('IRN', 'RUS', 2016) // true
 */
export function canonicalKey(a: Iso3, b: Iso3, year: number): number {
  const ia = iso3Index(a);
  const ib = iso3Index(b);
  return (ia < ib ? ia * N + ib : ib * N + ia) * Y + year;
}

/**
 * The years to draw: `years` when given, else the span of the table's rows for these pairs.
 * Null when the pairs have no rows at all.
 * @example chartYears(table, [{ a: 'RUS', b: 'IRN' }], null) // { from: 1990, to: 2020 }
 */
export function chartYears(table: ScoreTable, pairs: readonly ChartPair[], years: YearRange | null): YearRange | null {
  if (years) return years;
  const wanted = new Set(pairs.map((p) => Math.floor(canonicalKey(p.a, p.b, 0) / Y)));
  let from = Infinity;
  let to = -Infinity;
  for (const k of table.keys) {
    if (!wanted.has(Math.floor(k / Y))) continue;
    const y = yearOfKey(k);
    if (y < from) from = y;
    if (y > to) to = y;
  }
  return from <= to ? { from, to } : null;
}

/**
 * Bands from an indicator's bootstrap extras `<id>_lo` / `<id>_hi` (e.g. UN votes with
 * `bootstrap:`), by packed key; empty when the table has no such columns.
 * @example bandsFromExtras(table, 'un').get(canonicalKey('IRN', 'RUS', 2016)) // { lo: 0.81, hi: 0.88 }
 */
export function bandsFromExtras(table: ScoreTable, id: string): Map<number, Band> {
  const out = new Map<number, Band>();
  const lo = table.extras.find((x) => x.column === `${id}_lo`);
  const hi = table.extras.find((x) => x.column === `${id}_hi`);
  if (!lo || !hi) return out;
  for (let r = 0; r < table.keys.length; r++) {
    const l = lo.values[r]!;
    const h = hi.values[r]!;
    if (l === l && h === h) out.set(table.keys[r]!, { lo: Math.min(l, h), hi: Math.max(l, h) });
  }
  return out;
}

/**
 * The line rows of a chart: for each pair (in the order given) and each year of `years`,
 * the index (or an indicator's raw value) and the band around it when `bands` has one.
 * Values are rounded to 6 decimals so the drawing does not depend on the last bits of a
 * float. A year without a value gives `value: null` (a gap, never 0).
 * @example chartLines(table, [{ a: 'RUS', b: 'IRN' }], { from: 2015, to: 2016 }, { kind: 'index' })
 * // [{ pair: 'RUS–IRN', year: 2015, value: 62.5, lo: null, hi: null }, …]
 */
export function chartLines(
  table: ScoreTable,
  pairs: readonly ChartPair[],
  years: YearRange,
  value: ChartValue,
  bands: ReadonlyMap<number, Band> = new Map(),
): ChartLineRow[] {
  const column = value.kind === 'index' ? table.index : indicatorColumn(table, value.id);
  const rows: ChartLineRow[] = [];
  for (const p of pairs) {
    const pair = pairLabel(p);
    for (let year = years.from; year <= years.to; year++) {
      const r = rowOf(table, p.a, p.b, year);
      const v = r < 0 ? NaN : column[r]!;
      const band = bands.get(canonicalKey(p.a, p.b, year));
      rows.push({ pair, year, value: round6(v), lo: band ? round6(band.lo) : null, hi: band ? round6(band.hi) : null });
    }
  }
  return rows;
}

/**
 * The rows of the stacked view: per pair and year, each indicator's contribution (0 when the
 * indicator is absent but the index exists — its weight went to the others — and null when
 * the index itself is missing), plus the index.
 * @example chartContributions(table, [{ a: 'RUS', b: 'IRN' }], { from: 2016, to: 2016 })
 * // [{ pair: 'RUS–IRN', year: 2016, kind: 'contribution', indicator: 'un', order: 0, value: 41.2 }, …]
 */
export function chartContributions(table: ScoreTable, pairs: readonly ChartPair[], years: YearRange): ChartAreaRow[] {
  const rows: ChartAreaRow[] = [];
  for (const p of pairs) {
    const pair = pairLabel(p);
    for (let year = years.from; year <= years.to; year++) {
      const r = rowOf(table, p.a, p.b, year);
      const index = r < 0 ? NaN : table.index[r]!;
      const has = index === index;
      table.ids.forEach((id, i) => {
        const c = has ? table.contrib[i]![r]! : NaN;
        rows.push({ pair, year, kind: 'contribution', indicator: id, order: i, value: has ? (c === c ? round6(c) : 0) : null });
      });
      rows.push({ pair, year, kind: 'index', indicator: '', order: table.ids.length, value: round6(index) });
    }
  }
  return rows;
}

/**
 * A vega-lite spec of lines over years, one colour per pair (legend in the pairs' order),
 * with a translucent band where rows have `lo`/`hi`. Gaps in the data break the lines.
 * The picture is exactly `layout.width × layout.height` (autosize fit).
 * @example buildLineSpec(chartLines(table, pairs, years, { kind: 'index' }), layout).layer.length // 1 or 2
 */
/** A year to mark on a chart with a dashed rule and a label (e.g. where a source ends). */
export interface ChartMark {
  readonly year: number;
  readonly label: string;
}

/**
 * The layers that mark years with a dashed grey rule and a small label at the top.
 * @example markLayers([{ year: 2015, label: 'trade out' }], x) // [rule layer, text layer]
 */
function markLayers(marks: readonly ChartMark[], x: ReturnType<typeof yearAxis>): object[] {
  if (marks.length === 0) return [];
  const data = { values: marks.map((m) => ({ year: m.year, label: svgText(m.label) })) };
  return [
    { data, mark: { type: 'rule', color: '#888888', strokeDash: [4, 3], strokeWidth: 1 }, encoding: { x } },
    { data, mark: { type: 'text', color: '#555555', fontSize: 9, angle: 270, align: 'right', baseline: 'bottom', dx: -4, dy: -2, y: 0 }, encoding: { x, text: { field: 'label' } } },
  ];
}

export function buildLineSpec(rows: readonly ChartLineRow[], layout: ChartLayout, marks: readonly ChartMark[] = []): TopLevelSpec {
  const pairs = [...new Set(rows.map((r) => r.pair))];
  const hasBand = rows.some((r) => r.lo !== null && r.hi !== null);
  const x = yearAxis(rows);
  const color = { field: 'pair', type: 'nominal', title: 'pair', scale: { domain: pairs } } as const;
  const y = { field: 'value', type: 'quantitative', title: layout.yTitle, scale: valueScale(layout) } as const;
  const band = {
    mark: { type: 'area', opacity: 0.18, clip: true, invalid: 'break-paths-show-domains' },
    encoding: {
      x,
      y: { field: 'lo', type: 'quantitative', scale: valueScale(layout), title: layout.yTitle },
      y2: { field: 'hi' },
      color,
    },
  } as const;
  const line = {
    mark: { type: 'line', strokeWidth: 2, invalid: 'break-paths-show-domains', point: { filled: true, size: 14 } },
    encoding: { x, y, color },
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...frame(layout, 'stroke'),
    autosize: { type: 'fit', contains: 'padding' },
    width: layout.width,
    height: layout.height,
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [...(hasBand ? [band, line] : [line]), ...markLayers(marks, x)],
  } as TopLevelSpec;
}

/**
 * A vega-lite spec of stacked indicator contributions (areas, one colour per indicator in
 * config order) with the index as a black line on top, one panel per pair.
 * @example buildContributionSpec(chartContributions(table, pairs, years), layout).facet // { row: { field: 'pair', … } }
 */
export function buildContributionSpec(rows: readonly ChartAreaRow[], layout: ChartLayout): TopLevelSpec {
  const pairs = [...new Set(rows.map((r) => r.pair))];
  const ids = [...new Map(rows.filter((r) => r.kind === 'contribution').map((r) => [r.order, r.indicator])).entries()]
    .sort(([a], [b]) => a - b)
    .map(([, id]) => id);
  const x = yearAxis(rows);
  const panelHeight = Math.max(80, Math.min(layout.height, CHART_DEFAULTS.panelHeight));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...frame(layout, 'square'),
    data: { values: rows.map((r) => ({ ...r })) },
    facet: { row: { field: 'pair', type: 'nominal', sort: pairs, title: null, header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelFontWeight: 'bold' } } },
    spec: {
      width: Math.max(200, layout.width - 200),
      height: panelHeight,
      layer: [
        {
          transform: [{ filter: "datum.kind === 'contribution'" }],
          mark: { type: 'area', opacity: 0.85, invalid: 'break-paths-show-domains' },
          encoding: {
            x,
            y: { field: 'value', type: 'quantitative', stack: 'zero', title: layout.yTitle, scale: valueScale(layout) },
            color: { field: 'indicator', type: 'nominal', title: 'contribution of', scale: { domain: ids } },
            order: { field: 'order', type: 'quantitative' },
          },
        },
        {
          transform: [{ filter: "datum.kind === 'index'" }],
          mark: { type: 'line', color: 'black', strokeWidth: 1.5, invalid: 'break-paths-show-domains' },
          encoding: { x, y: { field: 'value', type: 'quantitative', title: layout.yTitle, scale: valueScale(layout) } },
        },
      ],
    },
  } as TopLevelSpec;
}

/** Facts for the title and subtitle of a chart. */
export interface ChartCaption {
  readonly value: ChartValue;
  readonly contributions: boolean;
  readonly pairs: readonly ChartPair[];
  readonly years: YearRange;
  readonly configName: string;
  readonly aggregation: string;
  readonly indicators: readonly string[];
  readonly sample: boolean;
  /** What the band shows, e.g. `5–95 % interval from entente sensitivity`; null without a band. */
  readonly band: string | null;
  readonly version: string;
  /** Years where the set of indicators changes, marked on the chart. */
  readonly marks?: readonly ChartMark[] | undefined;
}

/**
 * Title and subtitle lines of a chart, so a picture that travels alone still says what it
 * shows, from which config and tool version, and — loudly — when the data are synthetic.
 * @example chartCaption({ value: { kind: 'index' }, pairs, years: { from: 1990, to: 2020 }, … }).title
 * // 'Alignment index, RUS–IRN and RUS–CHN, 1990–2020'
 */
export function chartCaption(c: ChartCaption): { title: string; subtitle: string[] } {
  const labels = c.pairs.map(pairLabel);
  const list = labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
  const what = c.contributions ? 'Alignment index by indicator contribution' : c.value.kind === 'index' ? 'Alignment index' : `Indicator ${c.value.id} (raw measure)`;
  const subtitle: string[] = [];
  if (c.sample) subtitle.push('SYNTHETIC SAMPLE DATA — made-up demonstration values, not real observations');
  subtitle.push(`Entente ${c.version} · config "${c.configName}" · ${c.aggregation} aggregation of ${c.indicators.join(', ')}`);
  if (c.band) subtitle.push(`shaded: ${c.band}`);
  if (c.contributions) subtitle.push('areas: each indicator\'s part of the index (they add up to it); black line: the index');
  if (c.marks && c.marks.length > 0) subtitle.push('dashed lines: a source starts or ends (the set of indicators changes; the index can move there for that reason alone)');
  // text that came from outside (the config's name, a band read from a report) stays well-formed in the SVG
  return { title: svgText(`${what}, ${list}, ${c.years.from}–${c.years.to}`), subtitle: subtitle.map(svgText) };
}

function indicatorColumn(table: ScoreTable, id: string): Float64Array {
  const i = table.ids.indexOf(id);
  if (i < 0) throw new RangeError(`unknown indicator "${id}"; the table has ${table.ids.join(', ')}`);
  return table.raw[i]!;
}

function round6(x: number): number | null {
  if (x !== x || !Number.isFinite(x)) return null;
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}

function yearAxis(rows: readonly { year: number }[]) {
  let from = Infinity;
  let to = -Infinity;
  for (const r of rows) {
    from = Math.min(from, r.year);
    to = Math.max(to, r.year);
  }
  const span = Number.isFinite(from) ? to - from : 0;
  return {
    field: 'year',
    type: 'quantitative',
    title: 'year',
    scale: { zero: false, nice: false, ...(Number.isFinite(from) ? { domain: [from, Math.max(to, from + 1)] } : {}) },
    axis: { format: 'd', tickMinStep: 1, tickCount: Math.min(Math.max(span, 1), 12) },
  } as const;
}

function valueScale(layout: ChartLayout) {
  return layout.domain ? { domain: [...layout.domain], nice: false, zero: false } : { zero: false };
}

function frame(layout: ChartLayout, symbolType: 'stroke' | 'square') {
  return {
    title: { text: layout.title, subtitle: [...layout.subtitle], anchor: 'start', fontSize: 15, subtitleFontSize: 11, subtitleColor: '#444', offset: 14 },
    background: 'white',
    padding: 12,
    config: {
      font: layout.font,
      view: { stroke: null },
      axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#e6e6e6' },
      legend: { symbolType, symbolOpacity: 1, labelFontSize: 11, titleFontSize: 12, symbolStrokeWidth: 3 },
    },
  } as const;
}
