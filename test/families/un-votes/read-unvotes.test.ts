import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { InputError } from '../../../src/domain/errors.js';
import { readUnvotes } from '../../../src/families/un-votes/read-unvotes.js';
import { ISSUE_BITS, type RollCallData } from '../../../src/families/un-votes/roll-call-data.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fx = (f: string): string => path.join(ROOT, 'test/families/un-votes/fixtures', f);
const cw = createCrosswalk();
const paths = { votes: fx('un_votes.csv'), rollcalls: fx('un_roll_calls.csv'), issues: fx('un_roll_call_issues.csv') };

/** The votes as readable tuples `rcid STATE code`, sorted. */
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

describe('readUnvotes', () => {
  it('reads roll calls with session, date, the important flag and the issue tags', async () => {
    const d = await readUnvotes(paths, cw);
    expect([...d.rollCalls.rcid]).toEqual([11, 12, 13, 14, 15, 879]);
    expect([...d.rollCalls.session]).toEqual([45, 45, 45, 45, 46, 19]);
    expect([...d.rollCalls.date]).toEqual([19901001, 19901102, 19910115, 19910201, 19911001, 19650206]);
    expect([...d.rollCalls.issues]).toEqual([
      ISSUE_BITS.co,
      ISSUE_BITS.nu | ISSUE_BITS.di | ISSUE_BITS.important,
      ISSUE_BITS.hr,
      0,
      ISSUE_BITS.me,
      0,
    ]);
    expect(d.recordsAbsences).toBe(false);
  });

  it('reads Namibia\'s "NA" as a code, resolves empty codes by name and leaves Zanzibar out', async () => {
    const d = await readUnvotes(paths, cw);
    expect(d.votes.states).toEqual(['CIV', 'DEU', 'NAM', 'RUS', 'USA']);
    const votes = voteList(d);
    expect(votes).toContain('11 NAM 1');
    expect(votes).toContain('11 DEU 2'); // Federal Republic of Germany, empty ISO code
    expect(votes).toContain('15 DEU 2'); // Germany, DE
    expect(votes).toContain('11 CIV 1');
    expect(votes.some((v) => v.startsWith('13 ') && v.endsWith(' 3') && !v.includes('RUS'))).toBe(false); // Zanzibar's no
    expect(votes).toHaveLength(20);
    expect(d.notes.join('\n')).toMatch(/Federal Republic of Germany.*resolved by its name to DEU/);
    expect(d.notes.join('\n')).toMatch(/Zanzibar.*1 vote row\(s\) skipped/);
  });

  it('reads gzip and plain files alike, without relying on the file name', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'un-'));
    const gz = (f: string) => {
      const out = path.join(dir, f); // no .gz suffix: detection is by content
      writeFileSync(out, gzipSync(readFileSync(fx(f))));
      return out;
    };
    const d = await readUnvotes({ votes: gz('un_votes.csv'), rollcalls: gz('un_roll_calls.csv'), issues: gz('un_roll_call_issues.csv') }, cw);
    const plain = await readUnvotes(paths, cw);
    expect(voteList(d)).toEqual(voteList(plain));
    expect([...d.rollCalls.issues]).toEqual([...plain.rollCalls.issues]);
  });

  it('gives the same data whatever the order of the vote rows', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'un-'));
    const [head, ...rows] = readFileSync(fx('un_votes.csv'), 'utf8').trim().split('\n');
    const shuffled = path.join(dir, 'votes.csv');
    writeFileSync(shuffled, [head, ...rows.reverse()].join('\r\n') + '\r\n');
    const d = await readUnvotes({ ...paths, votes: shuffled }, cw);
    const plain = await readUnvotes(paths, cw);
    expect(d.votes.states).toEqual(plain.votes.states);
    expect(voteList(d)).toEqual(voteList(plain));
  });

  it('reports every bad vote row together: ragged, unknown rcid, bad vote, unknown country, duplicate, bad id', async () => {
    const problems = await problemsOf(readUnvotes({ votes: fx('un_votes_broken.csv'), rollcalls: fx('un_roll_calls.csv') }, cw));
    expect(problems).toHaveLength(6);
    expect(problems[0]).toMatch(/^3: expected 4 fields like the header, found 3/);
    expect(problems[1]).toMatch(/^4 rcid: roll call 99 is not in the roll-call file/);
    expect(problems[2]).toMatch(/^5 vote: expected yes, abstain or no, got "maybe"/);
    expect(problems[3]).toMatch(/^9 rcid: not a whole number: "x"/);
    expect(problems[4]).toMatch(/^6: unknown country name "Narnia".*\(2 row\(s\) from this line on\)/);
    expect(problems[5]).toMatch(/^8: duplicate vote: Iran \(IR\) already voted on roll call 13 \(line 7\)/);
  });

  it('reports every bad roll-call row together: non-numeric session, bad date, duplicate rcid, bad flag', async () => {
    const problems = await problemsOf(readUnvotes({ votes: fx('un_votes.csv'), rollcalls: fx('un_roll_calls_broken.csv') }, cw));
    expect(problems).toEqual([
      '3 session: not a whole number: "forty"',
      '4 date: not a date: "31/31/1991"; expected YYYY-MM-DD',
      '5 rcid: duplicate roll call 11; each rcid must appear once',
      '6 importantvote: expected 0, 1 or empty, got "2"',
    ]);
  });

  it('names the missing columns of a file that is not the un_votes table', async () => {
    const problems = await problemsOf(readUnvotes({ votes: fx('un_roll_call_issues.csv'), rollcalls: fx('un_roll_calls.csv') }, cw));
    expect(problems[0]).toMatch(/missing column\(s\) "country", "country_code", "vote"/);
  });

  it('reports a file that cannot be read', async () => {
    const problems = await problemsOf(readUnvotes({ votes: fx('nope.csv'), rollcalls: fx('un_roll_calls.csv') }, cw));
    expect(problems[0]).toMatch(/the file does not exist/);
  });
});

