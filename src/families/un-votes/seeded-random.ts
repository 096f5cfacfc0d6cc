/**
 * A small deterministic pseudo-random generator (mulberry32) for the bootstrap, so that the
 * same seed always gives the same intervals on every machine.
 */

/**
 * Returns a generator of uniform numbers in [0, 1) from a 32-bit seed, mixed with an
 * optional stream number (e.g. the year) so that streams do not depend on each other.
 * @example
 * const r = seededRandom(20240601, 1990);
 * r() // 0.37… (always the same)
 */
export function seededRandom(seed: number, stream = 0): () => number {
  let s = mix(mix(seed >>> 0) ^ Math.imul(stream >>> 0, 0x9e3779b1)) >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit integer hash (murmur3 finaliser). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
