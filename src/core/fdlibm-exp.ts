/**
 * e^x computed in JavaScript the way V8 computes `Math.exp`: V8 (`src/base/ieee754.cc`) uses
 * the FreeBSD msun / Sun fdlibm `e_exp.c` algorithm, and this is the same algorithm, operation
 * for operation, so on x86-64 it returns the same double as `Math.exp` for every input (the
 * test checks this on a million values, the boundaries of each branch and random doubles). On
 * an architecture where the C++ compiler fuses a multiply and an add inside V8's `exp`, the two
 * may differ in the last bit; JavaScript arithmetic rounds every operation, so this function
 * gives the same bits on every platform.
 *
 * Why: the sensitivity analysis evaluates e^x about five times per pair-year, draw and run;
 * `Math.exp` is a call into C that spills every live register, while this is plain
 * arithmetic the compiler keeps in registers, and {@link fdlibmExpRange} evaluates several
 * values in a loop without branches the processor can overlap.
 *
 * The algorithm (fdlibm): for |x| ≥ ½·ln 2, x = k·ln 2 + r with k = trunc(x/ln 2 ± ½) and r
 * computed as hi − lo (hi = x − k·ln2_hi, lo = k·ln2_lo; k·ln2_hi is exact); for smaller |x|,
 * k = 0 and r = x. Then with t = r², c = r − t·(P1 + t·(P2 + t·(P3 + t·(P4 + t·P5)))) (a
 * Remez polynomial for r·(e^r + 1)/(e^r − 1) − 2),
 * e^x = 2^k · (1 − ((lo − r·c/(2 − c)) − hi)), which for k = 0 is 1 − (r·c/(c − 2) − r)
 * bit for bit. Error below 1 ulp. V8 returns e (the correctly rounded value) for x = 1, where
 * the formula is one ulp off; tiny |x| < 2^−28 give 1 + x; |x| ≥ 700, NaN and ±∞ go to
 * `Math.exp` (overflow, underflow and subnormal scaling, never met by an index).
 */

const HI_WORD = new Float64Array(1);
const HI_WORD_U32 = new Uint32Array(HI_WORD.buffer);
/** The double whose high word is `hi` and low word 0 (fdlibm's thresholds compare high words). */
function fromHighWord(hi: number): number {
  HI_WORD_U32[0] = 0;
  HI_WORD_U32[1] = hi;
  return HI_WORD[0]!;
}

/** |x| at or above this is reduced (fdlibm: high word of |x| > 0x3fd62e42, about ½·ln 2). */
const REDUCE_FROM = fromHighWord(0x3fd62e43);
/** |x| below this gives 1 + x (high word < 0x3e300000: 2^−28). */
const TINY = fromHighWord(0x3e300000);
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
const E = 2.718281828459045;
/** 2^k at POW2[k + 1024] for −1021 ≤ k ≤ 1023 (exact powers of two, as fdlibm's INSERT_WORDS makes them). */
const POW2 = new Float64Array(2048);
for (let k = -1021; k <= 1023; k++) POW2[k + 1024] = 2 ** k;

/**
 * e^x, the same double as V8's `Math.exp(x)` (x86-64) for every x.
 * Range: (0, ∞] (0 below about −745, ∞ above about 709.78).
 * @example fdlibmExp(1) // 2.718281828459045
 * @example fdlibmExp(-2) === Math.exp(-2) // true
 */
export function fdlibmExp(x: number): number {
  const ax = x < 0 ? -x : x;
  if (!(ax < 700) || ax < TINY || x === 1) return rare(x);
  const k = ax >= REDUCE_FROM ? (INV_LN2 * x + (x < 0 ? -0.5 : 0.5)) | 0 : 0;
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  return (1 - (lo - (r * c) / (2 - c) - hi)) * POW2[k + 1024]!;
}

/**
 * Replaces xs[from, to) by their exponentials ({@link fdlibmExp} of each, so `Math.exp` of
 * each, bit for bit), in one loop whose iterations do not depend on each other (the compiler
 * inlines {@link fdlibmExp}, so the processor overlaps them).
 * @example const xs = Float64Array.of(0.5, -1); fdlibmExpRange(xs, 0, 2); // xs = [Math.exp(0.5), Math.exp(-1)]
 */
export function fdlibmExpRange(xs: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) xs[i] = fdlibmExp(xs[i]!);
}

/** The inputs the main path leaves to V8: x = 1 (e), |x| < 2^−28 (1 + x), |x| ≥ 700, NaN, ±∞. */
function rare(x: number): number {
  if (x === 1) return E;
  const ax = x < 0 ? -x : x;
  if (ax < TINY) return 1 + x;
  return Math.exp(x);
}
