import { describe, expect, it } from 'vitest';
import { eStepChunks, reduceChunkStats, statsSize } from '../../../src/core/latent/e-step.js';
import { runEm, posteriorArrays, searchEm, startingParams, columnMoments } from '../../../src/core/latent/em.js';
import { rescaleParams, rescalePosterior } from '../../../src/core/latent/identification.js';
import { kalmanModel, kalmanWork, smoothRun } from '../../../src/core/latent/kalman.js';
import { fitLatentModel } from '../../../src/core/latent/latent-model.js';
import { chunkCount, latentPanel, PAIRS_PER_CHUNK } from '../../../src/core/latent/panel.js';
import { simulatePanel, type SimSpec } from '../../../src/core/latent/simulate.js';

const SPEC: SimSpec = {
  pairs: 150,
  years: [1990, 2020],
  tau: 0.2,
  absentYears: 0.05,
  lateEntry: { share: 0.3, year: 2000 },
  indicators: [
    { id: 'un', a: 0.6, b: 0.1, sigma: 0.06, to: 2018, missing: 0.1 },
    { id: 'arms', a: 0.5, b: 0.4, sigma: 0.8, missing: 0.2 },
    { id: 'trade', a: -1, b: 0.6, sigma: 0.5, to: 2012 },
  ],
};
const sim = simulatePanel(SPEC, 7);
const indicators = SPEC.indicators.map((d, k) => ({ id: d.id, values: sim.values[k]! }));
const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

describe('the latent panel', () => {
  it('records the years since the previous row of the pair and the rows each pair is fitted on', () => {
    const keys = Float64Array.of(3 * 4096 + 2000, 3 * 4096 + 2001, 3 * 4096 + 2004, 3 * 4096 + 2005, 9 * 4096 + 1999, 9 * 4096 + 2000);
    const p = latentPanel(keys, [Float64Array.of(NaN, 1, NaN, NaN, NaN, NaN)]);
    expect([...p.gap]).toEqual([0, 1, 3, 1, 0, 1]);
    expect([...p.runStart]).toEqual([0, 4, 6]);
    expect([...p.fitStart]).toEqual([1, 6]);
    expect([...p.fitEnd]).toEqual([2, 6]);
    expect([...p.observed]).toEqual([0, 1, 0, 0, 0, 0]);
    expect(p.maxRun).toBe(4);
  });

  it('refuses keys out of order, columns of the wrong length and infinite values', () => {
    expect(() => latentPanel(Float64Array.of(2, 1), [Float64Array.of(1, 2)])).toThrow(/ascending/);
    expect(() => latentPanel(Float64Array.of(1, 2), [Float64Array.of(1)])).toThrow(/1 values for 2 rows/);
    expect(() => latentPanel(Float64Array.of(1, 2), [Float64Array.of(1, Infinity)])).toThrow(/Infinity in row 1/);
  });
});

describe('EM for the latent model', () => {
  const fit = fitLatentModel(sim.keys, indicators, { scale: [0, 100] });

  it('never lowers the log-likelihood from one iteration to the next', () => {
    const ll = fit.convergence.logLikelihood;
    for (let i = 1; i < ll.length; i++) expect(ll[i]! - ll[i - 1]!).toBeGreaterThan(-1e-9 * Math.abs(ll[i]!));
    expect(fit.convergence.converged).toBe(true);
    expect(fit.convergence.iterations).toBe(ll.length);
    expect(fit.convergence.rule).toMatch(/rises by less than 1e-9/);
  });

  it('gives byte-identical results on a rerun', () => {
    const again = fitLatentModel(sim.keys, indicators, { scale: [0, 100] });
    for (const key of ['mean', 'variance', 'index', 'indexLo', 'indexHi'] as const) expect(bytes(again[key])).toBe(bytes(fit[key]));
    expect(again.columns).toEqual(fit.columns);
    expect(again.convergence).toEqual(fit.convergence);
  });

  it('fixes the scale: the pooled posterior mean is 0 and its variance (with posterior variances) 1', () => {
    let n = 0;
    let s = 0;
    let ss = 0;
    for (let r = 0; r < fit.mean.length; r++) {
      if (fit.observed[r] === 0) continue;
      n++;
      s += fit.mean[r]!;
      ss += fit.mean[r]! ** 2 + fit.variance[r]!;
    }
    expect(s / n).toBeCloseTo(0, 10);
    expect(ss / n - (s / n) ** 2).toBeCloseTo(1, 10);
  });

  it("fixes the sign by the sign indicator's loading: a reversed indicator gets a negative loading and z does not move", () => {
    const reversed = indicators.map((d) => (d.id === 'arms' ? { ...d, values: d.values.map((v) => -v) } : d));
    // a different path from a different start: equal up to EM's convergence (1e-4)
    const r = fitLatentModel(sim.keys, reversed, { scale: [0, 100] });
    expect(fit.columns[1]!.b).toBeGreaterThan(0);
    expect(r.columns[1]!.b).toBeCloseTo(-fit.columns[1]!.b, 4);
    for (let i = 0; i < fit.mean.length; i += 97) expect(r.mean[i]).toBeCloseTo(fit.mean[i]!, 4);
    const bySigned = fitLatentModel(sim.keys, reversed, { scale: [0, 100], signIndicator: 'arms' });
    expect(bySigned.columns[0]!.b).toBeLessThan(0);
    for (let i = 0; i < fit.mean.length; i += 97) expect(bySigned.mean[i]).toBeCloseTo(-fit.mean[i]!, 4);
  });

  it('leaves the likelihood and the posterior unchanged when the scale is changed', () => {
    const panel = latentPanel(sim.keys, indicators.map((d) => d.values));
    const p = fit.params;
    const q = rescaleParams(p, { shift: 0.7, scale: -1.9 });
    const s = panel.runStart[5]!;
    const e = panel.runStart[6]!;
    const a = posteriorArrays(panel.rows);
    const b = posteriorArrays(panel.rows);
    const llA = smoothRun(panel.y, panel.gap, s, e, kalmanModel(p), kalmanWork(e - s), a);
    const llB = smoothRun(panel.y, panel.gap, s, e, kalmanModel(q), kalmanWork(e - s), b);
    expect(llB).toBeCloseTo(llA, 9);
    rescalePosterior(a.mean, a.variance, { shift: 0.7, scale: -1.9 });
    for (let r = s; r < e; r++) {
      expect(b.mean[r]).toBeCloseTo(a.mean[r]!, 9);
      expect(b.variance[r]).toBeCloseTo(a.variance[r]!, 9);
    }
  });

  it('gives the same statistics and posterior, to the bit, whatever the split of chunks (the threads)', () => {
    const panel = latentPanel(sim.keys, indicators.map((d) => d.values));
    expect(panel.pairs).toBeGreaterThan(2 * PAIRS_PER_CHUNK);
    const model = kalmanModel(startingParams(columnMoments(panel)));
    const chunks = chunkCount(panel);
    const size = statsSize(panel.columns);
    const whole = new Float64Array(chunks * size);
    const split = new Float64Array(chunks * size);
    const a = posteriorArrays(panel.rows);
    const b = posteriorArrays(panel.rows);
    eStepChunks(panel, model, 0, chunks, kalmanWork(panel.maxRun), a, whole);
    eStepChunks(panel, model, 2, chunks, kalmanWork(panel.maxRun), b, split);
    eStepChunks(panel, model, 0, 2, kalmanWork(panel.maxRun), b, split);
    expect(bytes(split)).toBe(bytes(whole));
    expect(bytes(b.mean)).toBe(bytes(a.mean));
    expect(bytes(reduceChunkStats(split, chunks, size, new Float64Array(size)))).toBe(bytes(reduceChunkStats(whole, chunks, size, new Float64Array(size))));
  });

  it('tries a start anchored on each indicator and continues the one with the highest log-likelihood', () => {
    const { probes, start, eSteps, iterations } = fit.convergence;
    expect(probes.map((p) => p.start)).toEqual(['default', 'anchor:0', 'anchor:1', 'anchor:2']);
    const best = probes.reduce((b, p) => (p.logLikelihood > b.logLikelihood ? p : b));
    expect(start).toBe(best.start);
    expect(eSteps).toBeGreaterThanOrEqual(iterations + probes.reduce((s, p) => s + p.iterations, 0) - probes.find((p) => p.start === start)!.iterations);
  });

  it('leaves rows before a pair’s first observation empty and forecasts rows after its last with growing variance', () => {
    const panel = fit.panel;
    let before = 0;
    let after = 0;
    for (let p = 0; p < panel.pairs; p++) {
      for (let r = panel.runStart[p]!; r < panel.fitStart[p]!; r++) {
        expect(fit.mean[r]).toBeNaN();
        before++;
      }
      for (let r = panel.fitEnd[p]!; r < panel.runStart[p + 1]!; r++) {
        expect(fit.mean[r]).toBe(fit.mean[panel.fitEnd[p]! - 1]);
        expect(fit.variance[r]).toBeGreaterThan(fit.variance[r - 1]!);
        after++;
      }
    }
    expect(before + after).toBeGreaterThan(0);
  });

  it('refuses a column with fewer than 3 values and an unknown sign indicator', () => {
    const thin = Float64Array.from(sim.values[0]!, (_, i) => (i < 2 ? 1 : NaN));
    expect(() => fitLatentModel(sim.keys, [indicators[0]!, { id: 'thin', values: thin }], { scale: [0, 100] })).toThrow(/at least 3/);
    expect(() => fitLatentModel(sim.keys, indicators, { scale: [0, 100], signIndicator: 'nope' })).toThrow(/sign indicator "nope"/);
  });

  it('runs from one start when given one, and stops at maxIterations saying it did not converge', () => {
    const panel = latentPanel(sim.keys, indicators.map((d) => d.values));
    const out = posteriorArrays(panel.rows);
    const o = runEm(panel, { signColumn: 0, maxIterations: 3, start: startingParams(columnMoments(panel)), columnIndicator: [0, 1, 2] }, out);
    expect(o.trace).toMatchObject({ iterations: 3, converged: false, start: 'default', probes: [], eSteps: 3 });
    const loop = searchEm(panel, { signColumn: 0, columnIndicator: [0, 0, 0] });
    expect(loop.next().done).toBe(false);
  });
});
