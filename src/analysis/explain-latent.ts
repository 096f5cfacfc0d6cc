/**
 * `explain` under `aggregation: latent`: one pair's years explained by the latent model —
 * each model column's contribution to the posterior mean (the smoothed Kalman gain weights
 * times the column's values), the share of the estimate resting on it (all years) and on this
 * year's value, and the change since the pair's previous year split into the part due to
 * this year's observations and the part carried by the prior and the other years
 * (`core/latent/latent-explain.ts`). On the latent scale z (standard deviations of the pool);
 * the index is lo + (hi − lo)·Φ(z).
 */
import type { Iso3 } from '../domain/country.js';
import { yearOfKey } from '../domain/dyad-year-key.js';
import { rowsOfPair } from '../core/panel-keys.js';
import { explainLatent, type LatentExplanation } from '../core/latent/latent-explain.js';
import type { LatentFit } from '../core/latent/latent-model.js';

/**
 * The explanations of one pair's years with a latent estimate (within `years` when given), in
 * year order; empty when the fit has no estimate for the pair.
 * @example explainLatentPair(run.latent, 'IRN' as Iso3, 'RUS' as Iso3).at(-1)?.change?.fromNew
 */
export function explainLatentPair(fit: LatentFit, a: Iso3, b: Iso3, years: { readonly from: number; readonly to: number } | null = null): LatentExplanation[] {
  const run = rowsOfPair(fit.keys, a, b);
  if (!run) return [];
  const out: LatentExplanation[] = [];
  for (let r = run.start; r < run.end; r++) {
    const year = yearOfKey(fit.keys[r]!);
    if (fit.mean[r] !== fit.mean[r]) continue;
    if (years !== null && (year < years.from || year > years.to)) continue;
    out.push(explainLatent(fit, r));
  }
  return out;
}
