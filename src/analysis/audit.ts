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
 * `weight_nominal`, `weight_effective`, `eta2`, `eta2_share`.
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
  /** `outliers`, `redundant`, `negative`, `low` or empty. */
  readonly flag: string;
  readonly note: string;
}

/**
 * Audits a scored table. `weights` are the configured weights by indicator position.
 * Rows come pooled first, then per year, in a fixed order (deterministic).
 * @example auditPanel(table, [1, 1]).find((r) => r.check === 'cronbach_alpha' && r.year === null)!.value // e.g. 0.74
 */
export function auditPanel(table: ScoreTable, weights: readonly number[]): AuditRow[] {
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
    row('outliers', null, ids[i]!, '', c.flagged ? 1 : 0, c.n, c.flagged ? 'outliers' : '', treatmentNote(c));
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

function treatmentNote(c: ReturnType<typeof checkOutliers>): string {
  if (!c.flagged) return '';
  if (c.treatment === 'winsorise') return `suggested: winsorise ${c.winsorised} point(s), then it passes`;
  return `suggested: log_CT = ln(x − min + 0.01·(max − min))${c.passesAfter ? ', then it passes' : ', still flagged after it'} (winsorising 5 points is not enough)`;
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
