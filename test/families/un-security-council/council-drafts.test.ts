import { describe, expect, it } from 'vitest';
import { applyCorrections } from '../../../src/families/un-security-council/corrections.js';
import { buildDrafts } from '../../../src/families/un-security-council/council-drafts.js';
import { readUnscCorrections } from '../../../src/families/un-security-council/read-unsc-corrections.js';
import { readUnscVotes, type VoteRow } from '../../../src/families/un-security-council/read-unsc-votes.js';
import { fx, permanent, resolve } from './helpers.js';

const none = { votesUnknown: new Set<number>(), procedural: new Set<number>(), applied: [], problems: [] };

describe('buildDrafts', () => {
  it('groups the corrected rows into drafts with normalised symbols, resolution numbers and outcomes', async () => {
    const { rows } = await readUnscVotes(fx('unsc_votes.csv'));
    const corrected = applyCorrections(rows, await readUnscCorrections(fx('unsc_corrections.csv')), 'c.csv');
    const { drafts, problems } = buildDrafts(corrected, 'v.csv', resolve, permanent);
    expect(problems).toEqual([]);
    expect(drafts.map((d) => d.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '9', '10']);
    const myanmar = drafts.find((d) => d.id === '5')!;
    expect(myanmar).toMatchObject({ symbol: 'S/2007/14', draft: 'S/2007/14 as orally revised', outcome: 'vetoed', resolution: null, year: 2007 });
    expect(drafts.find((d) => d.id === '1')).toMatchObject({ resolution: 1696, outcome: 'adopted', origin: { file: 'v.csv', line: 2, firstRecord: 2, lastRecord: 7 } });
    expect(drafts.find((d) => d.id === '6')!.votes!.map((v) => `${v.state} ${v.vote}`)).toContain('RUS yes');
  });

  it('refuses a draft whose rows disagree, more than 15 members, a veto without a permanent No, and a unanimous label over an abstention', () => {
    const row = (record: number, id: number, member: string, vote: string, outcome = 'Adopted unanimously', year = '2010'): VoteRow => ({
      record,
      line: record,
      id,
      year: Number(year),
      cells: { Year: year, 'Date,': '', Resolution: '', Draft: `S/2010/${id}`, 'Agenda item': '', Category: '', 'Outcome results': outcome, Vote: vote, 'Member State': member, ID: String(id), Topic: '' },
    });
    const sixteen = ['Austria', 'Bosnia and Herzegovina', 'Brazil', 'China', 'France', 'Gabon', 'Japan', 'Lebanon', 'Mexico', 'Nigeria', 'Russian Federation', 'Turkey', 'Uganda', 'United Kingdom', 'United States', 'Germany'];
    const rows: VoteRow[] = [
      row(2, 1, 'France', 'Yes'),
      row(3, 1, 'China', 'Yes', 'Adopted unanimously', '2011'),
      ...sixteen.map((m, k) => row(4 + k, 2, m, 'Yes')),
      row(30, 3, 'France', 'Yes', 'Not adopted - veto'),
      row(31, 3, 'Brazil', 'No', 'Not adopted - veto'),
      row(40, 4, 'France', 'Yes'),
      row(41, 4, 'Brazil', 'Abstain'),
    ];
    const { drafts, problems } = buildDrafts({ ...none, rows }, 'v.csv', resolve, permanent);
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [3, 'Year', 'record 3: ID 1: "2011" differs from record 2\'s "2010"; the rows of a draft repeat its Year'],
      [4, undefined, 'record 4: ID 2 (S/2010/2) has 16 member rows (records 4–19); the Council has 15 members: drop the extra rows (drop_row) or the draft\'s votes (drop_votes)'],
      [30, 'Outcome results', 'record 30: ID 3 (S/2010/3) is labelled "Not adopted - veto" but no permanent member voted No; correct the votes (set_vote) or the outcome (set_outcome)'],
      [41, 'Vote', 'record 41: ID 4 (S/2010/4) is labelled "Adopted unanimously" but Brazil voted Abstain; correct the vote (set_vote), the outcome (set_outcome) or drop the votes (drop_votes)'],
    ]);
    expect(drafts.map((d) => d.id)).toEqual(['2', '3', '4']);
  });

  it('accepts a permanent member\'s No on a procedural vote, and keeps a draft whose votes are unknown without checking them', () => {
    const cells = (member: string, vote: string) => ({ Year: '2022', 'Date,': '2022-02-27', Resolution: '2623 (2022)', Draft: 'S/2022/160', 'Agenda item': '', Category: '', 'Outcome results': 'Adopted by majority', Vote: vote, 'Member State': member, ID: '7', Topic: '' });
    const rows: VoteRow[] = [
      { record: 2, line: 2, id: 7, year: 2022, cells: cells('Russian Federation', 'No') },
      { record: 3, line: 3, id: 7, year: 2022, cells: cells('France', 'Yes') },
    ];
    expect(buildDrafts({ ...none, rows }, 'v.csv', resolve, permanent).problems).toHaveLength(1);
    const procedural = buildDrafts({ ...none, rows, procedural: new Set([7]) }, 'v.csv', resolve, permanent);
    expect(procedural.problems).toEqual([]);
    expect(procedural.drafts[0]!.procedural).toBe(true);
    const unknown = buildDrafts({ ...none, rows, votesUnknown: new Set([7]) }, 'v.csv', resolve, permanent);
    expect(unknown.problems).toEqual([]);
    expect(unknown.drafts[0]!.votes).toBeNull();
  });
});
