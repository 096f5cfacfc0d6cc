import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { csvPreview } from '../../../src/report/page/csv-preview.js';

/** What the page showed before: the whole text parsed, then cut. */
function fullParse(text: string, maxRows: number) {
  const all = parse(text, { relax_column_count: true }) as string[][];
  return { header: all[0] ?? [], rows: all.slice(1, 1 + maxRows), total: Math.max(0, all.length - 1) };
}

describe('the preview of a CSV the report page shows', () => {
  it('has the header, the first rows and the count of all rows', () => {
    expect(csvPreview('a,b\n1,2\n3,4\n5,6\n', 2)).toEqual({ header: ['a', 'b'], rows: [['1', '2'], ['3', '4']], total: 3 });
  });

  it('counts a last line without a line feed and empty lines as csv-parse does', () => {
    expect(csvPreview('a,b\n1,2\n\n3', 10)).toEqual(fullParse('a,b\n1,2\n\n3', 10));
    expect(csvPreview('', 5)).toEqual({ header: [], rows: [], total: 0 });
  });

  it('parses quoted fields with line breaks whole', () => {
    const text = 'a,b\n"x\ny",2\n3,4\n';
    expect(csvPreview(text, 1)).toEqual({ header: ['a', 'b'], rows: [['x\ny', '2']], total: 2 });
  });

  it.each([
    ['any text', ['a', '1', ',', '\n', '"', '\r', ' ']],
    ['a text without quotes or carriage returns (only the shown lines parsed)', ['a', '1', ',', '\n', ' ']],
  ])('is what parsing the whole text gives, for %s', (_, units) => {
    const cell = fc.string({ unit: fc.constantFrom(...units), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 30 }), fc.integer({ min: 0, max: 8 }), (parts, maxRows) => {
        const text = parts.join('');
        let expected: ReturnType<typeof fullParse> | null = null;
        try {
          expected = fullParse(text, maxRows);
        } catch {
          return; // a malformed text: the page's parse throws as before
        }
        expect(csvPreview(text, maxRows)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
