/**
 * Acceptance on the real data (../shared/data/unga): Entente's UN voting measures against
 * the dataset authors' published tables (SOURCE.md "Verified reproduction" and "Ground-truth
 * spot values"), and the S/κ/π family against a deliberately simple reference written here
 * (plain loops over each pair's joint votes, a different code path).
 */
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeShared, readGzipCsv } from '../../helpers/shared-data.js';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import type { Iso3 } from '../../../src/domain/country.js';
import { readUnvotes } from '../../../src/families/un-votes/read-unvotes.js';
import { readVoetenVotes } from '../../../src/families/un-votes/read-voeten-votes.js';
import type { RollCallData } from '../../../src/families/un-votes/roll-call-data.js';
import { computeUnVotes, measureTable, jointVotesTable, type UnVotesComputation } from '../../../src/families/un-votes/score-un-votes.js';
import type { DyadYearTable } from '../../../src/domain/dyad-year-table.js';

const I = (c: string): Iso3 => c as Iso3;
const DEFAULTS = { year_by: 'session', keep_unanimous: false, absent: 'drop' } as const;

/** The six reference columns of the published table and their states. */
const REFERENCE: readonly [string, Iso3][] = [
  ['pctagreeus', I('USA')],
  ['pctagreerussia', I('RUS')],
  ['pctagreebrazil', I('BRA')],
  ['pctagreechina', I('CHN')],
  ['pctagreeindia', I('IND')],
  ['pctagreeisrael', I('ISR')],
];

interface Tally {
  compared: number;
  matched: number;
  mismatches: { session: number; ccode: string; column: string; published: string; ours: number | null }[];
}

/** Compares `identical` with every published pctagree cell (NaN = not defined). */
function compareWithPublished(rows: Record<string, string>[], identical: DyadYearTable, sessions: (s: number) => boolean): Tally {
  const cw = createCrosswalk();
  const tally: Tally = { compared: 0, matched: 0, mismatches: [] };
  for (const r of rows) {
    if (r['session'] === '' || r['ccode'] === '') continue;
    const session = Number(r['session']);
    if (!sessions(session)) continue;
    const year = session + 1945;
    const state = cw.resolve('cow', r['ccode']!, year);
    for (const [column, ref] of REFERENCE) {
      const published = r[column]!;
      if (published === 'NaN' || published === '') continue;
      tally.compared++;
      const ours = state === ref ? 1 : identical.get(state, ref, year);
      if (ours !== null && Math.abs(ours - Number(published)) <= 5e-8 + 1e-12) tally.matched++;
      else tally.mismatches.push({ session, ccode: r['ccode']!, column, published, ours });
    }
  }
  return tally;
}

/** Reference: plain loops over joint votes of one session, nothing shared with src/ but the parsed votes. */
function referenceSession(data: RollCallData, session: number): Map<string, { k: number; agree: number; s_abs: number; s_sq: number; kappa: number | null; pi: number | null }> {
  const calls: number[] = [];
  for (let i = 0; i < data.rollCalls.rcid.length; i++) if (data.rollCalls.session[i] === session) calls.push(i);
  const n = data.votes.states.length;
  const votesOn = new Map<number, Int8Array>(); // call → code per state (0 = no vote)
  for (const c of calls) votesOn.set(c, new Int8Array(n));
  for (let k = 0; k < data.votes.code.length; k++) {
    const m = votesOn.get(data.votes.call[k]!);
    const code = data.votes.code[k]!;
    if (m && code >= 1 && code <= 3) m[data.votes.state[k]!] = code;
  }
  // unanimous: every yes/abstain/no voter cast the same vote
  const kept = calls.filter((c) => new Set(votesOn.get(c)!.filter((v) => v > 0)).size > 1).map((c) => votesOn.get(c)!);
  const out = new Map<string, { k: number; agree: number; s_abs: number; s_sq: number; kappa: number | null; pi: number | null }>();
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const xs: number[] = [];
      const ys: number[] = [];
      for (const votes of kept) {
        const x = votes[a]!;
        const y = votes[b]!;
        if (x > 0 && y > 0) {
          xs.push(x);
          ys.push(y);
        }
      }
      const K = xs.length;
      if (K === 0) continue;
      let agreeSum = 0;
      let sad = 0;
      let ssd = 0;
      for (let i = 0; i < K; i++) {
        const d = Math.abs(xs[i]! - ys[i]!);
        agreeSum += 1 - d / 2;
        sad += d;
        ssd += d * d;
      }
      // κ: 1 − observed / expected squared disagreement under independent margins (Häge 2011)
      const px = [0, 0, 0, 0];
      const py = [0, 0, 0, 0];
      for (let i = 0; i < K; i++) {
        px[xs[i]!]! += 1 / K;
        py[ys[i]!]! += 1 / K;
      }
      let eKappa = 0;
      let ePi = 0;
      for (let u = 1; u <= 3; u++) {
        for (let v = 1; v <= 3; v++) {
          const d2 = (u - v) ** 2;
          eKappa += px[u]! * py[v]! * d2;
          ePi += ((px[u]! + py[u]!) / 2) * ((px[v]! + py[v]!) / 2) * d2;
        }
      }
      const oDis = ssd / K;
      out.set(`${data.votes.states[a]}-${data.votes.states[b]}`, {
        k: K,
        agree: agreeSum / K,
        s_abs: 1 - (2 * (sad / K)) / 2,
        s_sq: 1 - (2 * (ssd / K)) / 4,
        kappa: eKappa < 1e-12 ? null : 1 - oDis / eKappa,
        pi: ePi < 1e-12 ? null : 1 - oDis / ePi,
      });
    }
  }
  return out;
}

describeShared('UN votes reproduce the published agreement tables', (dir) => {
  const unga = (f: string) => path.join(dir, 'unga', f);
  let unvotes: RollCallData;
  let comp: UnVotesComputation;
  let identical: DyadYearTable;
  let agree: DyadYearTable;
  let published: Record<string, string>[];

  beforeAll(async () => {
    unvotes = await readUnvotes(
      { votes: unga('unvotes_un_votes.csv.gz'), rollcalls: unga('unvotes_un_roll_calls.csv.gz'), issues: unga('unvotes_un_roll_call_issues.csv.gz') },
      createCrosswalk(),
    );
    comp = computeUnVotes(unvotes, DEFAULTS);
    identical = measureTable(comp, 'identical', 1);
    agree = measureTable(comp, 'agree', 1);
    published = readGzipCsv(unga('voeten_idealpoints_pctagree_2019.csv.gz'), ['ccode', 'session', ...REFERENCE.map(([c]) => c)]);
  });

  it('identical equals all six pctagree columns to the published 7 decimals outside session 26 (unvotes release)', () => {
    const t = compareWithPublished(published, identical, () => true);
    const outside26 = t.mismatches.filter((m) => m.session !== 26);
    console.log(`pctagree vs unvotes: ${t.matched} of ${t.compared} published cells match; ${t.mismatches.length} differ, all in session 26: ${outside26.length === 0}`);
    expect(outside26).toEqual([]);
    expect(t.compared).toBeGreaterThan(58_000);
    expect(t.matched).toBeGreaterThanOrEqual(57_664);
  });

  it('identical reproduces the ground-truth spot values of SOURCE.md', () => {
    const truth: [number, number, number, number][] = [
      [1990, 0.1428571, 0.9285714, 0.8915663],
      [2000, 0.3421053, 0.7464789, 0.7466667],
      [2001, 0.308642, 0.7333333, 0.75],
      [2002, 0.2135922, 0.6, 0.6666667],
      [2003, 0.2580645, 0.7222222, 0.7252747],
      [2004, 0.1511628, 0.702381, 0.7380952],
      [2005, 0.1919192, 0.6421053, 0.7244898],
      [2006, 0.1696429, 0.7264151, 0.8165138],
      [2007, 0.1413043, 0.7738095, 0.7802198],
      [2008, 0.1458333, 0.6979167, 0.8404255],
      [2009, 0.25, 0.65, 0.797619],
      [2010, 0.2823529, 0.6790123, 0.755814],
      [2011, 0.3608247, 0.6741573, 0.8315789],
      [2012, 0.3409091, 0.5930233, 0.744186],
      [2013, 0.203125, 0.7213115, 0.71875],
      [2014, 0.2207792, 0.6842105, 0.6973684],
      [2015, 0.2876712, 0.6521739, 0.7222222],
      [2016, 0.3185841, 0.635514, 0.6785714],
      [2017, 0.2764228, 0.6521739, 0.785124],
      [2018, 0.2, 0.6956522, 0.7849462],
    ];
    for (const [year, usRu, ruIr, ruCn] of truth) {
      expect(identical.get(I('USA'), I('RUS'), year)).toBeCloseTo(usRu, 7);
      expect(identical.get(I('RUS'), I('IRN'), year)).toBeCloseTo(ruIr, 7);
      expect(identical.get(I('RUS'), I('CHN'), year)).toBeCloseTo(ruCn, 7);
    }
    // "The 2010 USA-Russia value is 24 identical votes out of 85."
    expect(jointVotesTable(comp).get(I('USA'), I('RUS'), 2010)).toBe(85);
  });

  it('agree reproduces the regression values of SOURCE.md and PERFORMANCE.md', () => {
    const values: [string, string, number, number][] = [
      ['USA', 'RUS', 2000, 0.4736842],
      ['USA', 'RUS', 2010, 0.4058824],
      ['USA', 'RUS', 2015, 0.4109589],
      ['USA', 'RUS', 2018, 0.3],
      ['USA', 'RUS', 2019, 0.2873563],
      ['RUS', 'IRN', 2000, 0.8591549],
      ['RUS', 'IRN', 2010, 0.808642],
      ['RUS', 'IRN', 2015, 0.7536232],
      ['RUS', 'IRN', 2018, 0.7880435],
      ['RUS', 'IRN', 2019, 0.7857143],
      ['KOR', 'USA', 2010, 0.5654762],
    ];
    for (const [a, b, year, v] of values) expect(agree.get(I(a), I(b), year)).toBeCloseTo(v, 7);
  });

  it('has no roll calls in 1964 (session 19 is left out): every pair is absent, not 0', () => {
    expect(comp.coverage).toEqual([
      { from: 1946, to: 1963 },
      { from: 1965, to: 2019 },
    ]);
    expect(identical.get(I('USA'), I('RUS'), 1964)).toBeNull();
    expect([...identical.years()].includes(1964)).toBe(false);
  });

  it('s_abs, s_sq, kappa and pi equal a plain-loop reference on every pair of six sessions', () => {
    const tables = Object.fromEntries((['s_abs', 's_sq', 'kappa', 'pi', 'agree'] as const).map((m) => [m, measureTable(comp, m, 1)]));
    const joint = jointVotesTable(comp);
    let pairs = 0;
    let undefinedKappa = 0;
    const bad: string[] = [];
    const close = (ours: number | null, ref: number | null, tol: number) => (ours === null || ref === null ? ours === ref : Math.abs(ours - ref) <= tol);
    for (const session of [1, 26, 45, 58, 65, 74]) {
      const year = session + 1945;
      const ref = referenceSession(unvotes, session);
      for (const [key, r] of ref) {
        const [a, b] = key.split('-') as [Iso3, Iso3];
        pairs++;
        if (r.kappa === null) undefinedKappa++;
        const checks: [string, number | null, number | null, number][] = [
          ['joint_votes', joint.get(a, b, year), r.k, 0],
          ['agree', tables['agree']!.get(a, b, year), r.agree, 1e-12],
          ['s_abs', tables['s_abs']!.get(a, b, year), r.s_abs, 1e-12],
          ['s_sq', tables['s_sq']!.get(a, b, year), r.s_sq, 1e-12],
          ['kappa', tables['kappa']!.get(a, b, year), r.kappa, 1e-10],
          ['pi', tables['pi']!.get(a, b, year), r.pi, 1e-10],
        ];
        for (const [m, ours, want, tol] of checks) if (!close(ours, want, tol)) bad.push(`${key} ${year} ${m}: ${ours} vs reference ${want}`);
      }
      // and nothing more than the reference has
      let ours = 0;
      for (const k of joint.keys()) if (k % 4096 === year) ours++;
      expect(ours).toBe(ref.size);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(pairs).toBeGreaterThan(50_000);
    console.log(`reference check: ${pairs} pair-years in 6 sessions, ${undefinedKappa} with an undefined κ`);
  });

  it('s_abs = 2·agree − 1 on every pair-year (unweighted, absolute distance)', () => {
    const sAbs = measureTable(comp, 's_abs', 1);
    let worst = 0;
    for (const k of agree.keys()) worst = Math.max(worst, Math.abs(sAbs.getByKey(k)! - (2 * agree.getByKey(k)! - 1)));
    expect(worst).toBeLessThan(1e-12);
    expect(agree.size).toBe(sAbs.size);
    expect(agree.size).toBeGreaterThan(800_000);
  });

  it('the numeric 2017 release reproduces pctagree exactly in sessions 1–51 and 68–70', async () => {
    const voeten = await readVoetenVotes({ votes: unga('votes_voeten2017.csv.gz'), rollcalls: unga('rollcalls_voeten2017.csv.gz') }, createCrosswalk());
    const ident = measureTable(computeUnVotes(voeten, DEFAULTS), 'identical', 1);
    const t = compareWithPublished(published, ident, (s) => s <= 51 || (s >= 68 && s <= 70));
    console.log(`pctagree vs votes_voeten2017, sessions 1–51 and 68–70: ${t.matched} of ${t.compared} published cells match`);
    expect(t.mismatches).toEqual([]);
  });
});
