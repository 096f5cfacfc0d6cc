import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scorePanel, type ScoreOptions, type ScoreTable } from '../../src/core/score.js';
import { explainPair, type ExplainModel } from '../../src/analysis/explain.js';
import { indexSeriesOf, indicatorSeriesOf, type IndexSeries } from '../../src/analysis/index-series.js';
import { boundaryRows, criterionRows, decadeOf, indicatorBoundaries, validityRows, type Criterion } from '../../src/analysis/validity.js';
import { DyadYearTable } from '../../src/domain/dyad-year-table.js';
import { unpackKey, yearOfKey } from '../../src/domain/dyad-year-key.js';
import type { Iso3 } from '../../src/domain/country.js';
import { dataOf, indicator, type Row } from '../helpers/indicator-data.js';
import { mostStrayingDecade } from '../../src/report/validity-summary.js';
import { STATE_SYSTEM } from '../helpers/state-system.js';

const opts: ScoreOptions = { scale: [0, 100], aggregation: 'arithmetic', formula: null, minCoverage: 0.2, geometricFloor: 0.01, years: null, states: null, pairs: null, stateSystem: STATE_SYSTEM };
const model = (weights: number[]): ExplainModel => ({ weights: Float64Array.from(weights), aggregation: 'arithmetic', settings: { geometricFloor: 0.01, formula: null }, scale: [0, 100], smoothed: false });
const STATES = ['CHN', 'DEU', 'FRA', 'GBR', 'IND', 'IRN', 'RUS', 'USA'];
const PAIRS: [string, string][] = [];
for (let i = 0; i < STATES.length; i++) for (let j = i + 1; j < STATES.length; j++) PAIRS.push([STATES[i]!, STATES[j]!]);
const YEARS = Array.from({ length: 20 }, (_, k) => 1990 + k); // the 1990s and the 2000s

function bruteAuc(pos: readonly number[], neg: readonly number[]): number {
  let s = 0;
  for (const x of pos) for (const y of neg) s += x > y ? 1 : x === y ? 0.5 : 0;
  return s / (pos.length * neg.length);
}

function series(table: ScoreTable, weights: number[], families = ['un_votes']): IndexSeries {
  return indexSeriesOf(table, model(weights), new Set(families))[0]!;
}

describe('criterion validity on a planted panel', () => {
  it('gives the planted AUC overall and per decade; ambiguous pair-years and years outside a source are left out (property)', () => {
    const label = fc.constantFrom('ally', 'rival', 'none', 'both');
    fc.assert(
      fc.property(
        fc.array(label, { minLength: PAIRS.length, maxLength: PAIRS.length }),
        fc.array(fc.integer({ min: 0, max: 8 }), { minLength: PAIRS.length * YEARS.length, maxLength: PAIRS.length * YEARS.length }),
        fc.integer({ min: 1990, max: 2009 }),
        (labels, cells, rivalsEnd) => {
          const rows: Row[] = [];
          const allies = new DyadYearTable(false);
          const rivals = new DyadYearTable(false);
          PAIRS.forEach(([a, b], p) =>
            YEARS.forEach((y, k) => {
              rows.push([a, b, y, cells[p * YEARS.length + k]! / 8]);
              if (labels[p] === 'ally' || labels[p] === 'both') allies.set(a as Iso3, b as Iso3, y, 1);
              if (labels[p] === 'rival' || labels[p] === 'both') rivals.set(a as Iso3, b as Iso3, y, 1);
            }),
          );
          const table = scorePanel([indicator('un', dataOf(rows))], opts);
          const c: Criterion = {
            metric: 'auc_allies_rivals',
            positive: { name: 'allies', set: allies, years: [{ from: 1900, to: 2020 }] },
            negative: { name: 'rivals', set: rivals, years: [{ from: 1950, to: rivalsEnd }] },
            excludesFamily: 'alliances',
          };
          const out = criterionRows(series(table, [1]), c);
          // the planted truth, straight from the rows
          const planted = new Map<string, { pos: number[]; neg: number[] }>();
          PAIRS.forEach((_, p) =>
            YEARS.forEach((y, k) => {
              if (y > rivalsEnd || labels[p] === 'none' || labels[p] === 'both') return;
              for (const scope of ['all', decadeOf(y)]) {
                if (!planted.has(scope)) planted.set(scope, { pos: [], neg: [] });
                planted.get(scope)![labels[p] === 'ally' ? 'pos' : 'neg'].push((100 * cells[p * YEARS.length + k]!) / 8);
              }
            }),
          );
          const all = planted.get('all') ?? { pos: [], neg: [] };
          const aucAll = out.find((r) => r.metric === 'auc_allies_rivals' && r.scope === 'all')!.value;
          if (all.pos.length > 0 && all.neg.length > 0) expect(aucAll).toBeCloseTo(bruteAuc(all.pos, all.neg), 9);
          else expect(aucAll).toBeNaN();
          expect(out.find((r) => r.metric === 'auc_allies_rivals_n_allies' && r.scope === 'all')!.value).toBe(all.pos.length);
          expect(out.find((r) => r.metric === 'auc_allies_rivals_n_rivals' && r.scope === 'all')!.value).toBe(all.neg.length);
          for (const d of ['1990s', '2000s']) {
            const g = planted.get(d);
            const row = out.find((r) => r.metric === 'auc_allies_rivals' && r.scope === d);
            if (g && g.pos.length > 0 && g.neg.length > 0) expect(row!.value).toBeCloseTo(bruteAuc(g.pos, g.neg), 9);
            else expect(row).toBeUndefined();
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('does not measure a series computed from the criterion family, and says so', () => {
    const table = scorePanel([indicator('un', dataOf([['RUS', 'USA', 2000, 0.1], ['FRA', 'USA', 2000, 0.9]]))], opts);
    const allies = new DyadYearTable(false);
    allies.set('FRA' as Iso3, 'USA' as Iso3, 2000, 1);
    const rivals = new DyadYearTable(false);
    rivals.set('RUS' as Iso3, 'USA' as Iso3, 2000, 1);
    const c: Criterion = { metric: 'auc_allies_rivals', positive: { name: 'allies', set: allies, years: [{ from: 2000, to: 2000 }] }, negative: { name: 'rivals', set: rivals, years: [{ from: 2000, to: 2000 }] }, excludesFamily: 'alliances' };
    const clean = series(table, [1]);
    const tainted = { ...clean, name: 'index_with_alliances', families: new Set(['alliances']) };
    const res = validityRows({ series: [clean, tainted], criteria: [c], correlates: [], weights: [1] });
    expect(res.rows.filter((r) => r.metric === 'auc_allies_rivals').map((r) => [r.series, r.scope, r.value])).toEqual([['index', 'all', 1], ['index', '2000s', 1]]);
    expect(res.notes).toEqual([expect.stringMatching(/^auc_allies_rivals: not measured on index_with_alliances, computed from the alliances family/)]);
  });

  it("measures each indicator on its own (its normalised column) so a reader sees which inputs separate the groups, with no boundary rows, and never the criterion's own family", () => {
    // un separates (allies high, rivals low); arms is reversed; the alliance indicator is the criterion's family
    const un = indicator('un', dataOf([['RUS', 'USA', 2000, 0.1], ['FRA', 'USA', 2000, 0.9], ['CHN', 'IND', 2000, 0.2], ['DEU', 'FRA', 2000, 0.8]]));
    const arms = indicator('arms', dataOf([['RUS', 'USA', 2000, 0.7], ['FRA', 'USA', 2000, 0.1], ['CHN', 'IND', 2000, 0.9], ['DEU', 'FRA', 2000, 0.3]]));
    const ally = indicator('ally', dataOf([['FRA', 'USA', 2000, 1], ['DEU', 'FRA', 2000, 1]]));
    const table = scorePanel([un, arms, ally], { ...opts, minCoverage: 0 });
    const allies = new DyadYearTable(false);
    allies.set('FRA' as Iso3, 'USA' as Iso3, 2000, 1);
    allies.set('DEU' as Iso3, 'FRA' as Iso3, 2000, 1);
    const rivals = new DyadYearTable(false);
    rivals.set('RUS' as Iso3, 'USA' as Iso3, 2000, 1);
    rivals.set('CHN' as Iso3, 'IND' as Iso3, 2000, 1);
    const c: Criterion = { metric: 'auc_allies_rivals', positive: { name: 'allies', set: allies, years: [{ from: 2000, to: 2000 }] }, negative: { name: 'rivals', set: rivals, years: [{ from: 2000, to: 2000 }] }, excludesFamily: 'alliances' };
    const each = indicatorSeriesOf(table, model([1, 1, 1]), ['un_votes', 'arms_transfers', 'alliances']);
    expect(each.map((s) => s.name)).toEqual(['un_norm', 'arms_norm', 'ally_norm']);
    const res = validityRows({ series: [series(table, [1, 1, 1], ['un_votes', 'arms_transfers', 'alliances']), ...each], criteria: [c], correlates: [], weights: [1, 1, 1] });
    const auc = (name: string) => res.rows.find((r) => r.metric === 'auc_allies_rivals' && r.series === name && r.scope === 'all')?.value;
    expect(auc('un_norm')).toBe(1);
    expect(auc('arms_norm')).toBe(0);
    expect(auc('ally_norm')).toBeUndefined();
    expect(res.notes[0]).toMatch(/not measured on index, ally_norm, computed from the alliances family/);
    expect(res.rows.some((r) => r.metric.startsWith('boundary') && r.series.endsWith('_norm'))).toBe(false);
  });
});

describe('boundary artefact', () => {
  // un every year 1990–1999 for three pairs; arms 1990–1994 only (it leaves in 1995); trade from 1997 (it enters)
  const pairs = [['RUS', 'USA'], ['CHN', 'RUS'], ['FRA', 'USA']] as const;
  const rowsOf = (from: number, to: number, f: (p: number, y: number) => number): Row[] =>
    pairs.flatMap(([a, b], p) => Array.from({ length: to - from + 1 }, (_, k) => [a, b, from + k, f(p, from + k)] as Row));
  const un = dataOf(rowsOf(1990, 1999, (p, y) => 0.2 + 0.2 * p + 0.01 * (y - 1990)));
  const arms = dataOf(rowsOf(1990, 1994, (p) => 0.9 - 0.3 * p));
  const trade = dataOf(rowsOf(1997, 1999, (p) => 0.1 + 0.4 * p));
  const weights = [2, 1, 1];
  const table = scorePanel([indicator('un', un, { weight: 2 }), indicator('arms', arms), indicator('trade', trade)], opts);

  it('finds the years an indicator enters or leaves the panel', () => {
    expect(indicatorBoundaries(table).map((b) => [b.indicator, b.year, b.kind])).toEqual([
      ['arms', 1995, 'leaves'],
      ['trade', 1997, 'enters'],
    ]);
  });

  it("is, for the level index, the median of explain's coverage term over the pairs whose indicator set changes", () => {
    const rows = boundaryRows(series(table, weights));
    for (const [scope, year] of [['arms:1995', 1995], ['trade:1997', 1997]] as const) {
      const coverage = pairs.map(([a, b]) => explainPair(table, a as Iso3, b as Iso3, model(weights)).find((y) => y.year === year)!.change!.coverage).sort((x, y) => x - y);
      expect(rows.find((r) => r.metric === 'boundary_artefact_median' && r.scope === scope)!.value).toBeCloseTo(coverage[1]!, 9);
      expect(rows.find((r) => r.metric === 'boundary_artefact_pairs' && r.scope === scope)!.value).toBe(3);
    }
    // arms was high for RUS–USA (0.9 > un): losing it lowers that pair's index
    const rusUsa = explainPair(table, 'RUS' as Iso3, 'USA' as Iso3, model(weights)).find((y) => y.year === 1995)!.change!.coverage;
    expect(rusUsa).toBeLessThan(-5);
  });

  it('is 0 for a series chained on the indicators present in both years', () => {
    const base = series(table, weights);
    // chain: each year's change is the change of the index over the indicators present in both years
    const chained = new Float64Array(table.keys.length).fill(NaN);
    for (const [a, b] of pairs) {
      const years = explainPair(table, a as Iso3, b as Iso3, model(weights));
      for (const y of years) {
        const r = [...table.keys].findIndex((k) => {
          const u = unpackKey(k);
          return u.year === y.year && ((u.a === a && u.b === b) || (u.a === b && u.b === a));
        });
        const prev = r - 1;
        chained[r] = y.change === null ? y.index : chained[prev]! + (y.change.total - y.change.coverage);
      }
    }
    const rows = boundaryRows({ ...base, name: 'index_chained', values: chained });
    const medians = rows.filter((r) => r.metric === 'boundary_artefact_median');
    expect(medians.length).toBe(2);
    for (const m of medians) expect(Math.abs(m.value)).toBeLessThan(1e-9);
    expect(yearOfKey(table.keys[0]!)).toBe(1990);
  });
});

describe('weights and alpha', () => {
  it('reports nominal and effective weights (adding up to 1) and alpha after the other metrics', () => {
    const un = dataOf(PAIRS.flatMap(([a, b], p) => YEARS.map((y) => [a, b, y, ((p * 7 + y) % 10) / 10] as Row)));
    const arms = dataOf(PAIRS.flatMap(([a, b], p) => YEARS.map((y) => [a, b, y, ((p * 3 + y) % 5) / 5] as Row)));
    const table = scorePanel([indicator('un', un, { weight: 3 }), indicator('arms', arms)], opts);
    const res = validityRows({ series: [series(table, [3, 1])], criteria: [], correlates: [], weights: [3, 1] });
    const nominal = res.rows.filter((r) => r.metric === 'nominal_weight' && !r.scope.includes(':'));
    expect(nominal.map((r) => [r.scope, r.value])).toEqual([['un', 0.75], ['arms', 0.25]]);
    const eff = res.rows.filter((r) => r.metric === 'effective_weight' && !r.scope.includes(':')).map((r) => r.value);
    expect(eff[0]! + eff[1]!).toBeCloseTo(1, 9);
    const alpha = res.rows.filter((r) => r.metric.startsWith('alpha'));
    expect(alpha.map((r) => [r.metric, r.scope, r.value])).toEqual([
      ['alpha', 'all', expect.any(Number)],
      ['alpha_n', 'all', PAIRS.length * YEARS.length],
      ['alpha', '1990s', expect.any(Number)],
      ['alpha_n', '1990s', PAIRS.length * 10],
      ['alpha', '2000s', expect.any(Number)],
      ['alpha_n', '2000s', PAIRS.length * 10],
    ]);
    expect(res.rows.at(-1)!.metric).toBe('alpha_n');
  });

  it('gives the planted effective weights per decade (scope <indicator>:<decade>), nominal weights renormalised over the indicators present', () => {
    // weights 3 : 1, normalise none. 1990s: arms = 1 − un (working against it) → un 1.5, arms −0.5;
    // 2000s: arms = un → the nominal 0.75, 0.25; 2010s: un alone (arms absent, not zero) → un 1
    const years = Array.from({ length: 23 }, (_, k) => 1990 + k);
    const x = (p: number, y: number) => ((p * 7 + y * 3) % 11) / 10;
    const un = dataOf(PAIRS.flatMap(([a, b], p) => years.map((y) => [a, b, y, x(p, y)] as Row)));
    const arms = dataOf(PAIRS.flatMap(([a, b], p) => years.filter((y) => y < 2010).map((y) => [a, b, y, y < 2000 ? 1 - x(p, y) : x(p, y)] as Row)));
    const table = scorePanel([indicator('un', un, { weight: 3 }), indicator('arms', arms)], opts);
    const res = validityRows({ series: [series(table, [3, 1])], criteria: [], correlates: [], weights: [3, 1] });
    const byScope = (metric: string) => new Map(res.rows.filter((r) => r.metric === metric && r.scope.includes(':')).map((r) => [r.scope, r.value]));
    const eff = byScope('effective_weight');
    expect([...eff.keys()]).toEqual(['un:1990s', 'arms:1990s', 'un:2000s', 'arms:2000s', 'un:2010s']);
    expect(eff.get('un:1990s')).toBeCloseTo(1.5, 9);
    expect(eff.get('arms:1990s')).toBeCloseTo(-0.5, 9);
    expect(eff.get('un:2000s')).toBeCloseTo(0.75, 9);
    expect(eff.get('arms:2000s')).toBeCloseTo(0.25, 9);
    expect(eff.get('un:2010s')).toBeCloseTo(1, 9);
    expect([...byScope('nominal_weight')]).toEqual([['un:1990s', 0.75], ['arms:1990s', 0.25], ['un:2000s', 0.75], ['arms:2000s', 0.25], ['un:2010s', 1]]);
    // the overall rows keep the indicator id as scope, and come before the decades
    const metricScopes = res.rows.filter((r) => r.metric === 'effective_weight').map((r) => r.scope);
    expect(metricScopes.slice(0, 2)).toEqual(['un', 'arms']);
    // the decade that strays most, for summary.md: ½(|1.5 − 0.75| + |−0.5 − 0.25|) = 0.75 in the 1990s
    const stray = mostStrayingDecade(res.rows.filter((r) => r.scope.includes(':') && r.metric.endsWith('_weight')))!;
    expect(stray.decade).toBe('1990s');
    expect(stray.gap).toBeCloseTo(0.75, 9);
    // with two indicators both stray equally (the shares and the nominal weights each add up to 1)
    expect(Math.abs(stray.worst.effective - stray.worst.nominal)).toBeCloseTo(0.75, 9);
  });

  it('has per-decade effective weights adding up to 1 in every decade (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: PAIRS.length * YEARS.length * 2, maxLength: PAIRS.length * YEARS.length * 2 }), fc.integer({ min: 1, max: 5 }), (cells, w) => {
        const n = PAIRS.length * YEARS.length;
        const un = dataOf(PAIRS.flatMap(([a, b], p) => YEARS.map((y, k) => [a, b, y, cells[p * YEARS.length + k]! / 10] as Row)));
        // arms missing in every third cell: contributions are 0 there, the weights renormalised
        const arms = dataOf(PAIRS.flatMap(([a, b], p) => YEARS.flatMap((y, k) => ((p + k) % 3 === 0 ? [] : [[a, b, y, cells[n + p * YEARS.length + k]! / 10] as Row]))));
        const table = scorePanel([indicator('un', un, { weight: w }), indicator('arms', arms)], opts);
        const rows = validityRows({ series: [series(table, [w, 1])], criteria: [], correlates: [], weights: [w, 1] }).rows;
        for (const d of ['1990s', '2000s']) {
          const e = rows.filter((r) => r.metric === 'effective_weight' && r.scope.endsWith(`:${d}`)).map((r) => r.value);
          if (e.some((v) => v !== v)) continue; // a constant index in the decade
          expect(e.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        }
      }),
      { numRuns: 40 },
    );
  });
});
