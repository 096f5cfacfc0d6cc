import { unpackKey } from '../domain/dyad-year-table.js';

/**
 * A growing byte buffer for writing large ASCII CSV files without building one JavaScript
 * string per row: numbers are written digit by digit straight into the buffer. Output is
 * byte-identical to {@link formatFixed} / {@link formatInteger}.
 * @example
 * const w = new AsciiWriter(64);
 * w.text('IRN,RUS,'); w.fixed(0.8086419753, 6); w.byte(10);
 * w.bytes().toString() // 'IRN,RUS,0.808642\n'
 */
export class AsciiWriter {
  private buf: Buffer;
  private pos = 0;
  private lastPair = -1;
  private pairText = '';

  constructor(initialBytes = 1 << 16) {
    this.buf = Buffer.allocUnsafe(Math.max(64, initialBytes));
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** Writes one byte (e.g. 44 for a comma, 10 for a line end). */
  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  /** Writes an ASCII string. */
  text(s: string): void {
    this.ensure(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.pos++] = s.charCodeAt(i) & 0x7f;
  }

  /** Writes a non-negative integer below 2^53, left-padded with zeros to `minWidth`. */
  private digits(n: number, minWidth = 1): void {
    let len = 1;
    for (let t = 10; t <= n && len < 16; t *= 10) len++;
    const w = len > minWidth ? len : minWidth;
    this.ensure(w);
    const buf = this.buf;
    let p = this.pos + w;
    let t = n;
    // two digits per step while the value does not fit in 32 bits, then integer maths
    while (t >= 4294967296) {
      const q = Math.floor(t / 100);
      const r = t - q * 100;
      buf[--p] = DIGIT_LO[r]!;
      buf[--p] = DIGIT_HI[r]!;
      t = q;
    }
    let u = t >>> 0;
    while (u >= 100) {
      const q = (u / 100) >>> 0;
      const r = u - q * 100;
      buf[--p] = DIGIT_LO[r]!;
      buf[--p] = DIGIT_HI[r]!;
      u = q;
    }
    if (u >= 10) {
      buf[--p] = DIGIT_LO[u]!;
      buf[--p] = DIGIT_HI[u]!;
    } else buf[--p] = 48 + u;
    while (p > this.pos) buf[--p] = 48;
    this.pos += w;
  }

  /** Writes a number with `precision` decimals (nothing for NaN or ±Infinity; never `-0`). */
  fixed(x: number, precision: number): void {
    if (x !== x || x === Infinity || x === -Infinity) return;
    const scale = POW10[precision]!;
    const r = Math.round(Math.abs(x) * scale);
    if (r > 9007199254740991 / 10) {
      this.text(x.toFixed(precision));
      return;
    }
    if (r > 0 && x < 0) this.byte(45);
    if (precision === 0) {
      this.digits(r);
      return;
    }
    const ip = Math.floor(r / scale);
    this.digits(ip);
    this.byte(46);
    this.digits(r - ip * scale, precision);
  }

  /** Writes an integer (rounded); nothing for NaN or ±Infinity. */
  integer(x: number): void {
    if (x !== x || !Number.isFinite(x)) return;
    const r = Math.round(x);
    if (r < 0) this.byte(45);
    this.digits(Math.abs(r));
  }

  /**
   * Writes `A,B,year` for a packed dyad-year key (see `DyadYearTable`); the pair's text is
   * kept while rows of one pair follow each other, as in every sorted report.
   */
  pairYear(key: number): void {
    const year = key % 4096;
    const pair = (key - year) / 4096;
    if (pair !== this.lastPair) {
      const { a, b } = unpackKey(key);
      this.pairText = `${a},${b},`;
      this.lastPair = pair;
    }
    this.text(this.pairText);
    this.integer(year);
  }

  /** The bytes written so far (a view, not a copy). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
const DIGIT_HI = Uint8Array.from({ length: 100 }, (_, i) => 48 + Math.floor(i / 10));
const DIGIT_LO = Uint8Array.from({ length: 100 }, (_, i) => 48 + (i % 10));
