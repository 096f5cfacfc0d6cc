/**
 * Nominal, used and effective weights of a scoring run, for `summary.md` (a section) and
 * `datapackage.json` (`entente.weights`): what each indicator was meant to count, the weight
 * the index used (the calibrated one under `weights_calibration: effective`), and what it
 * actually moved — the covariance share Cov(c_i, I)/Var(I) (the audit's effective weight, the
 * one `weights_calibration: effective` matches) and the η² share (correlation ratio of the
 * index on the indicator, normalised; Becker et al. 2017) — over the report's pair-years with
 * an index.
 * @module
 */
import { effectiveWeights } from '../analysis/effective-weights.js';
import { formatFixed } from '../format/format-number.js';
import { markdownText as md } from '../domain/escape.js';
import type { ScoreRun } from './score-run.js';

/** One indicator's weights. */
export interface WeightReport {
  readonly id: string;
  /** w_i / Σ w of the config. */
  readonly nominal: number;
  /** The weight share the index used (calibrated or configured). */
  readonly used: number;
  /** Cov(c_i, I) / Var(I): the effective weight. */
  readonly effective: number;
  /** η²_i / Σ η²_j. */
  readonly eta2Share: number;
  /** effective / nominal − 1 (NaN for a nominal weight of 0). */
  readonly deviation: number;
}

/**
 * The weights of every indicator of a run (see the module comment).
 * @example weightReports(run)[0] // { id: 'un', nominal: 0.25, used: 0.25, effective: 0.93, covarianceShare: 0.99, deviation: 2.7 }
 */
export function weightReports(run: ScoreRun): WeightReport[] {
  // summary.md and datapackage.json both ask; the η² sorts are the costly part of a big report
  let out = computed.get(run);
  if (out === undefined) {
    out = computeWeightReports(run);
    computed.set(run, out);
  }
  return out;
}

const computed = new WeakMap<ScoreRun, WeightReport[]>();

function computeWeightReports(run: ScoreRun): WeightReport[] {
  const { config, table } = run;
  const nominal = config.indicators.map((i) => i.weight);
  const used = config.indicators.map((ind, k) => run.calibration?.indicators[k]?.calibrated ?? ind.weight);
  const usedTotal = used.reduce((s, w) => s + w, 0);
  const eff = effectiveWeights(table.ids, nominal, table.index, table.contrib, table.norm);
  return eff.map((e, k) => ({
    id: e.id,
    nominal: e.nominal,
    used: usedTotal > 0 ? used[k]! / usedTotal : NaN,
    effective: e.covarianceShare,
    eta2Share: e.eta2Share,
    deviation: e.nominal > 0 ? e.covarianceShare / e.nominal - 1 : NaN,
  }));
}

/**
 * The `## Weights` section of `summary.md`.
 * @example weightsSection(run)[0] // '## Weights: nominal and effective'
 */
export function weightsSection(run: ScoreRun): string[] {
  const f = (x: number) => (x === x ? formatFixed(x, 3) : '—');
  const pct = (x: number) => {
    if (x !== x) return '—';
    const v = formatFixed(100 * x, 1);
    return `${Number(v) > 0 ? '+' : ''}${Number(v) === 0 ? formatFixed(0, 1) : v} %`;
  };
  const out = ['## Weights: nominal and effective', ''];
  const cal = run.calibration;
  out.push(
    'The nominal weight is what the config gives an indicator (as a share of the total); the effective weight is what it actually moves in the index: its covariance share Cov(contribution, index) / Var(index) (the shares add up to 1; `entente audit` reports the same), with the η² share — the correlation ratio of the index on the indicator, normalised over the indicators (Becker et al. 2017) — beside it. Measured over the pair-years of this report with an index.',
    '',
  );
  if (cal) {
    out.push(
      `**The weights were calibrated** (\`weights_calibration: effective\`): iterative re-weighting v_i ← v_i·(nominal_i / effective_i)^½ until every indicator's covariance share is within ±${formatFixed(100 * cal.tolerance, 0)} % of its nominal share, on every pair-year of the sources (${count(cal.rows)} with an index) — the JRC/COINr weight optimisation on correlation-based effective weights (Becker, Saisana, Paruolo & Vandecasteele 2017). ${cal.converged ? `It converged in ${cal.iterations} step(s)` : `It did not converge in ${cal.iterations} step(s); the best step is used`}: the largest relative deviation went from ${pct(cal.maxDeviationBefore)} to ${pct(cal.maxDeviationAfter)}. The index uses the calibrated weights (column "used").`,
      '',
      '| indicator | nominal | calibrated weight | used share | effective before | effective after |',
      '|---|---:|---:|---:|---:|---:|',
      ...cal.indicators.map((c) => `| ${md(c.id)} | ${f(c.nominalShare)} | ${formatFixed(c.calibrated, 4)} | ${f(c.calibrated / cal.indicators.reduce((s, x) => s + x.calibrated, 0))} | ${f(c.before.covarianceShare)} | ${f(c.after.covarianceShare)} |`),
      '',
    );
  } else {
    out.push('The weights are used as configured (`weights_calibration: none`); `weights_calibration: effective` calibrates them so that the effective weights match the nominal ones.', '');
  }
  out.push('| indicator | nominal | used | effective (covariance share) | effective − nominal, relative | η² share |', '|---|---:|---:|---:|---:|---:|');
  for (const w of weightReports(run)) out.push(`| ${md(w.id)} | ${f(w.nominal)} | ${f(w.used)} | ${f(w.effective)} | ${pct(w.deviation)} | ${f(w.eta2Share)} |`);
  out.push('');
  return out;
}

/**
 * The weights as `datapackage.json` records them (`entente.weights`): per indicator nominal,
 * used and effective shares, and the calibration (null when none), rounded to 6 decimals so
 * the file does not depend on the last bits of a sum.
 * @example weightsJson(run).calibration // null
 */
export function weightsJson(run: ScoreRun): Record<string, unknown> {
  const r6 = (x: number) => (x === x ? Math.round(x * 1e6) / 1e6 : null);
  const cal = run.calibration;
  return {
    measured_on: 'pair-years of the report with an index',
    effective: 'covariance_share = Cov(contribution, index) / Var(index) (the effective weight; shares add up to 1); eta2_share = correlation ratio of the index on the indicator, normalised over the indicators (Becker et al. 2017)',
    indicators: weightReports(run).map((w) => ({ id: w.id, nominal: r6(w.nominal), used: r6(w.used), covariance_share: r6(w.effective), eta2_share: r6(w.eta2Share), relative_deviation: r6(w.deviation) })),
    calibration: cal
      ? {
          method: 'effective: v_i ← v_i·(nominal_i / max(covariance_share_i, nominal_i/20))^0.5, rescaled to the nominal total, until every |covariance_share/nominal − 1| ≤ tolerance (after Becker, Saisana, Paruolo & Vandecasteele 2017, Ecological Indicators 80: 12–22)',
          pool: 'every pair-year of the sources with an index',
          tolerance: cal.tolerance,
          iterations: cal.iterations,
          converged: cal.converged,
          rows: cal.rows,
          max_relative_deviation_before: r6(cal.maxDeviationBefore),
          max_relative_deviation_after: r6(cal.maxDeviationAfter),
          indicators: cal.indicators.map((c) => ({ id: c.id, nominal: c.nominal, calibrated: r6(c.calibrated), covariance_share_before: r6(c.before.covarianceShare), covariance_share_after: r6(c.after.covarianceShare), eta2_share_before: r6(c.before.eta2Share), eta2_share_after: r6(c.after.eta2Share) })),
        }
      : null,
  };
}

function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
