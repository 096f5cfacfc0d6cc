import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import type { CouncilDraft, CouncilVote } from '../../../src/families/un-security-council/council-draft.js';
import { computeCouncil, isContested, type CouncilData } from '../../../src/families/un-security-council/compute-council.js';
import { deriveMembership } from '../../../src/families/un-security-council/membership.js';
import { I, permanent } from './helpers.js';

const STATES = ['BRA', 'CHN', 'FRA', 'GBR', 'RUS', 'USA', 'ZAF'] as Iso3[];
const P5 = new Set(['CHN', 'FRA', 'GBR', 'RUS', 'USA']);
const SEATS = [['USA'], ['GBR'], ['FRA'], ['RUS'], ['CHN']] as Iso3[][];

function draft(id: number, year: number, votes: [string, CouncilVote][], topic = '', outcome?: CouncilDraft['outcome']): CouncilDraft {
  const p5No = votes.some(([s, v]) => v === 'no' && P5.has(s));
  return {
    id: String(id),
    year,
    date: null,
    draft: `S/${year}/${id}`,
    symbol: `S/${year}/${id}`,
    resolution: null,
    agenda: '',
    topic,
    category: '',
    outcomeLabel: '',
    outcome: outcome ?? (p5No ? 'vetoed' : 'adopted'),
    procedural: false,
    votes: votes.map(([s, vote], k) => ({ state: s as Iso3, vote, name: s, line: k + 2, record: k + 2 })),
    origin: { file: 'v.csv', line: 2, firstRecord: 2, lastRecord: 2 },
  };
}

function data(drafts: CouncilDraft[], targets: (d: CouncilDraft) => readonly Iso3[] | null = (d) => (d.topic === '' ? null : [d.topic as Iso3])): CouncilData {
  return {
    drafts,
    vetoOnly: [],
    voteYears: new Set(drafts.map((d) => d.year)),
    vetoOnlyYears: new Set(),
    members: deriveMembership(drafts, permanent).byYear,
    seats: () => SEATS,
    targets,
  };
}

const opts = { keepUnanimous: false, minJointVotes: 1 };
const voteArb = fc.constantFrom<CouncilVote>('yes', 'no', 'abstain');
const draftsArb = fc.array(fc.tuple(fc.integer({ min: 2000, max: 2002 }), fc.array(voteArb, { minLength: STATES.length, maxLength: STATES.length }), fc.constantFrom('', 'IRN', 'SYR')), { minLength: 1, maxLength: 25 }).map((ds) =>
  ds.map(([year, votes, topic], k) => draft(k + 1, year, STATES.map((s, i) => [s, votes[i]!]), topic)),
);

describe('computeCouncil', () => {
  it('computes agree and identical by hand on a small year', () => {
    const d = data([
      draft(1, 2010, [['RUS', 'yes'], ['USA', 'no'], ['BRA', 'abstain']], '', 'failed'),
      draft(2, 2010, [['RUS', 'no'], ['USA', 'no'], ['BRA', 'yes']], '', 'failed'),
      draft(3, 2010, [['RUS', 'yes'], ['USA', 'yes'], ['BRA', 'yes']]), // unanimous: dropped by default
    ]);
    const agree = computeCouncil(d, 'agree', opts);
    const identical = computeCouncil(d, 'identical', opts);
    expect(agree.values.get(I('RUS'), I('USA'), 2010)).toBe(0.5); // 0 and 1
    expect(identical.values.get(I('RUS'), I('USA'), 2010)).toBe(0.5);
    expect(agree.values.get(I('BRA'), I('RUS'), 2010)).toBe(0.25); // abstain–yes ½, yes–no 0
    expect(agree.extras[0]!.table.get(I('BRA'), I('RUS'), 2010)).toBe(2);
    expect(computeCouncil(d, 'identical', { keepUnanimous: true, minJointVotes: 1 }).values.get(I('RUS'), I('USA'), 2010)).toBeCloseTo(2 / 3, 15);
    expect(computeCouncil(d, 'identical', { keepUnanimous: false, minJointVotes: 3 }).values.size).toBe(0);
  });

  it('keeps agree and identical symmetric, on 0–1, with identical ≤ agree ≤ (1 + identical)/2', () => {
    fc.assert(
      fc.property(draftsArb, (drafts) => {
        const d = data(drafts);
        const agree = computeCouncil(d, 'agree', opts).values;
        const identical = computeCouncil(d, 'identical', opts).values;
        expect(agree.size).toBe(identical.size);
        for (const e of identical.entries()) {
          const a = agree.get(e.b, e.a, e.year)!;
          expect(e.value).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(1);
          expect(e.value).toBeLessThanOrEqual(a + 1e-12);
          expect(a).toBeLessThanOrEqual((1 + e.value) / 2 + 1e-12);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('gives shield values on 0–1, veto_shield ≤ shield, only for permanent members, and nothing without a draft concerning B', () => {
    fc.assert(
      fc.property(draftsArb, (drafts) => {
        const d = data(drafts);
        const shield = computeCouncil(d, 'shield', opts).values;
        const veto = computeCouncil(d, 'veto_shield', opts).values;
        for (const e of shield.entries()) {
          expect(e.value).toBeGreaterThanOrEqual(0);
          expect(e.value).toBeLessThanOrEqual(1);
          expect(drafts.some((x) => x.year === e.year && x.topic === e.b)).toBe(true);
        }
        for (const e of veto.entries()) {
          expect(P5.has(e.a)).toBe(true);
          expect(e.value).toBeLessThanOrEqual(shield.get(e.a, e.b, e.year)! + 1e-12);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('counts shields and joint vetoes by hand', () => {
    const d = data([
      draft(1, 2012, [['RUS', 'no'], ['CHN', 'no'], ['USA', 'yes'], ['ZAF', 'abstain']], 'SYR'), // vetoed
      draft(2, 2012, [['RUS', 'yes'], ['CHN', 'yes'], ['USA', 'yes'], ['ZAF', 'yes']], 'SYR'),
      draft(3, 2012, [['RUS', 'yes'], ['CHN', 'no'], ['USA', 'yes'], ['ZAF', 'no']], 'SYR'), // vetoed by China alone
    ]);
    const shield = computeCouncil(d, 'shield', opts);
    expect(shield.values.get(I('RUS'), I('SYR'), 2012)).toBeCloseTo(1 / 3, 15);
    expect(shield.values.get(I('CHN'), I('SYR'), 2012)).toBeCloseTo(2 / 3, 15);
    expect(shield.values.get(I('ZAF'), I('SYR'), 2012)).toBeCloseTo(1 / 3, 15);
    expect(shield.extras.find((x) => x.suffix === 'drafts_on_b')!.table.get(I('RUS'), I('SYR'), 2012)).toBe(3);
    expect(computeCouncil(d, 'veto_shield', opts).values.get(I('ZAF'), I('SYR'), 2012)).toBeNull();
    const co = computeCouncil(d, 'co_veto', opts).values;
    expect(co.get(I('CHN'), I('RUS'), 2012)).toBe(1);
    expect(co.get(I('GBR'), I('USA'), 2012)).toBe(0);
    expect(co.get(I('RUS'), I('ZAF'), 2012)).toBeNull();
    expect(computeCouncil(d, 'shield', { keepUnanimous: false, minJointVotes: 4 }).values.size).toBe(0);
  });

  it('calls a draft contested when a recorded vote is not Yes', () => {
    expect(isContested(draft(1, 2000, [['RUS', 'yes'], ['USA', 'abstain']]))).toBe(true);
    expect(isContested(draft(1, 2000, [['RUS', 'yes']]))).toBe(false);
    expect(isContested({ votes: null })).toBe(false);
  });
});
