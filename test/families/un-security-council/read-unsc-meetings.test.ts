import { describe, expect, it } from 'vitest';
import { readUnscMeetings } from '../../../src/families/un-security-council/read-unsc-meetings.js';
import { fx, problemsOf } from './helpers.js';

describe('readUnscMeetings', () => {
  it('reads each resolution with its meeting date and Yes-No-Abstain tally', async () => {
    const m = await readUnscMeetings(fx('unsc_meetings.csv'));
    expect([...m.keys()]).toEqual([1696, 1674, 1737, 1747]);
    expect(m.get(1696)).toEqual({ line: 2, resolution: 1696, year: 2006, date: '2006-07-31', tally: [14, 1, 0] });
    expect(m.get(1674)!.date).toBe('2006-04-05');
  });

  it('reports every bad row at once', async () => {
    expect(await problemsOf(readUnscMeetings(fx('unsc_meetings_broken.csv')))).toEqual([
      [3, 'year', 'expected a four-digit year, got "year"'],
      [4, undefined, 'expected 4 fields like the header, found 2; check for an unquoted comma or a missing field'],
    ]);
  });
});
