import { describe, expect, it } from 'vitest';
import { fitLatentModel, type LatentFit } from '../../../src/core/latent/latent-model.js';
import { normalQuantile } from '../../../src/core/latent/normal-quantile.js';
import { simulatePanel, type SimPanel } from '../../../src/core/latent/simulate.js';
import { ACCEPTANCE_SPEC, boundaryShift, recovery, trueScale } from '../../helpers/latent-sim.js';

const spec = ACCEPTANCE_SPEC;
const fits = new Map<number, { sim: SimPanel; fit: LatentFit }>();
function fitted(seed: number) {
  if (!fits.has(seed)) {
    const sim = simulatePanel(spec, seed);
    const fit = fitLatentModel(
      sim.keys,
      spec.indicators.map((d, k) => ({ id: d.id, values: sim.values[k]! })),
      { scale: [0, 100] },
    );
    fits.set(seed, { sim, fit });
  }
  return fits.get(seed)!;
}
const SEEDS = [1, 2, 3];
// boundary years: drills end 2010, trade ends 2014, events start 2018, un ends 2019
const BOUNDARIES = [2011, 2015, 2018, 2020];

describe('the latent model on panels simulated from it (400 pairs, 1980–2024, sources in blocks)', () => {
  it.each(SEEDS)('recovers a, b, σ and τ within the documented tolerances (seed %i)', (seed) => {
    const { sim, fit } = fitted(seed);
    expect(fit.convergence.converged).toBe(true);
    const { shift, scale } = trueScale(sim, fit);
    spec.indicators.forEach((d, k) => {
      const c = fit.columns[k]!;
      // the truth on the identified scale: a + b·shift, b·scale, σ, τ/scale
      expect(Math.abs(c.a - (d.a + d.b * shift)) / d.sigma).toBeLessThan(0.1);
      expect(Math.abs(c.b / (d.b * scale) - 1)).toBeLessThan(0.1);
      expect(Math.abs(c.sigma / d.sigma - 1)).toBeLessThan(0.06);
    });
    expect(Math.abs(fit.tau / (spec.tau / scale) - 1)).toBeLessThan(0.06);
  });

  it.each(SEEDS)('gives posterior means that correlate ≥ 0.95 with the true z and 90 %% intervals that cover it in 85–95 %% of pair-years (seed %i)', (seed) => {
    const { sim, fit } = fitted(seed);
    const r = recovery(sim, fit, normalQuantile(0.95));
    expect(r.rows).toBe(sim.keys.length);
    expect(r.corr).toBeGreaterThanOrEqual(0.95);
    expect(r.coverage).toBeGreaterThanOrEqual(0.85);
    expect(r.coverage).toBeLessThanOrEqual(0.95);
  });

  it.each(SEEDS)('moves the index at a source boundary by less than the change of its interval (seed %i)', (seed) => {
    const { sim, fit } = fitted(seed);
    for (const year of BOUNDARIES) {
      const b = boundaryShift(sim.keys, fit.index, fit.indexLo, fit.indexHi, year);
      expect(Math.abs(b.shift), `boundary ${year}`).toBeLessThan(b.intervalChange);
    }
  });

  it('is a criterion the weighted sum of min-max normalised indicators fails on the same panel', () => {
    const { sim, fit } = fitted(1);
    const scaled = sim.values.map((v) => {
      let lo = Infinity;
      let hi = -Infinity;
      for (const x of v) if (x === x) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
      return v.map((x) => (x - lo) / (hi - lo));
    });
    const sum = new Float64Array(sim.keys.length).map((_, r) => {
      const present = scaled.filter((c) => c[r] === c[r]);
      return present.length > 0 ? (100 * present.reduce((s, c) => s + c[r]!, 0)) / present.length : NaN;
    });
    const failed = BOUNDARIES.filter((year) => {
      const latent = boundaryShift(sim.keys, fit.index, fit.indexLo, fit.indexHi, year);
      const b = boundaryShift(sim.keys, sum, null, null, year);
      return Math.abs(b.shift) > latent.intervalChange;
    });
    expect(failed.length).toBeGreaterThan(0);
  });

  it('reports implied weights that add up to 1 and are larger for more informative columns', () => {
    const { fit } = fitted(1);
    expect(fit.columns.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 12);
    const w = Object.fromEntries(fit.columns.map((c) => [c.id, c.weight]));
    // b²/σ²: un (0.12/0.05)² ≫ trade (0.5/0.6)² > arms (0.4/0.7)²
    expect(w.un!).toBeGreaterThan(w.trade!);
    expect(w.trade!).toBeGreaterThan(w.arms!);
  });

  it('keeps every index and interval inside the scale, the index inside its interval', () => {
    const { fit } = fitted(1);
    let bad = 0;
    for (let r = 0; r < fit.index.length; r++) {
      if (!(fit.indexLo[r]! >= 0 && fit.indexLo[r]! <= fit.index[r]! && fit.index[r]! <= fit.indexHi[r]! && fit.indexHi[r]! <= 100)) bad++;
    }
    expect(bad).toBe(0);
  });
});
