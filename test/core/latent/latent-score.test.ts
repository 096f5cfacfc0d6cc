import { describe, expect, it } from 'vitest';
import { explainLatent } from '../../../src/core/latent/latent-explain.js';
import { latentAttribution, secantSlope } from '../../../src/core/latent/latent-attribution.js';
import { fitLatentModel } from '../../../src/core/latent/latent-model.js';
import { latentIndicators, withLatentIndex } from '../../../src/core/latent/latent-score.js';
import { simulatePanel, type SimSpec } from '../../../src/core/latent/simulate.js';
import type { ScoreTable } from '../../../src/core/score-table.js';

const SPEC: SimSpec = {
  pairs: 40,
  years: [2000, 2015],
  tau: 0.25,
  absentYears: 0.05,
  lateEntry: { share: 0.25, year: 2004 },
  indicators: [
    { id: 'un', a: 0.6, b: 0.1, sigma: 0.06, to: 2012, missing: 0.1 },
    { id: 'arms', a: 0.5, b: 0.4, sigma: 0.8, missing: 0.2, presence: { c: -1, d: 0.8 } },
  ],
};
const sim = simulatePanel(SPEC, 3);
const n = sim.keys.length;
/** A scored table whose normalised columns are the simulated values, and the raw ones too. */
const table: ScoreTable = {
  keys: sim.keys,
  ids: ['un', 'arms', 'trade'],
  index: new Float64Array(n).fill(NaN),
  coverage: new Float64Array(n).fill(1),
  raw: [sim.values[0]!, sim.values[1]!, new Float64Array(n).fill(7)],
  norm: [sim.values[0]!, sim.values[1]!.map((v) => v / 10), new Float64Array(n).fill(0.7)],
  contrib: [0, 1, 2].map(() => new Float64Array(n).fill(NaN)),
  weightUsed: [0, 1, 2].map(() => new Float64Array(n).fill(NaN)),
  extras: [],
};
const indicators = latentIndicators(table, ['linear', 'two_part', 'none']);
const fit = fitLatentModel(table.keys, indicators, { scale: [0, 100] });

describe('the latent index in a scored table', () => {
  it('takes the normalised value for linear, the raw measure for two_part, and leaves out `none`', () => {
    expect(indicators.map((i) => [i.id, i.treatment])).toEqual([
      ['un', 'linear'],
      ['arms', 'two_part'],
    ]);
    expect(indicators[0]!.values).toBe(table.norm[0]);
    expect(indicators[1]!.values).toBe(table.raw[1]);
  });

  it('attributes every row as explainLatent does, row by row', () => {
    const att = latentAttribution(fit);
    for (let r = 0; r < n; r += 7) {
      if (fit.mean[r] !== fit.mean[r]) continue;
      const e = explainLatent(fit, r);
      expect(att.prior[r]).toBeCloseTo(e.priorContribution, 12);
      // arms has two model columns: its parts are their sums
      expect(att.contribution[0]![r]).toBeCloseTo(e.columns[0]!.contribution, 12);
      expect(att.contribution[1]![r]).toBeCloseTo(e.columns[1]!.contribution + e.columns[2]!.contribution, 12);
      expect(att.weight[1]![r]).toBeCloseTo(e.columns[1]!.weight + e.columns[2]!.weight, 12);
    }
  });

  it('fills index, interval and parts that add up to the index in index points; nothing for `none`', () => {
    const t = withLatentIndex(table, fit);
    const [lo, hi, prior] = ['index_lo', 'index_hi', 'index_prior'].map((c) => t.extras.find((x) => x.column === c)!.values);
    for (let r = 0; r < n; r++) {
      expect(t.index[r]).toBe(fit.index[r]);
      expect(lo![r]).toBe(fit.indexLo[r]);
      expect(hi![r]).toBe(fit.indexHi[r]);
      expect(prior![r]! + t.contrib[0]![r]! + t.contrib[1]![r]!).toBeCloseTo(t.index[r]!, 9);
      expect(t.contrib[2]![r]).toBeNaN();
      expect(t.weightUsed[2]![r]).toBeNaN();
    }
  });

  it('gives a row of a subset table the same numbers as in the whole table, and no estimate to a row the fit lacks', () => {
    const whole = withLatentIndex(table, fit);
    const picked = [3, 10, 11, 57];
    const keys = Float64Array.from([...picked.map((r) => sim.keys[r]!), 999 * 4096 + 2000]);
    const sub: ScoreTable = { ...table, keys, raw: table.raw.map((c) => Float64Array.from([...picked.map((r) => c[r]!), NaN])), norm: table.norm, coverage: new Float64Array(5), contrib: [], weightUsed: [], index: new Float64Array(5) };
    const t = withLatentIndex(sub, fit);
    picked.forEach((r, i) => {
      expect(t.index[i]).toBe(whole.index[r]);
      expect(t.contrib[1]![i]).toBe(whole.contrib[1]![r]);
    });
    expect(t.index[4]).toBeNaN();
  });

  it('maps by the secant of Φ, and by its slope where the parts meet', () => {
    expect(secantSlope(0, 0, [0, 100])).toBeCloseTo(100 / Math.sqrt(2 * Math.PI), 12);
    expect(secantSlope(1, -1, [0, 100])).toBeCloseTo((100 * (0.8413447460685429 - 0.15865525393145707)) / 2, 5);
  });
});
