import type { ValidityRow } from '../analysis/validity.js';
import { formatFixed } from '../format/format-number.js';
import { markdownCode, markdownText as md } from '../domain/escape.js';

/** A criterion data set as the summary lists it. */
export interface ValiditySource {
  readonly key: string;
  readonly from: string;
  /** File paths as shown (relative to the config's folder) with SHA-256. */
  readonly files: readonly { readonly path: string; readonly sha256: string }[];
  /** What to cite when publishing results that use it. */
  readonly citations: readonly string[];
}

/** What the validity section of `summary.md` shows. */
export interface ValiditySummary {
  readonly rows: readonly ValidityRow[];
  readonly notes: readonly string[];
  readonly sources: readonly ValiditySource[];
  /** Digits of index-scale numbers (the summary's). */
  readonly digits: number;
}

const TITLES: readonly (readonly [string, string])[] = [
  ['auc_allies_rivals', 'AUC allies vs rivals'],
  ['auc_allies_disputes', 'AUC allies vs disputes'],
  ['corr_ideal_distance', 'r with ideal-point distance'],
];

/**
 * The lines of the `## Validity` section of `summary.md` written by `entente validity`: per
 * series the criterion AUCs and the correlation overall and at their lowest decade, the
 * boundary artefacts, nominal against effective weights and Cronbach's α, why a metric was
 * not measured on a series, and the criterion files with their SHA-256.
 * @example validitySection({ rows, notes: [], sources: [], digits: 1 })[0] // '## Validity'
 */
export function validitySection(v: ValiditySummary): string[] {
  const out = ['## Validity', '', 'Measured by `entente validity`; every number is in `validity.csv` (`metric,scope,series,value`). The metrics and their formulas: README, `entente validity`.', ''];
  const f3 = (x: number) => (x === x ? formatFixed(x, 3) : '—');
  const fi = (x: number) => (x === x ? `${x > 0 ? '+' : ''}${formatFixed(x, v.digits)}` : '—');
  const get = (metric: string, series: string, scope: string) => v.rows.find((r) => r.metric === metric && r.series === series && r.scope === scope);
  const seriesOf = (metric: string) => [...new Set(v.rows.filter((r) => r.metric === metric).map((r) => r.series))];

  const criterion: string[] = [];
  for (const [metric, title] of TITLES) {
    for (const s of seriesOf(metric)) {
      const all = get(metric, s, 'all');
      const decades = v.rows.filter((r) => r.metric === metric && r.series === s && r.scope !== 'all' && r.value === r.value);
      const worst = metric.startsWith('auc') ? decades.reduce<ValidityRow | null>((w, r) => (w === null || r.value < w.value ? r : w), null) : null;
      const n = v.rows.filter((r) => r.series === s && r.scope === 'all' && r.metric.startsWith(`${metric}_n`)).map((r) => `${r.metric.slice(metric.length + 1).replace(/^n_?/, '') || 'n'} ${r.value}`);
      criterion.push(`| ${title} | ${md(s)} | ${f3(all?.value ?? NaN)} | ${worst ? `${f3(worst.value)} (${worst.scope})` : '—'} | ${n.join(', ')} |`);
    }
  }
  if (criterion.length > 0) out.push('| metric | series | all years | lowest decade | pair-years |', '|---|---|---:|---:|---|', ...criterion, '');
  else out.push('No criterion data: add a `validation:` block to the config (see the README) to measure the AUCs.', '');

  const boundaries = [...new Set(v.rows.filter((r) => r.metric === 'boundary_artefact_median').map((r) => r.scope))];
  const bSeries = seriesOf('boundary_artefact_median');
  if (boundaries.length > 0) {
    out.push('Boundary artefact: median change attributable to coverage where an indicator enters or leaves (index points; pairs affected in brackets):', '');
    out.push(`| indicator:year | ${bSeries.map(md).join(' | ')} |`, `|---|${bSeries.map(() => '---:').join('|')}|`);
    for (const b of boundaries) {
      // a boundary no series has a pair across (no index on one side) is in validity.csv only
      if (bSeries.every((s) => !((get('boundary_artefact_pairs', s, b)?.value ?? 0) > 0))) continue;
      const cells = bSeries.map((s) => {
        const m = get('boundary_artefact_median', s, b);
        const n = get('boundary_artefact_pairs', s, b);
        return m ? `${fi(m.value)} (${n?.value ?? 0})` : '';
      });
      out.push(`| ${md(b)} | ${cells.join(' | ')} |`);
    }
    out.push('');
  }

  // overall weights have an indicator id as scope; per decade `<indicator>:<decade>`
  const weights = v.rows.filter((r) => r.metric === 'effective_weight' && !r.scope.includes(':'));
  if (weights.length > 0) {
    out.push(`Weights of ${md(weights[0]!.series)}: nominal against effective (Cov(c_i, I)/Var(I)):`, '', '| indicator | nominal | effective |', '|---|---:|---:|');
    for (const w of weights) out.push(`| ${md(w.scope)} | ${f3(get('nominal_weight', w.series, w.scope)?.value ?? NaN)} | ${f3(w.value)} |`);
    const s0 = weights[0]!.series;
    const stray = mostStrayingDecade(v.rows.filter((r) => r.series === s0 && (r.metric === 'effective_weight' || r.metric === 'nominal_weight') && r.scope.includes(':')));
    if (stray !== null) {
      const worst = stray.worst;
      out.push('', `Per decade (\`effective_weight\` and \`nominal_weight\`, scope \`<indicator>:<decade>\` in \`validity.csv\`), effective weights stray most from the nominal ones in the ${md(stray.decade)}: ½Σ|effective − nominal| = ${f3(stray.gap)}, most for ${md(worst.id)} (${f3(worst.effective)} against ${f3(worst.nominal)}).`);
    }
    const alpha = get('alpha', s0, 'all');
    const alphaN = get('alpha_n', s0, 'all');
    const perDecade = v.rows.filter((r) => r.metric === 'alpha' && r.series === s0 && r.scope !== 'all').map((r) => `${r.scope} ${f3(r.value)}`);
    out.push('', `Cronbach's α ${f3(alpha?.value ?? NaN)} over ${alphaN?.value ?? 0} pair-years with every indicator${perDecade.length > 0 ? `; per decade, over the indicators with values in it: ${perDecade.join(', ')}` : ''}.`, '');
  }
  if (v.notes.length > 0) out.push(...v.notes.map((n) => `- ${md(n)}`), '');
  if (v.sources.length > 0) {
    out.push('Criterion data (never index inputs):', '', '| criterion | from | file | SHA-256 |', '|---|---|---|---|');
    for (const s of v.sources) for (const f of s.files) out.push(`| ${md(s.key)} | ${md(s.from)} | ${markdownCode(f.path)} | \`${f.sha256}\` |`);
    out.push('');
    const cite = [...new Set(v.sources.flatMap((s) => s.citations))];
    if (cite.length > 0) out.push('Cite:', '', ...cite.map((c) => `- ${md(c)}`), '');
  }
  return out;
}

/** One decade's effective against nominal weights. */
interface DecadeGap {
  readonly decade: string;
  /** ½ Σ_i |e_i − n_i| over the indicators present in the decade, in [0, 1] when the e_i are in [0, 1]. */
  readonly gap: number;
  /** The indicator with the largest |e_i − n_i|. */
  readonly worst: { readonly id: string; readonly effective: number; readonly nominal: number };
}

/**
 * The decade whose effective weights stray most from its nominal weights, by the distance
 * ½ Σ_i |e_i − n_i| (half the L1 distance: 0 when they match, 1 when they share nothing), from
 * the per-decade `effective_weight` and `nominal_weight` rows (scope `<indicator>:<decade>`);
 * null when no decade has a computable one. Ties go to the earlier decade.
 * @example mostStrayingDecade(rows)?.decade // '1990s'
 */
export function mostStrayingDecade(rows: readonly ValidityRow[]): DecadeGap | null {
  const byDecade = new Map<string, Map<string, { effective: number; nominal: number }>>();
  for (const r of rows) {
    const at = r.scope.lastIndexOf(':');
    const id = r.scope.slice(0, at);
    const decade = r.scope.slice(at + 1);
    if (!byDecade.has(decade)) byDecade.set(decade, new Map());
    const m = byDecade.get(decade)!;
    const x = m.get(id) ?? { effective: NaN, nominal: NaN };
    m.set(id, r.metric === 'effective_weight' ? { ...x, effective: r.value } : { ...x, nominal: r.value });
  }
  let best: DecadeGap | null = null;
  for (const decade of [...byDecade.keys()].sort()) {
    let gap = 0;
    let worst: DecadeGap['worst'] | null = null;
    for (const [id, x] of byDecade.get(decade)!) {
      const d = Math.abs(x.effective - x.nominal);
      if (!(d === d)) {
        gap = NaN;
        break;
      }
      gap += d / 2;
      if (worst === null || d > Math.abs(worst.effective - worst.nominal)) worst = { id, ...x };
    }
    if (gap === gap && worst !== null && (best === null || gap > best.gap)) best = { decade, gap, worst };
  }
  return best;
}
