import path from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import {
  bandsFromExtras,
  buildContributionSpec,
  buildLineSpec,
  chartCaption,
  chartContributions,
  chartLines,
  chartYears,
  canonicalKey,
  CHART_DEFAULTS,
  type Band,
  type ChartPair,
  type ChartMark,
  type ChartValue,
} from '../report/chart/chart-spec.js';
import type { Iso3 } from '../domain/country.js';
import { pairOfKey, unpackPair, yearOfKey } from '../domain/dyad-year-key.js';
import type { YearRange } from '../domain/year.js';
import { UsageError } from '../domain/errors.js';
import { hashText } from '../format/hash-file.js';
import type { ProgressFn } from './load-indicators.js';
import { readConfig } from '../config/read-config.js';
import { readIntervalBands } from '../report/chart/read-interval-bands.js';
import { CHART_FONT_FAMILY, renderSvg, svgToPng } from '../report/chart/render-chart.js';
import { applyOverrides, computeScore, reportDir, scoreInputs, scoreOptions } from './score.js';
import type { ScoreRun } from '../report/score-run.js';
import { scorePanel, sourceYears } from '../core/score.js';
import { prepareReport, type ReportTarget } from '../report/report-folder.js';
import { addToScoreReport, checkSameVersion } from './toolkit.js';
import { toolVersion } from '../report/tool-version.js';
import { fileResourceJson, type Addition } from '../report/update-datapackage.js';

/** What to draw. */
export interface PlotOptions {
  /** Pairs as written on the command line, e.g. `['RUS-IRN', 'RUS-CHN']`. */
  readonly pairs: readonly string[];
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  /** Stacked areas of the indicators' contributions under the index, one panel per pair. */
  readonly contributions?: boolean | undefined;
  /** Draw this indicator's raw measure (with its bootstrap band, if any) instead of the index. */
  readonly indicator?: string | undefined;
  /** Base name of the files (default `plot_<pairs>`). */
  readonly name?: string | undefined;
  readonly out?: string | undefined;
  /** Notes for the user while checking and writing the folder. */
  readonly note?: ((text: string) => void) | undefined;
}

/** What a plot run wrote. */
export interface PlotResult {
  readonly run: ScoreRun;
  readonly outDir: string;
  readonly svgFile: string;
  readonly pngFile: string;
  readonly svgSha256: string;
  /** Things the user should know (pairs without data, bands not drawn and why). */
  readonly notes: readonly string[];
  /** True when the folder had no report and the score report was written with the chart. */
  readonly rescored: boolean;
}

/**
 * Parses `A-B` pair arguments, keeping the user's order and spelling (upper-cased).
 * @throws {UsageError} for a malformed or repeated pair.
 * @example parsePairs(['rus-irn']) // [{ a: 'RUS', b: 'IRN' }]
 */
export function parsePairs(args: readonly string[]): ChartPair[] {
  if (args.length === 0) throw new UsageError('name at least one pair, e.g. `entente plot RUS-IRN RUS-CHN`');
  const seen = new Set<string>();
  return args.flatMap((s) => s.split(',')).map((s) => {
    const m = /^\s*([A-Za-z]{3})-([A-Za-z]{3})\s*$/.exec(s);
    const a = m?.[1]?.toUpperCase();
    const b = m?.[2]?.toUpperCase();
    if (!a || !b || a === b) throw new UsageError(`"${s}" is not a pair like RUS-IRN`);
    const key = [a, b].sort().join('-');
    if (seen.has(key)) throw new UsageError(`the pair ${a}-${b} is named twice`);
    seen.add(key);
    return { a: a as Iso3, b: b as Iso3 };
  });
}

/**
 * The `plot` job: reads the config, scores the pairs asked for, draws the index (or one
 * indicator, or the stacked contributions) over the years and writes `<name>.svg` and
 * `<name>.png` into the report folder. Bands: the index's interval from `sensitivity.csv`
 * in the folder (when made from the same config), or an indicator's bootstrap interval.
 * @throws {UsageError} for bad pairs, an unknown indicator, or pairs without any data.
 */
export async function runPlot(configFile: string, o: PlotOptions, progress?: ProgressFn): Promise<PlotResult> {
  const pairs = parsePairs(o.pairs);
  const name = o.name === undefined ? defaultPlotName(pairs, o) : plotNameArg(o.name);
  if (o.contributions && o.indicator !== undefined) throw new UsageError('use either --contributions or --indicator, not both');
  const base = await readConfig(configFile);
  const config = applyOverrides(base, { pairs: pairs.map((p) => `${p.a}-${p.b}`).join(','), from: o.from, to: o.to });
  if (o.indicator !== undefined && !config.indicators.some((i) => i.id === o.indicator)) {
    throw new UsageError(`--indicator "${o.indicator}" is not in the config; it has ${config.indicators.map((i) => i.id).join(', ')}`);
  }
  const target: ReportTarget = { dir: reportDir(config, o.out), configFile: config.file, note: o.note };
  await prepareReport(target, 'add', (pkg) => checkSameVersion(target.dir, pkg, config, null));
  const run = await computeScore(config, progress);
  const known = statesInData(run);
  const unknown = [...new Set(pairs.flatMap((p) => [p.a, p.b]))].filter((s) => !known.has(s));
  if (unknown.length > 0) throw new UsageError(`${unknown.join(', ')} appear${unknown.length === 1 ? 's' : ''} in no source of this config; check the ISO3 code(s)`);
  const outDir = target.dir;
  const notes: string[] = [];
  // years with no index for any of the pairs at either end are trimmed (unless asked for by --from/--to)
  const years = trimYears(run, pairs, chartYears(run.table, pairs, null), o);
  const drawn = pairs.filter((p) => hasValue(run, p, o.indicator));
  if (years === null || drawn.length === 0) throw new UsageError(`no values for ${pairs.map((p) => `${p.a}-${p.b}`).join(', ')} in the years asked for; check the pairs and --from/--to`);
  for (const p of pairs) if (!drawn.includes(p)) notes.push(`${p.a}-${p.b} has no values in ${years.from}–${years.to}; its line is empty`);
  const value: ChartValue = o.indicator === undefined ? { kind: 'index' } : { kind: 'indicator', id: o.indicator };
  let bands: ReadonlyMap<number, Band> = new Map();
  let bandLabel: string | null = null;
  if (value.kind === 'indicator') {
    bands = bandsFromExtras(run.table, value.id);
    if (bands.size > 0) bandLabel = `bootstrap interval of ${value.id} (${value.id}_lo to ${value.id}_hi)`;
  } else if (!o.contributions) {
    const read = await readIntervalBands(outDir, config.sha256, (why) => notes.push(why));
    if (read && read.bands.size > 0) {
      bands = read.bands;
      bandLabel = read.label;
    }
  }
  const marks = years === null || value.kind !== 'index' ? [] : sourceBoundaries(run, years);
  const caption = chartCaption({
    marks,
    value,
    contributions: o.contributions === true,
    pairs,
    years,
    configName: config.name,
    aggregation: config.aggregation,
    indicators: run.table.ids,
    sample: run.sample,
    band: bandLabel,
    version: toolVersion(),
  });
  const layout = {
    ...caption,
    yTitle: value.kind === 'index' ? `index (${config.scale[0]}–${config.scale[1]})` : `${value.id} (raw)`,
    domain: value.kind === 'index' ? config.scale : null,
    width: CHART_DEFAULTS.width,
    height: CHART_DEFAULTS.height,
    font: CHART_FONT_FAMILY,
  };
  const spec: TopLevelSpec = o.contributions
    ? buildContributionSpec(chartContributions(run.table, pairs, years), layout)
    : buildLineSpec(chartLines(run.table, pairs, years, value, bands), layout, marks);
  progress?.('drawing', 0, 1);
  const svg = await renderSvg(spec);
  const png = await svgToPng(svg);
  progress?.('drawing', 1, 1);
  const about = `${caption.title} (entente plot${o.contributions ? ' --contributions' : ''})`;
  const addition: Addition = {
    files: new Map<string, string | Uint8Array>([[`${name}.svg`, svg], [`${name}.png`, png]]),
    resources: [fileResourceJson(`${name}.svg`, 'image/svg+xml', hashText(svg), `Chart (SVG): ${about}`), fileResourceJson(`${name}.png`, 'image/png', hashText(png), `Chart (PNG): ${about}`)],
  };
  // a folder without a report gets the score report of the whole configured panel with the chart
  const whole = (): ScoreRun => ({ ...run, config: base, table: scorePanel(scoreInputs(base, run.data), scoreOptions(base, run.stateSystem)) });
  const { rescored } = await addToScoreReport(target, run, addition, whole);
  return { run, outDir, svgFile: path.join(outDir, `${name}.svg`), pngFile: path.join(outDir, `${name}.png`), svgSha256: hashText(svg), notes, rescored };
}

/** Longest base name of a chart's files (their names must fit every file system: 255 bytes). */
export const MAX_PLOT_NAME = 120;

/**
 * A `--name` for the chart files: letters, digits, dot, dash and underscore, starting with a
 * letter or digit, at most {@link MAX_PLOT_NAME} characters.
 * @throws {UsageError} otherwise.
 * @example plotNameArg('russia-partners') // 'russia-partners'
 */
export function plotNameArg(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) throw new UsageError(`--name "${name}": use letters, digits, dot, dash and underscore, starting with a letter or digit`);
  if (name.length > MAX_PLOT_NAME) throw new UsageError(`--name: at most ${MAX_PLOT_NAME} characters, got ${name.length}`);
  return name;
}

/**
 * The default base name of the chart files: `plot_<A-B>_<C-D>…` plus `_contributions` or
 * `_<indicator>`; when that is longer than {@link MAX_PLOT_NAME} characters (some 14 pairs or
 * more), its start cut after a whole pair, `_and_<n>_more`, the suffix (when short) and 10 hex
 * digits of the SHA-256 of the full name, so every list of pairs has its own short name.
 * @example defaultPlotName([{ a: 'RUS', b: 'IRN' }], {}) // 'plot_RUS-IRN'
 */
export function defaultPlotName(pairs: readonly ChartPair[], o: Pick<PlotOptions, 'contributions' | 'indicator'>): string {
  const suffix = o.contributions ? '_contributions' : o.indicator !== undefined ? `_${o.indicator}` : '';
  const labels = pairs.map((p) => `${p.a}-${p.b}`);
  const full = `plot_${labels.join('_')}${suffix}`;
  if (full.length <= MAX_PLOT_NAME) return full;
  const hash = hashText(full).slice(0, 10);
  const kept = suffix.length <= 24 ? suffix : '';
  let head = 'plot';
  let shown = 0;
  const room = MAX_PLOT_NAME - `_and_${labels.length}_more${kept}_${hash}`.length;
  while (shown < labels.length && `${head}_${labels[shown]}`.length <= Math.min(room, 80)) head += `_${labels[shown++]}`;
  return `${head}_and_${labels.length - shown}_more${kept}_${hash}`;
}

function statesInData(run: ScoreRun): Set<string> {
  const pairs = new Set<number>();
  for (const d of run.data.values()) for (const k of d.values.keys()) pairs.add(pairOfKey(k));
  const out = new Set<string>();
  for (const p of pairs) {
    const { a, b } = unpackPair(p);
    out.add(a);
    out.add(b);
  }
  return out;
}

/**
 * The years inside the chart where a source starts or ends (the set of indicators of the
 * index changes there for every pair): `<id> starts` in a source's first year, `<id> ends`
 * in the year after its last, from each indicator's years (its declared coverage and the
 * years of its values), merged per year.
 * @example sourceBoundaries(run, { from: 1990, to: 2019 }) // [{ year: 2011, label: 'drills ends' }, { year: 2015, label: 'trade ends' }, { year: 2018, label: 'events starts' }]
 */
export function sourceBoundaries(run: ScoreRun, years: YearRange): ChartMark[] {
  const byYear = new Map<number, string[]>();
  const add = (y: number, label: string) => {
    if (y > years.from && y <= years.to) byYear.set(y, [...(byYear.get(y) ?? []), label]);
  };
  for (const ind of scoreInputs(run.config, run.data)) {
    for (const r of sourceYears([ind], [ind.data.values])) {
      add(r.from, `${ind.id} starts`);
      add(r.to + 1, `${ind.id} ends`);
    }
  }
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, labels]) => ({ year, label: labels.join(', ') }));
}

/**
 * The chart's years without the leading and trailing years in which none of the pairs has an
 * index (e.g. 2020–2024 of a config whose sources end in 2019); an end given by --from/--to
 * is kept, and an `--indicator` chart is not trimmed.
 */
function trimYears(run: ScoreRun, pairs: readonly ChartPair[], years: YearRange | null, o: PlotOptions): YearRange | null {
  if (years === null || o.indicator !== undefined) return years;
  const wanted = new Set(pairs.map((p) => pairOfKey(canonicalKey(p.a, p.b, 0))));
  let from = Infinity;
  let to = -Infinity;
  run.table.keys.forEach((k, r) => {
    if (!wanted.has(pairOfKey(k)) || run.table.index[r] !== run.table.index[r]) return;
    const y = yearOfKey(k);
    if (y < from) from = y;
    if (y > to) to = y;
  });
  if (from > to) return years;
  return { from: o.from !== undefined ? years.from : Math.max(years.from, from), to: o.to !== undefined ? years.to : Math.min(years.to, to) };
}

function hasValue(run: ScoreRun, p: ChartPair, indicator: string | undefined): boolean {
  const rows = chartLines(run.table, [p], chartYears(run.table, [p], null) ?? { from: 1, to: 0 }, indicator === undefined ? { kind: 'index' } : { kind: 'indicator', id: indicator });
  return rows.some((r) => r.value !== null);
}
