import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scorePanel, type ScoreOptions } from '../../src/core/score.js';
import { measurePanel } from '../../src/core/measure-panel.js';
import { droppedNote, restrictToStateSystem } from '../../src/core/state-membership.js';
import type { Iso3 } from '../../src/domain/country.js';
import { DyadYearTable } from '../../src/domain/dyad-year-table.js';
import { packKey, unpackKey } from '../../src/domain/dyad-year-key.js';
import { spellsText } from '../../src/domain/state-system.js';
import { SortedDyadYearTable } from '../../src/domain/sorted-dyad-year-table.js';
import { alignmentCsv } from '../../src/report/alignment-csv.js';
import { dataOf, indicator } from '../helpers/indicator-data.js';
import { STATE_SYSTEM } from '../helpers/state-system.js';

const I = (s: string) => s as Iso3;
const opts: ScoreOptions = { scale: [0, 100], aggregation: 'arithmetic', formula: null, minCoverage: 0.5, geometricFloor: 0.01, years: null, states: null, pairs: null, stateSystem: STATE_SYSTEM };
const rowsOf = (t: { keys: Float64Array }) => Array.from(t.keys, (k) => {
  const u = unpackKey(k);
  return `${u.a}-${u.b} ${u.year}`;
});

describe('restrictToStateSystem', () => {
  it('drops the values of pair-years in which a state did not exist and counts them per state', () => {
    const t = new DyadYearTable(true);
    t.set(I('RUS'), I('DDR'), 1989, 5);
    t.set(I('DDR'), I('RUS'), 1995, 3);
    t.set(I('RUS'), I('DDR'), 1996, 2);
    t.set(I('HKG'), I('CHN'), 2000, 1);
    const { table, dropped } = restrictToStateSystem(t, STATE_SYSTEM);
    expect(table.directed).toBe(true);
    expect(table.sortedEntries()).toEqual([{ a: 'RUS', b: 'DDR', year: 1989, value: 5 }]);
    expect(dropped.count).toBe(3);
    expect(dropped.byState).toEqual([
      { state: 'DDR', count: 2, from: 1995, to: 1996 },
      { state: 'HKG', count: 1, from: 2000, to: 2000 },
    ]);
    expect(droppedNote(dropped, (s) => spellsText(STATE_SYSTEM.spells(s)))[0]).toMatch(/^3 value\(s\) for pair-years in which a state did not exist .* were dropped, not scored: DDR ×2 in 1995–1996 \(exists 1949–1990\); HKG ×1 in 2000 \(exists never\)$/);
  });

  it('gives two sorted tables on one key array the same kept keys (one array) and each its own values, and does not check a kept table again', () => {
    const keys = Float64Array.from(
      [
        ['DDR', 'RUS', 1989],
        ['DDR', 'RUS', 1995],
        ['CHN', 'HKG', 2000],
        ['CHN', 'RUS', 2000],
      ].map(([a, b, y]) => packKey(I(a as string), I(b as string), y as number)),
    ).sort();
    const one = SortedDyadYearTable.fromSorted(false, keys, Float64Array.of(1, 2, 3, 4));
    const two = SortedDyadYearTable.fromSorted(false, keys, Float64Array.of(10, 20, 30, 40));
    const a = restrictToStateSystem(one, STATE_SYSTEM);
    const b = restrictToStateSystem(two, STATE_SYSTEM);
    expect(b.table.sortedColumns()!.keys).toBe(a.table.sortedColumns()!.keys);
    expect(rowsOf(b.table.sortedColumns()!)).toEqual(rowsOf(a.table.sortedColumns()!));
    expect(Array.from(b.table.sortedColumns()!.values)).toEqual(Array.from(a.table.sortedColumns()!.values, (v) => v * 10));
    expect(b.dropped).toEqual(a.dropped);
    expect(a.dropped.count).toBe(2);
    const again = restrictToStateSystem(b.table, STATE_SYSTEM);
    expect(again.table).toBe(b.table);
    expect(again.dropped.count).toBe(0);
  });

  it('returns the same table when every state exists, and keeps a sorted table sorted', () => {
    const t = new DyadYearTable(false);
    t.set(I('RUS'), I('USA'), 2000, 1);
    expect(restrictToStateSystem(t, STATE_SYSTEM).table).toBe(t);
    expect(droppedNote(restrictToStateSystem(t, STATE_SYSTEM).dropped, () => '')).toEqual([]);
    const keys = Float64Array.from([t.key(I('DDR'), I('RUS'), 1990), t.key(I('DDR'), I('RUS'), 1991)]).sort();
    const sorted = SortedDyadYearTable.fromSorted(false, keys, Float64Array.of(1, 2));
    const kept = restrictToStateSystem(sorted, STATE_SYSTEM).table;
    expect(kept.sortedColumns()?.keys).toEqual(keys.slice(0, 1));
  });
});

describe('the scored panel holds only pair-years of existing states', () => {
  // a zero-recording source 1985–2000 (arms deliveries, exercises): absence is 0 inside coverage
  const arms = dataOf([['RUS', 'DDR', 1989, 4], ['RUS', 'USA', 1995, 2], ['DDR', 'RUS', 1995, 9]], { directed: true, coverage: [{ from: 1985, to: 2000 }], zero: true });

  it('never zero-fills East Germany after 1990: DDR–RUS 1995 has no row, not 0', () => {
    const t = scorePanel([indicator('arms', arms, { normalise: 'minmax' })], { ...opts, states: [I('RUS'), I('DDR')] });
    expect(rowsOf(t)).toEqual([1985, 1986, 1987, 1988, 1989, 1990].map((y) => `DDR-RUS ${y}`));
    expect(t.raw[0]![0]).toBe(0); // 1985: before any delivery, inside coverage, both states exist
    const m = measurePanel([indicator('arms', arms)], { ...opts, pairs: [[I('DDR'), I('RUS')]], years: { from: 1994, to: 1996 } });
    expect(m.keys.length).toBe(0);
  });

  it('leaves a source value for a non-existing pair-year out of the panel and out of the normalisation pool', () => {
    const t = scorePanel([indicator('arms', arms, { normalise: 'minmax' })], opts);
    expect(rowsOf(t)).toEqual(['DDR-RUS 1989', 'RUS-USA 1995']);
    // the pool is {4, 2}: the dropped 9 does not stretch the range
    expect(t.norm[0]![0]).toBe(1);
    expect(t.norm[0]![1]).toBe(0);
  });

  it('gives no zero for a year before a state existed to a lag, window or stock', () => {
    // Czechia exists from 1993: its 1993 lag-1 value is missing, not the zero of 1992
    const d = dataOf([['CZE', 'RUS', 1993, 3], ['CZE', 'RUS', 1994, 5], ['DEU', 'RUS', 1992, 7]], { coverage: [{ from: 1990, to: 1995 }], zero: true });
    const lag = scorePanel([indicator('x', d, { temporal: { lag: 1 } })], { ...opts, pairs: [[I('CZE'), I('RUS')]] });
    expect(rowsOf(lag)).toEqual([1993, 1994, 1995].map((y) => `CZE-RUS ${y}`));
    expect(Number.isNaN(lag.raw[0]![0]!)).toBe(true);
    expect([...lag.raw[0]!].slice(1)).toEqual([3, 5]);
    const win = scorePanel([indicator('x', d, { temporal: { window: 3 } })], { ...opts, pairs: [[I('CZE'), I('RUS')]] });
    expect([...win.raw[0]!]).toEqual([3, 4, 8 / 3]);
  });
});

describe('subset invariance of the core', () => {
  const states = ['CSK', 'CZE', 'DEU', 'DDR', 'RUS', 'SVK', 'USA'];
  const rowArb = fc.tuple(fc.constantFrom(...states), fc.constantFrom(...states), fc.integer({ min: 1985, max: 1998 }), fc.double({ min: 0, max: 10, noNaN: true }));
  const tableArb = fc.array(rowArb, { maxLength: 40 }).map((rows) => {
    const seen = new Set<string>();
    return rows.filter(([a, b, y]) => {
      const k = `${a}${b}${y}`;
      if (a === b || seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  });
  const subsetArb = fc.record({
    years: fc.option(fc.tuple(fc.integer({ min: 1983, max: 2000 }), fc.integer({ min: 0, max: 8 })).map(([from, n]) => ({ from, to: from + n })), { nil: null }),
    states: fc.option(fc.subarray(states, { minLength: 2 }).map((s) => s.map(I)), { nil: null }),
    pairs: fc.option(fc.array(fc.tuple(fc.constantFrom(...states), fc.constantFrom(...states)).filter(([a, b]) => a !== b).map(([a, b]) => [I(a), I(b)] as const), { minLength: 1, maxLength: 4 }), { nil: null }),
  });

  it('gives every row of any years/states/pairs subset the same bytes as the full panel, with temporal transforms and smoothing', () => {
    fc.assert(
      fc.property(tableArb, tableArb, subsetArb, fc.constantFrom(1, 3), (arms, trade, subset, smooth) => {
        const inds = [
          indicator('arms', dataOf(arms, { directed: true, coverage: [{ from: 1985, to: 1998 }], zero: true }), { normalise: 'minmax', temporal: { lag: 1, window: 2 } }),
          indicator('trade', dataOf(trade, { directed: true }), { normalise: 'zscore', combine: 'mean', temporal: { halfLife: 2 } }),
        ];
        const lines = (o: ScoreOptions) => {
          const csv = alignmentCsv(scorePanel(inds, { ...o, smoothIndex: smooth }), 6).trim().split('\n').slice(1);
          return new Map(csv.map((l) => [l.split(',').slice(0, 3).join(','), l]));
        };
        const full = lines(opts);
        const part = lines({ ...opts, ...subset });
        for (const [key, line] of part) {
          const [a, b, y] = key.split(',');
          expect(STATE_SYSTEM.exists(I(a!), Number(y)) && STATE_SYSTEM.exists(I(b!), Number(y))).toBe(true);
          // (a row the full panel lacks — a pair asked for in a year without a source value — has
          // nothing to be compared with)
          if (full.has(key)) expect(line).toBe(full.get(key));
        }
      }),
      { numRuns: 200 },
    );
  });
});
