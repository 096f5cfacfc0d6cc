/**
 * A small seeded pseudo-random generator for the stochastic steps of the toolkit
 * (sensitivity analysis): xoshiro128** (Blackman & Vigna 2018), seeded through splitmix32 so
 * that nearby seeds give unrelated streams. Deterministic across platforms (32-bit integer
 * arithmetic only), period 2^128 − 1.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * splitmix32: one step of the seed scrambler, returns the next state and a 32-bit output.
 * @example splitmix32(0).value // 2462723854
 */
export function splitmix32(state: number): { state: number; value: number } {
  const s = (state + 0x9e3779b9) >>> 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  z = (z ^ (z >>> 16)) >>> 0;
  return { state: s, value: z };
}

/**
 * Creates a seeded generator of uniform numbers u ∈ [0, 1) (xoshiro128**, 32 bits of
 * resolution: u = k / 2^32). Same seed, same sequence.
 * @example const rnd = createRandom(42); rnd() // the same number on every machine
 */
export function createRandom(seed: number): Random {
  let st = seed >>> 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const r = splitmix32(st);
    st = r.state;
    words.push(r.value);
  }
  if ((words[0]! | words[1]! | words[2]! | words[3]!) === 0) words[0] = 1; // the all-zero state is forbidden
  return xoshiro128ss(words[0]!, words[1]!, words[2]!, words[3]!);
}

/**
 * The seed of one of several independent streams drawn from one seed (e.g. one stream per
 * year, so a year's draws do not depend on the other years): the seed mixed with the stream
 * number by splitmix32. Feed it to {@link createRandom}.
 * @example createRandom(streamSeed(42, 1990))() === createRandom(streamSeed(42, 1990))() // true
 */
export function streamSeed(seed: number, stream: number): number {
  return splitmix32(((seed >>> 0) ^ Math.imul(stream >>> 0, 0x9e3779b1)) >>> 0).value;
}

/**
 * xoshiro128** from an explicit 128-bit state (four 32-bit words, not all zero); each call
 * returns the next 32-bit output divided by 2^32.
 * @example xoshiro128ss(1, 2, 3, 4)() * 2 ** 32 // 11520
 */
export function xoshiro128ss(s0: number, s1: number, s2: number, s3: number): Random {
  let a = s0 >>> 0;
  let b = s1 >>> 0;
  let c = s2 >>> 0;
  let d = s3 >>> 0;
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c = (c ^ a) >>> 0;
    d = (d ^ b) >>> 0;
    b = (b ^ c) >>> 0;
    a = (a ^ d) >>> 0;
    c = (c ^ t) >>> 0;
    d = rotl(d, 11);
    return result / 4294967296;
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
