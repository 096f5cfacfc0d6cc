import { describe, expect, it } from 'vitest';
import { explainLatent } from '../../../src/core/latent/latent-explain.js';
import { fitLatentModel } from '../../../src/core/latent/latent-model.js';
import { simulatePanel, type SimSpec } from '../../../src/core/latent/simulate.js';

const SPEC: SimSpec = {
  pairs: 80,
  years: [1995, 2020],
  tau: 0.2,
  absentYears: 0.05,
  lateEntry: { share: 0.3, year: 2002 },
  indicators: [
    { id: 'un', a: 0.6, b: 0.1, sigma: 0.06, to: 2016, missing: 0.1 },
    { id: 'arms', a: 0.5, b: 0.4, sigma: 0.8, missing: 0.2 },
    { id: 'trade', a: -1, b: 0.6, sigma: 0.5, to: 2012 },
  ],
};
const sim = simulatePanel(SPEC, 11);
const fit = fitLatentModel(
  sim.keys,
  SPEC.indicators.map((d, k) => ({ id: d.id, values: sim.values[k]! })),
  { scale: [0, 100] },
);

describe('the explanation of a latent pair-year', () => {
  const rows = Array.from({ length: 40 }, (_, i) => Math.floor((i * sim.keys.length) / 40)).filter((r) => fit.mean[r] === fit.mean[r]);

  it('splits the posterior mean exactly into the prior and one contribution per column', () => {
    for (const r of rows) {
      const e = explainLatent(fit, r);
      expect(e.priorContribution + e.columns.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(e.mean, 9);
      expect(e.mean).toBe(fit.mean[r]);
      expect(e.index).toBe(fit.index[r]);
    }
  });

  it('has weights that add up to 1 with the prior, the gain of a missing value 0 and never above the weight', () => {
    for (const r of rows) {
      const e = explainLatent(fit, r);
      expect(e.priorWeight + e.columns.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 12);
      for (const c of e.columns) {
        if (c.value !== c.value) expect(c.gain).toBe(0);
        expect(c.gain).toBeLessThanOrEqual(c.weight + 1e-12);
      }
    }
  });

  it('splits the change since the previous row into the new observations and what was carried', () => {
    let seen = 0;
    for (const r of rows) {
      const e = explainLatent(fit, r);
      if (!e.change) continue;
      seen++;
      expect(e.change.total).toBeCloseTo(e.mean - fit.mean[r - 1]!, 12);
      expect(e.change.fromNew + e.change.carried).toBeCloseTo(e.change.total, 9);
      expect(e.change.fromNew).toBeCloseTo(e.columns.reduce((s, c) => s + c.changeFromNew, 0), 12);
      expect(e.year - e.change.previousYear).toBeGreaterThanOrEqual(1);
    }
    expect(seen).toBeGreaterThan(10);
  });

  it('says a forecast row (after the last observation) owes nothing to new observations', () => {
    const p = fit.panel.runStart.findIndex((_, i) => i < fit.panel.pairs && fit.panel.fitEnd[i]! < fit.panel.runStart[i + 1]!);
    expect(p).toBeGreaterThanOrEqual(0);
    const e = explainLatent(fit, fit.panel.fitEnd[p]!);
    expect(e.change!.fromNew).toBe(0);
    expect(e.change!.total).toBe(0);
    expect(e.columns.every((c) => c.gain === 0)).toBe(true);
  });

  it('puts the whole mean on this year’s value of a column with almost no noise', () => {
    const keys = Float64Array.of(4096 + 2000, 4096 + 2001, 4096 + 2002, 2 * 4096 + 2000, 2 * 4096 + 2001);
    const exact = Float64Array.of(0.1, 0.5, 0.3, 0.9, 0.2);
    const noisy = Float64Array.of(1, 0, NaN, 2, 1);
    const f = fitLatentModel(keys, [{ id: 'x', values: exact }, { id: 'y', values: noisy }], {
      scale: [0, 100],
      start: { a: Float64Array.of(0, 0), b: Float64Array.of(1, 1), s2: Float64Array.of(1e-12, 1), tau2: 0.1, mu0: 0, p0: 1 },
      maxIterations: 1,
    });
    const e = explainLatent(f, 1);
    expect(e.columns[0]!.gain).toBeCloseTo(1, 9);
    expect(e.columns[0]!.weight).toBeCloseTo(1, 9);
    expect(e.mean).toBeCloseTo((0.5 - f.columns[0]!.a) / f.columns[0]!.b, 6);
  });

  it('refuses a row before its pair’s first observation', () => {
    const keys = Float64Array.of(4096 + 2000, 4096 + 2001, 4096 + 2002, 4096 + 2003);
    const f = fitLatentModel(keys, [{ id: 'x', values: Float64Array.of(NaN, 0.5, 0.3, 0.9) }], { scale: [0, 100], maxIterations: 2 });
    expect(() => explainLatent(f, 0)).toThrow(/before its pair's first observation/);
    expect(() => explainLatent(f, 9)).toThrow(/not in the panel/);
  });
});
