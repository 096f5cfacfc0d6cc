import { describe, expect, it } from 'vitest';
import { createRandom, splitmix32, xoshiro128ss } from '../../src/core/random.js';

/** Reference xoshiro128** written with BigInt, straight from Blackman & Vigna's C code. */
function referenceXoshiro(s: bigint[]): () => bigint {
  const M = 0xffffffffn;
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & M;
  return () => {
    const result = (rotl((s[1]! * 5n) & M, 7n) * 9n) & M;
    const t = (s[1]! << 9n) & M;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11n);
    return result;
  };
}

describe('random', () => {
  it('xoshiro128** gives the reference outputs for state (1, 2, 3, 4)', () => {
    const ours = xoshiro128ss(1, 2, 3, 4);
    const ref = referenceXoshiro([1n, 2n, 3n, 4n]);
    expect(ours() * 2 ** 32).toBe(11520); // rotl(2·5, 7)·9 by hand
    ref();
    for (let i = 0; i < 1000; i++) expect(ours() * 2 ** 32).toBe(Number(ref()));
  });

  it('xoshiro128** matches the reference from a large state too', () => {
    const st = [0x9e3779b9, 0xdeadbeef, 0x01234567, 0xfedcba98];
    const ours = xoshiro128ss(st[0]!, st[1]!, st[2]!, st[3]!);
    const ref = referenceXoshiro(st.map(BigInt));
    for (let i = 0; i < 1000; i++) expect(ours() * 2 ** 32).toBe(Number(ref()));
  });

  it('splitmix32 scrambles the seed deterministically', () => {
    expect(splitmix32(0)).toEqual(splitmix32(0));
    expect(splitmix32(0).value).not.toBe(splitmix32(1).value);
  });

  it('the same seed gives the same stream, another seed another one', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const xa = Array.from({ length: 10 }, a);
    expect(Array.from({ length: 10 }, b)).toEqual(xa);
    expect(Array.from({ length: 10 }, c)).not.toEqual(xa);
  });

  it('draws lie in [0, 1) with mean near 1/2', () => {
    const r = createRandom(7);
    let s = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = r();
      expect(u >= 0 && u < 1).toBe(true);
      s += u;
    }
    expect(s / 100_000).toBeCloseTo(0.5, 2);
  });
});
