import type { AuditRow } from '../analysis/audit.js';
import { csvText } from '../format/csv-cell.js';
import { formatFixed, formatInteger } from '../format/format-number.js';
import type { CsvFile } from './update-datapackage.js';

/**
 * `audit.csv`: the statistical audit as one long table, one check per line.
 * @example auditFile(rows, 6).resource.path // 'audit.csv'
 */
export function auditFile(rows: readonly AuditRow[], precision: number): CsvFile {
  const lines = ['check,year,indicator,other,value,n,flag,note'];
  for (const r of rows) {
    lines.push([csvText(r.check), r.year ?? '', csvText(r.indicator), csvText(r.other), formatFixed(r.value, precision), formatInteger(r.n), csvText(r.flag), csvText(r.note)].join(','));
  }
  return {
    text: lines.join('\n') + '\n',
    resource: {
      name: 'audit',
      path: 'audit.csv',
      description: 'JRC-style statistical audit: coverage, skewness/kurtosis with outlier flags and treatment, correlations, Cronbach\'s alpha, nominal against effective weights.',
      fields: [
        { name: 'check', type: 'string', description: 'coverage | skewness | kurtosis | outliers | correlation | cronbach_alpha | weight_nominal | weight_effective | eta2 | eta2_share | flagged' },
        { name: 'year', type: 'integer', description: 'year; empty = pooled over all years' },
        { name: 'indicator', type: 'string', description: 'indicator id, `index`, or `all` (alpha)' },
        { name: 'other', type: 'string', description: 'second variable of a correlation; the kind of flag of `flagged`' },
        { name: 'value', type: 'number', description: 'the statistic' },
        { name: 'n', type: 'integer', description: 'observations behind it' },
        { name: 'flag', type: 'string', description: 'outliers (|skew| > 2 and kurtosis > 3.5) | redundant (r > 0.9) | negative | low (alpha < 0.7) | in_pool (flagged pair-years in the normalisation pool)' },
        { name: 'note', type: 'string', description: 'suggested treatment, as the config option that applies it (`winsorise: { upper: p }`, `normalise: log`, `pool_exclude: [gap_artefacts]`), or how the value is defined' },
      ],
    },
  };
}
