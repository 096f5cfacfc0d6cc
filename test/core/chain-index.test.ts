import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scorePanel, type ScoreOptions } from '../../src/core/score.js';
import { chainIndex, defaultReferenceYear, type ChainModel } from '../../src/core/chain-index.js';
import { explainPair } from '../../src/analysis/explain.js';
import { packKey, unpackKey } from '../../src/domain/dyad-year-key.js';
import type { Iso3 } from '../../src/domain/country.js';
import { dataOf, indicator, type Row } from '../helpers/indicator-data.js';
import { STATE_SYSTEM } from '../helpers/state-system.js';

const opts: ScoreOptions = {
  scale: [0, 100],
  aggregation: 'arithmetic',
  formula: null,
  minCoverage: 0,
  geometricFloor: 0.01,
  years: null,
  states: null,
  pairs: null,
  stateSystem: STATE_SYSTEM,
};

const arithmetic = (weights: number[]): ChainModel => ({
  weights: Float64Array.from(weights),
  aggregation: 'arithmetic',
  settings: { geometricFloor: 0.01, formula: null },
  scale: [0, 100],
});

function rowOf(keys: Float64Array, year: number): number {
  for (let r = 0; r < keys.length; r++) if (unpackKey(keys[r]!).year === year) return r;
  return -1;
}

describe('chainIndex', () => {
  it('moves not at all when an indicator leaves, where the level index jumps', () => {
    // un constant at 0.5; trade at 0.9 until 2014, then gone: the level index jumps from 70 to 50
    const un: Row[] = [2012, 2013, 2014, 2015, 2016].map((y) => ['IRN', 'RUS', y, 0.5]);
    const trade: Row[] = [2012, 2013, 2014].map((y) => ['IRN', 'RUS', y, 0.9]);
    const t = scorePanel([indicator('un', dataOf(un)), indicator('trade', dataOf(trade))], { ...opts, chainReferenceYear: 2013 });
    const r14 = rowOf(t.keys, 2014);
    const r15 = rowOf(t.keys, 2015);
    expect(t.index[r15]! - t.index[r14]!).toBeCloseTo(-20, 10);
    expect(t.indexChained![r15]! - t.indexChained![r14]!).toBeCloseTo(0, 10);
    expect(t.indexChained![rowOf(t.keys, 2013)]).toBe(t.index[rowOf(t.keys, 2013)]);
    expect(t.indexChained![rowOf(t.keys, 2016)]).toBeCloseTo(70, 10);
  });

  it('equals the level index in the reference year and links backwards from it', () => {
    const un: Row[] = [2000, 2001, 2002].map((y, i) => ['IRN', 'RUS', y, 0.2 + 0.1 * i]);
    const arms: Row[] = [['IRN', 'RUS', 2002, 1]];
    const t = scorePanel([indicator('un', dataOf(un)), indicator('arms', dataOf(arms))], { ...opts, chainReferenceYear: 2002 });
    expect(t.indexChained![2]).toBe(t.index[2]); // 0.5·40 + 0.5·100 = 70
    expect(t.indexChained![1]).toBeCloseTo(70 - 10, 10); // un alone changed by 0.1 → 10 points
    expect(t.indexChained![0]).toBeCloseTo(50, 10);
  });

  it('anchors a pair without an index in the reference year at its nearest year, the later on a tie', () => {
    const keys = Float64Array.from([2000, 2001, 2003, 2004].map((y) => packKey('IRN' as Iso3, 'RUS' as Iso3, y)));
    const norm = [Float64Array.of(0.1, 0.2, 0.4, 0.5)];
    const index = Float64Array.of(10, 20, 40, 50);
    const j = chainIndex(keys, index, norm, arithmetic([1]), 2002);
    expect(j[2]).toBe(40);
    expect(Array.from(j)).toEqual([10, 20, 40, 50]);
  });

  it('breaks the chain where two scored years share no indicator, anchoring each segment', () => {
    const keys = Float64Array.from([2000, 2001, 2002].map((y) => packKey('IRN' as Iso3, 'RUS' as Iso3, y)));
    const norm = [Float64Array.of(0.1, 0.3, NaN), Float64Array.of(NaN, NaN, 0.9)];
    const index = Float64Array.of(10, 30, 90);
    const j = chainIndex(keys, index, norm, arithmetic([1, 1]), 2000);
    expect(Array.from(j)).toEqual([10, 30, 90]);
  });

  it('is empty exactly where the level index is empty', () => {
    const un: Row[] = [['IRN', 'RUS', 2000, 0.5], ['IRN', 'RUS', 2001, 0.6]];
    const arms: Row[] = [['IRN', 'RUS', 2001, 0.1], ['IRN', 'RUS', 2002, 0.1]];
    const t = scorePanel([indicator('un', dataOf(un), { weight: 3 }), indicator('arms', dataOf(arms))], { ...opts, minCoverage: 0.5 });
    for (let r = 0; r < t.keys.length; r++) expect(Number.isNaN(t.indexChained![r]!)).toBe(Number.isNaN(t.index[r]!));
  });

  it('defaults the reference year to the year of the fullest basket, the latest on a tie', () => {
    const keys = Float64Array.from([2000, 2001, 2002, 2000].map((y, i) => packKey('IRN' as Iso3, (i < 3 ? 'RUS' : 'USA') as Iso3, y)));
    expect(defaultReferenceYear(keys, Float64Array.of(1, 0.5, 1, 1))).toBe(2002);
    expect(defaultReferenceYear(keys, Float64Array.of(1, 0.5, 0.9, 1))).toBe(2000);
  });

  it('gives a row the same chained value whichever years and pairs are scored', () => {
    const un: Row[] = [];
    const trade: Row[] = [];
    for (let y = 1990; y <= 2000; y++) {
      un.push(['IRN', 'RUS', y, ((y * 7) % 10) / 10], ['CHN', 'RUS', y, ((y * 3) % 10) / 10]);
      if (y < 1996) trade.push(['IRN', 'RUS', y, ((y * 5) % 10) / 10]);
    }
    const inds = [indicator('un', dataOf(un)), indicator('trade', dataOf(trade), { normalise: 'minmax' })];
    const all = scorePanel(inds, opts);
    const some = scorePanel(inds, { ...opts, years: { from: 1997, to: 1998 }, pairs: [['IRN' as Iso3, 'RUS' as Iso3]] });
    for (let r = 0; r < some.keys.length; r++) {
      const at = all.keys.indexOf(some.keys[r]!);
      expect(some.indexChained![r]).toBe(all.indexChained![at]);
    }
    expect(some.keys.length).toBe(2);
  });

  // three indicators over eight years; each cell present or not, any value on [0, 1]
  const panel = fc.array(fc.tuple(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null })), { minLength: 2, maxLength: 8 });
  const weights = fc.tuple(fc.double({ min: 0.05, max: 5, noNaN: true }), fc.double({ min: 0.05, max: 5, noNaN: true }), fc.double({ min: 0.05, max: 5, noNaN: true }));
  const scored = (cells: (number | null)[][], w: readonly number[], aggregation: 'arithmetic' | 'geometric', ref: number) => {
    const ids = ['un', 'arms', 'trade'];
    const inds = ids.map((id, i) => {
      const rows: Row[] = [];
      cells.forEach((c, y) => {
        if (c[i] !== null) rows.push(['IRN', 'RUS', 2000 + y, c[i]!]);
      });
      return indicator(id, dataOf(rows), { weight: w[i]! });
    });
    return scorePanel(inds, { ...opts, aggregation, chainReferenceYear: ref });
  };

  it('property: with an unchanged indicator set, the chained changes equal the level index changes', () => {
    fc.assert(
      fc.property(panel, weights, fc.constantFrom('arithmetic' as const, 'geometric' as const), fc.integer({ min: 1995, max: 2010 }), (cells, w, agg, ref) => {
        const t = scored(cells, w, agg, ref);
        let prev = -1;
        for (let r = 0; r < t.keys.length; r++) {
          if (t.index[r] !== t.index[r]) continue;
          if (prev >= 0) {
            const same = t.norm.every((col) => (col[r] === col[r]) === (col[prev] === col[prev]));
            if (same) expect(t.indexChained![r]! - t.indexChained![prev]!).toBeCloseTo(t.index[r]! - t.index[prev]!, 9);
          }
          prev = r;
        }
      }),
      { numRuns: 200 },
    );
  });

  it("property: explain's coverage term is zero on the chained index wherever a link exists", () => {
    fc.assert(
      fc.property(panel, weights, fc.constantFrom('arithmetic' as const, 'geometric' as const), (cells, w, agg) => {
        const t = scored(cells, w, agg, 2003);
        const model = { weights: Float64Array.from(w), aggregation: agg, settings: { geometricFloor: 0.01, formula: null }, scale: [0, 100] as const, smoothed: false };
        for (const yr of explainPair(t, 'IRN' as Iso3, 'RUS' as Iso3, model)) {
          const c = yr.change;
          if (c === null) continue;
          const linked = Array.from(c.terms).some((x) => x === x);
          if (linked) expect(c.chainedCoverage).toBeCloseTo(0, 9);
          else expect(c.chainedCoverage).toBeCloseTo(c.chained, 12); // a break: no indicator in common
        }
      }),
      { numRuns: 200 },
    );
  });
});
