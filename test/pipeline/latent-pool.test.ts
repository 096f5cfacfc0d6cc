import { describe, expect, it } from 'vitest';
import { fitLatentModelThreaded, latentThreads, splitChunks } from '../../src/pipeline/latent-pool.js';
import { fitLatentModel } from '../../src/core/latent/latent-model.js';
import { simulatePanel, type SimSpec } from '../../src/core/latent/simulate.js';
import { floatBytes as bytes, withBundled } from '../helpers/bundle-sources.js';

const SPEC: SimSpec = {
  pairs: 300,
  years: [1990, 2020],
  tau: 0.2,
  absentYears: 0.05,
  lateEntry: { share: 0.3, year: 2000 },
  indicators: [
    { id: 'un', a: 0.6, b: 0.1, sigma: 0.06, to: 2018, missing: 0.1 },
    { id: 'arms', a: 0.5, b: 0.4, sigma: 0.8, missing: 0.2, presence: { c: -1.5, d: 0.6 } },
    { id: 'trade', a: -1, b: 0.6, sigma: 0.5, to: 2012 },
  ],
};

describe('the latent model on worker threads', () => {
  it('splits chunks into contiguous ranges of about equal rows', () => {
    const before = [0, 10, 20, 25, 30];
    expect(splitChunks(4, (c) => before[c]!, 2)).toEqual([[0, 2], [2, 4]]);
    expect(splitChunks(4, (c) => before[c]!, 1)).toEqual([[0, 4]]);
    expect(splitChunks(2, (c) => [0, 5, 6][c]!, 4)).toEqual([[0, 1], [1, 2]]);
    expect(latentThreads(1000)).toBe(1);
  });

  it('gives byte-identical results with 1, 2 and 3 threads', async () => {
    // bundle the pool and its worker from the sources into a private folder
    const entries = { 'latent-pool': 'src/pipeline/latent-pool.ts', 'latent-worker': 'src/pipeline/latent-worker.ts' };
    await withBundled<{ fitLatentModelThreaded: typeof fitLatentModelThreaded }, void>(entries, 'latent-pool', async (built) => {
      const sim = simulatePanel(SPEC, 5);
      const indicators = SPEC.indicators.map((d, k) => ({ id: d.id, values: sim.values[k]!, treatment: d.presence ? ('two_part' as const) : ('linear' as const) }));
      const one = fitLatentModel(sim.keys, indicators, { scale: [0, 100] });
      const fromSources = await fitLatentModelThreaded(sim.keys, indicators, { scale: [0, 100] }, 2); // not built: one thread
      for (const threads of [2, 3]) {
        const fit = await built.fitLatentModelThreaded(sim.keys, indicators, { scale: [0, 100] }, threads);
        for (const key of ['mean', 'variance', 'index', 'indexLo', 'indexHi'] as const) expect(bytes(fit[key]), `${key}, ${threads} threads`).toBe(bytes(one[key]));
        expect(fit.columns).toEqual(one.columns);
        expect(fit.convergence).toEqual(one.convergence);
      }
      expect(bytes(fromSources.index)).toBe(bytes(one.index));
    });
  });
});
