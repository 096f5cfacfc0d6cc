import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PackedKeyMap } from '../../src/domain/packed-key-map.js';

// packed dyad-year keys: (pair · 4096 + year), pair below 26^6
const key = fc.oneof(
  fc.integer({ min: 0, max: 2 ** 31 }),
  fc.tuple(fc.integer({ min: 0, max: 26 ** 6 - 1 }), fc.integer({ min: 0, max: 4095 })).map(([p, y]) => p * 4096 + y),
  fc.constantFrom(0, 4096, 2 ** 32, 2 ** 32 + 1, 2 ** 53 - 1),
);

describe('PackedKeyMap', () => {
  it('behaves as a Map<number, number>: values, sizes, presence and insertion order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.double()), { maxLength: 400 }), fc.array(key, { maxLength: 50 }), (ops, probes) => {
        const ours = new PackedKeyMap(1);
        const ref = new Map<number, number>();
        for (const [k, v] of ops) {
          ours.set(k, v);
          ref.set(k, v);
        }
        expect(ours.size).toBe(ref.size);
        expect([...ours.keys()]).toEqual([...ref.keys()]);
        expect([...ours]).toEqual([...ref]);
        expect(Array.from(ours.keyArray())).toEqual([...ref.keys()]);
        for (const k of [...probes, ...ref.keys()]) {
          expect(ours.has(k)).toBe(ref.has(k));
          expect(ours.get(k)).toBe(ref.get(k));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('holds a million dense pair-years', () => {
    const m = new PackedKeyMap();
    for (let pair = 0; pair < 12_500; pair++) for (let y = 1946; y < 2026; y++) m.set(pair * 17_577 * 4096 + y, pair + y);
    expect(m.size).toBe(1_000_000);
    expect(m.get(12_499 * 17_577 * 4096 + 2025)).toBe(12_499 + 2025);
    expect(m.get(12_500 * 17_577 * 4096 + 2025)).toBeUndefined();
  });
});
