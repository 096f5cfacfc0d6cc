import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AsciiWriter } from '../../src/format/ascii-writer.js';
import { formatFixed, formatInteger } from '../../src/format/format-number.js';

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

  it('writes shares, scores and rounding ties exactly as formatFixed does, at every precision up to 12 (property)', () => {
    // the report's cells: values on [0, 1] and [0, 100], halves at the last decimal (0.0000005
    // at 6), their neighbours one ulp away, negatives, −0, tiny values that round to zero
    const tie = fc.tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 12 }), fc.constantFrom(-1, 0, 1)).map(([k, p, ulp]) => {
      const x = (k + 0.5) / 10 ** p;
      return ulp === 0 ? x : ulp > 0 ? x + Number.EPSILON * x : x - Number.EPSILON * x;
    });
    const cell = fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: -100, max: 100, noNaN: true }),
      fc.double({ min: -1e4, max: 1e4, noNaN: true }),
      tie,
      tie.map((x) => -x),
      fc.constantFrom(0, -0, 0.0000005, -0.0000005, 0.00000049999999999, 1e-13, -1e-13, 0.9999999995, 99.9999999995, 9999.99999999995, 1e15 + 0.5),
    );
    fc.assert(
      fc.property(cell, fc.integer({ min: 0, max: 12 }), (x, p) => {
        const w = new AsciiWriter(8);
        w.fixed(x, p);
        expect(w.bytes().toString('latin1')).toBe(formatFixed(x, p));
      }),
      { numRuns: 20000 },
    );
  });

  it('writes integers as formatInteger does, and grows as needed', () => {
    const w = new AsciiWriter(8);
    const ns = [0, 7, -12, 2024, 1e15, NaN, 2 ** 53 - 1, -(2 ** 53) + 1, 1e16, -1e16, 1e21, -1e300];
    for (const n of ns) {
      w.integer(n);
      w.byte(44);
    }
    expect(w.bytes().toString()).toBe(ns.map((n) => formatInteger(n) + ',').join(''));
  });

  it('never writes minus zero', () => {
    const w = new AsciiWriter();
    w.fixed(-0.0000001, 6);
    expect(w.bytes().toString()).toBe('0.000000');
  });

  it('streaming in small chunks gives the same bytes as writing in memory, for any cut (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double(), fc.integer({ min: -5000, max: 5000 })), { maxLength: 200 }), fc.integer({ min: 64, max: 300 }), (xs, chunk) => {
        const whole = new AsciiWriter(8);
        const parts: Buffer[] = [];
        const streamed = AsciiWriter.streaming((c) => parts.push(Buffer.from(c)), chunk);
        for (const w of [whole, streamed]) {
          w.text('state_a,state_b,year,value\n');
          xs.forEach((x, i) => {
            w.pairYear((i * 17577 + 1) * 4096 + 1946 + (i % 80));
            w.byte(44);
            if (Number.isInteger(x)) w.integer(x);
            else w.fixed(x, 6);
            w.byte(10);
          });
        }
        streamed.flush();
        expect(parts.every((p) => p.length > 0)).toBe(true);
        expect(Buffer.concat(parts).equals(whole.bytes())).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a streaming writer has no bytes() to give', () => {
    expect(() => AsciiWriter.streaming(() => {}).bytes()).toThrow(/streaming/);
  });
});

describe('AsciiWriter.repeat', () => {
  it('copies a cell written earlier in a reserved stretch, also when the stretch starts a new chunk of a streaming writer', () => {
    const parts: Buffer[] = [];
    const w = AsciiWriter.streaming((c) => parts.push(Buffer.from(c)), 16);
    for (let row = 0; row < 5; row++) {
      w.reserve(40);
      const s = w.position;
      w.fixed(row + 0.125, 3);
      const e = w.position;
      w.byte(44);
      w.repeat(s, e);
      w.byte(10);
    }
    w.flush();
    expect(Buffer.concat(parts).toString()).toBe([0, 1, 2, 3, 4].map((r) => `${r}.125,${r}.125\n`).join(''));
  });
});
