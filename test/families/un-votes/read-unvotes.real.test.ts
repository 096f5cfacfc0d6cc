import path from 'node:path';
import { expect, it } from 'vitest';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { readUnvotes } from '../../../src/families/un-votes/read-unvotes.js';
import { ISSUE_BITS } from '../../../src/families/un-votes/roll-call-data.js';
import { describeShared } from '../../helpers/shared-data.js';

const cw = createCrosswalk();

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
