/**
 * The simulated panels of the latent model's acceptance tests, and the measures the tests
 * take on them: parameters on the identified scale, correlation and interval coverage of the
 * posterior, and the boundary shift of an index when an indicator leaves or enters.
 */
import type { LatentFit } from '../../src/core/latent/latent-model.js';
import type { SimPanel, SimSpec } from '../../src/core/latent/simulate.js';

/**
 * Real sources' shapes: UN-like votes to 2019, exercises to 2010, trade to 2014, a new source
 * from 2018, arms throughout; 20 % of pairs enter in 1992; 3 % of pair-years absent.
 */
export const ACCEPTANCE_SPEC: SimSpec = {
  pairs: 400,
  years: [1980, 2024],
  tau: 0.15,
  lateEntry: { share: 0.2, year: 1992 },
  absentYears: 0.03,
  indicators: [
    { id: 'un', a: 0.7, b: 0.12, sigma: 0.05, to: 2019, missing: 0.05 },
    { id: 'drills', a: 0.2, b: 0.3, sigma: 0.5, to: 2010, missing: 0.02 },
    { id: 'trade', a: -1, b: 0.5, sigma: 0.6, to: 2014 },
    { id: 'arms', a: 1, b: 0.4, sigma: 0.7, missing: 0.1 },
    { id: 'events', a: 0, b: 1, sigma: 1.2, from: 2018 },
  ],
};

/** The true z's pooled mean and sd over the rows with an observation (the identification's pool). */
export function trueScale(sim: SimPanel, fit: LatentFit): { shift: number; scale: number } {
  let n = 0;
  let s = 0;
  let ss = 0;
  for (let r = 0; r < sim.z.length; r++) {
    if (fit.observed[r]! === 0) continue;
    n++;
    s += sim.z[r]!;
    ss += sim.z[r]! ** 2;
  }
  const shift = s / n;
  return { shift, scale: Math.sqrt(ss / n - shift * shift) };
}

/** Pearson correlation of the posterior means with the true z, and the share of true z's inside the central `level` interval of z. */
export function recovery(sim: SimPanel, fit: LatentFit, zq: number): { corr: number; coverage: number; rows: number } {
  const { shift, scale } = trueScale(sim, fit);
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let inside = 0;
  for (let r = 0; r < sim.z.length; r++) {
    const m = fit.mean[r]!;
    if (m !== m) continue;
    const z = (sim.z[r]! - shift) / scale;
    n++;
    sx += m;
    sy += z;
    sxx += m * m;
    syy += z * z;
    sxy += m * z;
    if (Math.abs(z - m) <= zq * Math.sqrt(fit.variance[r]!)) inside++;
  }
  const corr = (sxy / n - (sx / n) * (sy / n)) / Math.sqrt((sxx / n - (sx / n) ** 2) * (syy / n - (sy / n) ** 2));
  return { corr, coverage: inside / n, rows: n };
}

/** Median of a list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((x, y) => x - y);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/**
 * At boundary year B (the first year after a source ends, or the first year of a new one),
 * over the pairs with rows in B − 1 and B: the boundary shift — the median change of
 * `index` from B − 1 to B — and the interval's change — the median absolute change of the
 * 90 % interval's half-width (NaN half-widths count as 0, for indexes without an interval).
 */
export function boundaryShift(keys: Float64Array, index: Float64Array, lo: Float64Array | null, hi: Float64Array | null, year: number): { shift: number; intervalChange: number } {
  const changes: number[] = [];
  const widths: number[] = [];
  const half = (r: number) => (lo && hi ? (hi[r]! - lo[r]!) / 2 : 0);
  for (let r = 1; r < keys.length; r++) {
    const k = keys[r]!;
    if (k % 4096 !== year || keys[r - 1] !== k - 1) continue;
    const d = index[r]! - index[r - 1]!;
    if (d !== d) continue;
    changes.push(d);
    widths.push(Math.abs(half(r) - half(r - 1)));
  }
  return { shift: median(changes), intervalChange: median(widths) };
}

/**
 * Zero-inflated sources: arms in every year (about 96 % zeros) and exercises to 2010 (about
 * 93 % zeros), each present with probability Φ(c + d·z) and then log-normal; UN-like votes
 * to 2019 and trade to 2014 (30 % missing) Gaussian.
 */
export const ZERO_INFLATED_SPEC: SimSpec = {
  pairs: 300,
  years: [1980, 2024],
  tau: 0.15,
  lateEntry: { share: 0.2, year: 1992 },
  absentYears: 0.03,
  indicators: [
    { id: 'un', a: 0.7, b: 0.12, sigma: 0.08, to: 2019, missing: 0.05 },
    { id: 'trade', a: -1, b: 0.5, sigma: 1.0, to: 2014, missing: 0.3 },
    { id: 'arms', a: 1, b: 0.5, sigma: 0.8, presence: { c: -2.4, d: 0.7 } },
    { id: 'drills', a: -1.5, b: 0.6, sigma: 0.9, to: 2010, presence: { c: -2.0, d: 0.8 } },
  ],
};

/** Root mean square error of the posterior mean against the true z on the identified scale. */
export function rmse(sim: SimPanel, fit: LatentFit): number {
  const { shift, scale } = trueScale(sim, fit);
  let n = 0;
  let se = 0;
  for (let r = 0; r < sim.z.length; r++) {
    const m = fit.mean[r]!;
    if (m !== m) continue;
    n++;
    se += (m - (sim.z[r]! - shift) / scale) ** 2;
  }
  return Math.sqrt(se / n);
}
