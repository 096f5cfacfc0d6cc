import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { DyadYearTable } from '../../../src/domain/dyad-year-table.js';
import {
  computePortfolio,
  contingencyOf,
  DISTANCE_METRICS,
  portfolioSimilarity,
  TIE_CODINGS,
  type DistanceMetric,
  type TieCoding,
} from '../../../src/families/alliances/compute-portfolio.js';
import type { PortfolioMeasureName } from '../../../src/families/alliances/measures.js';
import { plainMeasure, plainPortfolio, type PlainTies } from './plain-reference.js';

const I = (c: string) => c as Iso3;
const MEASURES: readonly PortfolioMeasureName[] = ['portfolio_s', 'portfolio_kappa', 'portfolio_pi', 'portfolio_taub'];

// Signorino & Ritter (1999), Table 6: the alliance portfolios of Germany (gmy) and Russia (rus)
// over the 20 European states of 1914, each state tied to itself at 3 (as in svmiller/fpsim's
// `gmyrus14`). Order: GMY RUS UKG FRN AUH ITA BEL SPN TUR NTH SWD RUM POR SWZ GRC DEN YUG BUL NOR ALB.
const GMY = [3, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0];
const RUS = [0, 3, 1, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

describe('portfolio similarity of one pair', () => {
  it("reproduces Signorino & Ritter's Table 6 (Germany–Russia 1914): S = 0.4, tau-b = 0.0303", () => {
    const t = contingencyOf(GMY, RUS, 3);
    expect(portfolioSimilarity('portfolio_s', t, 3, 'absolute')).toBeCloseTo(0.4, 15);
    // Kendall's tau-b as R's cor(method = 'kendall') gives it (fpsim's taub example)
    expect(portfolioSimilarity('portfolio_taub', t, 3, 'absolute')).toBeCloseTo(0.03031695, 8);
  });

  it("gives Cohen's kappa with squared distances as fpsim's cohenk (quadratic weights): -0.07758621", () => {
    const t = contingencyOf(GMY, RUS, 3);
    expect(portfolioSimilarity('portfolio_kappa', t, 3, 'squared')).toBeCloseTo(-0.07758621, 8);
    // by hand: Σd² = 50, Σx² + Σy² − (2/20)·Σx·Σy = 36 + 20 − 9.6 = 46.4
    expect(portfolioSimilarity('portfolio_kappa', t, 3, 'squared')).toBeCloseTo(1 - 50 / 46.4, 15);
    // pi pools the margins: 56 − (12 + 8)²/40 = 46
    expect(portfolioSimilarity('portfolio_pi', t, 3, 'squared')).toBeCloseTo(1 - 50 / 46, 15);
    expect(portfolioSimilarity('portfolio_s', t, 3, 'squared')).toBeCloseTo(1 - (2 * 50) / (20 * 9), 15);
  });

  it('is 1 for identical portfolios and empty when the measure is undefined (never 0)', () => {
    const x = [3, 0, 2, 1];
    for (const m of MEASURES) expect(portfolioSimilarity(m, contingencyOf(x, x, 3), 3, 'squared')).toBeCloseTo(1, 15);
    const constant = [3, 3, 3];
    expect(portfolioSimilarity('portfolio_taub', contingencyOf(constant, [3, 0, 1], 3), 3, 'squared')).toBeNull();
    expect(portfolioSimilarity('portfolio_kappa', contingencyOf(constant, constant, 3), 3, 'absolute')).toBeNull();
    expect(portfolioSimilarity('portfolio_pi', contingencyOf(constant, constant, 3), 3, 'squared')).toBeNull();
    expect(portfolioSimilarity('portfolio_s', contingencyOf(constant, constant, 3), 3, 'squared')).toBe(1);
  });
});

/** A random year: members, and ties among them (and with outsiders) at levels 0–3. */
const yearArb = fc
  .record({
    n: fc.integer({ min: 2, max: 14 }),
    density: fc.double({ min: 0, max: 1, noNaN: true }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
  })
  .map(({ n, density, seed }) => {
    let s = seed;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const members = Array.from({ length: n }, (_, i) => `A${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`);
    const ties: [string, string, number][] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rand() < density) ties.push([members[i]!, members[j]!, Math.floor(rand() * 4)]);
    if (rand() < 0.5) ties.push([members[0]!, 'ZZZ', 3]); // a tie with a non-member
    return { members, ties };
  });

describe('computePortfolio', () => {
  it('equals the plain reference on every member pair, for every measure, coding and distance (property)', () => {
    fc.assert(
      fc.property(yearArb, fc.constantFrom(...TIE_CODINGS), fc.constantFrom(...DISTANCE_METRICS), ({ members, ties }, coding: TieCoding, distance: DistanceMetric) => {
        const year = 1914;
        const level = new DyadYearTable(false);
        const plain: PlainTies = new Map();
        for (const [a, b, v] of ties) {
          level.set(I(a), I(b), year, v);
          plain.set(`${a} ${b} ${year}`, v);
          plain.set(`${b} ${a} ${year}`, v);
        }
        const top = coding === 'valued' ? 3 : 1;
        for (const measure of MEASURES) {
          const r = computePortfolio(level, [year], () => members as Iso3[], { measure, ties: coding, distance });
          let undefinedCount = 0;
          for (let i = 0; i < members.length; i++) {
            for (let j = i + 1; j < members.length; j++) {
              const x = plainPortfolio(plain, members[i]!, members, year, top);
              const y = plainPortfolio(plain, members[j]!, members, year, top);
              const want = plainMeasure(measure, x, y, top, distance === 'squared');
              const got = r.values.get(I(members[i]!), I(members[j]!), year);
              if (want === null) {
                undefinedCount++;
                expect(got).toBeNull();
              } else expect(Math.abs(got! - want)).toBeLessThan(1e-12);
            }
          }
          expect(r.undefinedPairs).toBe(undefinedCount);
          expect(r.nonMemberTies).toBe(ties.filter(([, b]) => b === 'ZZZ').length);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('computes only the years asked, over the members of each year, and leaves non-members empty', () => {
    const level = new DyadYearTable(false);
    level.set(I('FRA'), I('RUS'), 1914, 3);
    level.set(I('FRA'), I('RUS'), 1915, 3);
    const members = (y: number) => (y === 1914 ? ['DEU', 'FRA', 'RUS'] : ['FRA', 'RUS']) as Iso3[];
    const r = computePortfolio(level, [1914, 1915, 1916], members, { measure: 'portfolio_s', ties: 'valued', distance: 'absolute' });
    expect(r.values.get(I('FRA'), I('RUS'), 1914)).toBe(1);
    // DEU row (3, 0, 0) vs FRA row (0, 3, 3): Σ|d| = 9 → 1 − 18/9 = −1
    expect(r.values.get(I('DEU'), I('FRA'), 1914)).toBe(-1);
    expect(r.values.has(I('DEU'), I('FRA'), 1915)).toBe(false);
    expect(r.values.get(I('FRA'), I('RUS'), 1915)).toBe(1);
    expect(r.values.has(I('FRA'), I('RUS'), 1916)).toBe(true); // members exist, no ties listed
    expect(r.values.has(I('FRA'), I('RUS'), 1917)).toBe(false); // year not asked
    expect(r.values.size).toBe(5);
  });
});
