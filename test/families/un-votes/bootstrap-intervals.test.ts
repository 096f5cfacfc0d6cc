import { describe, expect, it } from 'vitest';
import { bootstrapIntervals } from '../../../src/families/un-votes/bootstrap-intervals.js';
import { ComponentsCursor, computePairComponents, STRIDE, sumsFromTable, type PairYearComponents } from '../../../src/families/un-votes/pair-components.js';
import { UN_MEASURES } from '../../../src/families/un-votes/measures.js';
import type { YearMatrix } from '../../../src/families/un-votes/vote-matrix.js';
import { quantileSorted } from '../../../src/core/quantile.js';
import { createRandom, streamSeed } from '../../../src/core/random.js';

/** The bootstrap written plainly: per pair and draw a 4×4 table of the drawn calls, then a sort. */
function plainBootstrap(years: readonly YearMatrix[], pc: PairYearComponents, measure: keyof typeof UN_MEASURES, draws: number, level: number, seed: number) {
  const lo = new Float64Array(pc.size).fill(NaN);
  const hi = new Float64Array(pc.size).fill(NaN);
  const picks = new Map(years.map((m) => {
    const r = createRandom(streamSeed(seed, m.year));
    const n = m.calls.length;
    return [m.year, Array.from({ length: draws }, () => Array.from({ length: n }, () => Math.floor(r() * n)))] as const;
  }));
  const one: PairYearComponents = { size: 1, a: new Uint16Array(1), b: new Uint16Array(1), year: new Uint16Array(1), sums: new Int32Array(STRIDE) };
  const cursor = new ComponentsCursor(one);
  for (let p = 0; p < pc.size; p++) {
    const m = years.find((y) => y.year === pc.year[p])!;
    const nc = m.calls.length;
    const values: number[] = [];
    for (const drawn of picks.get(m.year)!) {
      const t = new Float64Array(16);
      for (const c of drawn) t[m.codes[pc.a[p]! * nc + c]! * 4 + m.codes[pc.b[p]! * nc + c]!]!++;
      sumsFromTable(t, one.sums, 0);
      if (one.sums[0] === 0) continue;
      const v = UN_MEASURES[measure].compute(cursor.at(0));
      if (v !== null) values.push(v);
    }
    if (values.length === 0) continue;
    const sorted = Float64Array.from(values).sort();
    lo[p] = quantileSorted(sorted, sorted.length, (1 - level) / 2);
    hi[p] = quantileSorted(sorted, sorted.length, (1 + level) / 2);
  }
  return { lo, hi };
}

describe('bootstrapIntervals', () => {
  it('gives the same bounds, to the bit, as drawing each resample and sorting (odd and even draws, mostly-yes and mostly-absent pairs)', () => {
    const r = createRandom(5);
    const years: YearMatrix[] = [1990, 1991, 1992].map((year, y) => {
      const states = 7;
      const n = 20 + 13 * y;
      const codes = new Uint8Array(states * n);
      for (let s = 0; s < states; s++) {
        for (let c = 0; c < n; c++) {
          const u = r();
          // state 0 mostly yes, state 1 mostly absent, the others mixed
          codes[s * n + c] = s === 0 ? (u < 0.9 ? 1 : 3) : s === 1 ? (u < 0.7 ? 0 : 2) : Math.floor(u * 4);
        }
      }
      return { year, calls: Int32Array.from({ length: n }, (_, i) => i), states, codes };
    });
    const pc = computePairComponents(years, null);
    const present = new Uint8Array(pc.size).fill(1);
    for (const measure of ['agree', 'identical', 's_abs', 's_sq', 'kappa', 'pi'] as const) {
      for (const draws of [51, 200]) {
        const got = bootstrapIntervals(years, pc, present, UN_MEASURES[measure], { draws, level: 0.9 }, 11);
        const want = plainBootstrap(years, pc, measure, draws, 0.9, 11);
        expect(Array.from(got.lo)).toEqual(Array.from(want.lo));
        expect(Array.from(got.hi)).toEqual(Array.from(want.hi));
      }
    }
  });
});

describe('bootstrapIntervals with voting blocs', () => {
  it('gives pairs of states that voted alike the bounds of the first such pair, and the plain bounds everywhere (present pair-years only)', () => {
    const r = createRandom(9);
    const states = 8;
    const years: YearMatrix[] = [2001, 2002].map((year) => {
      const n = 30;
      const codes = new Uint8Array(states * n);
      for (let c = 0; c < n; c++) {
        for (let s = 0; s < states; s++) codes[s * n + c] = Math.floor(r() * 4);
        // states 1 and 2 copy state 0 (a bloc); state 5 copies state 4
        codes[n + c] = codes[c]!;
        codes[2 * n + c] = codes[c]!;
        codes[5 * n + c] = codes[4 * n + c]!;
      }
      return { year, calls: Int32Array.from({ length: n }, (_, i) => i), states, codes };
    });
    const pc = computePairComponents(years, null);
    const present = Uint8Array.from({ length: pc.size }, (_, p) => (p % 5 === 3 ? 0 : 1));
    const got = bootstrapIntervals(years, pc, present, UN_MEASURES.agree, { draws: 120, level: 0.8 }, 3);
    const want = plainBootstrap(years, pc, 'agree', 120, 0.8, 3);
    for (let p = 0; p < pc.size; p++) {
      expect(got.lo[p], `pair-year ${p}`).toBe(present[p] ? want.lo[p] : NaN);
      expect(got.hi[p], `pair-year ${p}`).toBe(present[p] ? want.hi[p] : NaN);
    }
    // pairs whose states voted alike share their bounds (states 1, 2 vote as 0; 5 as 4)
    const bloc = [0, 0, 0, 3, 4, 4, 6, 7];
    const key = (p: number) => `${pc.year[p]} ${Math.min(bloc[pc.a[p]!]!, bloc[pc.b[p]!]!)} ${Math.max(bloc[pc.a[p]!]!, bloc[pc.b[p]!]!)} ${bloc[pc.a[p]!]! <= bloc[pc.b[p]!]!}`;
    const first = new Map<string, number>();
    let shared = 0;
    for (let p = 0; p < pc.size; p++) {
      if (!present[p] || bloc[pc.a[p]!] === bloc[pc.b[p]!]) continue;
      const q = first.get(key(p));
      if (q === undefined) first.set(key(p), p);
      else {
        shared++;
        expect([got.lo[p], got.hi[p]]).toEqual([got.lo[q], got.hi[q]]);
      }
    }
    expect(shared).toBeGreaterThan(10);
  });
});

describe('bootstrap helpers', () => {
  it('draws the same uniform numbers for a seed and stream, and different ones otherwise', () => {
    const a = createRandom(streamSeed(42, 1990));
    const b = createRandom(streamSeed(42, 1990));
    const c = createRandom(streamSeed(42, 1991));
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});
