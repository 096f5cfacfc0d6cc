import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aucMannWhitney } from '../../src/analysis/auc.js';

/** The AUC by its definition: every positive against every negative, ties ½. */
function bruteAuc(pos: readonly number[], neg: readonly number[]): number {
  let s = 0;
  for (const x of pos) for (const y of neg) s += x > y ? 1 : x === y ? 0.5 : 0;
  return s / (pos.length * neg.length);
}

const values = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 40 });

describe('aucMannWhitney', () => {
  it('equals the pairwise definition P(x > y) + ½·P(x = y), ties included (property)', () => {
    fc.assert(
      fc.property(values, values, (pos, neg) => {
        expect(aucMannWhitney(pos, neg).auc).toBeCloseTo(bruteAuc(pos, neg), 12);
      }),
    );
  });

  it('gives the planted AUC: k of the n·m pairs ordered, the rest reversed (property)', () => {
    // positives 0..n−1 shifted by a planted offset against negatives: count the ordered pairs exactly
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: -35, max: 35 }), (n, m, shift) => {
        const pos = Array.from({ length: n }, (_, i) => 2 * i + 2 * shift + 1); // odd: never tied with the even negatives
        const neg = Array.from({ length: m }, (_, j) => 2 * j);
        let ordered = 0;
        for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if (i + shift >= j) ordered++;
        expect(aucMannWhitney(pos, neg).auc).toBeCloseTo(ordered / (n * m), 12);
      }),
    );
  });

  it('is symmetric (AUC(+, −) = 1 − AUC(−, +)) and unchanged by an increasing transform (property)', () => {
    fc.assert(
      fc.property(values, values, (pos, neg) => {
        const a = aucMannWhitney(pos, neg).auc;
        expect(aucMannWhitney(neg, pos).auc).toBeCloseTo(1 - a, 12);
        expect(aucMannWhitney(pos.map((x) => Math.exp(x) * 3 + 1), neg.map((x) => Math.exp(x) * 3 + 1)).auc).toBeCloseTo(a, 12);
      }),
    );
  });

  it('is 1 for perfect separation, 0.5 for identical groups, NaN for an empty group; leaves NaN out', () => {
    expect(aucMannWhitney([3, 4], [1, 2]).auc).toBe(1);
    expect(aucMannWhitney([1, 2], [1, 2]).auc).toBe(0.5);
    expect(aucMannWhitney([3, 2], [1, 2]).auc).toBe(0.875);
    expect(aucMannWhitney([], [1]).auc).toBeNaN();
    expect(aucMannWhitney([NaN, 3], [1, NaN])).toEqual({ auc: 1, nPositive: 1, nNegative: 1 });
  });
});
