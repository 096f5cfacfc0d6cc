import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computePairComponents, STRIDE, sumsFromTable } from '../../../src/families/un-votes/pair-components.js';
import type { YearMatrix } from '../../../src/families/un-votes/vote-matrix.js';

/** Reference sums of one pair by a contingency table (the other code path). */
function referenceSums(m: YearMatrix, a: number, b: number): number[] {
  const nc = m.calls.length;
  const t = new Float64Array(16);
  for (let c = 0; c < nc; c++) t[m.codes[a * nc + c]! * 4 + m.codes[b * nc + c]!]!++;
  const out: number[] = [];
  sumsFromTable(t, out, 0);
  return out;
}

const matrix = fc
  .record({ states: fc.integer({ min: 2, max: 7 }), calls: fc.integer({ min: 1, max: 100 }) })
  .chain(({ states, calls }) =>
    fc.array(fc.integer({ min: 0, max: 3 }), { minLength: states * calls, maxLength: states * calls }).map(
      (codes): YearMatrix => ({ year: 1990, calls: Int32Array.from({ length: calls }, (_, i) => i), states, codes: Uint8Array.from(codes) }),
    ),
  );

describe('computePairComponents', () => {
  it('turns a contingency table into K, Σx, Σy, Σx², Σy², SSD, SAD and identical count', () => {
    const t = new Float64Array(16);
    t[1 * 4 + 1] = 1; // yes–yes
    t[2 * 4 + 3] = 1; // abstain–no
    t[0 * 4 + 3] = 5; // a did not vote: not joint
    const out: number[] = [];
    sumsFromTable(t, out, 0);
    expect(out).toEqual([2, 3, 4, 5, 10, 1, 1, 1]);
  });

  it('counts with bitsets exactly what a contingency table counts, for every pair (several 32-vote words)', () => {
    fc.assert(
      fc.property(matrix, (m) => {
        const pc = computePairComponents([m], null);
        let p = 0;
        for (let a = 0; a < m.states; a++) {
          for (let b = a + 1; b < m.states; b++) {
            const ref = referenceSums(m, a, b);
            if (ref[0] === 0) continue; // no joint vote: not kept
            if (pc.a[p] !== a || pc.b[p] !== b) return false;
            const got = [...pc.sums.subarray(p * STRIDE, (p + 1) * STRIDE)];
            if (got.join() !== ref.join()) return false;
            p++;
          }
        }
        return p === pc.size;
      }),
      { numRuns: 200 },
    );
  });

  it('keeps only pairs whose both states pass the filter, in (a, b, year) order, with progress per state', () => {
    const m: YearMatrix = { year: 2000, calls: Int32Array.of(0, 1), states: 3, codes: Uint8Array.of(1, 3, 1, 1, 2, 3) };
    const seen: number[] = [];
    const pc = computePairComponents([m, { ...m, year: 2001 }], Uint8Array.of(1, 0, 1), (done) => seen.push(done));
    expect(pc.size).toBe(2);
    expect([...pc.a]).toEqual([0, 0]);
    expect([...pc.b]).toEqual([2, 2]);
    expect([...pc.year]).toEqual([2000, 2001]);
    expect(seen).toEqual([1, 2, 3]);
  });
});
