/**
 * Keeps `report.html` in step when a command adds files to a score report (`audit`,
 * `sensitivity`, `trends`, `explain`, `plot`): the page is made again with the new
 * `datapackage.json`, the validity tables the folder will hold, and the index intervals of
 * `sensitivity.csv` — when the run that adds the files scored the same panel as the report
 * (same years, states and pairs); otherwise the page is left as it was.
 * @module
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { canonicalKey } from '../chart/chart-spec.js';
import { INDEX_BAND_COLUMNS } from '../chart/read-interval-bands.js';
import { isIso3Shape } from '../../domain/country.js';
import type { ReportContent } from '../report-content.js';
import { replicationRecord } from '../replication.js';
import { bibtex, runReferences } from '../references.js';
import type { ScoreRun } from '../score-run.js';
import type { PageIntervals } from './page-data.js';
import { scoreReportPage, VALIDITY_FILES } from './score-page.js';

/** Largest `sensitivity.csv` whose intervals the page draws (larger ones: no band, the chart says so). */
export const PAGE_INTERVALS_MAX_BYTES = 64 * 1024 * 1024;

/**
 * `files` (what a command writes into the report folder `dir`, with `datapackage.json`) plus a
 * refreshed `report.html`, made after the package.
 * @example const out = withRefreshedPage(additionFiles(pkgText, addition), run, 'reports/sample');
 */
export function withRefreshedPage(files: ReadonlyMap<string, ReportContent>, run: ScoreRun, dir: string): Map<string, ReportContent> {
  const out = new Map(files);
  const pkg = files.get('datapackage.json');
  if (pkg === undefined) return out;
  out.set('report.html', {
    kind: 'deferred',
    make: () => {
      const pkgText = textOf(pkg);
      if (!samePanel(pkgText, run)) return existingPage(dir) ?? scoreReportPage(run, pkgText);
      const csv = new Map<string, string>();
      for (const v of VALIDITY_FILES) {
        const given = files.get(v.file);
        const text = given !== undefined ? textOf(given) : readText(path.join(dir, v.file));
        if (text !== null) csv.set(v.file, text);
      }
      const sensitivity = csv.get('sensitivity.csv');
      const references = runReferences(run.config, run.data);
      return scoreReportPage(run, pkgText, { csv, intervals: sensitivity ? intervalsOf(sensitivity) : null, citations: { text: references, bibtex: bibtex(references) } });
    },
  });
  return out;
}

/** True when the package's report scored the same years, states and pairs as `run`. */
function samePanel(pkgText: string, run: ScoreRun): boolean {
  try {
    const recorded = (JSON.parse(pkgText) as { entente?: { replication?: { resolved?: Record<string, unknown> } } }).entente?.replication?.resolved;
    if (!recorded) return false;
    const now = replicationRecord(run.config).resolved;
    const pick = (r: Record<string, unknown>) => JSON.stringify([r['years'], r['states'], r['pairs']]);
    return pick(recorded) === pick(now as unknown as Record<string, unknown>);
  } catch {
    return false;
  }
}

/**
 * The index intervals of a `sensitivity.csv` text (the first interval columns of
 * {@link INDEX_BAND_COLUMNS} it has), or null when it has none or is too large.
 */
export function intervalsOf(text: string): PageIntervals | null {
  if (text.length > PAGE_INTERVALS_MAX_BYTES) return null;
  const rows = parse(text, { relax_column_count: true }) as string[][];
  const header = (rows[0] ?? []).map((h) => h.trim());
  const cols = INDEX_BAND_COLUMNS.find((c) => header.includes(c.lo) && header.includes(c.hi));
  const [ia, ib, iy] = ['state_a', 'state_b', 'year'].map((c) => header.indexOf(c));
  if (!cols || ia! < 0 || ib! < 0 || iy! < 0) return null;
  const [lo, hi] = [header.indexOf(cols.lo), header.indexOf(cols.hi)];
  const bands = new Map<number, { lo: number; hi: number }>();
  for (const r of rows.slice(1)) {
    const a = r[ia!] ?? '';
    const b = r[ib!] ?? '';
    const l = Number(r[lo] === '' ? NaN : r[lo]);
    const h = Number(r[hi] === '' ? NaN : r[hi]);
    if (!isIso3Shape(a) || !isIso3Shape(b) || !Number.isFinite(l) || !Number.isFinite(h)) continue;
    bands.set(canonicalKey(a, b, Number(r[iy!])), { lo: Math.min(l, h), hi: Math.max(l, h) });
  }
  return { bands, label: cols.label };
}

function textOf(c: ReportContent): string {
  if (typeof c === 'string') return c;
  if (c instanceof Uint8Array) return Buffer.from(c).toString('utf8');
  if (c.kind === 'deferred') return textOf(c.make());
  const parts: Buffer[] = [];
  c.write((chunk) => parts.push(Buffer.from(chunk)));
  return Buffer.concat(parts).toString('utf8');
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function existingPage(dir: string): string | null {
  return readText(path.join(dir, 'report.html'));
}
