import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allPairKeys, panelKeys, memberTables, scorePanel, type ScoreOptions } from '../../src/core/score.js';
import { unpackKey, packKey } from '../../src/domain/dyad-year-key.js';
import type { Iso3 } from '../../src/domain/country.js';
import { dataOf, indicator, type Row } from '../helpers/indicator-data.js';
import { STATE_SYSTEM } from '../helpers/state-system.js';

const opts: ScoreOptions = { scale: [0, 100], aggregation: 'arithmetic', formula: null, minCoverage: 0, geometricFloor: 0.01, years: null, states: null, pairs: null, stateSystem: STATE_SYSTEM };
const rowsOf = (t: ReturnType<typeof scorePanel>) => Array.from(t.keys, (k, r) => ({ ...unpackKey(k), index: t.index[r]! }));

describe('panel: all_pairs (every pair of existing states, not only the observed pair-years)', () => {
  const un: Row[] = [['IRN', 'RUS', 1995, 0.5], ['IRN', 'RUS', 1997, 0.7], ['FRA', 'USA', 1996, 0.9]];
  const inds = [indicator('un', dataOf(un))];

  it('gives a row to every pair of states that exist in each year the sources cover, empty where nothing is observed', () => {
    const t = scorePanel(inds, { ...opts, panel: 'all_pairs' });
    const years = new Set(rowsOf(t).map((r) => r.year));
    expect([...years].sort()).toEqual([1995, 1996, 1997]);
    const members = STATE_SYSTEM.members(1996).length;
    expect(rowsOf(t).filter((r) => r.year === 1996)).toHaveLength((members * (members - 1)) / 2);
    const row = (a: string, b: string, y: number) => rowsOf(t).find((r) => r.a === a && r.b === b && r.year === y);
    expect(row('IRN', 'RUS', 1995)!.index).toBeCloseTo(50, 12);
    expect(Number.isNaN(row('IRN', 'RUS', 1996)!.index)).toBe(true); // a row, but missing is not zero
    expect(Number.isNaN(row('CHN', 'IND', 1996)!.index)).toBe(true);
  });

  it('gives no row to a pair one of whose states did not exist (South Sudan before 2011)', () => {
    const t = scorePanel([indicator('un', dataOf([['SSD', 'SDN', 2012, 0.4], ['FRA', 'USA', 2009, 0.9]]))], { ...opts, panel: 'all_pairs' });
    const ssd = rowsOf(t).filter((r) => r.a === 'SSD' || r.b === 'SSD');
    expect(ssd.length).toBeGreaterThan(0);
    expect(ssd.every((r) => r.year >= 2011)).toBe(true);
  });

  it('imputes into the years no source observed for the pair, flagged with the source year', () => {
    const t = scorePanel([indicator('un', dataOf(un), { impute: { method: 'latest', maxAge: 1 } })], { ...opts, panel: 'all_pairs' });
    const r = rowsOf(t).findIndex((x) => x.a === 'IRN' && x.b === 'RUS' && x.year === 1996);
    expect(t.index[r]).toBeCloseTo(50, 12);
    expect(t.extras.find((e) => e.column === 'un_imputed_from')!.values[r]).toBe(1995);
  });

  it('leaves the rows of the observed panel as they were (values, not only keys)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('IRN', 'RUS', 'CHN', 'USA', 'FRA'), fc.constantFrom('IRN', 'RUS', 'CHN', 'USA', 'FRA'), fc.integer({ min: 1990, max: 1995 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 12 }), (raw) => {
        const rows = raw.filter(([a, b]) => a !== b) as Row[];
        if (rows.length === 0) return;
        const ind = [indicator('un', dataOf(rows), { normalise: 'minmax' })];
        const observed = scorePanel(ind, opts);
        const all = scorePanel(ind, { ...opts, panel: 'all_pairs' });
        const at = new Map(Array.from(all.keys, (k, r) => [k, r] as const));
        observed.keys.forEach((k, r) => {
          const s = at.get(k)!;
          expect(s).toBeDefined();
          expect(Object.is(all.index[s], observed.index[r])).toBe(true);
        });
      }),
      { seed: 24, numRuns: 12 },
    );
  });

  it('is what panelKeys (the measures command) uses too, and a years filter cuts it', () => {
    const o = { ...opts, panel: 'all_pairs' as const, years: { from: 1996, to: 1996 } };
    const keys = panelKeys(inds, memberTables(inds, STATE_SYSTEM), o);
    expect(new Set(Array.from(keys, (k) => unpackKey(k).year))).toEqual(new Set([1996]));
    const all = allPairKeys(inds, memberTables(inds, STATE_SYSTEM), STATE_SYSTEM);
    expect(all).toContain(packKey('CHN' as Iso3, 'IND' as Iso3, 1995));
    expect(Array.from(all).every((k, i, a) => i === 0 || a[i - 1]! < k)).toBe(true);
  });
});
