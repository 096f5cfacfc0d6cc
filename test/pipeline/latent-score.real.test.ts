import path from 'node:path';
import { expect, it } from 'vitest';
import { readConfig } from '../../src/config/read-config.js';
import { rowsOfPair } from '../../src/core/panel-keys.js';
import type { Iso3 } from '../../src/domain/country.js';
import { yearOfKey } from '../../src/domain/dyad-year-key.js';
import { computeScore } from '../../src/pipeline/score.js';
import { ROOT } from '../helpers/cli.js';
import { describeShared } from '../helpers/shared-data.js';

// The latent index on the real UN votes and GDELT events (examples/real-data-latent.yaml's model).
describeShared('the latent index on the real sources', () => {
  it('converges, rests on UN agreement, and gives Russia–China and Russia–USA intervals that never overlap while UN data last', async () => {
    const run = await computeScore(await readConfig(path.join(ROOT, 'test/fixtures/latent/real.yaml')));
    const fit = run.latent!;
    expect(fit.convergence.converged).toBe(true);
    // measured: UN agreement carries 99.95 % of the implied weight, the event score loads slightly negatively
    expect(fit.indicators.find((i) => i.id === 'un')!.weight).toBeGreaterThan(0.99);
    const { table } = run;
    const lo = table.extras.find((x) => x.column === 'index_lo')!.values;
    const hi = table.extras.find((x) => x.column === 'index_hi')!.values;
    const series = (a: string, b: string) => {
      const r = rowsOfPair(table.keys, a as Iso3, b as Iso3)!;
      const out = new Map<number, [number, number, number]>();
      for (let i = r.start; i < r.end; i++) out.set(yearOfKey(table.keys[i]!), [lo[i]!, table.index[i]!, hi[i]!]);
      return out;
    };
    const chn = series('CHN', 'RUS');
    const usa = series('RUS', 'USA');
    const irn = series('IRN', 'RUS');
    for (let y = 1992; y <= 2019; y++) {
      expect(chn.get(y)![0], `${y}`).toBeGreaterThan(usa.get(y)![2]);
      for (const s of [chn, usa, irn]) expect(s.get(y)![0]).toBeLessThanOrEqual(s.get(y)![1]);
    }
    // after the last General Assembly session in the data the estimate is a forecast: its interval widens
    const width = (s: Map<number, [number, number, number]>, y: number) => s.get(y)![2] - s.get(y)![0];
    expect(width(irn, 2022)).toBeGreaterThan(width(irn, 2019));
  });
});
