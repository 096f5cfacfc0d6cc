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
import { describeShared } from '../../helpers/shared-data.js';

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

describeShared('readUnvotes on the real release', (dir) => {
  it('reads all 870,109 votes of 200 countries (Zanzibar\'s 2 left out) on 6,203 roll calls', async () => {
    const unga = (f: string) => path.join(dir, 'unga', f);
    const d = await readUnvotes(
      { votes: unga('unvotes_un_votes.csv.gz'), rollcalls: unga('unvotes_un_roll_calls.csv.gz'), issues: unga('unvotes_un_roll_call_issues.csv.gz') },
      cw,
    );
    expect(d.rollCalls.rcid.length).toBe(6203);
    expect(d.votes.code.length).toBe(870_109 - 2);
    const counts = [0, 0, 0, 0];
    for (const c of d.votes.code) counts[c]!++;
    expect(counts.slice(1)).toEqual([693_664, 110_897 - 2, 65_548]); // Zanzibar abstained twice
    // 200 countries; YAR → YEM and West Germany → DEU by the default succession rules; Zanzibar left out
    expect(d.votes.states).toHaveLength(197);
    expect(d.votes.states).toContain('NAM');
    let tagged = 0;
    for (const f of d.rollCalls.issues) if ((f & ~ISSUE_BITS.important) !== 0) tagged++;
    expect(tagged).toBeGreaterThan(4000);
  });
});
