/**
 * `aggregation: latent` in the scored table: which values of the scored pool enter the model,
 * and how a fit fills a scored panel — the index (posterior median on the scale), its central
 * interval (`index_lo`, `index_hi`), the prior's part (`index_prior`), and per indicator its
 * contribution in index points and the weight it had (`latent-attribution.ts`).
 *
 * Which values enter: `linear` and `rank_normal` take the indicator's normalised value (its
 * polarity applied; the normalisers are monotone, so its ranks are the raw measure's);
 * `two_part` takes the raw measure (after lag/window/half_life), which must be ≥ 0 with
 * 0 = none; `none` keeps the indicator out of the model (it is still reported).
 */
import type { ScoreExtra, ScoreTable } from '../score-table.js';
import { latentAttribution, secantSlope } from './latent-attribution.js';
import type { LatentFit } from './latent-model.js';
import type { LatentIndicator, TreatmentName } from './transform.js';

/** How an indicator enters the latent model: a treatment, or `none` (not at all). */
export type LatentEntry = TreatmentName | 'none';

/** The values of a treatment: the table's normalised or raw column. */
const entryColumn: Readonly<Record<TreatmentName, 'norm' | 'raw'>> = { linear: 'norm', rank_normal: 'norm', two_part: 'raw' };

/**
 * The model's indicators from a scored pool: one per indicator whose entry is not `none`, in
 * table order.
 * @example latentIndicators(pool, ['linear', 'two_part', 'none']).map((i) => i.id) // ['un', 'arms']
 */
export function latentIndicators(pool: ScoreTable, entries: readonly LatentEntry[]): LatentIndicator[] {
  const out: LatentIndicator[] = [];
  pool.ids.forEach((id, i) => {
    const entry = entries[i] ?? 'linear';
    if (entry === 'none') return;
    out.push({ id, values: pool[entryColumn[entry]][i]!, treatment: entry });
  });
  return out;
}

/**
 * The scored panel with the latent fit's numbers: `table`'s rows (a subset of the fit's keys or
 * not — a row the fit has no estimate for gets none), `index` the posterior median, the
 * extras `index_lo`, `index_hi` and `index_prior` (index = index_prior + Σ contributions), and
 * per indicator its contribution (index points, empty for an indicator not in the model) and
 * weight used (the share of the estimate resting on it).
 * @example withLatentIndex(table, fit).extras.map((x) => x.column) // […, 'index_lo', 'index_hi', 'index_prior']
 */
export function withLatentIndex(table: ScoreTable, fit: LatentFit): ScoreTable {
  const n = table.keys.length;
  const rowOf = fitRows(table.keys, fit.keys);
  const att = latentAttribution(fit);
  const index = new Float64Array(n).fill(NaN);
  const lo = new Float64Array(n).fill(NaN);
  const hi = new Float64Array(n).fill(NaN);
  const prior = new Float64Array(n).fill(NaN);
  const contrib = table.ids.map(() => new Float64Array(n).fill(NaN));
  const weightUsed = table.ids.map(() => new Float64Array(n).fill(NaN));
  const position = fit.indicators.map((ind) => table.ids.indexOf(ind.id));
  for (let r = 0; r < n; r++) {
    const f = rowOf[r]!;
    if (f < 0 || fit.mean[f] !== fit.mean[f]) continue;
    index[r] = fit.index[f]!;
    lo[r] = fit.indexLo[f]!;
    hi[r] = fit.indexHi[f]!;
    const p = att.prior[f]!;
    const slope = secantSlope(fit.mean[f]!, p, fit.scale);
    prior[r] = fit.index[f]! - slope * (fit.mean[f]! - p); // = lo + (hi − lo)·Φ(p), so the parts add up exactly
    position.forEach((i, j) => {
      contrib[i]![r] = slope * att.contribution[j]![f]!;
      weightUsed[i]![r] = att.weight[j]![f]!;
    });
  }
  const level = `${Math.round(fit.level * 1000) / 10} %`;
  const extras: ScoreExtra[] = [
    { column: 'index_lo', values: lo, type: 'number', description: `latent index: lower end of the central ${level} posterior interval (index points)` },
    { column: 'index_hi', values: hi, type: 'number', description: `latent index: upper end of the central ${level} posterior interval (index points)` },
    { column: 'index_prior', values: prior, type: 'number', description: 'latent index: the part resting on the prior of the pair\'s first year rather than on any value; index = index_prior + Σ X_contrib (index points)' },
  ];
  return { ...table, index, contrib, weightUsed, extras: [...table.extras, ...extras] };
}

/** For each key of `keys`, its row in `fitKeys` or −1 (both ascending). */
function fitRows(keys: Float64Array, fitKeys: Float64Array): Int32Array {
  const out = new Int32Array(keys.length).fill(-1);
  let f = 0;
  for (let r = 0; r < keys.length; r++) {
    const k = keys[r]!;
    while (f < fitKeys.length && fitKeys[f]! < k) f++;
    if (f < fitKeys.length && fitKeys[f] === k) out[r] = f;
  }
  return out;
}

