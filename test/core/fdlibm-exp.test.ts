import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fdlibmExp, fdlibmExpRange } from '../../src/core/fdlibm-exp.js';
import { createRandom } from '../../src/core/random.js';

const bits = new Float64Array(1);
const words = new BigUint64Array(bits.buffer);
/** The double `steps` representable values above x (below when negative), for positive x. */
function step(x: number, steps: number): number {
  bits[0] = x;
  words[0] = words[0]! + BigInt(steps);
  return bits[0]!;
}
/** The double with the given high word and low word. */
function fromWords(hi: number, lo: number): number {
  words[0] = (BigInt(hi) << 32n) | BigInt(lo >>> 0);
  return bits[0]!;
}

/**
 * V8's x86-64 build computes `Math.exp` with fdlibm's operations one by one, so the port gives
 * the same bits there; another architecture's compiler may fuse a multiply and an add in V8's
 * C++ (one rounding instead of two), so there the port and `Math.exp` may differ in the last
 * bit, and the port is the one that gives every platform the same bits.
 */
const sameBits = process.arch === 'x64';
const agrees = (x: number): boolean => {
  const got = fdlibmExp(x);
  const want = Math.exp(x);
  if (Object.is(got, want) || sameBits) return Object.is(got, want);
  return Math.abs(got - want) <= Math.abs(want) * Number.EPSILON;
};

describe('fdlibmExp', () => {
  it('is Math.exp bit for bit (x86-64) at the edges of every branch', () => {
    const edges = [0, -0, 1, -1, 2, -2, 700, -700, 709, -709, 710, -746, NaN, Infinity, -Infinity, Math.LN2 / 2, 1.5 * Math.LN2, 2 ** -28];
    // the high-word thresholds of fdlibm (½·ln 2, 1.5·ln 2, 2^−28, the overflow limit), a few ulps either side
    for (const hi of [0x3fd62e42, 0x3fd62e43, 0x3ff0a2b1, 0x3ff0a2b2, 0x3e2fffff, 0x3e300000, 0x40862e42]) {
      for (const lo of [0, 1, 0x7fffffff, 0xffffffff]) edges.push(fromWords(hi, lo));
    }
    const all = edges.flatMap((x) => (Number.isFinite(x) && x !== 0 ? [-3, -2, -1, 0, 1, 2, 3].flatMap((s) => [step(Math.abs(x), s), -step(Math.abs(x), s)]) : [x]));
    for (const x of all) expect(agrees(x), `x = ${x}`).toBe(true);
  });

  it('is Math.exp bit for bit (x86-64) on a million values across the range an index uses and beyond, and the range form is the single one', () => {
    const rnd = createRandom(5);
    const xs = new Float64Array(1_000_000);
    for (let i = 0; i < xs.length; i++) xs[i] = i % 4 === 0 ? (rnd() - 0.5) * 1500 : i % 4 === 1 ? -rnd() * 8 : (rnd() - 0.5) * 3;
    const range = Float64Array.from(xs);
    fdlibmExpRange(range, 0, range.length);
    let bad = 0;
    for (let i = 0; i < xs.length; i++) {
      if (!agrees(xs[i]!) || !Object.is(range[i], fdlibmExp(xs[i]!))) bad++;
    }
    expect(bad).toBe(0);
  });

  it('is Math.exp bit for bit (x86-64) on any double (property)', () => {
    fc.assert(
      fc.property(fc.double(), (x) => agrees(x)),
      { numRuns: 20_000 },
    );
  });

  it('leaves the values outside the range it is told alone', () => {
    const xs = Float64Array.of(1, 2, 3, 4);
    fdlibmExpRange(xs, 1, 3);
    expect([...xs]).toEqual([1, Math.exp(2), Math.exp(3), 4]);
  });
});
