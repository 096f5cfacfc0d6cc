import { describe, expect, it } from 'vitest';
import { readUnscVotes } from '../../../src/families/un-security-council/read-unsc-votes.js';
import { fx, problemsOf } from './helpers.js';

describe('readUnscVotes', () => {
  it('reads every row with its record number and the line it starts on (cells with line breaks make them differ)', async () => {
    const { rows } = await readUnscVotes(fx('unsc_votes.csv'));
    expect(rows).toHaveLength(66);
    expect(rows[0]).toMatchObject({ record: 2, line: 2, id: 1, year: 2006 });
    expect(rows[0]!.cells['Date,']).toBe('2006-07-31');
    expect(rows[0]!.cells['Member State']).toBe('China');
    // ID 4's `Submitted by` holds a line break: from there on, record n starts on line n + 6
    const dup = rows.find((r) => r.id === 6 && r.cells.Vote === 'Abstain')!;
    expect([dup.record, dup.line]).toEqual([36, 42]);
    expect(rows.filter((r) => r.id === 4).map((r) => r.line)).toEqual([20, 22, 24, 26, 28, 30]); // two lines each
  });

  it('reports every bad row at once, with the line, the record and the column', async () => {
    expect(await problemsOf(readUnscVotes(fx('unsc_votes_broken.csv')))).toEqual([
      [2, 'Vote', 'record 2: expected Yes, No or Abstain, got "Maybe" (a member that did not vote has no row)'],
      [4, 'Year', 'record 3: expected a four-digit year, got "20x6"'],
      [5, 'Date,', 'record 4: expected a date YYYY-MM-DD (or empty), got "2006-13-40"'],
      [6, 'ID', 'record 5: expected the draft\'s ID, a positive integer, got "x1"'],
      [6, 'Date,', "record 5: the date 2007-01-12 is not in the row's Year 2006; correct one of them (a set_date correction fixes the date)"],
      [
        6,
        'Outcome results',
        'record 5: unknown outcome "Adopted"; expected one of "Adopted unanimously", "Adopted by majority", "Adopted by consensus", "Adopted by acclamation", "Not adopted - veto", "Not adopted - failed to receive required number of votes"',
      ],
      [6, 'Member State', "record 5: the member's name is empty"],
      [7, undefined, 'expected 15 fields like the header, found 11; check for an unquoted comma or a missing field'],
    ]);
  });

  it('names the missing columns, including the header that ends with a comma', async () => {
    const problems = await problemsOf(readUnscVotes(fx('unsc_vetoes.csv')));
    expect(problems[0]![2]).toMatch(/^missing column\(s\) "Year", "Date,", "Resolution", "Draft", "Agenda item", "Category", "Outcome results", "Vote", "Member State", "ID", "Topic"/);
  });
});
