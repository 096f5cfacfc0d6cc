import { describe, expect, it } from 'vitest';
import { readUnscCorrections } from '../../../src/families/un-security-council/read-unsc-corrections.js';
import { fx, problemsOf } from './helpers.js';

describe('readUnscCorrections', () => {
  it('reads each correction with its line, action, draft, row, member, expected and new value, and evidence', async () => {
    const c = await readUnscCorrections(fx('unsc_corrections.csv'));
    expect(c.map((x) => [x.line, x.action, x.id, x.row])).toEqual([
      [2, 'set_date', 4, null],
      [3, 'drop_row', 6, 36],
      [4, 'set_member', 7, 46],
      [5, 'drop_draft', 8, null],
      [6, 'note', 9, null],
    ]);
    expect(c[1]).toMatchObject({ member: 'Russian Federation', expected: 'Abstain', value: '', issue: 'duplicate_member_vote', evidence: 'DHL tally 15-0-0 (test fixture)' });
  });

  it('reports every bad correction at once: unknown action, missing member or evidence, a bad row, value or ID', async () => {
    expect(await problemsOf(readUnscCorrections(fx('unsc_corrections_broken.csv')))).toEqual([
      [2, 'action', 'unknown action "delete"; expected one of drop_draft, drop_votes, drop_row, set_vote, set_member, set_date, set_draft, set_resolution, set_outcome, set_topic, procedural, note'],
      [3, 'member', 'set_vote needs the member whose vote it sets'],
      [3, 'value', 'set_vote: expected Yes, No or Abstain, got "Maybe"'],
      [4, 'row', 'expected a record number of the votes file (2 or more; the header is record 1), got "1"'],
      [4, 'evidence', 'every correction needs its evidence (the source that shows the fix is right)'],
      [5, 'id', 'expected the draft\'s ID, a positive integer, got "four"'],
      [5, 'row', 'set_date acts on the whole draft; leave row empty'],
      [5, 'value', 'set_date: expected a date YYYY-MM-DD, got "5 April 2006"'],
    ]);
  });

  it('reads the shipped corrections of the real voting file without a problem', async () => {
    const c = await readUnscCorrections(fx('../../../../indicators/unsc/corrections-1994-2025.csv'));
    expect(c.length).toBeGreaterThan(461);
    expect(c.every((x) => x.evidence.trim() !== '')).toBe(true);
  });
});
