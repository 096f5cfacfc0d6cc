import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { yearRanges } from '../../../src/domain/year.js';
import { computeUnVotes, jointVotesTable, measureTable, intervalTables } from '../../../src/families/un-votes/score-un-votes.js';
import { rollCallsOf, session } from './roll-calls-of.js';

const I = (c: string): Iso3 => c as Iso3;
const defaults = { year_by: 'session', keep_unanimous: false, absent: 'drop' } as const;

// session 45 (1990): 4 roll calls; session 46 (1991): 2 roll calls; IRN absent in 1991
const calls = [...session(4, 45), { rcid: 11, session: 46 }, { rcid: 12, session: 46 }];
const data = rollCallsOf(calls, {
  USA: 'YNYN' + 'NY',
  RUS: 'NYYA' + 'YN',
  IRN: 'NY8.' + '88',
  CHN: 'NYNY' + '..',
});

describe('computeUnVotes and measureTable', () => {
  it('scores every pair with joint votes, per year, symmetric in the pair', () => {
    const comp = computeUnVotes(data, defaults);
    const agree = measureTable(comp, 'agree', 1);
    // USA–RUS 1990: Y/N 0, N/Y 0, Y/Y 1, N/A ½ → 1.5/4
    expect(agree.get(I('USA'), I('RUS'), 1990)).toBeCloseTo(0.375, 15);
    expect(agree.get(I('RUS'), I('USA'), 1990)).toBeCloseTo(0.375, 15);
    expect(measureTable(comp, 'identical', 1).get(I('USA'), I('RUS'), 1990)).toBeCloseTo(0.25, 15);
    expect(jointVotesTable(comp).get(I('USA'), I('RUS'), 1990)).toBe(4);
    // absences are dropped by default: IRN–RUS share 2 roll calls in 1990
    expect(jointVotesTable(comp).get(I('IRN'), I('RUS'), 1990)).toBe(2);
  });

  it('leaves a pair without joint votes absent (never 0), and the years without roll calls outside coverage', () => {
    const comp = computeUnVotes(data, defaults);
    const agree = measureTable(comp, 'agree', 1);
    expect(agree.get(I('IRN'), I('USA'), 1991)).toBeNull(); // IRN only absent in 1991
    expect(agree.get(I('CHN'), I('USA'), 1991)).toBeNull(); // CHN did not vote
    expect(comp.coverage).toEqual([{ from: 1990, to: 1991 }]);
  });

  it('counts absences as abstentions or noes when asked', () => {
    const abstain = measureTable(computeUnVotes(data, { ...defaults, absent: 'abstain' }), 'agree', 1);
    // IRN–USA 1991: absent→abstain vs N, Y → ½ each
    expect(abstain.get(I('IRN'), I('USA'), 1991)).toBeCloseTo(0.5, 15);
    const no = measureTable(computeUnVotes(data, { ...defaults, absent: 'no' }), 'identical', 1);
    expect(no.get(I('IRN'), I('USA'), 1991)).toBeCloseTo(0.5, 15);
  });

  it('leaves pair-years below min_joint_votes absent', () => {
    const comp = computeUnVotes(data, defaults);
    const t = measureTable(comp, 'agree', 3);
    expect(t.get(I('IRN'), I('RUS'), 1990)).toBeNull(); // 2 joint votes
    expect(t.get(I('USA'), I('RUS'), 1990)).not.toBeNull(); // 4 joint votes
    expect(jointVotesTable(comp).get(I('IRN'), I('RUS'), 1990)).toBe(2); // the count stays
  });

  it('leaves κ absent where it is undefined, while agree is 1', () => {
    const flat = rollCallsOf(session(3), { USA: 'YYN', GBR: 'YYN', FRA: 'YY.', DEU: 'YYY' });
    const comp = computeUnVotes(flat, { ...defaults, keep_unanimous: true });
    expect(measureTable(comp, 'kappa', 1).get(I('FRA'), I('GBR'), 1990)).toBeNull(); // FRA and GBR: Y,Y only
    expect(measureTable(comp, 'agree', 1).get(I('FRA'), I('GBR'), 1990)).toBe(1);
    expect(measureTable(comp, 'kappa', 1).get(I('GBR'), I('USA'), 1990)).toBe(1);
  });

  it('computes every year and every pair of voting states (no filter: a run selects its rows later)', () => {
    const comp = computeUnVotes(data, defaults);
    const joint = jointVotesTable(comp);
    expect([...joint.years()].sort()).toEqual([1990, 1991]);
    expect(joint.get(I('USA'), I('RUS'), 1991)).toBe(2);
    expect(joint.get(I('CHN'), I('USA'), 1991)).toBeNull(); // CHN did not vote in 1991
    expect(comp.coverage).toEqual([{ from: 1990, to: 1991 }]);
  });

  it('gives the same tables whatever the order of the votes', () => {
    const shuffled = { ...data, votes: { ...data.votes, state: data.votes.state.slice().reverse(), call: data.votes.call.slice().reverse(), code: data.votes.code.slice().reverse() } };
    const a = measureTable(computeUnVotes(data, defaults), 'pi', 1).sortedEntries();
    const b = measureTable(computeUnVotes(shuffled, defaults), 'pi', 1).sortedEntries();
    expect(b).toEqual(a);
  });

  it('adds bootstrap bounds around the estimate without changing it, deterministically for a seed', () => {
    const big = rollCallsOf(session(40), {
      USA: 'YNYNYYNNAY'.repeat(4),
      RUS: 'NYYAYNYNAY'.repeat(4),
      IRN: 'NYYYNNYYAA'.repeat(4),
    });
    const comp = computeUnVotes(big, defaults);
    const before = measureTable(comp, 'agree', 1).sortedEntries();
    const b1 = intervalTables(comp, 'agree', 1, { draws: 200, level: 0.9 }, 7);
    const b2 = intervalTables(comp, 'agree', 1, { draws: 200, level: 0.9 }, 7);
    const b3 = intervalTables(comp, 'agree', 1, { draws: 200, level: 0.9 }, 8);
    expect(measureTable(comp, 'agree', 1).sortedEntries()).toEqual(before);
    expect(b1.lo.sortedEntries()).toEqual(b2.lo.sortedEntries());
    expect(b1.hi.sortedEntries()).toEqual(b2.hi.sortedEntries());
    expect(b3.lo.sortedEntries()).not.toEqual(b1.lo.sortedEntries());
    for (const { a, b, year, value } of before) {
      const lo = b1.lo.get(a, b, year)!;
      const hi = b1.hi.get(a, b, year)!;
      expect(lo).toBeLessThanOrEqual(value + 1e-12);
      expect(hi).toBeGreaterThanOrEqual(value - 1e-12);
      expect(hi - lo).toBeGreaterThan(0.05);
    }
  });

  it('collapses years into ranges', () => {
    expect(yearRanges([1946, 1947, 1963, 1965, 1966])).toEqual([
      { from: 1946, to: 1947 },
      { from: 1963, to: 1963 },
      { from: 1965, to: 1966 },
    ]);
    expect(yearRanges([])).toEqual([]);
  });
});
