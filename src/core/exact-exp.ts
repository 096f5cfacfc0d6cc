/**
 * e^x computed in JavaScript with the very operations of fdlibm's `e_exp.c` (Sun
 * Microsystems, 1993), which V8 ports as `base::ieee754::exp` and calls for `Math.exp`: the
 * same double, bit for bit, as `Math.exp(x)` on Node, a little cheaper in a hot loop because
 * the JIT inlines it instead of calling into C (the sensitivity analysis evaluates ≈ 10^9
 * geometric means).
 *
 * Method (fdlibm): reduce x = k·ln2 + r with |r| ≤ ln2/2 (ln2 split into a high part with
 * trailing zeros, so k·ln2_hi is exact, and a low part); approximate
 * R(r²) = r·(e^r + 1)/(e^r − 1) by a degree-5 minimax polynomial P in r², so that
 * c = r − r²·P(r²) and e^r = 1 + r + r·c/(2 − c) = 1 − ((lo − r·c/(2 − c)) − hi); then scale
 * by 2^k. Arguments outside the range this port covers (|x| ≥ 700, NaN, x = 1, which V8 answers
 * with the constant e) go to `Math.exp` itself.
 * @module
 */

const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e0;

/** The double whose high 32 bits are `high` and low 32 bits zero (fdlibm compares high words). */
function fromHighWord(high: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, high);
  return view.getFloat64(0);
}

/** |x| > 0.5·ln2 in fdlibm's high-word test (hx > 0x3fd62e42). */
const HALF_LN2 = fromHighWord(0x3fd62e43);
/** |x| < 1.5·ln2 (hx < 0x3ff0a2b2). */
const THREE_HALVES_LN2 = fromHighWord(0x3ff0a2b2);
/** |x| < 2^−28 (hx < 0x3e300000): e^x rounds to 1 + x. */
const TINY = fromHighWord(0x3e300000);
/** 2^k for k in [−1021, 1023], at k + 1024. */
const POW2 = Float64Array.from({ length: 2048 }, (_, i) => (i >= 3 ? 2 ** (i - 1024) : 0));

/**
 * e^x, the same double as `Math.exp(x)` (fdlibm's algorithm, see the module).
 * @example exactExp(-0.5) === Math.exp(-0.5) // true (0.6065306597126334)
 */
export function exactExp(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < 700) || x === 1) return Math.exp(x);
  if (ax < HALF_LN2) {
    if (ax < TINY) return 1 + x;
    const t = x * x;
    const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    return 1 - ((x * c) / (c - 2.0) - x);
  }
  let hi: number;
  let lo: number;
  let k: number;
  if (ax < THREE_HALVES_LN2) {
    if (x > 0) {
      hi = x - LN2_HI;
      lo = LN2_LO;
      k = 1;
    } else {
      hi = x + LN2_HI;
      lo = -LN2_LO;
      k = -1;
    }
  } else {
    k = (INV_LN2 * x + (x < 0 ? -0.5 : 0.5)) | 0; // truncated toward zero, as C's (int)
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
  }
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  return (1 - (lo - (r * c) / (2.0 - c) - hi)) * POW2[k + 1024]!;
}
