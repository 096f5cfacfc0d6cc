import type { PairBreak } from '../analysis/change-points.js';
import type { PairTrend } from '../analysis/trend.js';
import { formatFixed, formatInteger } from '../format/format-number.js';
import type { CsvFile } from './update-datapackage.js';
import type { CoverageLabel } from '../analysis/coverage-changes.js';
import { csvText } from '../format/csv-cell.js';

/**
 * `trends.csv`: each pair's least-squares slope of the index over the window.
 * @example trendsFile(trends, 6).resource.path // 'trends.csv'
 */
export function trendsFile(trends: readonly PairTrend[], precision: number, setChanges: readonly number[] = []): CsvFile {
  const f = (v: number) => formatFixed(v, precision);
  const lines = ['state_a,state_b,from,to,years,slope,slope_se,mean,set_changes'];
  trends.forEach((t, k) => lines.push(`${t.a},${t.b},${t.from},${t.to},${formatInteger(t.n)},${f(t.slope)},${f(t.slopeSe)},${f(t.mean)},${formatInteger(setChanges[k] ?? 0)}`));
  return {
    text: lines.join('\n') + '\n',
    resource: {
      name: 'trends',
      path: 'trends.csv',
      description: 'Ordinary-least-squares slope of each pair\'s index over a window of years.',
      fields: [
        { name: 'state_a', type: 'string', description: 'first state of the pair, ISO3' },
        { name: 'state_b', type: 'string', description: 'second state of the pair, ISO3' },
        { name: 'from', type: 'integer', description: 'first year of the window' },
        { name: 'to', type: 'integer', description: 'last year of the window' },
        { name: 'years', type: 'integer', description: 'years of the window with an index' },
        { name: 'slope', type: 'number', description: 'index points per year (empty with fewer than 3 years)', unit: 'index points per year' },
        { name: 'slope_se', type: 'number', description: 'standard error of the slope', unit: 'index points per year' },
        { name: 'mean', type: 'number', description: 'mean index over the window', unit: 'index points' },
        { name: 'set_changes', type: 'integer', description: 'years of the window in which the pair\'s set of indicators changes (a source entering or leaving): the slope then mixes in coverage; 0 = one basket throughout' },
      ],
      primaryKey: ['state_a', 'state_b'],
    },
  };
}

/**
 * `breaks.csv`: structural breaks of each pair's index (PELT, penalised mean changes).
 * @example breaksFile(breaks, 6).resource.path // 'breaks.csv'
 */
export function breaksFile(breaks: readonly PairBreak[], precision: number, labels: readonly CoverageLabel[] = []): CsvFile {
  const f = (v: number) => formatFixed(v, precision);
  const lines = ['state_a,state_b,year,mean_before,mean_after,size,coverage_change,indicators_changed'];
  breaks.forEach((b, k) => lines.push(`${b.a},${b.b},${b.year},${f(b.meanBefore)},${f(b.meanAfter)},${f(b.size)},${f(labels[k]?.coverage ?? 0)},${csvText(labels[k]?.set ?? '')}`));
  return {
    text: lines.join('\n') + '\n',
    resource: {
      name: 'breaks',
      path: 'breaks.csv',
      description: 'Structural breaks in each pair\'s index: changes of the mean found by PELT with a BIC-like penalty.',
      fields: [
        { name: 'state_a', type: 'string', description: 'first state of the pair, ISO3' },
        { name: 'state_b', type: 'string', description: 'second state of the pair, ISO3' },
        { name: 'year', type: 'integer', description: 'first year of the new level' },
        { name: 'mean_before', type: 'number', description: 'mean index of the segment before the break', unit: 'index points' },
        { name: 'mean_after', type: 'number', description: 'mean index of the segment after it', unit: 'index points' },
        { name: 'size', type: 'number', description: 'mean_after − mean_before', unit: 'index points' },
        { name: 'coverage_change', type: 'number', description: 'the part of the change into the break year due to indicators entering or leaving (explain\'s coverage term); 0 when the set of indicators is the same — a break with a large coverage_change is a source boundary, not a change of alignment', unit: 'index points' },
        { name: 'indicators_changed', type: 'string', description: '`<id> in` for each indicator entering and `<id> out` for each leaving in the break year, separated by `; `' },
      ],
      primaryKey: ['state_a', 'state_b', 'year'],
    },
  };
}
