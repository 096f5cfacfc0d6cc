import { describe, expect, it } from 'vitest';
import { scorePanel, type ScoreOptions } from '../../src/core/score.js';
import { runSensitivity, sensitivityFactors, type SensitivityModel } from '../../src/analysis/sensitivity.js';
import { unpackKey } from '../../src/domain/dyad-year-key.js';
import { dataOf, indicator, type Row } from '../helpers/indicator-data.js';
import { STATE_SYSTEM } from '../helpers/state-system.js';

const opts: ScoreOptions = { scale: [0, 100], aggregation: 'arithmetic', formula: null, minCoverage: 0, geometricFloor: 0.01, years: null, states: null, pairs: null, stateSystem: STATE_SYSTEM };

describe('imputation as a dimension of the sensitivity analysis', () => {
  // un every year; trade observed 2000–2001 only: with `latest` it reaches 2002
  const un: Row[] = [2000, 2001, 2002].flatMap((y) => [['IRN', 'RUS', y, 0.2] as const, ['CHN', 'RUS', y, 0.6] as const]);
  const trade: Row[] = [['IRN', 'RUS', 2000, 1], ['IRN', 'RUS', 2001, 3], ['CHN', 'RUS', 2000, 2], ['CHN', 'RUS', 2001, 2]];
  const inds = [indicator('un', dataOf(un)), indicator('trade', dataOf(trade), { normalise: 'minmax' })];
  const table = scorePanel(inds, opts);
  const latest = scorePanel(inds.map((i) => ({ ...i, impute: { method: 'latest' as const, maxAge: 2 } })), opts);
  const merged = latest.raw.map((col, i) => Float64Array.from(col, (x, r) => (x === x ? x : latest.imputed?.[i]?.[r] ?? NaN)));
  const model: SensitivityModel = {
    indicators: inds.map((x) => ({ id: x.id, weight: x.weight, normalise: x.normalise, polarity: x.polarity })),
    aggregation: 'arithmetic',
    scale: [0, 100],
    minCoverage: 0,
    geometricFloor: 0.01,
    imputations: { levels: ['latest'], raw: [merged] },
  };
  const spec = { draws: 64, seed: 3, weightRange: 0, aggregations: ['arithmetic' as const], normalisers: [] };
  const row = (y: number) => Array.from(table.keys).findIndex((k) => { const u = unpackKey(k); return u.a === 'IRN' && u.year === y; });

  it('declares one factor with the configured imputation and each alternative', () => {
    expect(sensitivityFactors(model, spec).map((f) => [f.name, f.levels])).toEqual([['impute', ['configured', 'latest']]]);
  });

  it('draws both imputations: the interval of an imputable pair-year spans the index without and with it', () => {
    const res = runSensitivity(table, model, spec);
    const r = row(2002);
    expect(res.reference[r]).toBeCloseTo(20, 10); // un alone, as configured
    // with latest: trade 3 on the pool [1, 3] → 1; (0.2 + 1)/2 = 60
    expect(res.indexP05[r]).toBeCloseTo(20, 10);
    expect(res.indexP95[r]).toBeCloseTo(60, 10);
    const pooled = res.sobol.find((x) => x.year === null && x.factor === 'impute')!;
    expect(pooled.total).toBeGreaterThan(0.9);
    // an observed pair-year does not move
    expect(res.indexP05[row(2001)]).toBeCloseTo(res.indexP95[row(2001)]!, 10);
  });
});
