import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { InputError } from '../../../src/domain/errors.js';
import { readVoetenVotes } from '../../../src/families/un-votes/read-voeten-votes.js';
import { ISSUE_BITS, type RollCallData } from '../../../src/families/un-votes/roll-call-data.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fx = (f: string): string => path.join(ROOT, 'test/families/un-votes/fixtures', f);
const cw = createCrosswalk();
const paths = { votes: fx('votes_voeten.csv'), rollcalls: fx('rollcalls_voeten.csv') };

function voteList(d: RollCallData): string[] {
  const out: string[] = [];
  for (let k = 0; k < d.votes.code.length; k++) out.push(`${d.rollCalls.rcid[d.votes.call[k]!]} ${d.votes.states[d.votes.state[k]!]} ${d.votes.code[k]}`);
  return out.sort();
}

async function problemsOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((q) => `${q.line}${q.column ? ` ${q.column}` : ''}: ${q.message}`);
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('readVoetenVotes', () => {
  it('keeps absences (8), skips non-members (9) and Zanzibar, and resolves COW codes with the year', async () => {
    const d = await readVoetenVotes(paths, cw);
    expect(d.recordsAbsences).toBe(true);
    expect(d.votes.states).toEqual(['DEU', 'IRN', 'RUS', 'USA']);
    expect(voteList(d)).toEqual([
      '21 DEU 8', // West Germany (260), absent
      '21 IRN 2',
      '21 RUS 3',
      '21 USA 1',
      '22 DEU 3',
      '22 IRN 8',
      '22 RUS 1',
      '22 USA 1',
      '23 DEU 2', // unified Germany (255) in 1990; 260 is a non-member row
      '23 IRN 8',
      '23 RUS 3',
      '23 USA 1',
      '24 RUS 3',
      '24 USA 1',
    ]);
    expect(d.notes.join('\n')).toMatch(/COW 511: 1 vote row\(s\) skipped — the dataset authors leave Zanzibar/);
  });

  it('reads roll-call metadata from the sheet: embedded quotes and tabs, the malformed 0" ec cell as 0, empty flags as 0', async () => {
    const d = await readVoetenVotes(paths, cw);
    expect([...d.rollCalls.rcid]).toEqual([21, 22, 23, 24]);
    expect([...d.rollCalls.session]).toEqual([28, 28, 45, 18]);
    expect([...d.rollCalls.date]).toEqual([19731201, 19731203, 19901001, 19631101]);
    expect([...d.rollCalls.issues]).toEqual([ISSUE_BITS.co, ISSUE_BITS.important, ISSUE_BITS.me | ISSUE_BITS.hr, ISSUE_BITS.co]);
  });

  it('reports every bad vote row together: bad code, non-numeric ccode, ragged, unknown rcid, unknown COW code, quoted junk', async () => {
    const problems = await problemsOf(readVoetenVotes({ votes: fx('votes_voeten_broken.csv'), rollcalls: fx('rollcalls_voeten.csv') }, cw));
    expect(problems).toHaveLength(6);
    expect(problems[0]).toMatch(/^2 vote: expected 1 \(yes\), 2 \(abstain\), 3 \(no\), 8 \(absent\) or 9 \(not a member\), got "7"/);
    expect(problems[1]).toMatch(/^3 ccode: not a COW code: "abc"/);
    expect(problems[2]).toMatch(/^4: expected 15 fields like the header, found 7/);
    expect(problems[3]).toMatch(/^5 rcid: roll call 77 is not in the roll-call file/);
    expect(problems[4]).toMatch(/^7 ccode: not a COW code: "2""/);
    expect(problems[5]).toMatch(/^6: unknown country cow code "9999"/);
  });
});

