import { describe, expect, it } from 'vitest';
import { scorePanel, type ScoreOptions } from '../../src/core/score.js';
import { runSensitivity, sensitivityFactors, sobolWarnings, type SensitivityModel, type SensitivitySpec, type SobolRow } from '../../src/analysis/sensitivity.js';
import { competitionRanks } from '../../src/analysis/rank.js';
import { rowsByYear } from '../../src/core/panel-keys.js';
import { createRandom } from '../../src/core/random.js';
import { designPoint, saltelliDesign, sobolFromRuns } from '../../src/analysis/sobol.js';
import { dataOf, indicator, type Row } from '../helpers/indicator-data.js';
import { STATE_SYSTEM } from '../helpers/state-system.js';

const opts: ScoreOptions = { scale: [0, 100], aggregation: 'arithmetic', formula: null, minCoverage: 0.5, geometricFloor: 0.01, years: null, states: null, pairs: null, stateSystem: STATE_SYSTEM };
const STATES = ['BRA', 'CHN', 'DEU', 'FRA', 'IRN', 'RUS', 'USA'];

/** A small panel of two indicators (un: none, trade: minmax), some values missing. */
function panel(aggregation: 'arithmetic' | 'geometric' = 'arithmetic') {
  const r = createRandom(99);
  const un: Row[] = [];
  const trade: Row[] = [];
  for (let i = 0; i < STATES.length; i++) {
    for (let j = i + 1; j < STATES.length; j++) {
      for (let y = 2000; y <= 2004; y++) {
        un.push([STATES[i]!, STATES[j]!, y, r()]);
        if (r() < 0.8) trade.push([STATES[i]!, STATES[j]!, y, r() * 50]);
      }
    }
  }
  const ind = [indicator('un', dataOf(un), { weight: 2 }), indicator('trade', dataOf(trade), { weight: 1, normalise: 'minmax' })];
  const table = scorePanel(ind, { ...opts, aggregation });
  const model: SensitivityModel = {
    indicators: ind.map((x) => ({ id: x.id, weight: x.weight, normalise: x.normalise, polarity: x.polarity })),
    aggregation,
    scale: [0, 100],
    minCoverage: 0.5,
    geometricFloor: 0.01,
  };
  return { table, model };
}

const spec = (o: Partial<SensitivitySpec> = {}): SensitivitySpec => ({ draws: 200, seed: 7, weightRange: 0.25, aggregations: ['arithmetic', 'geometric'], normalisers: [], ...o });

describe('runSensitivity', () => {
  it('declares one factor per weight, then aggregation and normalisation', () => {
    const { model } = panel();
    expect(sensitivityFactors(model, spec({ normalisers: ['rank'] })).map((f) => f.name)).toEqual(['weight_un', 'weight_trade', 'aggregation', 'normalise']);
    expect(sensitivityFactors(model, spec({ weightRange: 0, aggregations: ['arithmetic'] }))).toEqual([]);
  });

  for (const agg of ['arithmetic', 'geometric'] as const) {
    it(`reproduces the scored index and its ranks at the nominal point (${agg})`, () => {
      const { table, model } = panel(agg);
      const res = runSensitivity(table, model, spec({ draws: 10 }));
      for (let r = 0; r < table.keys.length; r++) {
        if (table.index[r] !== table.index[r]) expect(res.reference[r]).toBeNaN();
        else expect(Math.abs(res.reference[r]! - table.index[r]!)).toBeLessThan(1e-9);
      }
      for (const rows of rowsByYear(table.keys).values()) {
        const ranks = competitionRanks(table.index, rows, new Float64Array(rows.length));
        rows.forEach((row, k) => expect(res.referenceRank[row]).toBe(ranks[k]));
      }
    });
  }

  it('is reproducible with its seed and changes with another seed', () => {
    const { table, model } = panel();
    const a = runSensitivity(table, model, spec());
    const b = runSensitivity(table, model, spec());
    const c = runSensitivity(table, model, spec({ seed: 8 }));
    expect(b).toEqual(a);
    expect([...c.indexMedian]).not.toEqual([...a.indexMedian]);
  });

  it('orders the intervals (5 % ≤ median ≤ 95 %) and counts the draws with an index', () => {
    const { table, model } = panel();
    const res = runSensitivity(table, model, spec({ normalisers: ['rank'] }));
    for (let r = 0; r < table.keys.length; r++) {
      if (res.scored[r] === 0) continue;
      expect(res.indexP05[r]!).toBeLessThanOrEqual(res.indexMedian[r]!);
      expect(res.indexMedian[r]!).toBeLessThanOrEqual(res.indexP95[r]!);
      expect(res.rankP05[r]!).toBeLessThanOrEqual(res.rankMedian[r]!);
      expect(res.rankMedian[r]!).toBeLessThanOrEqual(res.rankP95[r]!);
      expect(res.scored[r]!).toBeLessThanOrEqual(200);
    }
    expect(res.runs).toBe(200 * (4 + 2) + 1);
    expect(res.sobol.filter((s) => s.year === null).map((s) => s.factor)).toEqual(['weight_un', 'weight_trade', 'aggregation', 'normalise']);
  });

  it('collapses to the nominal index when nothing is uncertain', () => {
    const { table, model } = panel();
    const res = runSensitivity(table, model, spec({ weightRange: 0, aggregations: ['arithmetic'] }));
    expect(res.factors).toEqual([]);
    expect(res.sobol).toEqual([]);
    for (let r = 0; r < table.keys.length; r++) {
      if (res.reference[r] !== res.reference[r]) continue;
      expect(res.indexMedian[r]).toBe(res.reference[r]);
      expect(res.indexP05[r]).toBe(res.reference[r]);
      expect(res.rankP95[r]).toBe(res.referenceRank[r]);
    }
  });

  it('gives weights no effect when the indicators agree, and the aggregation all of it', () => {
    // both indicators equal everywhere: re-weighting changes nothing (exactly), the rule does
    const rows: Row[] = [];
    const r = createRandom(3);
    for (let y = 2000; y < 2010; y++) for (const [a, b] of [['CHN', 'RUS'], ['IRN', 'RUS'], ['RUS', 'USA']] as const) rows.push([a, b, y, r()]);
    const ind = [indicator('x', dataOf(rows)), indicator('y', dataOf(rows))];
    const table = scorePanel(ind, opts);
    const model: SensitivityModel = { indicators: ind.map((i) => ({ id: i.id, weight: 1, normalise: 'none', polarity: 'positive' })), aggregation: 'arithmetic', scale: [0, 100], minCoverage: 0.5, geometricFloor: 0.01 };
    const res = runSensitivity(table, model, spec({ draws: 500 }));
    const pooled = new Map(res.sobol.filter((s) => s.year === null).map((s) => [s.factor, s]));
    expect(pooled.get('weight_x')!.first).toBeCloseTo(0, 12);
    expect(pooled.get('weight_x')!.total).toBeCloseTo(0, 12);
    expect(pooled.get('aggregation')!.first).toBeGreaterThan(0.9);
    expect(pooled.get('aggregation')!.total).toBeGreaterThan(0.9);
  });

  it('estimates the Sobol indices of the weights of one pair-year as numerical integration does', () => {
    // one pair-year, n1 = 1, n2 = 0, arithmetic: I = 100·a/(a + b), a, b ~ U(0.75, 1.25)
    const x = dataOf([['IRN', 'RUS', 2016, 1]]);
    const y = dataOf([['IRN', 'RUS', 2016, 0]]);
    const ind = [indicator('x', x), indicator('y', y)];
    const table = scorePanel(ind, { ...opts, minCoverage: 0 });
    const model: SensitivityModel = { indicators: ind.map((i) => ({ id: i.id, weight: 1, normalise: 'none', polarity: 'positive' })), aggregation: 'arithmetic', scale: [0, 100], minCoverage: 0, geometricFloor: 0.01 };
    const res = runSensitivity(table, model, spec({ draws: 8192, aggregations: ['arithmetic'] }));
    // reference values by Simpson's rule on a 401 × 401 grid
    const g = 400;
    const node = (k: number) => 0.75 + (0.5 * k) / g;
    const wgt = (k: number) => (k === 0 || k === g ? 1 : k % 2 ? 4 : 2) / (3 * g);
    const f = (a: number, b: number) => (100 * a) / (a + b);
    let m1 = 0;
    let m2 = 0;
    let vCond = 0; // V_a(E_b[f | a])
    let eCondVar = 0; // E_b(V_a[f | b])
    const ea: number[] = [];
    for (let i = 0; i <= g; i++) {
      let e = 0;
      for (let j = 0; j <= g; j++) e += wgt(j) * f(node(i), node(j));
      ea.push(e);
      for (let j = 0; j <= g; j++) {
        m1 += wgt(i) * wgt(j) * f(node(i), node(j));
        m2 += wgt(i) * wgt(j) * f(node(i), node(j)) ** 2;
      }
    }
    const v = m2 - m1 * m1;
    for (let i = 0; i <= g; i++) vCond += wgt(i) * (ea[i]! - m1) ** 2;
    for (let j = 0; j <= g; j++) {
      let e = 0;
      let e2 = 0;
      for (let i = 0; i <= g; i++) {
        e += wgt(i) * f(node(i), node(j));
        e2 += wgt(i) * f(node(i), node(j)) ** 2;
      }
      eCondVar += wgt(j) * (e2 - e * e);
    }
    const s1 = vCond / v;
    const st = eCondVar / v;
    const pooled = res.sobol.filter((s) => s.year === null);
    expect(pooled.map((s) => s.factor)).toEqual(['weight_x', 'weight_y']);
    for (const s of pooled) {
      expect(Math.abs(s.first - s1)).toBeLessThan(0.03);
      expect(Math.abs(s.total - st)).toBeLessThan(0.03);
    }
  });

  it('refuses fewer than two draws', () => {
    const { table, model } = panel();
    expect(() => runSensitivity(table, model, spec({ draws: 1 }))).toThrow(RangeError);
  });
});

describe('runSensitivity against the generic estimators', () => {
  it('gives one pair-year exactly the indices sobolFromRuns computes from the same design', () => {
    // I = 100·(a·x + b·y)/(a + b) arithmetic or 100·exp((a·ln m_x + b·ln m_y)/(a + b)) geometric
    const x = 0.9;
    const y = 0.2;
    const ind = [indicator('x', dataOf([['IRN', 'RUS', 2016, x]])), indicator('y', dataOf([['IRN', 'RUS', 2016, y]]))];
    const table = scorePanel(ind, opts);
    const model: SensitivityModel = { indicators: ind.map((i) => ({ id: i.id, weight: 1, normalise: 'none', polarity: 'positive' })), aggregation: 'arithmetic', scale: [0, 100], minCoverage: 0.5, geometricFloor: 0.01 };
    const n = 500;
    const res = runSensitivity(table, model, spec({ draws: n, seed: 3 }));
    const d = saltelliDesign(n, 3, createRandom(3));
    const f = (u: Float64Array) => {
      const a = 0.75 + 0.5 * u[0]!;
      const b = 0.75 + 0.5 * u[1]!;
      if (u[2]! < 0.5) return 100 * ((a * x + b * y) / (a + b));
      const lx = Math.log(0.01 + 0.99 * x);
      const ly = Math.log(0.01 + 0.99 * y);
      return 100 * Math.exp((a * lx + b * ly) / (a + b));
    };
    const u = new Float64Array(3);
    const fA = Float64Array.from({ length: n }, (_, j) => f(designPoint(d, j, -1, u)));
    const fB = Float64Array.from({ length: n }, (_, j) => f(designPoint(d, j, -2, u)));
    const fAB = new Float64Array(n * 3);
    for (let j = 0; j < n; j++) for (let i = 0; i < 3; i++) fAB[j * 3 + i] = f(designPoint(d, j, i, u));
    const ref = sobolFromRuns(fA, fB, fAB, 3);
    const pooled = res.sobol.filter((s) => s.year === null);
    pooled.forEach((s, i) => {
      expect(s.first).toBeCloseTo(ref.first[i]!, 9);
      expect(s.total).toBeCloseTo(ref.total[i]!, 9);
    });
    expect(pooled[0]!.variance).toBeCloseTo(ref.variance, 6);
  });
});

describe('alternative normalisers', () => {
  it('are fitted on the pool of the sources when the panel is a subset of it', () => {
    const r = createRandom(5);
    const rows: Row[] = [];
    for (let y = 2000; y <= 2005; y++) for (const [a, b] of [['CHN', 'RUS'], ['IRN', 'RUS'], ['RUS', 'USA']] as const) rows.push([a, b, y, (y - 1999) * 10 + r()]);
    const mk = (normalise: 'none' | 'minmax') => [indicator('x', dataOf(rows), { normalise })];
    const years = { from: 2001, to: 2002 };
    const table = scorePanel(mk('none'), { ...opts, minCoverage: 0, years });
    const pool = scorePanel(mk('none'), { ...opts, minCoverage: 0 }).raw;
    // the index under minmax fitted on the pool (all six years), on the panel's rows
    const alt = scorePanel(mk('minmax'), { ...opts, minCoverage: 0, years });
    const model: SensitivityModel = { indicators: [{ id: 'x', weight: 1, normalise: 'none', polarity: 'positive' }], aggregation: 'arithmetic', scale: [0, 100], minCoverage: 0, geometricFloor: 0.01, pool: [...pool] };
    const res = runSensitivity(table, model, spec({ draws: 64, weightRange: 0, aggregations: ['arithmetic'], normalisers: ['minmax'] }));
    for (let k = 0; k < table.keys.length; k++) {
      const both = [res.reference[k]!, alt.index[k]!].sort((p, q) => p - q);
      expect(res.indexP05[k]).toBeCloseTo(both[0]!, 9);
      expect(res.indexP95[k]).toBeCloseTo(both[1]!, 9);
    }
  });
});

describe('sobolWarnings', () => {
  const row = (o: Partial<SobolRow>): SobolRow => ({ year: null, factor: 'weight_un', first: 0.2, total: 0.3, variance: 1, pairYears: 10, firstLow: 0.1, firstHigh: 0.3, totalLow: 0.25, totalHigh: 0.35, ...o });

  it('says nothing about plausible estimates', () => {
    expect(sobolWarnings([row({}), row({ year: 2000 })], 1000)).toEqual([]);
  });

  it('names a pooled estimate outside [0, 1] or a first-order index above the total interval, with the advice to raise --draws', () => {
    const w = sobolWarnings([row({ factor: 'aggregation', total: 1.02, totalLow: 0.98, totalHigh: 1.05 }), row({ factor: 'weight_arms', first: 0.4 }), row({ first: -0.01, firstLow: -0.03 })], 200);
    expect(w).toHaveLength(3);
    expect(w[0]).toMatch(/aggregation: total 1\.020 is outside \[0, 1\] \(95 % interval 0\.980–1\.050\); raise --draws \(now 200\)/);
    expect(w[1]).toMatch(/weight_arms: first-order 0\.400 is above the total's interval \(0\.250–0\.350\)/);
    expect(w[2]).toMatch(/weight_un: first-order -0\.010 is outside \[0, 1\]/);
  });

  it('counts the per-year ones in one line', () => {
    const w = sobolWarnings([row({ year: 2000, total: 1.2 }), row({ year: 2001, first: -0.5, total: -0.1 })], 50);
    expect(w).toEqual([expect.stringMatching(/^3 per-year Sobol' estimate\(s\) in 2 year-factor row\(s\).*raise --draws \(now 50\)/)]);
  });
});
