import { describe, expect, it } from 'vitest';
import { parseNameList, readUnscFailedDrafts, requiredVotes } from '../../../src/families/un-security-council/read-unsc-failed-drafts.js';
import { fx, permanent, problemsOf, resolve } from './helpers.js';

describe('readUnscFailedDrafts', () => {
  it('reads the vote lists, with the USSR and the Republic of China behind the present-day names, and decides veto or failure', async () => {
    const { drafts, notes } = await readUnscFailedDrafts(fx('unsc_failed_drafts.csv'), resolve, permanent);
    const japan = drafts.find((d) => d.symbol === 'S/3510')!;
    expect(japan.outcome).toBe('vetoed');
    expect(japan.votes!.find((v) => v.vote === 'no')!.state).toBe('RUS'); // the USSR, reported as RUS by the default succession rule
    expect(japan.votes!.some((v) => v.state === 'TWN' && v.vote === 'yes')).toBe(true);
    expect(drafts.find((d) => d.symbol === 'S/1127')!.outcome).toBe('failed');
    expect(drafts.find((d) => d.symbol === 'S/2020/797')!.votes).toHaveLength(7);
    expect(notes).toEqual([`${fx('unsc_failed_drafts.csv')}:3: S/1127 (1948): the tally "(6, 5, 0)" differs from the name lists (5, 5, 0); the lists are used`]);
  });

  it('reports every bad row at once: a broken list, a draft that passed, a bad year, an unknown name', async () => {
    expect(await problemsOf(readUnscFailedDrafts(fx('unsc_failed_drafts_broken.csv'), resolve, permanent))).toEqual([
      [2, 'In Favor', 'expected a list like [\'France\', \'Poland\'] (or []), got "[\'Belgium\', \'Brazil\'"'],
      [3, 'In Favor', '8 votes in favour and no permanent member against: the draft passed, but this file lists failed votes only'],
      [4, 'Year', 'expected a four-digit year, got "19x0"'],
      [5, 'In Favor', 'unknown country name "Narnia"'],
    ]);
  });

  it('parses Python list literals, with either quote and the file\'s "d\' " spacing', () => {
    expect(parseNameList("['Poland', \"Côte d'Ivoire\"]")).toEqual(['Poland', "Côte d'Ivoire"]);
    expect(parseNameList("['Cote d' Ivoire']")).toBeNull(); // an apostrophe inside single quotes ends the string
    expect(parseNameList("[\"Cote d' Ivoire\"]")).toEqual(["Cote d'Ivoire"]);
    expect(parseNameList('[]')).toEqual([]);
    expect(parseNameList("['a',]")).toEqual(['a']);
    expect(parseNameList("'a'")).toBeNull();
    expect(parseNameList("['a' 'b']")).toBeNull();
    expect([requiredVotes(1955), requiredVotes(1966)]).toEqual([7, 9]);
  });
});
