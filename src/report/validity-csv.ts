import type { ValidityRow } from '../analysis/validity.js';
import { csvText } from '../format/csv-cell.js';
import { formatFixed, formatInteger } from '../format/format-number.js';
import type { CsvFile } from './update-datapackage.js';

/** The metrics `validity.csv` may hold, with what they mean (for its Table Schema and the README). */
export const VALIDITY_METRICS: Readonly<Record<string, string>> = {
  auc_allies_rivals: 'AUC (Mann–Whitney, ties ½) of the series separating defence-pact pair-years (high) from strategic-rivalry pair-years (low)',
  auc_allies_disputes: 'AUC of the series separating defence-pact pair-years from pair-years with a militarised dispute',
  corr_ideal_distance: "Pearson's r of the series with the ideal-point distance (negative when valid)",
  boundary_artefact_median: 'median over the pairs whose indicator set changes at the boundary of the change not explained by the indicators present in both years',
  nominal_weight: 'w_i / Σ w (within a decade: over the indicators with values in it)',
  effective_weight: 'Cov(c_i, I) / Var(I) over all pair-years or those of a decade; the shares add up to 1',
  alpha: "Cronbach's alpha of the normalised indicators (listwise complete pair-years)",
};

/**
 * `validity.csv`: the validity metrics as one long table `metric,scope,series,value`, in the
 * order given (see `analysis/validity.ts`); values with `precision` decimals, counts as
 * whole numbers, empty when a metric cannot be computed.
 * @example validityFile(rows, 6).text.split('\n')[0] // 'metric,scope,series,value'
 */
export function validityFile(rows: readonly ValidityRow[], precision: number): CsvFile {
  const lines = ['metric,scope,series,value'];
  for (const r of rows) {
    const value = r.kind === 'count' ? formatInteger(r.value) : formatFixed(r.value, precision);
    lines.push([csvText(r.metric), csvText(r.scope), csvText(r.series), value].join(','));
  }
  return {
    text: lines.join('\n') + '\n',
    resource: {
      name: 'validity',
      path: 'validity.csv',
      description:
        'The index measured as an index (entente validity): criterion validity (AUC allies vs rivals and vs disputes), convergent validity (r with ideal-point distance), the boundary artefact at each year an indicator enters or leaves, nominal and effective weights, Cronbach\'s alpha; per index series.',
      fields: [
        {
          name: 'metric',
          type: 'string',
          description: `${Object.keys(VALIDITY_METRICS).join(' | ')}; with _n_<group>, _n or _pairs: the pair-years or pairs behind a value`,
        },
        { name: 'scope', type: 'string', description: '`all`, a decade (`1990s`), an indicator id (weights over all pair-years), `<indicator>:<decade>` (weights within a decade, `un:1990s`), or `<indicator>:<year>` (boundary: the first year of the new indicator set)' },
        { name: 'series', type: 'string', description: 'the index series: `index`, `index_chained`, `index_latent`, or one scored without some indicators (`index_without_alliance`)' },
        { name: 'value', type: 'number', description: 'the metric; empty when it cannot be computed' },
      ],
    },
  };
}
