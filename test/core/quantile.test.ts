import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantileSorted, quantilesByProxy, quantilesOf, quantilesOfIntegers, QuantileWorkspace } from '../../src/core/quantile.js';
import { createRandom } from '../../src/core/random.js';

const P = [0.05, 0.5, 0.95];

describe('quantiles', () => {
  it('follows R type 7 on a hand example', () => {
    // sorted 1..5: h = 4p; Q(0.05) = 1 + 0.2·1 = 1.2, Q(0.5) = 3, Q(0.95) = 4 + 0.8·1 = 4.8
    const out = quantilesOf(Float64Array.of(5, 1, 4, 2, 3), 5, P, new Float64Array(3), new QuantileWorkspace(5));
    expect([...out].map((x) => +x.toFixed(12))).toEqual([1.2, 3, 4.8]);
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4), 4, 0.5)).toBe(2.5);
  });

  it('gives exactly the sorted answer on uniform, tied, clustered and skewed samples', () => {
    const rnd = createRandom(3);
    const ws = new QuantileWorkspace(2000);
    const out = new Float64Array(3);
    const gens = [() => rnd(), () => Math.floor(rnd() * 5), () => (rnd() < 0.5 ? 10 + rnd() * 1e-9 : 90 + rnd()), () => Math.exp(rnd() * 30), () => (rnd() < 0.9 ? 0 : rnd())];
    for (let t = 0; t < 500; t++) {
      const n = 1 + Math.floor(rnd() * 2000);
      const v = Float64Array.from({ length: n }, gens[t % gens.length]!);
      const copy = Float64Array.from(v);
      quantilesOf(v, n, P, out, ws);
      expect(v).toEqual(copy);
      const s = Float64Array.from(v).sort();
      expect([...out]).toEqual(P.map((p) => quantileSorted(s, n, p)));
    }
  });

  it('counts whole numbers the same way', () => {
    const rnd = createRandom(4);
    const ws = new QuantileWorkspace(1000);
    const out = new Float64Array(3);
    for (let t = 0; t < 200; t++) {
      const n = 1 + Math.floor(rnd() * 1000);
      const v = Float64Array.from({ length: n }, () => 1 + Math.floor(rnd() * (t % 2 ? 20 : 100_000)));
      quantilesOfIntegers(v, n, P, out, ws);
      const s = Float64Array.from(v).sort();
      expect([...out]).toEqual(P.map((p) => quantileSorted(s, n, p)));
    }
  });

  it('is NaN for an empty sample and the value for a constant one', () => {
    const ws = new QuantileWorkspace(4);
    expect([...quantilesOf(new Float64Array(4), 0, P, new Float64Array(3), ws)]).toEqual([NaN, NaN, NaN]);
    expect([...quantilesOf(Float64Array.of(7, 7, 7), 3, P, new Float64Array(3), ws)]).toEqual([7, 7, 7]);
  });
});

describe('quantilesByProxy', () => {
  it('gives the quantiles of the exact values from their float32 roundings, ties and all', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -100, max: 100, noNaN: true }), fc.constantFrom(1, 1 + 2 ** -40, 1 + 2 ** -41, 50, 50 + 1e-12)), { minLength: 1, maxLength: 300 }),
        (xs) => {
          const exact = Float64Array.from(xs);
          const approx = Float64Array.from(xs, Math.fround);
          const probs = [0.05, 0.5, 0.95];
          const want = quantilesOf(exact, exact.length, probs, new Float64Array(3), new QuantileWorkspace(exact.length));
          const calls: number[] = [];
          const got = quantilesByProxy(approx, approx.length, probs, new Float64Array(3), new QuantileWorkspace(approx.length), (i) => (calls.push(i), exact[i]!));
          expect([...got]).toEqual([...want]);
          // only the values tied with a selected proxy are evaluated exactly: one per order statistic when none tie
          if (new Set(approx).size === approx.length) expect(calls.length).toBeLessThanOrEqual(6);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the same answer on large, clustered and tied samples through one reused workspace', () => {
    const rnd = createRandom(11);
    const ws = new QuantileWorkspace(3000);
    const out = new Float64Array(3);
    // float32 ties of distinct doubles (x + tiny offsets), exact repeats, wide and narrow spreads
    const gens = [() => 40 + rnd() * 20, () => Math.floor(rnd() * 7) + rnd() * 1e-10, () => (rnd() < 0.7 ? 50 : 50 + rnd() * 1e-6), () => Math.exp(rnd() * 20)];
    for (let t = 0; t < 300; t++) {
      const n = 1 + Math.floor(rnd() * 3000);
      const exact = Float64Array.from({ length: n }, gens[t % gens.length]!);
      const approx = Float64Array.from(exact, Math.fround);
      let calls = 0;
      quantilesByProxy(approx, n, P, out, ws, (i) => (calls++, exact[i]!));
      const s = Float64Array.from(exact).sort();
      expect([...out]).toEqual(P.map((p) => quantileSorted(s, n, p)));
      expect(calls).toBeLessThanOrEqual(n);
    }
  });
});
