/**
 * Fixed-precision number formatting for reports: fast (integer arithmetic, no `toFixed` on
 * the hot path), deterministic, never `-0`, empty for missing.
 * @example formatFixed(0.2823529411, 6) // '0.282353'
 * @example formatFixed(NaN, 6) // ''
 */
export function formatFixed(x: number, precision: number): string {
  if (x !== x || x === Infinity || x === -Infinity) return '';
  const scale = POW10[precision]!;
  const neg = x < 0;
  const r = Math.round(Math.abs(x) * scale);
  if (r > 9007199254740991 / 10) return x.toFixed(precision);
  if (r === 0) return precision === 0 ? '0' : ZEROS[precision]!;
  if (precision === 0) return (neg ? '-' : '') + r;
  const ip = Math.floor(r / scale);
  const fp = r - ip * scale;
  let f = String(fp);
  if (f.length < precision) f = PAD[precision - f.length] + f;
  return (neg ? '-' : '') + ip + '.' + f;
}

/**
 * The number {@link formatFixed} writes, as a number: `Number(formatFixed(x, precision))`
 * without making the string — ±r / 10^precision with r = round(|x|·10^precision), which is
 * the double nearest the written decimal (one correctly rounded division, as parsing it is);
 * never −0; NaN for missing.
 * @example roundFixed(0.2823529411, 3) // 0.282
 * @example roundFixed(-0.0001, 3) // 0
 */
export function roundFixed(x: number, precision: number): number {
  if (x !== x || x === Infinity || x === -Infinity) return NaN;
  const scale = POW10[precision]!;
  const r = Math.round(Math.abs(x) * scale);
  if (r > 9007199254740991 / 10) return Number(x.toFixed(precision));
  if (r === 0) return 0;
  return x < 0 ? -(r / scale) : r / scale;
}

/** An integer cell (counts, years); empty for missing. @example formatInteger(42) // '42' */
export function formatInteger(x: number): string {
  if (x !== x || !Number.isFinite(x)) return '';
  return String(Math.round(x));
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
const PAD = Array.from({ length: 16 }, (_, i) => '0'.repeat(i));
const ZEROS = Array.from({ length: 16 }, (_, i) => (i === 0 ? '0' : `0.${'0'.repeat(i)}`));
