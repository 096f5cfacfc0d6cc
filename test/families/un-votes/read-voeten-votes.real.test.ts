import path from 'node:path';
import { expect, it } from 'vitest';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { readVoetenVotes } from '../../../src/families/un-votes/read-voeten-votes.js';
import { describeShared } from '../../helpers/shared-data.js';

const cw = createCrosswalk();

describeShared('readVoetenVotes on the real 2017 release', (dir) => {
  it('reads 5,429 roll calls and every vote but the 254,521 non-member rows (and Zanzibar)', async () => {
    const unga = (f: string) => path.join(dir, 'unga', f);
    const d = await readVoetenVotes({ votes: unga('votes_voeten2017.csv.gz'), rollcalls: unga('rollcalls_voeten2017.csv.gz') }, cw);
    expect(d.rollCalls.rcid.length).toBe(5429);
    const counts = new Map<number, number>();
    for (const c of d.votes.code) counts.set(c, (counts.get(c) ?? 0) + 1);
    const zanzibar = d.notes.find((n) => n.startsWith('COW 511'));
    expect(zanzibar).toBeDefined();
    const skipped = Number(/(\d+) vote row/.exec(zanzibar!)![1]);
    const total = [...counts.values()].reduce((s, n) => s + n, 0);
    expect(total + skipped).toBe(588_800 + 95_099 + 54_865 + 73_328);
    expect(counts.get(8)! + counts.get(1)! + counts.get(2)! + counts.get(3)!).toBe(total);
    // the 197 rows with the malformed ec cell went through the quoted path and still count
    const r1429 = d.rollCalls.rcid.indexOf(1429);
    let on1429 = 0;
    for (let k = 0; k < d.votes.call.length; k++) if (d.votes.call[k] === r1429) on1429++;
    expect(on1429).toBeGreaterThan(100);
  });
});
