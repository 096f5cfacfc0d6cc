import { describe, expect, it } from 'vitest';
import { detectBreaks, noiseScale, pairBreaks } from '../../src/analysis/change-points.js';
import { createRandom } from '../../src/core/random.js';
import { scorePanel, type ScoreOptions } from '../../src/core/score.js';
import { dataOf, indicator, type Row } from '../helpers/indicator-data.js';
import { STATE_SYSTEM } from '../helpers/state-system.js';

const opts: ScoreOptions = { scale: [0, 100], aggregation: 'arithmetic', formula: null, minCoverage: 0.5, geometricFloor: 0.01, years: null, states: null, pairs: null, stateSystem: STATE_SYSTEM };
const o = { penalty: 2, minSegment: 3 };

/** Gaussian noise by Box–Muller from the seeded generator. */
function noise(seed: number, n: number, sd: number): Float64Array {
  const r = createRandom(seed);
  return Float64Array.from({ length: n }, () => sd * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()));
}

describe('change points', () => {
  it('estimates the noise from first differences (Rice)', () => {
    // differences ±1: Σd² = 4 over 2(n − 1) = 8
    expect(noiseScale(Float64Array.of(0, 1, 0, 1, 0))).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(noiseScale(Float64Array.of(3))).toBe(0);
  });

  it('finds one clean step with its means', () => {
    expect(detectBreaks(Float64Array.of(1, 1, 1, 1, 5, 5, 5, 5), o)).toEqual([{ at: 4, meanBefore: 1, meanAfter: 5, size: 4 }]);
  });

  it('finds a planted break in a noisy series and nothing in pure noise', () => {
    const e = noise(1, 31, 3);
    const y = e.map((x, t) => x + (t < 16 ? 35 : 80));
    const br = detectBreaks(y, o);
    expect(br.map((b) => b.at)).toEqual([16]);
    expect(br[0]!.size).toBeGreaterThan(35);
    expect(br[0]!.size).toBeLessThan(55);
    expect(detectBreaks(noise(2, 31, 3).map((x) => x + 50), o)).toEqual([]);
  });

  it('finds two planted breaks', () => {
    const e = noise(5, 45, 2);
    const y = e.map((x, t) => x + (t < 15 ? 20 : t < 30 ? 60 : 30));
    expect(detectBreaks(y, o).map((b) => b.at)).toEqual([15, 30]);
  });

  it('respects the minimum segment length and a stricter penalty', () => {
    // the true step is after 2 points, but segments need 3: the break moves to 3 (means 3 and 9)
    expect(detectBreaks(Float64Array.of(0, 0, 9, 9, 9, 9), { penalty: 2, minSegment: 3 })).toEqual([{ at: 3, meanBefore: 3, meanAfter: 9, size: 6 }]);
    expect(detectBreaks(Float64Array.of(0, 0, 9, 9, 9), { penalty: 2, minSegment: 3 })).toEqual([]);
    const y = noise(9, 31, 3).map((x, t) => x + (t < 16 ? 50 : 56));
    expect(detectBreaks(y, { penalty: 2, minSegment: 3 }).length).toBeGreaterThanOrEqual(detectBreaks(y, { penalty: 20, minSegment: 3 }).length);
    expect(detectBreaks(y, { penalty: 20, minSegment: 3 })).toEqual([]);
  });

  it('is deterministic and reports breaks per pair by year, skipping years without an index', () => {
    const rows: Row[] = [];
    const e = noise(3, 31, 0.02);
    for (let t = 0; t < 31; t++) {
      if (t === 5) continue; // a missing year
      rows.push(['RUS', 'IRN', 1990 + t, (t < 16 ? 0.35 : 0.8) + e[t]!]);
      rows.push(['USA', 'GBR', 1990 + t, 0.75 + e[30 - t]!]);
    }
    const t = scorePanel([indicator('un', dataOf(rows))], opts);
    const br = pairBreaks(t, o);
    expect(br.map((b) => [b.a, b.b, b.year])).toEqual([['IRN', 'RUS', 2006]]);
    expect(br[0]!.meanBefore).toBeCloseTo(35, 0);
    expect(br[0]!.meanAfter).toBeCloseTo(80, 0);
    expect(pairBreaks(t, o)).toEqual(br);
  });
});
