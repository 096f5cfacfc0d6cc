import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AsciiWriter } from '../../src/io/ascii-writer.js';
import { formatFixed, formatInteger } from '../../src/io/format-number.js';

describe('AsciiWriter', () => {
  it('writes numbers exactly as formatFixed does (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.double({ min: -1e3, max: 1e3 }), fc.constant(-0), fc.constant(-1e-9)), fc.integer({ min: 0, max: 9 }), (x, p) => {
        const w = new AsciiWriter(8);
        w.fixed(x, p);
        expect(w.bytes().toString('latin1')).toBe(formatFixed(x, p));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes integers as formatInteger does, and grows as needed', () => {
    const w = new AsciiWriter(8);
    for (const n of [0, 7, -12, 2024, 1e15, NaN]) {
      w.integer(n);
      w.byte(44);
    }
    expect(w.bytes().toString()).toBe([0, 7, -12, 2024, 1e15, NaN].map((n) => formatInteger(n) + ',').join(''));
  });

  it('never writes minus zero', () => {
    const w = new AsciiWriter();
    w.fixed(-0.0000001, 6);
    expect(w.bytes().toString()).toBe('0.000000');
  });
});
