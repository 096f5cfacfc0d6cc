/**
 * `audit`: the JRC statistical audit of a scored panel (README, `entente audit`: the JRC audit practice of Saisana, Saltelli & Tarantola 2005), as one long
 * table of checks — coverage per indicator and year; skewness, kurtosis and the outlier
 * flag with a suggested treatment; correlations of the normalised indicators with each
 * other and with the index, pooled and per year; Cronbach's alpha, pooled and per year;
 * nominal against effective weights.
 */
import { checkOutliers } from './outlier-check.js';
import { kurtosis, skewness } from './moments.js';
import { pearson, REDUNDANT_CORRELATION } from './correlation.js';
import { cronbachAlpha, CRONBACH_THRESHOLD } from './cronbach.js';
import { effectiveWeights } from './effective-weights.js';
import { rowsByYear } from '../core/panel-keys.js';
import type { ScoreTable } from '../core/score.js';

/**
 * One line of the audit. `check` names the statistic:
 * `coverage`, `skewness`, `kurtosis`, `outliers`, `correlation`, `cronbach_alpha`,
 * `weight_nominal`, `weight_effective`, `eta2`, `eta2_share`, `flagged` (pair-years the source
 * flags, by kind in `other`, with the option that leaves them out of the pool).
 */
export interface AuditRow {
  readonly check: string;
  /** The year, or null when pooled over all years. */
  readonly year: number | null;
  /** Indicator id, `index`, or `all` (Cronbach's alpha). */
  readonly indicator: string;
  /** The second variable of a correlation (indicator id or `index`), else empty. */
  readonly other: string;
  readonly value: number;
  /** Observations the value rests on. */
  readonly n: number;
  /** `outliers`, `redundant`, `negative`, `low`, `in_pool` or empty. */
  readonly flag: string;
  readonly note: string;
}

/**
 * How an indicator is normalised and what its source flags, so the audit can name the config
 * options of a suggested treatment and say whether they are already set.
 */
export interface AuditIndicatorSetup {
  readonly normalise: string;
  readonly winsorise?: { readonly lower: number; readonly upper: number } | undefined;
  readonly poolExclude?: readonly string[] | undefined;
  /** Pair-years the source flags, by kind (e.g. `gap_artefacts`) with their count. */
  readonly flags?: readonly { readonly kind: string; readonly count: number }[] | undefined;
}

/**
 * Audits a scored table. `weights` are the configured weights by indicator position.
 * Rows come pooled first, then per year, in a fixed order (deterministic).
 * @example auditPanel(table, [1, 1]).find((r) => r.check === 'cronbach_alpha' && r.year === null)!.value // e.g. 0.74
 */
export function auditPanel(table: ScoreTable, weights: readonly number[], setup: readonly AuditIndicatorSetup[] = []): AuditRow[] {
  const out: AuditRow[] = [];
  const ids = table.ids;
  const m = ids.length;
  const byYear = rowsByYear(table.keys);
  const row = (check: string, year: number | null, indicator: string, other: string, value: number, n: number, flag = '', note = ''): void => {
    out.push({ check, year, indicator, other, value, n, flag, note });
  };
  const vars = [...table.norm, table.index];
  const names = [...ids, 'index'];

  // pooled
  for (let i = 0; i < m; i++) {
    const n = countPresent(table.raw[i]!, null);
    row('coverage', null, ids[i]!, '', table.keys.length > 0 ? n / table.keys.length : NaN, n);
  }
  const nIndex = countPresent(table.index, null);
  row('coverage', null, 'index', '', table.keys.length > 0 ? nIndex / table.keys.length : NaN, nIndex);
  for (let i = 0; i < m; i++) {
    const c = checkOutliers(table.raw[i]!);
    row('skewness', null, ids[i]!, '', c.skewness, c.n);
    row('kurtosis', null, ids[i]!, '', c.kurtosis, c.n);
    row('outliers', null, ids[i]!, '', c.flagged ? 1 : 0, c.n, c.flagged ? 'outliers' : '', treatmentNote(c, setup[i]));
    for (const f of setup[i]?.flags ?? []) {
      if (f.count === 0) continue;
      const set = (setup[i]!.poolExclude ?? []).includes(f.kind);
      row('flagged', null, ids[i]!, f.kind, f.count, c.n, set ? '' : 'in_pool', set ? `left out of the normalisation pool (\`pool_exclude: [${f.kind}]\`, configured)` : `suggested: \`pool_exclude: [${f.kind}]\` (they are in the pool the normaliser is fitted on)`);
    }
  }
  correlations(vars, names, null, row, null);
  const alpha = cronbachAlpha(table.norm, null);
  row('cronbach_alpha', null, 'all', '', alpha.alpha, alpha.n, alpha.alpha < CRONBACH_THRESHOLD ? 'low' : '');
  for (const w of effectiveWeights(ids, weights, table.index, table.contrib, table.norm)) {
    row('weight_nominal', null, w.id, '', w.nominal, nIndex);
    row('weight_effective', null, w.id, '', w.covarianceShare, nIndex, w.covarianceShare < 0 ? 'negative' : '', 'Cov(contribution, index) / Var(index); shares add up to 1');
    row('eta2', null, w.id, '', w.eta2, w.n, '', 'correlation ratio of the index on the normalised indicator');
    row('eta2_share', null, w.id, '', w.eta2Share, w.n);
  }

  // per year
  for (const [year, rows] of byYear) {
    for (let i = 0; i < m; i++) {
      const n = countPresent(table.raw[i]!, rows);
      row('coverage', year, ids[i]!, '', n / rows.length, n);
    }
    const ni = countPresent(table.index, rows);
    row('coverage', year, 'index', '', ni / rows.length, ni);
    for (let i = 0; i < m; i++) {
      const x = gather(table.raw[i]!, rows);
      row('skewness', year, ids[i]!, '', skewness(x), countPresent(x, null));
      row('kurtosis', year, ids[i]!, '', kurtosis(x), countPresent(x, null));
    }
    correlations(vars, names, rows, row, year);
    const a = cronbachAlpha(table.norm, rows);
    row('cronbach_alpha', year, 'all', '', a.alpha, a.n, a.alpha < CRONBACH_THRESHOLD ? 'low' : '');
  }
  return out;
}

function correlations(
  vars: readonly Float64Array[],
  names: readonly string[],
  rows: Uint32Array | null,
  row: (check: string, year: number | null, indicator: string, other: string, value: number, n: number, flag?: string, note?: string) => void,
  year: number | null,
): void {
  for (let i = 0; i < vars.length; i++) {
    for (let j = i + 1; j < vars.length; j++) {
      const c = pearson(vars[i]!, vars[j]!, rows);
      const flag = c.r > REDUNDANT_CORRELATION && names[j] !== 'index' ? 'redundant' : c.r < 0 ? 'negative' : '';
      row('correlation', year, names[i]!, names[j]!, c.r, c.n, flag);
    }
  }
}

/**
 * The note of a flagged indicator: the suggested treatment as the config option that applies
 * it — `winsorise: { upper: p }` (or `lower`) at the pool quantile that moves the points COINr's
 * winsorising moved, or `normalise: log` (log_CT then min-max) — and whether it is set.
 * @example treatmentNote(check, { normalise: 'minmax' }) // 'suggested: `winsorise: { upper: 0.99998 }` (moves 3 point(s)), then it passes'
 */
export function treatmentNote(c: ReturnType<typeof checkOutliers>, setup?: AuditIndicatorSetup): string {
  if (!c.flagged) return '';
  if (c.treatment === 'winsorise') {
    const option = winsoriseOption(c);
    const set = setup?.winsorise !== undefined ? ` (configured: \`winsorise: { lower: ${setup.winsorise.lower}, upper: ${setup.winsorise.upper} }\`)` : '';
    return `suggested: \`${option}\` (moves ${c.winsorised} point(s)), then it passes${set}`;
  }
  const set = setup?.normalise === 'log' ? ' (configured)' : '';
  return `suggested: \`normalise: log\` (log_CT = ln(x − min + 0.01·(max − min)), then min-max)${c.passesAfter ? ', then it passes' : ', still flagged after it'}${set} (winsorising 5 points is not enough)`;
}

/**
 * The `winsorise:` option that clips the k points COINr's winsorising moved: the pool quantile
 * level (type 7) of the (k + 1)-th most extreme value, (n − 1 − k)/(n − 1) on the side of the
 * skew, rounded outward to 6 decimals so that those k points are clipped.
 */
function winsoriseOption(c: ReturnType<typeof checkOutliers>): string {
  const k = c.winsorised;
  const level = c.n > 1 ? k / (c.n - 1) : 0;
  if (c.skewness >= 0) return `winsorise: { upper: ${Math.floor((1 - level) * 1e6) / 1e6} }`;
  return `winsorise: { lower: ${Math.ceil(level * 1e6) / 1e6} }`;
}

function countPresent(x: Float64Array, rows: Uint32Array | null): number {
  let n = 0;
  if (rows) {
    for (const r of rows) if (x[r] === x[r]) n++;
  } else for (const v of x) if (v === v) n++;
  return n;
}

function gather(x: Float64Array, rows: Uint32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = x[rows[k]!]!;
  return out;
}
