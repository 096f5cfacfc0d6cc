import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCorrections, correctionFieldProblems, type Correction } from '../../../src/families/un-security-council/corrections.js';
import { readUnscCorrections } from '../../../src/families/un-security-council/read-unsc-corrections.js';
import { readUnscVotes } from '../../../src/families/un-security-council/read-unsc-votes.js';
import { cleanText } from '../../../src/families/un-security-council/symbols.js';
import { fx } from './helpers.js';

const votes = () => readUnscVotes(fx('unsc_votes.csv'));
const base: Omit<Correction, 'action' | 'id'> = { line: 2, row: null, member: '', expected: '', value: '', issue: '', detail: '', evidence: 'test' };

describe('applyCorrections', () => {
  it('applies each action of the fixture and lists it, in the file order', async () => {
    const { rows } = await votes();
    const out = applyCorrections(rows, await readUnscCorrections(fx('unsc_corrections.csv')), 'c.csv');
    expect(out.problems).toEqual([]);
    expect(out.rows).toHaveLength(rows.length - 1 - 7); // one duplicate row, one duplicate draft of 7 rows
    expect(out.rows.filter((r) => r.id === 4).every((r) => r.cells['Date,'] === '2006-04-05')).toBe(true);
    expect(out.rows.find((r) => r.record === 46)!.cells['Member State']).toBe('Ethiopia');
    expect(out.rows.some((r) => r.record === 36 || r.id === 8)).toBe(false);
    expect(out.applied.map((a) => a.text.split(': ')[0])).toEqual(['c.csv:2', 'c.csv:3', 'c.csv:4', 'c.csv:5', 'c.csv:6']);
    expect(out.applied[0]!.text).toBe('c.csv:2: ID 4 (S/2006/267, 1674 (2006)): set the date from "2006-05-04" to "2006-04-05" [date_day_month_swapped]. stored with day and month exchanged. Evidence: DHL date 2006-04-05 (test fixture)');
  });

  it('sets a vote, an outcome, a symbol; drops a draft\'s votes; marks a procedural vote — leaving the input untouched', async () => {
    const { rows } = await votes();
    const before = JSON.stringify(rows);
    const out = applyCorrections(
      rows,
      [
        { ...base, line: 2, action: 'set_vote', id: 5, member: 'Qatar', expected: 'Abstain', value: 'Yes' },
        { ...base, line: 3, action: 'set_outcome', id: 1, expected: 'Adopted by majority', value: 'Adopted unanimously' },
        { ...base, line: 4, action: 'set_draft', id: 9, expected: 'S/2020/797', value: 'S/2020/798' },
        { ...base, line: 5, action: 'set_resolution', id: 2, expected: '1737 (2006)', value: 'S/RES/1737 (2006)' },
        { ...base, line: 6, action: 'drop_votes', id: 3, expected: 'S/2006/508' },
        { ...base, line: 7, action: 'procedural', id: 10, expected: 'S/2020/667' },
      ],
      'c.csv',
    );
    expect(out.problems).toEqual([]);
    expect(out.rows.find((r) => r.id === 5 && r.cells['Member State'] === 'Qatar')!.cells.Vote).toBe('Yes');
    expect(new Set(out.rows.filter((r) => r.id === 1).map((r) => r.cells['Outcome results']))).toEqual(new Set(['Adopted unanimously']));
    expect(out.rows.find((r) => r.id === 9)!.cells.Draft).toBe('S/2020/798');
    expect(out.rows.find((r) => r.id === 2)!.cells.Resolution).toBe('S/RES/1737 (2006)');
    expect([...out.votesUnknown]).toEqual([3]);
    expect([...out.procedural]).toEqual([10]);
    expect(JSON.stringify(rows)).toBe(before);
  });

  it('refuses a correction that matches nothing, and conflicting ones, at their line', async () => {
    const { rows } = await votes();
    const out = applyCorrections(rows, await readUnscCorrections(fx('unsc_corrections_unmatched.csv')), 'c.csv');
    expect(out.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [2, 'id', 'ID 99 is not in the votes file: the correction matches nothing; check the ID (and that the corrections are for this file)'],
      [3, 'expected', 'ID 4 (S/2006/267, 1674 (2006)): expected Date, "2006-04-05", but record 20 has "2006-05-04"; the correction matches nothing (is it for another version of the file?)'],
      [4, 'row', 'ID 6 (S/2007/170, 1747 (2007)): record 12 is not one of its rows (records 33–40); the correction matches nothing'],
      [5, 'member', 'ID 6 (S/2007/170, 1747 (2007)): the member "Russian Federation" has 2 rows (records 35, 36); give the row; the correction matches nothing'],
      [6, 'member', 'ID 5 (S/2007/14 as orally revised): no row for the member "Germany"; the correction matches nothing'],
      [8, undefined, 'conflicts with the correction on line 7 (both change Outcome results of ID 5); keep one of them'],
      [9, 'value', "ID 1 (S/2006/589, 1696 (2006)): the date 2007-07-31 is not in the draft's Year 2006; a date correction keeps the year"],
      [11, undefined, 'ID 8 (S/2007/14) is dropped by the correction on line 10; a correction of a dropped draft matches nothing'],
    ]);
  });

  it('never treats a correction that matches nothing as a no-op (property)', async () => {
    const { rows } = await votes();
    const good = await readUnscCorrections(fx('unsc_corrections.csv'));
    const change = fc.oneof(
      fc.record({ field: fc.constant('id' as const), id: fc.integer({ min: 11, max: 10_000 }) }),
      fc.record({ field: fc.constant('expected' as const), text: fc.string({ minLength: 1, maxLength: 12 }).filter((t) => cleanText(t) !== '') }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length - 1 }), change, (k, ch) => {
        const c = good[k]!;
        const bad = ch.field === 'id' ? { ...c, id: ch.id } : { ...c, expected: `${c.expected}${ch.text}` };
        const out = applyCorrections(rows, good.map((x, i) => (i === k ? bad : x)), 'c.csv');
        expect(out.problems.map((p) => p.line)).toEqual([c.line]);
        expect(out.problems[0]!.message).toMatch(/matches nothing/);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a row-level correction of a draft whose votes are dropped, whatever the order', async () => {
    const { rows } = await votes();
    const set = { ...base, action: 'set_vote' as const, id: 5, member: 'Qatar', expected: 'Abstain', value: 'Yes' };
    const drop = { ...base, action: 'drop_votes' as const, id: 5, expected: 'S/2007/14 as orally revised' };
    for (const list of [
      [{ ...set, line: 2 }, { ...drop, line: 3 }],
      [{ ...drop, line: 2 }, { ...set, line: 3 }],
    ]) {
      const out = applyCorrections(rows, list, 'c.csv');
      expect(out.problems.map((p) => p.line)).toEqual([list.find((c) => c.action === 'set_vote')!.line]);
      expect(out.problems[0]!.message).toMatch(/its member votes are dropped by .*this one matches nothing/);
    }
  });

  it('checks the fields each action takes', () => {
    expect(correctionFieldProblems({ action: 'drop_row', row: null, member: '', value: '' })).toEqual([['row', 'drop_row needs the row (record number) it acts on']]);
    expect(correctionFieldProblems({ action: 'note', row: null, member: 'China', value: 'x' })).toEqual([
      ['member', 'note takes no member; leave it empty'],
      ['value', 'note takes no value; leave it empty'],
    ]);
    expect(correctionFieldProblems({ action: 'set_outcome', row: null, member: '', value: 'Passed' })[0]![1]).toMatch(/^set_outcome: expected one of "Adopted unanimously"/);
  });
});
