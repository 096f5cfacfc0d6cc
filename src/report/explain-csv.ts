import type { ExplainYear } from '../analysis/explain.js';
import type { Iso3 } from '../domain/country.js';
import { csvText } from '../format/csv-cell.js';
import type { SchemaField } from './datapackage.js';
import { formatFixed, formatInteger } from '../format/format-number.js';
import type { CsvFile } from './update-datapackage.js';

/**
 * `explain_<A>_<B>.csv`: one row per year of one pair — the index, its coverage, the change
 * since the previous scored year split into one term per indicator plus a coverage term,
 * and for each indicator X its raw value, normalised value, weight used, contribution,
 * percentile among the year's pairs and term of the change; then the strongest and weakest
 * components.
 * @example explainFile('IRN', 'RUS', years, ['un', 'trade'], 6).resource.path // 'explain_IRN_RUS.csv'
 */
export function explainFile(a: Iso3, b: Iso3, years: readonly ExplainYear[], ids: readonly string[], precision: number): CsvFile {
  const [x, y] = a < b ? [a, b] : [b, a];
  const f = (v: number) => formatFixed(v, precision);
  const chain = years.some((yr) => yr.indexChained !== undefined);
  const head = ['state_a', 'state_b', 'year', 'index', 'coverage', 'change_from', 'change', 'change_coverage'];
  if (chain) head.push('index_chained', 'change_chained', 'change_chained_coverage');
  for (const id of ids) head.push(`${id}_raw`, `${id}_norm`, `${id}_weight`, `${id}_contrib`, `${id}_percentile`, `${id}_change`);
  head.push('strongest', 'weakest');
  const lines = [head.join(',')];
  for (const yr of years) {
    const c = yr.change;
    const cells = [x, y, String(yr.year), f(yr.index), f(yr.coverage), c ? formatInteger(c.fromYear) : '', c ? f(c.total) : '', c ? f(c.coverage) : ''];
    if (chain) cells.push(f(yr.indexChained ?? NaN), c ? f(c.chained) : '', c ? f(c.chainedCoverage) : '');
    yr.components.forEach((k, i) => cells.push(f(k.raw), f(k.norm), f(k.weightUsed), f(k.contribution), f(k.percentile), c ? f(c.terms[i]!) : ''));
    cells.push(csvText(yr.strongest ?? ''), csvText(yr.weakest ?? ''));
    lines.push(cells.join(','));
  }
  const fields: SchemaField[] = [
    { name: 'state_a', type: 'string', description: 'first state of the pair, ISO3 (alphabetically first)' },
    { name: 'state_b', type: 'string', description: 'second state of the pair, ISO3' },
    { name: 'year', type: 'integer', description: 'year' },
    { name: 'index', type: 'number', description: 'alignment index (as in alignment.csv)', unit: 'index points' },
    { name: 'coverage', type: 'number', description: 'share of the total weight present', unit: 'share' },
    { name: 'change_from', type: 'integer', description: 'the previous year with an index, which the change is measured from' },
    { name: 'change', type: 'number', description: 'index − index in change_from; = change_coverage + Σ X_change', unit: 'index points' },
    { name: 'change_coverage', type: 'number', description: 'part of the change due to indicators entering or leaving (and the re-weighting they cause)', unit: 'index points' },
  ];
  if (chain) {
    fields.push(
      { name: 'index_chained', type: 'number', description: 'chain-linked index (as in alignment.csv)', unit: 'index points' },
      { name: 'change_chained', type: 'number', description: 'index_chained − index_chained in change_from', unit: 'index points' },
      { name: 'change_chained_coverage', type: 'number', description: 'change_chained − Σ X_change: 0 by construction (each link uses the indicators present in both years), except where the chain breaks or the index is smoothed', unit: 'index points' },
    );
  }
  for (const id of ids) {
    fields.push(
      { name: `${id}_raw`, type: 'number', description: `${id}: measure before normalisation (after lag/window/half_life)` },
      { name: `${id}_norm`, type: 'number', description: `${id}: normalised value`, unit: 'share' },
      { name: `${id}_weight`, type: 'number', description: `${id}: weight used, renormalised over the indicators present`, unit: 'share' },
      { name: `${id}_contrib`, type: 'number', description: `${id}: part of the index; the contributions of a row add up to index`, unit: 'index points' },
      { name: `${id}_percentile`, type: 'number', description: `${id}: percentile of the pair among the year's pairs on this indicator, (r − 1)/(n − 1)`, unit: 'share' },
      { name: `${id}_change`, type: 'number', description: `${id}: its term of the change (value change with the weights of the indicators present in both years); empty when present in only one year`, unit: 'index points' },
    );
  }
  fields.push(
    { name: 'strongest', type: 'string', description: 'indicator with the highest percentile this year' },
    { name: 'weakest', type: 'string', description: 'indicator with the lowest percentile this year' },
  );
  return {
    text: lines.join('\n') + '\n',
    resource: {
      name: `explain_${x}_${y}`.toLowerCase(),
      path: `explain_${x}_${y}.csv`,
      description: `Why ${x}–${y} scores what it scores: each indicator's raw value, normalised value, weight and contribution per year, and each year's change split exactly into indicator terms and a coverage term.`,
      fields,
      primaryKey: ['state_a', 'state_b', 'year'],
    },
  };
}
