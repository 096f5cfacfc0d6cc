import type { CsvResource } from './datapackage.js';
import type { ReportContent } from './report-content.js';
import type { ScoreRun } from './score-run.js';
import { stateNames } from './state-names.js';
import { statesReport } from './states-csv.js';
import { buildSummary } from './summary.js';

/**
 * Adds the human-facing files of a score report to its file map: `states.csv` (with its
 * data-package resource appended to `resources`) and `summary.md`. Called by `reportContents`
 * before `datapackage.json` is built, so the package lists `states.csv`.
 * @example addReportExtras(run, files, resources); files.has('summary.md') // true
 */
export function addReportExtras(run: ScoreRun, files: Map<string, ReportContent>, resources: CsvResource[]): void {
  const states = statesReport(run.table, stateNames(run.config.succession));
  files.set(states.file, states.text);
  resources.push(states.resource);
  // made while the large files are written on another thread (see `write-folder.ts`)
  let summary: string | null = null;
  const make = () => (summary ??= buildSummary(run));
  files.set('summary.md', { kind: 'deferred', make, prepare: make });
}
