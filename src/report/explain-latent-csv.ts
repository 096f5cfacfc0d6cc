import type { LatentExplanation } from '../core/latent/latent-explain.js';
import type { LatentFit } from '../core/latent/latent-model.js';
import type { Iso3 } from '../domain/country.js';
import type { SchemaField } from './datapackage.js';
import { formatFixed, formatInteger } from '../format/format-number.js';
import type { CsvFile } from './update-datapackage.js';

/**
 * `explain_<A>_<B>.csv` under `aggregation: latent`: one row per year of one pair with its
 * latent index and interval, the posterior mean and sd of z, the prior's weight and part,
 * the change of z since the previous year split into this year's observations (`change_new`)
 * and what was carried (`change_carried`), and per model column X (`.` written `_`) its value,
 * weight, gain, contribution and part of the change due to this year's value.
 * @example latentExplainFile('IRN', 'RUS', rows, fit, 6).resource.path // 'explain_IRN_RUS.csv'
 */
export function latentExplainFile(a: Iso3, b: Iso3, rows: readonly LatentExplanation[], fit: LatentFit, precision: number): CsvFile {
  const [x, y] = a < b ? [a, b] : [b, a];
  const f = (v: number) => formatFixed(v, precision);
  const names = fit.columns.map((c) => c.id.replace(/\./g, '_'));
  const head = ['state_a', 'state_b', 'year', 'index', 'index_lo', 'index_hi', 'z_mean', 'z_sd', 'prior_weight', 'prior_contrib', 'change_from', 'change', 'change_new', 'change_carried'];
  for (const n of names) head.push(`${n}_value`, `${n}_weight`, `${n}_gain`, `${n}_contrib`, `${n}_change_new`);
  const lines = [head.join(',')];
  for (const e of rows) {
    const c = e.change;
    const cells = [x, y, String(e.year), f(e.index), f(e.indexLo), f(e.indexHi), f(e.mean), f(Math.sqrt(e.variance)), f(e.priorWeight), f(e.priorContribution), c ? formatInteger(c.previousYear) : '', c ? f(c.total) : '', c ? f(c.fromNew) : '', c ? f(c.carried) : ''];
    for (const col of e.columns) cells.push(f(col.value), f(col.weight), f(col.gain), f(col.contribution), c ? f(col.changeFromNew) : '');
    lines.push(cells.join(','));
  }
  const level = `${Math.round(fit.level * 1000) / 10} %`;
  const fields: SchemaField[] = [
    { name: 'state_a', type: 'string', description: 'first state of the pair, ISO3 (alphabetically first)' },
    { name: 'state_b', type: 'string', description: 'second state of the pair, ISO3' },
    { name: 'year', type: 'integer', description: 'year' },
    { name: 'index', type: 'number', description: 'latent index, the posterior median (as in alignment.csv)', unit: 'index points' },
    { name: 'index_lo', type: 'number', description: `lower end of the central ${level} posterior interval`, unit: 'index points' },
    { name: 'index_hi', type: 'number', description: `upper end of the central ${level} posterior interval`, unit: 'index points' },
    { name: 'z_mean', type: 'number', description: 'posterior mean of the latent alignment z (pooled mean 0, variance 1); index = lo + (hi − lo)·Φ(z_mean)' },
    { name: 'z_sd', type: 'number', description: 'posterior standard deviation of z' },
    { name: 'prior_weight', type: 'number', description: 'share of z_mean resting on the prior of the pair\'s first year; with every X_weight it adds up to 1', unit: 'share' },
    { name: 'prior_contrib', type: 'number', description: 'the prior\'s part of z_mean; z_mean = prior_contrib + Σ X_contrib' },
    { name: 'change_from', type: 'integer', description: 'the pair\'s previous year with an estimate' },
    { name: 'change', type: 'number', description: 'z_mean − z_mean in change_from = change_new + change_carried' },
    { name: 'change_new', type: 'number', description: 'part of the change due to this year\'s observed values (Σ X_change_new)' },
    { name: 'change_carried', type: 'number', description: 'part of the change carried by the prior and the values of the other years (the smoother uses the years after too)' },
  ];
  fit.columns.forEach((col, k) => {
    const n = names[k]!;
    fields.push(
      { name: `${n}_value`, type: 'number', description: `${col.id}: the value the model sees this year (empty when missing)` },
      { name: `${n}_weight`, type: 'number', description: `${col.id}: share of z_mean resting on this column, all years (smoothed Kalman gains × loading)`, unit: 'share' },
      { name: `${n}_gain`, type: 'number', description: `${col.id}: share of z_mean resting on this year's value (0 when missing)`, unit: 'share' },
      { name: `${n}_contrib`, type: 'number', description: `${col.id}: its part of z_mean, Σ over years of smoothed gain × (value − a)` },
      { name: `${n}_change_new`, type: 'number', description: `${col.id}: part of the change due to its value this year` },
    );
  });
  return {
    text: lines.join('\n') + '\n',
    resource: {
      name: `explain_${x}_${y}`.toLowerCase(),
      path: `explain_${x}_${y}.csv`,
      description: `Why ${x}–${y} has the latent index it has: each model column's weight and contribution to the posterior mean per year, and each year's change split into this year's observations and what was carried.`,
      fields,
      primaryKey: ['state_a', 'state_b', 'year'],
    },
  };
}
