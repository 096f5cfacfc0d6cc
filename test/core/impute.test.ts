import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { imputeSeries, withNeighbours } from '../../src/core/impute.js';
import { scorePanel, type ScoreOptions } from '../../src/core/score.js';
import { packKey, unpackKey } from '../../src/domain/dyad-year-key.js';
import type { Iso3 } from '../../src/domain/country.js';
import { dataOf, indicator, type Row } from '../helpers/indicator-data.js';
import { STATE_SYSTEM } from '../helpers/state-system.js';

const opts: ScoreOptions = { scale: [0, 100], aggregation: 'arithmetic', formula: null, minCoverage: 0, geometricFloor: 0.01, years: null, states: null, pairs: null, stateSystem: STATE_SYSTEM };
const nan = (x: number) => Number.isNaN(x);

describe('imputeSeries', () => {
  const years = [2000, 2001, 2002, 2003, 2004, 2005];
  const values = Float64Array.of(1, NaN, NaN, 4, NaN, NaN);

  it('latest carries the last observation forward up to max_age years, with its year', () => {
    const r = imputeSeries(years, values, { method: 'latest', maxAge: 1 });
    expect(Array.from(r.values).map((x) => (nan(x) ? null : x))).toEqual([null, 1, null, null, 4, null]);
    expect(Array.from(r.from).map((x) => (nan(x) ? null : x))).toEqual([null, 2000, null, null, 2003, null]);
  });

  it('linear interpolates between the observations around a gap, never past the last one', () => {
    const r = imputeSeries(years, values, { method: 'linear', maxAge: 2 });
    expect(Array.from(r.values).map((x) => (nan(x) ? null : x))).toEqual([null, 2, 3, null, null, null]);
    expect(r.from[2]).toBe(2000);
    // a gap wider than max_age on one side stays empty
    expect(nan(imputeSeries(years, values, { method: 'linear', maxAge: 1 }).values[2]!)).toBe(true);
  });

  it('nearest takes the closest observation before or after within max_age, the earlier on a tie, with its year', () => {
    // 2001 and 2002 are one and two years from 2000 and 2003: 2001 ← 2000, 2002 ← 2003
    const r = imputeSeries(years, values, { method: 'nearest', maxAge: 2 });
    expect(Array.from(r.values).map((x) => (nan(x) ? null : x))).toEqual([null, 1, 4, null, 4, 4]);
    expect(Array.from(r.from).map((x) => (nan(x) ? null : x))).toEqual([null, 2000, 2003, null, 2003, 2003]);
    // a year as far from both sides is taken from the earlier one
    const tie = imputeSeries([2000, 2001, 2002], Float64Array.of(1, NaN, 3), { method: 'nearest', maxAge: 1 });
    expect(tie.values[1]).toBe(1);
    expect(tie.from[1]).toBe(2000);
  });

  it('nearest fills the first years of a series from the first observation, up to max_age years back', () => {
    // a state whose first sessions are too thin: 1992 and 1993 missing, 1994 observed
    const r = imputeSeries([1991, 1992, 1993, 1994], Float64Array.of(NaN, NaN, NaN, 0.7), { method: 'nearest', maxAge: 2 });
    expect(Array.from(r.values).map((x) => (nan(x) ? null : x))).toEqual([null, 0.7, 0.7, null]);
    expect(Array.from(r.from).map((x) => (nan(x) ? null : x))).toEqual([null, 1994, 1994, null]);
    // latest and linear never look ahead past a missing start
    expect(Array.from(imputeSeries([1992, 1993, 1994], Float64Array.of(NaN, NaN, 0.7), { method: 'latest', maxAge: 5 }).values).every(nan)).toBe(true);
    expect(Array.from(imputeSeries([1992, 1993, 1994], Float64Array.of(NaN, NaN, 0.7), { method: 'linear', maxAge: 5 }).values).every(nan)).toBe(true);
  });

  it('nearest carries nothing back across a year in which the pair did not exist', () => {
    const r = imputeSeries([1989, 1991, 1992], Float64Array.of(NaN, NaN, 5), { method: 'nearest', maxAge: 5 });
    expect(r.values[1]).toBe(5);
    expect(nan(r.values[0]!)).toBe(true);
  });

  it('carries nothing across a year in which the pair did not exist (a gap in the years)', () => {
    const r = imputeSeries([1989, 1990, 1992], Float64Array.of(5, NaN, NaN), { method: 'latest', maxAge: 5 });
    expect(r.values[1]).toBe(5);
    expect(nan(r.values[2]!)).toBe(true);
  });

  it('fills nothing with none', () => {
    expect(Array.from(imputeSeries(years, values, { method: 'none', maxAge: 3 }).values).every(nan)).toBe(true);
  });
});

describe('withNeighbours', () => {
  it('adds every year within k of a key in which the pair exists, and none in which it does not', () => {
    const keys = Float64Array.of(packKey('DDR' as Iso3, 'RUS' as Iso3, 1989));
    const years = Array.from(withNeighbours(keys, 2, (k) => STATE_SYSTEM.pairExists(k)), (k) => unpackKey(k).year);
    expect(years).toEqual([1987, 1988, 1989, 1990]); // East Germany ends in 1990
  });
});

describe('imputation in the scored panel', () => {
  const row = (t: ReturnType<typeof scorePanel>, a: string, b: string, y: number) => Array.from(t.keys).findIndex((k) => { const u = unpackKey(k); return u.a === a && u.b === b && u.year === y; });

  it('fills the normalised value and contribution, flags the cell with its source year and keeps the raw cell empty', () => {
    const un: Row[] = [2000, 2001, 2002, 2003].map((y) => ['IRN', 'RUS', y, 0.5]);
    const trade: Row[] = [['IRN', 'RUS', 2000, 2], ['IRN', 'RUS', 2001, 4]];
    const t = scorePanel([indicator('un', dataOf(un)), indicator('trade', dataOf(trade), { normalise: 'minmax', impute: { method: 'latest', maxAge: 1 } })], opts);
    const r02 = row(t, 'IRN', 'RUS', 2002);
    const r03 = row(t, 'IRN', 'RUS', 2003);
    expect(nan(t.raw[1]![r02]!)).toBe(true);
    expect(t.norm[1]![r02]).toBe(1); // 4 on the observed pool [2, 4]
    expect(t.index[r02]).toBeCloseTo(75, 10);
    const from = t.extras.find((x) => x.column === 'trade_imputed_from')!;
    expect(from.type).toBe('integer');
    expect(from.values[r02]).toBe(2001);
    expect(nan(from.values[r03]!)).toBe(true); // 2 years old: beyond max_age
    expect(nan(t.norm[1]![r03]!)).toBe(true);
    expect(nan(from.values[row(t, 'IRN', 'RUS', 2001)]!)).toBe(true); // observed
  });

  it('imputes nothing to a pair-year of a state that did not exist', () => {
    const un: Row[] = [1989, 1990].map((y) => ['DDR', 'RUS', y, 0.5]);
    const igo: Row[] = [['DDR', 'RUS', 1989, 3]];
    const t = scorePanel([indicator('un', dataOf(un)), indicator('igo', dataOf(igo), { normalise: 'minmax', impute: { method: 'latest', maxAge: 5 } })], { ...opts, pairs: [['DDR' as Iso3, 'RUS' as Iso3]] });
    expect(Array.from(t.keys, (k) => unpackKey(k).year)).toEqual([1989, 1990]);
    const from = t.extras.find((x) => x.column === 'igo_imputed_from')!;
    expect(from.values[1]).toBe(1989);
  });

  // a small panel of two pairs × ten years, each cell observed or not
  const cells = fc.array(fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: null }), { minLength: 20, maxLength: 20 });
  const method = fc.constantFrom('latest' as const, 'linear' as const, 'nearest' as const);

  it('property: imputation never changes an observed value (raw, normalised) and never fills a missing one as observed', () => {
    fc.assert(
      fc.property(cells, cells, method, fc.integer({ min: 1, max: 4 }), fc.constantFrom('minmax' as const, 'zscore' as const, 'rank' as const), (a, b, m, maxAge, normalise) => {
        const rows = (c: (number | null)[]): Row[] => c.flatMap((v, i) => (v === null ? [] : [[i < 10 ? 'IRN' : 'CHN', 'RUS', 2000 + (i % 10), v] as const]));
        const base = [indicator('un', dataOf(rows(a))), indicator('trade', dataOf(rows(b)), { normalise })];
        const plain = scorePanel(base, opts);
        const filled = scorePanel([base[0]!, { ...base[1]!, impute: { method: m, maxAge } }], opts);
        expect(Array.from(filled.keys)).toEqual(Array.from(plain.keys));
        const from = filled.extras.find((x) => x.column === 'trade_imputed_from')!.values;
        for (let r = 0; r < plain.keys.length; r++) {
          expect(Object.is(filled.raw[1]![r], plain.raw[1]![r])).toBe(true);
          const observed = !nan(plain.raw[1]![r]!);
          if (observed) {
            expect(filled.norm[1]![r]).toBe(plain.norm[1]![r]);
            expect(nan(from[r]!)).toBe(true);
          } else if (!nan(filled.norm[1]![r]!)) {
            // latest and linear look back only; nearest either way
            const age = unpackKey(filled.keys[r]!).year - from[r]!;
            expect(m === 'nearest' ? Math.abs(age) : age).toBeGreaterThanOrEqual(1);
            expect(Math.abs(age)).toBeLessThanOrEqual(maxAge);
          } else expect(nan(from[r]!)).toBe(true);
          expect(filled.norm[0]![r]).toBe(plain.norm[0]![r]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
