import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignmentColumns, alignmentCsv, writeAlignmentCsvChunks } from '../../src/report/alignment-csv.js';
import type { ScoreTable } from '../../src/core/score-table.js';
import { packKey } from '../../src/domain/dyad-year-key.js';
import type { Iso3 } from '../../src/domain/country.js';
import { formatFixed, formatInteger } from '../../src/format/format-number.js';

/** The CSV by definition: every cell formatted on its own. */
function reference(t: ScoreTable, precision: number): string {
  const lines = [alignmentColumns(t).join(',')];
  t.keys.forEach((k, r) => {
    const cells = [`AAA,BBB,${1990 + r}`, formatFixed(t.index[r]!, precision)];
    if (t.indexChained) cells.push(formatFixed(t.indexChained[r]!, precision));
    cells.push(formatFixed(t.coverage[r]!, precision));
    t.ids.forEach((_, i) => cells.push(formatFixed(t.raw[i]![r]!, precision), formatFixed(t.norm[i]![r]!, precision), formatFixed(t.contrib[i]![r]!, precision)));
    for (const x of t.extras) cells.push(x.type === 'integer' ? formatInteger(x.values[r]!) : formatFixed(x.values[r]!, precision));
    lines.push(cells.join(','));
  });
  return lines.join('\n') + '\n';
}

// values that repeat within a row (the copied cells), with −0, NaN and huge ones
const cell = fc.oneof(fc.constantFrom(0, -0, NaN, 1, 0.5, -0.25, 1e17, -3.3e21, 2 ** 53), fc.double({ min: -1e6, max: 1e6 }), fc.double());

describe('alignment.csv', () => {
  it('has every cell as formatted on its own, also where a cell equal to one before it in the row is copied', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 9 }), fc.array(fc.tuple(cell, cell, cell, cell, cell), { minLength: 1, maxLength: 20 }), fc.boolean(), (rows, precision, vals, same) => {
        const n = rows;
        const col = (k: number) => Float64Array.from({ length: n }, (_, r) => vals[(r + k) % vals.length]![k % 5]!);
        const index = col(0);
        const raw = col(1);
        const t: ScoreTable = {
          keys: Float64Array.from({ length: n }, (_, r) => packKey('AAA' as Iso3, 'BBB' as Iso3, 1990 + r)),
          ids: ['x'],
          index,
          indexChained: same ? Float64Array.from(index) : col(2),
          coverage: col(3),
          raw: [raw],
          norm: [same ? Float64Array.from(raw) : col(4)],
          contrib: [col(2)],
          weightUsed: [col(3)],
          extras: [
            { column: 'x_joint_votes', values: col(1).map(Math.round), type: 'integer', description: '' },
            { column: 'y_joint_votes', values: same ? col(1).map(Math.round) : col(4), type: 'integer', description: '' },
            { column: 'y_share', values: col(1), type: 'number', description: '' },
          ],
        };
        const want = reference(t, precision);
        expect(alignmentCsv(t, precision)).toBe(want);
        const parts: Buffer[] = [];
        writeAlignmentCsvChunks(t, precision, (c) => parts.push(Buffer.from(c)));
        expect(Buffer.concat(parts).toString('latin1')).toBe(want);
      }),
      { numRuns: 500 },
    );
  });
});
