import { unpackKey, YEAR_SPAN, yearOfKey } from '../domain/dyad-year-key.js';

/**
 * A byte buffer for writing large ASCII CSV files without building one JavaScript string per
 * row: numbers are written digit by digit straight into the buffer. Output is byte-identical
 * to {@link formatFixed} / {@link formatInteger}. It either grows to hold everything
 * (`bytes()` at the end) or, made with {@link AsciiWriter.streaming}, hands full chunks to a
 * sink and reuses its buffer.
 * @example
 * const w = new AsciiWriter(64);
 * w.text('IRN,RUS,'); w.fixed(0.8086419753, 6); w.byte(10);
 * w.bytes().toString() // 'IRN,RUS,0.808642\n'
 */
export class AsciiWriter {
  private buf: Uint8Array;
  private pos = 0;
  private lastPair = -1;
  private pairBytes: Uint8Array = new Uint8Array(0);
  private readonly sink: ((chunk: Uint8Array) => void) | null;

  constructor(initialBytes = 1 << 16, sink: ((chunk: Uint8Array) => void) | null = null) {
    this.buf = uninitialised(Math.max(64, initialBytes));
    this.sink = sink;
  }

  /**
   * A writer that passes each full chunk of `chunkBytes` (or less) to `sink` — a view of its
   * buffer, valid only during the call — and then reuses the buffer. Call {@link flush} at
   * the end.
   * @example
   * const w = AsciiWriter.streaming((c) => hash.update(c)); w.text('a,b\n'); w.flush();
   */
  static streaming(sink: (chunk: Uint8Array) => void, chunkBytes = 1 << 20): AsciiWriter {
    return new AsciiWriter(chunkBytes, sink);
  }

  /** Hands what is buffered to the sink of a streaming writer (nothing for an in-memory one). */
  flush(): void {
    if (this.sink === null || this.pos === 0) return;
    this.sink(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    if (this.sink !== null) {
      this.flush();
      if (n <= this.buf.length) return;
    }
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = uninitialised(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /**
   * Makes room for `n` bytes: until they are written, a streaming writer hands nothing to its
   * sink, so positions ({@link position}) within them stay valid for {@link repeat}.
   */
  reserve(n: number): void {
    this.ensure(n);
  }

  /** Where the next byte goes in the buffer (valid for {@link repeat} within a {@link reserve}d stretch). */
  get position(): number {
    return this.pos;
  }

  /**
   * Writes again the bytes at positions `start` … `end` − 1 (written earlier in the same
   * {@link reserve}d stretch): a cell equal to one before it, without formatting it again.
   */
  repeat(start: number, end: number): void {
    const buf = this.buf;
    let p = this.pos;
    for (let i = start; i < end; i++) buf[p++] = buf[i]!;
    this.pos = p;
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
    const frac = r - ip * scale;
    if (ip < 10000 && precision <= 9) {
      // the common case (a share, a score, a count): small integer part, fraction below 2^32
      this.ensure(5 + precision);
      const buf = this.buf;
      let p = this.pos;
      const s = SMALL_START[ip]!;
      const e = SMALL_START[ip + 1]!;
      for (let i = s; i < e; i++) buf[p++] = SMALL_BYTES[i]!;
      buf[p++] = 46;
      let q = p + precision;
      let u = frac >>> 0;
      // four digits per division from the table, then two, then one
      while (q - p >= 4) {
        const d = (u / 10000) >>> 0;
        const four = (u - d * 10000) << 2;
        buf[--q] = DIGITS4[four + 3]!;
        buf[--q] = DIGITS4[four + 2]!;
        buf[--q] = DIGITS4[four + 1]!;
        buf[--q] = DIGITS4[four]!;
        u = d;
      }
      while (q - p >= 2) {
        const d = (u / 100) >>> 0;
        const two = u - d * 100;
        buf[--q] = DIGIT_LO[two]!;
        buf[--q] = DIGIT_HI[two]!;
        u = d;
      }
      if (q > p) buf[--q] = 48 + u;
      this.pos = p + precision;
      return;
    }
    this.digits(ip);
    this.byte(46);
    this.digits(frac, precision);
  }

  /** Writes an integer (rounded); nothing for NaN or ±Infinity. */
  integer(x: number): void {
    if (x !== x || !Number.isFinite(x)) return;
    const r = Math.round(x);
    const a = Math.abs(r);
    if (a > 9007199254740991) {
      this.text(String(r)); // beyond 2^53 (a count never gets there): as formatInteger, e.g. 1e+21
      return;
    }
    if (r < 0) this.byte(45);
    if (a < 10000) this.small(a);
    else this.digits(a);
  }

  /** Writes an integer in [0, 10000) from the ready-made digits. */
  private small(n: number): void {
    this.ensure(4);
    const buf = this.buf;
    let p = this.pos;
    const e = SMALL_START[n + 1]!;
    for (let i = SMALL_START[n]!; i < e; i++) buf[p++] = SMALL_BYTES[i]!;
    this.pos = p;
  }

  /**
   * Writes `A,B,year` for a packed dyad-year key (see `DyadYearTable`); the pair's bytes are
   * kept while rows of one pair follow each other, as in every sorted report.
   */
  pairYear(key: number): void {
    const year = yearOfKey(key);
    const pair = (key - year) / YEAR_SPAN;
    if (pair !== this.lastPair) {
      const { a, b } = unpackKey(key);
      const text = `${a},${b},`;
      const pb = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) pb[i] = text.charCodeAt(i) & 0x7f;
      this.pairBytes = pb;
      this.lastPair = pair;
    }
    const pb = this.pairBytes;
    this.ensure(pb.length);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < pb.length; i++) buf[p++] = pb[i]!;
    this.pos = p;
    this.small(year);
  }

  /** The bytes written so far (a view, not a copy) of an in-memory writer. */
  bytes(): Buffer {
    if (this.sink !== null) throw new Error('a streaming AsciiWriter hands its bytes to its sink; call flush()');
    return Buffer.from(this.buf.buffer, this.buf.byteOffset, this.pos);
  }
}

/**
 * A plain Uint8Array over memory that is not zeroed first (every byte is written before it is
 * read): a Buffer's element accesses are slower in the hot loop than a Uint8Array's, and
 * zero-filling a 100 MB report buffer costs tens of milliseconds.
 */
function uninitialised(size: number): Uint8Array {
  const b = Buffer.allocUnsafeSlow(size);
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
const DIGIT_HI = Uint8Array.from({ length: 100 }, (_, i) => 48 + Math.floor(i / 10));
const DIGIT_LO = Uint8Array.from({ length: 100 }, (_, i) => 48 + (i % 10));
/** 0…9999 as four zero-padded ASCII digits each (n's at 4n … 4n + 3). */
const DIGITS4 = Uint8Array.from(Buffer.from(Array.from({ length: 10000 }, (_, i) => String(i).padStart(4, '0')).join(''), 'latin1'));
/** The decimal digits of 0…9999 back to back; number n is SMALL_BYTES[SMALL_START[n] … SMALL_START[n + 1]). */
const SMALL_BYTES = Uint8Array.from(Buffer.from(Array.from({ length: 10000 }, (_, i) => String(i)).join(''), 'latin1'));
const SMALL_START = (() => {
  const out = new Uint32Array(10001);
  for (let i = 0; i < 10000; i++) out[i + 1] = out[i]! + String(i).length;
  return out;
})();
