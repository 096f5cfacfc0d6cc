/**
 * The report page of a score report, assembled from the run and its `datapackage.json`:
 * the page data, the provenance the package records, the citations, and the validity
 * tables the folder holds.
 * @module
 */
import type { Iso3 } from '../../domain/country.js';
import type { ScoreRun } from '../score-run.js';
import { stateNames } from '../state-names.js';
import { toolVersion } from '../tool-version.js';
import { pageAssets } from './page-assets.js';
import { pageData, type PageData, type PageIntervals } from './page-data.js';
import { csvTable } from '../alignment-csv.js';
import { buildReportPage, type PageCsv } from './report-page.js';
import { csvPreview } from './csv-preview.js';

/** The CSVs of a report folder the page shows under "Validity", with what they are. */
export const VALIDITY_FILES: readonly { readonly file: string; readonly description: string }[] = [
  { file: 'validity.csv', description: 'The index measured as an index (entente validity).' },
  { file: 'audit.csv', description: 'Per-indicator checks of the scored panel: coverage, effective weight, correlation with the index (entente audit).' },
  { file: 'sensitivity.csv', description: 'How much each pair-year\'s index moves when weights, aggregation and normalisation vary (entente sensitivity).' },
];

/** Most rows of a validity CSV the page shows. */
export const PAGE_CSV_ROWS = 200;

/** What the page needs besides the run. */
export interface ScorePageExtras {
  /** Text of the folder's CSVs by file name (those of {@link VALIDITY_FILES} are shown). */
  readonly csv?: ReadonlyMap<string, string>;
  readonly intervals?: PageIntervals | null;
  /** Formatted references and their BibTeX. */
  readonly citations?: { readonly text: readonly string[]; readonly bibtex: string };
  /** The page data, when already made by {@link scorePageData} with the same intervals. */
  readonly data?: PageData;
}

/**
 * The data of the page of a run (its pairs, featured tables, rankings): the costly part of
 * {@link scoreReportPage}, which does not need `datapackage.json`.
 * @example scorePageData(run).pairs.length // pairs in the report
 */
export function scorePageData(run: ScoreRun, intervals: PageIntervals | null = null): PageData {
  // the pair view shows the cells alignment.csv holds (fewer under `--columns lean`)
  return pageData(run.table, run.config.precision, intervals, undefined, csvTable(run.table, run.config.columns));
}

interface PackageView {
  sources?: { title?: string; path?: string; sha256?: string }[];
  citations?: string[];
  resources?: { path?: string; hash?: string }[];
  entente?: { version?: string; config?: { path?: string; sha256?: string }; replication?: Record<string, unknown> };
}

/**
 * `report.html` of a score report whose `datapackage.json` is `pkgText`.
 * @example scoreReportPage(run, pkgText).includes('id="pairs-table"') // true
 */
export function scoreReportPage(run: ScoreRun, pkgText: string, extras: ScorePageExtras = {}): string {
  const { config } = run;
  const pkg = JSON.parse(pkgText) as PackageView;
  const named = stateNames(config.succession, (c) => c);
  const data = extras.data ?? scorePageData(run, extras.intervals ?? null);
  const names: Record<string, string> = {};
  for (const p of data.pairs) {
    for (const code of p.split('-')) names[code] = named(code as Iso3);
  }
  const validity: PageCsv[] = [];
  for (const v of VALIDITY_FILES) {
    const text = extras.csv?.get(v.file);
    if (text === undefined) continue;
    const { header, rows, total } = csvPreview(text, PAGE_CSV_ROWS);
    validity.push({ file: v.file, description: v.description, header, rows, total });
  }
  const rep = (pkg.entente?.replication ?? {}) as Record<string, unknown>;
  const line = (label: string, v: unknown): [string, string] | null => (v === undefined || v === null || v === '' ? null : [label, typeof v === 'string' ? v : JSON.stringify(v)]);
  const alignmentHash = pkg.resources?.find((r) => r.path === 'alignment.csv')?.hash;
  const provenance = [
    line('config', pkg.entente?.config?.path),
    line('config SHA-256', pkg.entente?.config?.sha256),
    line('alignment.csv', alignmentHash),
    line('Entente', pkg.entente?.version ?? toolVersion()),
    ...Object.entries(rep).map(([k, v]) => line(k.replace(/_/g, ' '), v)),
  ].filter((x): x is [string, string] => x !== null);
  return buildReportPage({
    name: config.name,
    sample: run.sample,
    scale: config.scale,
    aggregation: config.aggregation,
    indicators: config.indicators.map((i) => ({ id: i.id, family: i.family.name, measure: i.spec.measure, weight: i.weight })),
    data,
    names,
    validity,
    provenance,
    sources: (pkg.sources ?? []).map((s) => ({ title: s.title ?? '', path: s.path ?? '', sha256: s.sha256 ?? '' })),
    citations: extras.citations?.text ?? pkg.citations ?? [],
    bibtex: extras.citations?.bibtex ?? '',
    assets: pageAssets(),
  });
}
