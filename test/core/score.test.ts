import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scorePanel, type ScoreOptions } from '../../src/core/score.js';
import { unpackKey } from '../../src/domain/dyad-year-key.js';
import type { Iso3 } from '../../src/domain/country.js';
import { DyadYearTable } from '../../src/domain/dyad-year-table.js';
import { alignmentCsv, alignmentRowCells } from '../../src/report/alignment-csv.js';
import { isShared, mapColumns, newColumn, toShared } from '../../src/core/score-table.js';
import { dataOf, indicator, type Row } from '../helpers/indicator-data.js';
import { STATE_SYSTEM } from '../helpers/state-system.js';

const opts: ScoreOptions = {
  scale: [0, 100],
  aggregation: 'arithmetic',
  formula: null,
  minCoverage: 0.5,
  geometricFloor: 0.01,
  years: null,
  states: null,
  pairs: null,
  stateSystem: STATE_SYSTEM,
};

function row(t: ReturnType<typeof scorePanel>, a: string, b: string, year: number) {
  for (let r = 0; r < t.keys.length; r++) {
    const k = unpackKey(t.keys[r]!);
    if (k.a === a && k.b === b && k.year === year) return r;
  }
  return -1;
}

describe('scorePanel', () => {
  it('makes every column of the table in shared memory, whichever path built it (the report writer thread reads them without a copy)', () => {
    const un = dataOf([['IRN', 'RUS', 2014, 0.5], ['IRN', 'RUS', 2016, 0.8], ['CHN', 'RUS', 2016, 0.9], ['CHN', 'RUS', 2017, 0.7]]);
    const joint = new DyadYearTable(false);
    joint.set('IRN' as Iso3, 'RUS' as Iso3, 2016, 12);
    const withExtra = { ...un, extras: [{ suffix: 'joint', table: joint, type: 'integer' as const, description: 'joint votes' }] };
    const arms = dataOf([['IRN', 'RUS', 2016, 0.2]]);
    const inds = [indicator('un', withExtra, { weight: 3, impute: { method: 'latest', maxAge: 2 } }), indicator('arms', arms, { temporal: { window: 2 } })];
    const variants: [string, ScoreOptions][] = [
      ['plain', opts],
      ['rows selected', { ...opts, years: { from: 2016, to: 2017 }, pairs: [['RUS' as Iso3, 'IRN' as Iso3]] }],
      ['smoothed', { ...opts, smoothIndex: 2 }],
      ['all pairs', { ...opts, panel: 'all_pairs' }],
      ['a given reference year', { ...opts, chainReferenceYear: 2016 }],
    ];
    for (const [what, o] of variants) {
      const t = scorePanel(inds, o);
      expect(t.keys.length, what).toBeGreaterThan(0);
      expect(t.extras.length, what).toBe(2);
      const notShared: string[] = [];
      let columns = 0;
      mapColumns(t, (c) => {
        columns++;
        if (!isShared(c)) notShared.push(`column of ${c.length} rows`);
        return c;
      });
      expect(columns, what).toBeGreaterThan(10);
      expect(notShared, what).toEqual([]);
    }
  });

  it('copies a column into shared memory only when it is not there yet', () => {
    const c = newColumn(2);
    expect(isShared(c)).toBe(true);
    expect(toShared(c)).toBe(c);
    const plain = Float64Array.of(1, NaN);
    const s = toShared(plain);
    expect(isShared(plain)).toBe(false);
    expect(isShared(s)).toBe(true);
    expect([...s]).toEqual([1, NaN]);
  });

  it('scores the weighted mean on the configured scale and writes pairs in canonical order', () => {
    const un = dataOf([['RUS', 'IRN', 2016, 0.8]]);
    const arms = dataOf([['IRN', 'RUS', 2016, 0.2]]);
    const t = scorePanel([indicator('un', un, { weight: 3 }), indicator('arms', arms)], opts);
    expect(t.keys.length).toBe(1);
    expect(unpackKey(t.keys[0]!)).toEqual({ a: 'IRN', b: 'RUS', year: 2016 });
    expect(t.index[0]).toBeCloseTo(100 * (0.75 * 0.8 + 0.25 * 0.2), 10);
    expect(t.contrib[0]![0]! + t.contrib[1]![0]!).toBeCloseTo(t.index[0]!, 10);
  });

  it('gives each row of alignment.csv as cells, the same text the CSV writes (the report page shows them)', () => {
    const un = dataOf([['IRN', 'RUS', 2016, 0.8], ['IRN', 'RUS', 2017, 0.6], ['CHN', 'RUS', 2017, 0.9]]);
    const arms = dataOf([['IRN', 'RUS', 2016, 0.2]]);
    const t = scorePanel([indicator('un', un, { weight: 3 }), indicator('arms', arms)], opts);
    const lines = alignmentCsv(t, 6).trimEnd().split('\n');
    expect(lines.length).toBe(t.keys.length + 1);
    for (let r = 0; r < t.keys.length; r++) expect(alignmentRowCells(t, r, 6).join(',')).toBe(lines[r + 1]);
  });

  it('renormalises the weights over the indicators present', () => {
    const un = dataOf([['IRN', 'RUS', 2016, 0.8], ['IRN', 'RUS', 2017, 0.6]]);
    const arms = dataOf([['IRN', 'RUS', 2016, 0.2]]);
    const t = scorePanel([indicator('un', un, { weight: 3 }), indicator('arms', arms)], opts);
    const r = row(t, 'IRN', 'RUS', 2017);
    expect(t.coverage[r]).toBeCloseTo(0.75, 12);
    expect(t.index[r]).toBeCloseTo(60, 10);
    expect(Number.isNaN(t.raw[1]![r]!)).toBe(true);
  });

  it('leaves the index empty below min_coverage', () => {
    const un = dataOf([['IRN', 'RUS', 2017, 0.6]]);
    const arms = dataOf([['IRN', 'RUS', 2016, 0.2]]);
    const t = scorePanel([indicator('un', un), indicator('arms', arms, { weight: 3 })], opts);
    const r = row(t, 'IRN', 'RUS', 2017);
    expect(t.coverage[r]).toBeCloseTo(0.25, 12);
    expect(Number.isNaN(t.index[r]!)).toBe(true);
    expect(Number.isNaN(t.contrib[0]![r]!)).toBe(true);
  });

  it('fills 0 inside a zero-recording coverage and leaves years outside it empty', () => {
    const arms = dataOf([['IRN', 'RUS', 2016, 5]], { coverage: [{ from: 2000, to: 2016 }], zero: true });
    const un = dataOf([['CHN', 'USA', 2017, 0.5]]);
    const t = scorePanel([indicator('arms', arms, { normalise: 'minmax' }), indicator('un', un)], { ...opts, pairs: [['IRN' as Iso3, 'RUS' as Iso3]], years: { from: 2015, to: 2018 } });
    expect(t.keys.length).toBe(3);
    expect(t.raw[0]![row(t, 'IRN', 'RUS', 2015)]).toBe(0);
    expect(t.raw[0]![row(t, 'IRN', 'RUS', 2016)]).toBe(5);
    expect(Number.isNaN(t.raw[0]![row(t, 'IRN', 'RUS', 2017)]!)).toBe(true);
  });

  it('combines directed values, counting an absent direction as 0 inside coverage', () => {
    const arms = dataOf([['RUS', 'IRN', 2016, 10], ['IRN', 'RUS', 2016, 2], ['RUS', 'CHN', 2016, 6]], { directed: true, coverage: [{ from: 2016, to: 2016 }], zero: true });
    const t = scorePanel([indicator('arms', arms, { combine: 'mean', normalise: 'minmax' })], opts);
    expect(t.raw[0]![row(t, 'IRN', 'RUS', 2016)]).toBe(6);
    expect(t.raw[0]![row(t, 'CHN', 'RUS', 2016)]).toBe(3);
  });

  it('applies lag, window and half-life without inventing values outside coverage', () => {
    const rows: Row[] = [2000, 2001, 2002, 2003].map((y) => ['IRN', 'RUS', y, y - 1999]);
    const d = dataOf(rows, { coverage: [{ from: 2000, to: 2003 }] });
    const lag = scorePanel([indicator('x', d, { normalise: 'minmax', temporal: { lag: 1 } })], opts);
    expect(Number.isNaN(lag.raw[0]![0]!)).toBe(true);
    expect([...lag.raw[0]!].slice(1)).toEqual([1, 2, 3]);
    const win = scorePanel([indicator('x', d, { normalise: 'minmax', temporal: { window: 2 } })], opts);
    expect([...win.raw[0]!]).toEqual([1, 1.5, 2.5, 3.5]);
    const decay = scorePanel([indicator('x', d, { normalise: 'minmax', temporal: { halfLife: 1 } })], opts);
    expect([...decay.raw[0]!]).toEqual([1, 2.5, 4.25, 6.125]);
  });

  // ---------------------------------------------------------------- properties
  const states = ['BRA', 'CHN', 'IRN', 'RUS', 'USA'];
  const rowArb = fc.tuple(fc.constantFrom(...states), fc.constantFrom(...states), fc.integer({ min: 2000, max: 2004 }), fc.double({ min: 0, max: 1, noNaN: true }));
  const panelArb = fc
    .array(fc.array(rowArb, { maxLength: 25 }), { minLength: 1, maxLength: 3 })
    .map((tables) =>
      tables.map((rows) => {
        const seen = new Set<string>();
        return rows.filter(([a, b, y]) => {
          const k = `${a < b ? a + b : b + a}${y}`;
          if (a === b || seen.has(k)) return false;
          seen.add(k);
          return true;
        });
      }),
    );
  const weightsArb = fc.array(fc.double({ min: 0.05, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 });
  const aggArb = fc.constantFrom<'arithmetic' | 'geometric'>('arithmetic', 'geometric');
  const normArb = fc.constantFrom<'none' | 'minmax' | 'zscore' | 'rank'>('none', 'minmax', 'zscore', 'rank');

  const build = (tables: Row[][], w: number[], norm: 'none' | 'minmax' | 'zscore' | 'rank', flip = false) =>
    tables.map((rows, i) => indicator(`i${i}`, dataOf(flip ? rows.map(([a, b, y, v]) => [b, a, y, v] as const) : rows), { weight: w[i]!, normalise: norm }));

  it('is symmetric in the pair (property)', () => {
    fc.assert(
      fc.property(panelArb, weightsArb, aggArb, normArb, (tables, w, aggregation, norm) => {
        const a = alignmentCsv(scorePanel(build(tables as Row[][], w, norm), { ...opts, aggregation }), 6);
        const b = alignmentCsv(scorePanel(build(tables as Row[][], w, norm, true), { ...opts, aggregation }), 6);
        expect(b).toBe(a);
      }),
    );
  });

  it('lies within the scale (property)', () => {
    fc.assert(
      fc.property(panelArb, weightsArb, aggArb, normArb, fc.double({ min: -100, max: 100, noNaN: true }), (tables, w, aggregation, norm, lo) => {
        const t = scorePanel(build(tables as Row[][], w, norm), { ...opts, aggregation, scale: [lo, lo + 10] });
        for (const v of t.index) if (!Number.isNaN(v)) {
          expect(v).toBeGreaterThanOrEqual(lo - 1e-9);
          expect(v).toBeLessThanOrEqual(lo + 10 + 1e-9);
        }
      }),
    );
  });

  it('does not change when all weights are multiplied by a constant (property)', () => {
    fc.assert(
      fc.property(panelArb, weightsArb, aggArb, fc.double({ min: 0.01, max: 1000, noNaN: true }), (tables, w, aggregation, c) => {
        const a = scorePanel(build(tables as Row[][], w, 'minmax'), { ...opts, aggregation });
        const b = scorePanel(build(tables as Row[][], w.map((x) => x * c), 'minmax'), { ...opts, aggregation });
        for (let r = 0; r < a.index.length; r++) {
          if (Number.isNaN(a.index[r]!)) expect(Number.isNaN(b.index[r]!)).toBe(true);
          else expect(b.index[r]).toBeCloseTo(a.index[r]!, 8);
          expect(b.coverage[r]).toBeCloseTo(a.coverage[r]!, 12);
        }
      }),
    );
  });

  it('gives the same bytes whatever the order of the input rows (property)', () => {
    fc.assert(
      fc.property(panelArb, weightsArb, normArb, fc.integer(), (tables, w, norm, seed) => {
        const shuffled = (tables as Row[][]).map((rows) => shuffle(rows, seed));
        expect(alignmentCsv(scorePanel(build(shuffled, w, norm), opts), 6)).toBe(alignmentCsv(scorePanel(build(tables as Row[][], w, norm), opts), 6));
      }),
    );
  });

  it('renormalises the others when an indicator is missing for a pair-year (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), weightsArb, (x, y, w) => {
        const t = scorePanel(
          [indicator('a', dataOf([['IRN', 'RUS', 2000, x]]), { weight: w[0]! }), indicator('b', dataOf([['IRN', 'RUS', 2000, y]]), { weight: w[1]! }), indicator('c', dataOf([['IRN', 'RUS', 2001, 0]]), { weight: w[2]! })],
          { ...opts, minCoverage: 0 },
        );
        expect(t.index[0]).toBeCloseTo((100 * (w[0]! * x + w[1]! * y)) / (w[0]! + w[1]!), 8);
      }),
    );
  });

  it('gives a pair-year the same index whichever pairs, states or years are scored (property)', () => {
    fc.assert(
      fc.property(panelArb, weightsArb, normArb, fc.constantFrom(...states), fc.constantFrom(...states), (tables, w, norm, a, b) => {
        fc.pre(a !== b);
        const full = scorePanel(build(tables as Row[][], w, norm), opts);
        const one = scorePanel(build(tables as Row[][], w, norm), { ...opts, pairs: [[a as Iso3, b as Iso3]], years: { from: 2001, to: 2003 } });
        for (let r = 0; r < one.keys.length; r++) {
          const k = unpackKey(one.keys[r]!);
          const f = row(full, k.a, k.b, k.year);
          if (f < 0) continue; // a pair-year with no value in any source
          if (Number.isNaN(full.index[f]!)) expect(Number.isNaN(one.index[r]!)).toBe(true);
          else expect(one.index[r]).toBeCloseTo(full.index[f]!, 9);
        }
      }),
    );
  });

  it('leaves the index empty exactly below min_coverage (property)', () => {
    fc.assert(
      fc.property(panelArb, weightsArb, fc.double({ min: 0, max: 1, noNaN: true }), (tables, w, minCoverage) => {
        const t = scorePanel(build(tables as Row[][], w, 'minmax'), { ...opts, minCoverage });
        for (let r = 0; r < t.index.length; r++) {
          if (t.coverage[r]! < minCoverage - 1e-12) expect(Number.isNaN(t.index[r]!)).toBe(true);
          else expect(Number.isNaN(t.index[r]!)).toBe(false);
        }
      }),
    );
  });
});

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('normalisation pool', () => {
  it('leaves the pair-years a source flags out of the pool with `pool_exclude`, and still scores them (clipped)', () => {
    const data = dataOf([['RUS', 'USA', 2000, 1], ['CHN', 'RUS', 2000, 0.1], ['CHN', 'USA', 2000, 0.3]] as Row[]);
    const flags = new DyadYearTable(false);
    flags.set('RUS' as Iso3, 'USA' as Iso3, 2000, 1);
    const flagged = { ...data, flags: [{ kind: 'gap_artefacts', table: flags, description: 'test' }] };
    const plain = scorePanel([indicator('t', flagged, { normalise: 'minmax' })], opts);
    const excluded = scorePanel([indicator('t', flagged, { normalise: 'minmax', poolExclude: ['gap_artefacts'] })], opts);
    // keys sorted CHN-RUS, CHN-USA, RUS-USA
    expect([...plain.norm[0]!].map((v) => +v.toFixed(6))).toEqual([0, 0.222222, 1]);
    expect([...excluded.norm[0]!]).toEqual([0, 1, 1]);
  });

  it('ranks within each year with `rank_year` over the pool of every pair-year', () => {
    const data = dataOf([['RUS', 'USA', 2000, 1], ['CHN', 'RUS', 2000, 2], ['RUS', 'USA', 2001, 50], ['CHN', 'RUS', 2001, 60]] as Row[]);
    const t = scorePanel([indicator('t', data, { normalise: 'rank_year' })], opts);
    const byKey = new Map([...t.keys].map((k, r) => { const u = unpackKey(k); return [`${u.a} ${u.b} ${u.year}`, t.norm[0]![r]]; }));
    expect(byKey.get('CHN RUS 2000')).toBe(1);
    expect(byKey.get('RUS USA 2001')).toBe(0);
    // a subset scored gives the same rows (fitted on the pool)
    const sub = scorePanel([indicator('t', data, { normalise: 'rank_year' })], { ...opts, pairs: [['RUS' as Iso3, 'USA' as Iso3]] });
    expect([...sub.norm[0]!]).toEqual([0, 0]);
  });
});
