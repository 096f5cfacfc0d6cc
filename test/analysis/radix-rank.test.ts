import { describe, expect, it } from 'vitest';
import { radixRanks, RankWorkspace } from '../../src/analysis/radix-rank.js';
import { competitionRanks } from '../../src/analysis/rank.js';
import { createRandom } from '../../src/core/random.js';

describe('radixRanks', () => {
  it('gives competition ranks, highest first, NaN unranked', () => {
    expect([...radixRanks(Float64Array.of(5, 9, 5, NaN, -1), 5, new Uint32Array(5), new RankWorkspace())]).toEqual([2, 1, 2, 0, 4]);
  });

  it('agrees with the sorting reference on many kinds of samples (ties, skew, negatives, ±0)', () => {
    const rnd = createRandom(11);
    const ws = new RankWorkspace();
    const gens = [
      () => rnd() * 100,
      () => Math.floor(rnd() * 7),
      () => Math.exp(rnd() * 40),
      () => (rnd() < 0.1 ? NaN : rnd() < 0.8 ? 0 : rnd() * 1e-6),
      () => (rnd() - 0.5) * 1e3,
      () => (rnd() < 0.5 ? -0 : 0),
      () => 50 + rnd() * 1e-9,
    ];
    for (let t = 0; t < 400; t++) {
      const n = 1 + Math.floor(rnd() * 3000);
      const v = Float64Array.from({ length: n }, gens[t % gens.length]!);
      const fast = radixRanks(v, n, new Uint32Array(n), ws);
      const ref = competitionRanks(v, Uint32Array.from({ length: n }, (_, i) => i), new Float64Array(n));
      expect([...fast]).toEqual([...ref]);
    }
  });
});
