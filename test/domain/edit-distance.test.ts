import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boundedEditDistance } from '../../src/domain/edit-distance.js';

/** The textbook Levenshtein table, a different code path. */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}

describe('boundedEditDistance', () => {
  it('is the Levenshtein distance when within the limit, else limit + 1 (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'r', 'u', 's'), maxLength: 14 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, limit) => {
        expect(boundedEditDistance(a, b, limit)).toBe(Math.min(levenshtein(a, b), limit + 1));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the usual misspellings', () => {
    expect(boundedEditDistance('rusia', 'russia', 2)).toBe(1);
    expect(boundedEditDistance('iran', 'iraq', 2)).toBe(1);
    expect(boundedEditDistance('kazakstan', 'kazakhstan', 3)).toBe(1);
    expect(boundedEditDistance('', 'abc', 5)).toBe(3);
    expect(boundedEditDistance('united states', 'united kingdom', 2)).toBe(3);
  });
});
