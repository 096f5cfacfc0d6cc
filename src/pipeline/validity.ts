/**
 * `entente validity`: scores the configured panel, reads the criterion data of the config's
 * `validation:` block, measures every index series (see `analysis/index-series.ts`; plus the
 * index scored without the indicators of a criterion's family, when the config uses that
 * family) and writes `validity.csv` and the `## Validity` section of `summary.md` into the
 * report folder.
 * @module
 */
import path from 'node:path';
import { indexSeriesOf, indicatorSeriesOf, type IndexSeries } from '../analysis/index-series.js';
import { validityRows, type Correlate, type Criterion, type ValidityResult } from '../analysis/validity.js';
import { scorePanel } from '../core/score.js';
import { readConfig } from '../config/read-config.js';
import { buildSummary } from '../report/summary.js';
import { csvAddition } from '../report/update-datapackage.js';
import { validityFile } from '../report/validity-csv.js';
import { validitySection } from '../report/validity-summary.js';
import type { ScoreRun } from '../report/score-run.js';
import { checkValidationInputs, loadCriteria, type LoadedCriteria } from './load-criteria.js';
import { scoreInputs, scoreOptions } from './score.js';
import { addToScoreReport, explainModelOf, scoreForToolkit, type ToolkitHooks, type ToolkitRun } from './toolkit.js';

/** What `entente validity` computed and wrote. */
export interface ValidityOutcome {
  readonly tk: ToolkitRun;
  readonly result: ValidityResult;
  readonly series: readonly string[];
  readonly files: readonly string[];
  readonly rescored: boolean;
}

/** The criteria of the report (the strategy table): each metric, its groups and the family it must not be computed from. */
const CRITERIA: readonly { readonly metric: string; readonly positive: string; readonly negative: string; readonly excludesFamily: string }[] = [
  { metric: 'auc_allies_rivals', positive: 'allies', negative: 'rivals', excludesFamily: 'alliances' },
  { metric: 'auc_allies_disputes', positive: 'allies', negative: 'disputes', excludesFamily: 'alliances' },
];

/** The convergent measures: each metric, its data and the family it must not be computed from. */
const CORRELATES: readonly { readonly metric: string; readonly key: string; readonly excludesFamily: string }[] = [
  { metric: 'corr_ideal_distance', key: 'ideal_points', excludesFamily: 'ideal_points' },
];

/** Which criterion key holds each group. */
const GROUP_KEYS: Readonly<Record<string, string>> = { allies: 'allies', rivals: 'rivalries', disputes: 'disputes' };

/**
 * Runs `entente validity`.
 * @example const { result } = await runValidity({ config: 'entente.yaml' }, {});
 */
export async function runValidity(req: { readonly config: string; readonly out?: string | undefined }, hooks: ToolkitHooks): Promise<ValidityOutcome> {
  await checkValidationInputs(await readConfig(req.config)); // missing criterion files before the scoring
  const tk = await scoreForToolkit(req.config, req.out, hooks);
  const run = tk.run;
  const criteria = await loadCriteria(run, hooks.progress);
  const notes: string[] = [];
  const { criteriaOf, correlatesOf } = measuresOf(criteria, notes);
  const series = seriesOf(run, [...criteriaOf, ...correlatesOf].map((c) => c.excludesFamily), notes);
  const measured = validityRows({ series, criteria: criteriaOf, correlates: correlatesOf, weights: run.config.indicators.map((i) => i.weight) });
  const result: ValidityResult = { rows: measured.rows, notes: [...notes, ...measured.notes] };
  const file = validityFile(result.rows, run.config.precision);
  const rel = (p: string) => path.relative(run.config.dir, p).split(path.sep).join('/') || '.';
  const sources = [...criteria.values()].map((c) => ({ key: c.key, from: c.from, files: c.files.map((f) => ({ path: rel(f.path), sha256: f.sha256 })), citations: c.citations }));
  const digits = run.config.scale[1] - run.config.scale[0] >= 10 ? 1 : 3;
  const summary = buildSummary(run, validitySection({ rows: result.rows, notes: result.notes, sources, digits }));
  const addition = csvAddition([file]);
  const files = new Map(addition.files);
  files.set('summary.md', summary);
  const criterionFiles = [...criteria.values()].flatMap((c) => c.files.map((f) => f.path));
  const { rescored } = await addToScoreReport(tk.target, run, { ...addition, files }, () => run, criterionFiles);
  return { tk, result, series: series.map((s) => s.name), files: [file.resource.path, 'summary.md'], rescored };
}

/** The criteria and correlates whose data the config provides; a note for each that it does not. */
function measuresOf(criteria: LoadedCriteria, notes: string[]): { criteriaOf: Criterion[]; correlatesOf: Correlate[] } {
  const criteriaOf: Criterion[] = [];
  for (const c of CRITERIA) {
    const pos = criteria.get(GROUP_KEYS[c.positive]!);
    const neg = criteria.get(GROUP_KEYS[c.negative]!);
    if (pos === undefined || neg === undefined) {
      // defence pacts are read only when a group to compare them with is configured
      const missing = neg === undefined ? `validation.${GROUP_KEYS[c.negative]}` : `validation.${GROUP_KEYS[c.positive]} (or an alliances indicator)`;
      notes.push(`${c.metric}: not measured: the config has no ${missing}`);
      continue;
    }
    criteriaOf.push({
      metric: c.metric,
      positive: { name: c.positive, set: pos.values, years: pos.years },
      negative: { name: c.negative, set: neg.values, years: neg.years },
      excludesFamily: c.excludesFamily,
    });
  }
  const correlatesOf: Correlate[] = [];
  for (const c of CORRELATES) {
    const data = criteria.get(c.key);
    if (data === undefined) notes.push(`${c.metric}: not measured: the config has no validation.${c.key} (or an ideal_points indicator)`);
    else correlatesOf.push({ metric: c.metric, values: data.values, excludesFamily: c.excludesFamily });
  }
  return { criteriaOf, correlatesOf };
}

/**
 * The series to measure: those of the scored table, then, for each family a metric must not
 * be computed from and the config uses, those of the panel scored without that family's
 * indicators (same options; weights renormalised over the rest, `min_coverage` on them).
 */
function seriesOf(run: ScoreRun, excluded: readonly string[], notes: string[]): IndexSeries[] {
  const config = run.config;
  const familiesOf = (inds: typeof config.indicators) => new Set(inds.map((i) => i.family.name));
  // the indicators the index is computed from: under `aggregation: latent` those in the model
  // (an indicator with `latent: none` is reported beside the index, not an input of it)
  const inputs = config.aggregation === 'latent' ? config.indicators.filter((i) => i.latent !== 'none') : config.indicators;
  const out = indexSeriesOf(run.table, explainModelOf(config), familiesOf(inputs));
  for (const family of [...new Set(excluded)]) {
    const left = inputs.filter((i) => i.family.name === family);
    if (left.length === 0) continue;
    const keep = config.indicators.filter((i) => i.family.name !== family);
    const ids = left.map((i) => i.id);
    if (config.aggregation === 'latent') {
      notes.push(`the index without ${ids.join(', ')} is not scored: the latent model is fitted once, on the configured model columns; set \`latent: none\` on ${ids.join(', ')} to measure the model without them`);
      continue;
    }
    if (config.aggregation === 'formula') {
      notes.push(`the index without ${ids.join(', ')} is not scored: aggregation: formula names every indicator`);
      continue;
    }
    if (!keep.some((i) => i.weight > 0)) {
      notes.push(`the index without ${ids.join(', ')} is not scored: no other indicator has a weight`);
      continue;
    }
    const sub = { ...config, indicators: keep };
    const table = scorePanel(scoreInputs(sub, run.data), scoreOptions(sub, run.stateSystem));
    out.push(...indexSeriesOf(table, explainModelOf(sub), familiesOf(keep), ids));
  }
  // each input on its own (diagnostic: which indicators separate the criterion groups)
  out.push(...indicatorSeriesOf(run.table, explainModelOf(config), config.indicators.map((i) => i.family.name)));
  return out;
}
