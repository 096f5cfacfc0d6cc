import { describe, expect, it } from 'vitest';
import { kurtosis, skewness } from '../../src/analysis/moments.js';
import { checkOutliers, isFlagged, logCT } from '../../src/analysis/outlier-check.js';
import { pearson } from '../../src/analysis/correlation.js';
import { cronbachAlpha } from '../../src/analysis/cronbach.js';
import { correlationRatio, effectiveWeights } from '../../src/analysis/effective-weights.js';
import { auditPanel, treatmentNote } from '../../src/analysis/audit.js';
import { fitNormaliser, quantileSorted } from '../../src/core/normalise.js';
import { scorePanel, type ScoreOptions } from '../../src/core/score.js';
import { createRandom } from '../../src/core/random.js';
import { dataOf, indicator, type Row } from '../helpers/indicator-data.js';
import { STATE_SYSTEM } from '../helpers/state-system.js';

const opts: ScoreOptions = { scale: [0, 100], aggregation: 'arithmetic', formula: null, minCoverage: 0.5, geometricFloor: 0.01, years: null, states: null, pairs: null, stateSystem: STATE_SYSTEM };

describe('shape statistics', () => {
  it('match Excel SKEW and KURT on the examples of their documentation', () => {
    const x = [3, 4, 5, 2, 3, 4, 5, 6, 4, 7];
    expect(skewness(x)).toBeCloseTo(0.359543, 6);
    expect(kurtosis(x)).toBeCloseTo(-0.151799637, 8);
    expect(kurtosis([1, 2, 3, 4])).toBeCloseTo(-1.2, 12);
    expect(skewness([1, 2])).toBeNaN();
  });

  it('flag an indicator only when |skew| > 2 and kurtosis > 3.5 (JRC)', () => {
    expect(isFlagged(2.1, 3.6)).toBe(true);
    expect(isFlagged(-2.1, 3.6)).toBe(true);
    expect(isFlagged(2.1, 3.4)).toBe(false);
    expect(isFlagged(1.9, 10)).toBe(false);
  });

  it('suggest winsorising when a few points are to blame (COINr example 1…10, 30, 100)', () => {
    // skew 3.06, kurtosis 9.74: flagged. Moving 100 → 30 (one point) leaves skew 1.71: it passes
    const c = checkOutliers([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]);
    expect(c.skewness).toBeCloseTo(3.06324, 4);
    expect(c.flagged).toBe(true);
    expect(c.treatment).toBe('winsorise');
    expect(c.winsorised).toBe(1);
    expect(c.passesAfter).toBe(true);
  });

  it('suggest the log transform when winsorising 5 points is not enough', () => {
    const r = createRandom(2);
    const x = Array.from({ length: 2000 }, () => Math.exp(6 * r()) * (r() < 0.5 ? 1 : 3));
    const c = checkOutliers(x);
    expect(c.flagged).toBe(true);
    expect(c.treatment).toBe('log_CT');
    expect(checkOutliers([1, 2, 3, 4, 5]).treatment).toBe('none');
    expect([...logCT(Float64Array.of(0, 100))]).toEqual([Math.log(1), Math.log(101)]);
  });
});

describe('suggested treatments as config options', () => {
  it('names the winsorise option whose pool quantile clips the points COINr moved, and the clipped values then pass the screen', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
    const c = checkOutliers(x);
    const note = treatmentNote(c, { normalise: 'minmax' });
    const m = /`winsorise: \{ upper: ([0-9.]+) \}`/.exec(note);
    expect(m).not.toBeNull();
    const upper = Number(m![1]);
    const pool = Float64Array.from(x);
    const sorted = Float64Array.from(x).sort();
    const cap = quantileSorted(sorted, upper);
    // the quantile lies between the (k+1)-th largest value (30) and a hair below it: 100 is clipped, 10 is not
    expect(cap).toBeLessThanOrEqual(30);
    expect(cap).toBeGreaterThan(10);
    const clipped = [...pool].map((v) => Math.min(v, cap));
    expect(isFlagged(skewness(clipped), kurtosis(clipped))).toBe(false);
    // and the normaliser applies it: 100 and 30 both map to (about) 1
    const f = fitNormaliser('minmax', pool, { winsorise: { lower: 0, upper } });
    expect(f(100)).toBe(1);
    expect(f(30)).toBeCloseTo(1, 4);
  });

  it('names `normalise: log` when winsorising is not enough, and says when it is configured', () => {
    const r = createRandom(2);
    const c = checkOutliers(Array.from({ length: 2000 }, () => Math.exp(6 * r()) * (r() < 0.5 ? 1 : 3)));
    expect(treatmentNote(c, { normalise: 'minmax' })).toMatch(/^suggested: `normalise: log`/);
    expect(treatmentNote(c, { normalise: 'log' })).toMatch(/\(configured\)/);
  });

  it('lists pair-years a source flags and suggests `pool_exclude` until it is set', () => {
    const t = scorePanel([indicator('a', dataOf([['RUS', 'USA', 2000, 0.1], ['CHN', 'RUS', 2000, 0.9], ['CHN', 'USA', 2000, 0.5]] as Row[]))], opts);
    const flagged = (poolExclude?: string[]) =>
      auditPanel(t, [1], [{ normalise: 'minmax', poolExclude, flags: [{ kind: 'gap_artefacts', count: 2 }] }]).find((r) => r.check === 'flagged')!;
    expect(flagged().flag).toBe('in_pool');
    expect(flagged().note).toContain('suggested: `pool_exclude: [gap_artefacts]`');
    expect(flagged(['gap_artefacts']).flag).toBe('');
    expect(flagged(['gap_artefacts']).value).toBe(2);
  });
});

describe('coherence', () => {
  it('computes Pearson correlation over the pairs present', () => {
    // x = 1,2,3 and y = 2,4,7: x̄ = 2, ȳ = 13/3; Sxy = 5, Sxx = 2, Syy = 38/3 → r = 5/√(76/3)
    const c = pearson(Float64Array.of(1, 2, 3, NaN), Float64Array.of(2, 4, 7, 1), null);
    expect(c.n).toBe(3);
    expect(c.r).toBeCloseTo(5 / Math.sqrt(76 / 3), 12);
  });

  it("computes Cronbach's alpha of a textbook example", () => {
    // 4 respondents × 3 items: items (2,3,4,5), (3,3,5,5), (1,2,4,5)
    // item variances (n − 1): 5/3, 4/3, 10/3 → Σ = 19/3; totals 6, 8, 13, 15 → variance 53/3
    // α = 3/2 · (1 − (19/3)/(53/3)) = 3/2 · 34/53 = 51/53 ≈ 0.9623
    const a = cronbachAlpha([Float64Array.of(2, 3, 4, 5), Float64Array.of(3, 3, 5, 5), Float64Array.of(1, 2, 4, 5)], null);
    expect(a.alpha).toBeCloseTo(51 / 53, 12);
    expect(a.n).toBe(4);
    expect(cronbachAlpha([Float64Array.of(1, 2, 3)], null).alpha).toBeNaN();
    // listwise: a row with a missing item is left out
    expect(cronbachAlpha([Float64Array.of(2, 3, 4, 5, 9), Float64Array.of(3, 3, 5, 5, NaN), Float64Array.of(1, 2, 4, 5, 0)], null).alpha).toBeCloseTo(51 / 53, 12);
  });
});

describe('effective weights', () => {
  it('splits the variance of the index among the indicators (shares add up to 1)', () => {
    const r = createRandom(4);
    const un: Row[] = [];
    const tr: Row[] = [];
    for (let y = 2000; y < 2030; y++) for (const p of [['CHN', 'RUS'], ['IRN', 'RUS'], ['RUS', 'USA'], ['CHN', 'USA']] as const) {
      un.push([p[0], p[1], y, r()]);
      tr.push([p[0], p[1], y, 0.5]); // constant: no influence on the ranking
    }
    const t = scorePanel([indicator('un', dataOf(un)), indicator('trade', dataOf(tr))], opts);
    const w = effectiveWeights(t.ids, [1, 1], t.index, t.contrib, t.norm);
    expect(w.map((x) => x.nominal)).toEqual([0.5, 0.5]);
    expect(w[0]!.covarianceShare + w[1]!.covarianceShare).toBeCloseTo(1, 12);
    expect(w[0]!.covarianceShare).toBeCloseTo(1, 12);
    expect(w[1]!.covarianceShare).toBeCloseTo(0, 12);
    expect(w[0]!.eta2).toBeGreaterThan(0.95);
    expect(w[1]!.eta2).toBe(0);
  });

  it('computes the correlation ratio from bins of the indicator', () => {
    expect(correlationRatio(Float64Array.of(0, 0, 1, 1), Float64Array.of(1, 1, 3, 3)).eta2).toBe(1);
    // y independent of x within bins: between-bin variance 0
    expect(correlationRatio(Float64Array.of(0, 0, 1, 1), Float64Array.of(1, 3, 1, 3)).eta2).toBe(0);
  });
});

describe('auditPanel', () => {
  it('reports coverage, shape, correlations, alpha and weights, pooled and per year', () => {
    const un = dataOf([['CHN', 'RUS', 2000, 0.2], ['IRN', 'RUS', 2000, 0.5], ['RUS', 'USA', 2000, 0.9], ['CHN', 'RUS', 2001, 0.3], ['IRN', 'RUS', 2001, 0.6], ['RUS', 'USA', 2001, 0.7]]);
    const tr = dataOf([['CHN', 'RUS', 2000, 1], ['IRN', 'RUS', 2000, 4], ['RUS', 'USA', 2000, 9], ['IRN', 'RUS', 2001, 2], ['RUS', 'USA', 2001, 8]]);
    const t = scorePanel([indicator('un', un), indicator('trade', tr, { normalise: 'minmax' })], opts);
    const rows = auditPanel(t, [1, 1]);
    const get = (check: string, year: number | null, ind: string, other = '') => rows.find((r) => r.check === check && r.year === year && r.indicator === ind && r.other === other)!;
    expect(get('coverage', null, 'trade').value).toBeCloseTo(5 / 6, 12);
    expect(get('coverage', 2001, 'trade').value).toBeCloseTo(2 / 3, 12);
    expect(get('coverage', 2001, 'trade').n).toBe(2);
    expect(get('correlation', null, 'un', 'trade').n).toBe(5);
    expect(get('correlation', 2000, 'un', 'trade').value).toBeCloseTo(pearson(Float64Array.of(0.2, 0.5, 0.9), Float64Array.of(0, 3 / 8, 1), null).r, 12);
    expect(get('cronbach_alpha', null, 'all').n).toBe(5);
    expect(get('weight_nominal', null, 'un').value).toBe(0.5);
    expect(get('weight_effective', null, 'un').value + get('weight_effective', null, 'trade').value).toBeCloseTo(1, 12);
    expect(get('outliers', null, 'un').flag).toBe('');
    expect(auditPanel(t, [1, 1])).toEqual(rows);
  });
});
