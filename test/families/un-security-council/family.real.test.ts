import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { InputError } from '../../../src/domain/errors.js';
import type { IndicatorData } from '../../../src/families/family.js';
import { vetoersOf } from '../../../src/families/un-security-council/check-vetoes.js';
import { readCouncilSources, unscFamily, type SourcesRead } from '../../../src/families/un-security-council/family.js';
import { readUnscVetoes } from '../../../src/families/un-security-council/read-unsc-vetoes.js';
import { ROOT } from '../../helpers/cli.js';
import { loadIndicator, testContext } from '../../helpers/load-context.js';
import { describeShared, readGzipCsv } from '../../helpers/shared-data.js';
import { I, permanent, resolve } from './helpers.js';

const CORRECTIONS = path.join(ROOT, 'indicators/unsc/corrections-1994-2025.csv');

describeShared('the Security Council family on the real files', (dataDir) => {
  const file = (f: string) => path.join(dataDir, 'unsc', f);
  const VOTES = { format: 'unsc_votes', path: file('unsc_sc_voting_1994-2025.csv.gz'), corrections: CORRECTIONS };
  const VETOES = { format: 'unsc_vetoes', path: file('unsc_vetoes_1946_sept2022.csv.gz') };
  const SAMPLE = { format: 'unsc_failed_drafts', path: file('unsc_failed_drafts_sample_1947-2022.csv.gz') };
  const MEETINGS = { format: 'unsc_meetings', path: file('unsc_dhl_meeting_outcomes_1946-2019.csv.gz') };
  const ALL = [VOTES, VETOES, SAMPLE, MEETINGS];
  const ctx = testContext(); // one crosswalk: indicators on the same files read them once
  const load = (measure: string, sources: Record<string, unknown>[] = ALL) => loadIndicator(unscFamily, 'unsc', sources, measure, {}, ctx);
  let read: SourcesRead;
  let identical: IndicatorData;

  beforeAll(async () => {
    read = await readCouncilSources(ALL as never, ctx);
    identical = await load('identical');
  }, 120_000);

  it('has Russia voting Yes on the six Iran sanctions resolutions of 2006–2010 (and on 2231)', () => {
    for (const res of [1696, 1737, 1747, 1803, 1835, 1929, 2231]) {
      const d = read.drafts.find((x) => x.resolution === res)!;
      expect(d.votes!.find((v) => v.state === 'RUS')!.vote, `resolution ${res}`).toBe('yes');
    }
    expect(read.drafts.find((x) => x.resolution === 1929)!.date).toBe('2010-06-09'); // stored 2010-09-06, swapped
  });

  it('finds no Russian shield of Iran in 2006, 2007, 2008 and 2010, and one in 2020 (S/2020/797)', async () => {
    const shield = await load('shield');
    for (const y of [2006, 2007, 2008, 2010]) expect(shield.values.get(I('RUS'), I('IRN'), y), String(y)).toBe(0);
    expect(shield.values.get(I('RUS'), I('IRN'), 2020)).toBeGreaterThan(0);
    expect(shield.values.get(I('RUS'), I('IRN'), 2009)).toBeNull(); // no draft on Iran
    const veto = await load('veto_shield');
    expect(veto.values.get(I('RUS'), I('IRN'), 2020)).toBe(0); // S/2020/797 failed: no veto
    expect(veto.values.get(I('RUS'), I('IRN'), 2018)).toBe(1); // the veto of S/2018/156 (Yemen sanctions naming Iran)
    expect(shield.values.get(I('RUS'), I('SYR'), 2012)).toBeGreaterThan(0); // S/2012/77, S/2012/538
  });

  it('has the veto list\'s vetoes per member for 1994 to its last entry, plus the private-meeting veto of 1996', async () => {
    const list = await readUnscVetoes(VETOES.path, resolve, permanent);
    const last = list.reduce((m, v) => (v.date > m ? v.date : m), '');
    const count = (pairs: [string, Iso3[]][]) => {
      const c: Record<string, number> = {};
      for (const [, states] of pairs) for (const s of states) c[s] = (c[s] ?? 0) + 1;
      return c;
    };
    const inVotes = read.drafts.filter((d) => d.outcome === 'vetoed' && d.date! >= '1994-01-01' && d.date! <= last).map((d): [string, Iso3[]] => [d.symbol!, vetoersOf(d, permanent(d.year))]);
    const inList = list.filter((v) => v.year >= 1994).map((v): [string, Iso3[]] => [v.symbol!, [...v.members]]);
    expect(count(inList)).toEqual({ RUS: 30, CHN: 16, USA: 17 });
    expect(count(inVotes)).toEqual({ RUS: 30, CHN: 16, USA: 18 });
    expect(inVotes.filter(([s]) => !inList.some(([t]) => t === s))).toEqual([['S/1996/952', ['USA']]]);
    expect(count(inVotes.filter(([s]) => s !== 'S/1996/952'))).toEqual(count(inList));
    const all = read.drafts.filter((d) => d.outcome === 'vetoed');
    expect(all).toHaveLength(67);
    expect(count(all.map((d) => [d.draft, vetoersOf(d, permanent(d.year))]))).toEqual({ RUS: 40, USA: 25, CHN: 18 });
    expect(all.filter((d) => vetoersOf(d, permanent(d.year)).join() === 'CHN,RUS')).toHaveLength(16);
  });

  const PERIODS = [[1994, 1999], [2000, 2009], [2010, 2019], [2020, 2025]] as const;
  const shares = (d: IndicatorData, a: string, b: string) =>
    PERIODS.map(([from, to]) => {
      let same = 0;
      let k = 0;
      const joint = d.extras.find((x) => x.suffix === 'joint_votes')!.table;
      for (let y = from; y <= to; y++) {
        const v = d.values.get(I(a), I(b), y);
        if (v === null) continue;
        const n = joint.get(I(a), I(b), y)!;
        k += n;
        same += Math.round(v * n);
      }
      return `${same}/${k}`;
    });

  it('gives the same-vote shares on contested drafts of SOURCE.md\'s verified table, with the shipped corrections', async () => {
    // the shipped corrections restore France's abstention on resolution 1958 (2010), which
    // SOURCE.md's clean rule leaves as 15 Yes: one more contested draft in 2010–2019
    expect(shares(identical, 'CHN', 'RUS')).toEqual(['18/39', '40/53', '58/92', '83/130']);
    expect(shares(identical, 'RUS', 'USA')).toEqual(['16/39', '18/53', '18/92', '13/131']);
    expect(shares(identical, 'GBR', 'USA')).toEqual(['33/39', '35/53', '85/92', '109/131']);
    // without that one correction (and its outcome label), every cell of the table
    const lines = readFileSync(CORRECTIONS, 'utf8').split('\n');
    const without = lines.filter((l) => !/^set_(vote|outcome),1096,/.test(l));
    expect(lines.length - without.length).toBe(2);
    const tmp = path.join(mkdtempSync(path.join(os.tmpdir(), 'entente-unsc-')), 'corrections.csv');
    writeFileSync(tmp, without.join('\n'));
    const clean = await load('identical', [{ ...VOTES, corrections: tmp }]);
    expect(shares(clean, 'CHN', 'RUS')).toEqual(['18/39', '40/53', '57/91', '83/130']);
    expect(shares(clean, 'RUS', 'USA')).toEqual(['16/39', '18/53', '17/91', '13/131']);
    expect(shares(clean, 'CHN', 'USA')).toEqual(['9/39', '20/53', '34/91', '37/130']);
    expect(shares(clean, 'GBR', 'USA')).toEqual(['33/39', '35/53', '84/91', '109/131']);
    expect(shares(clean, 'FRA', 'USA')).toEqual(['30/38', '34/53', '84/91', '101/131']);
    expect(shares(clean, 'FRA', 'RUS')).toEqual(['24/38', '32/53', '23/91', '18/131']);
  }, 60_000);

  it('applies or lists every item of the errata table', () => {
    const errata = readGzipCsv(file('unsc_sc_voting_1994-2025_errata.csv.gz'), ['ID', 'issue']);
    expect(errata).toHaveLength(461);
    const lines = readFileSync(CORRECTIONS, 'utf8').split('\n');
    const listed = new Set((identical.details ?? []).map((l) => /corrections-1994-2025\.csv:(\d+): /.exec(l)?.[1]).filter((n) => n !== undefined).map(Number));
    for (const e of errata) {
      const at = lines.findIndex((l) => l.split(',')[1] === e['ID'] && l.includes(`,${e['issue']},`));
      expect(at, `errata ID ${e['ID']} ${e['issue']}`).toBeGreaterThan(0);
      expect(listed.has(at + 1), `errata ID ${e['ID']} ${e['issue']}: line ${at + 1} listed by validate`).toBe(true);
    }
    expect(listed.size).toBe(lines.filter((l) => l.trim() !== '').length - 1); // every correction, listed one by one
  });

  it('checks the votes against the veto list, the meeting tables and the derived membership', () => {
    const notes = identical.notes.join('\n');
    expect(notes).toMatch(/49 veto\(es\) of 1994–2022 checked against the votes: 49 agree on the draft and the vetoing members, 2 with another date; 2 vetoed draft\(s\) of the votes are not in the list/);
    expect(notes).toMatch(/1603 adopted resolution\(s\) compared; dates differ for 7, tallies for 0; 59 with member votes unknown/);
    expect(notes).toMatch(/Council membership derived from the votes, 1994–2025: 15 members every year; every vetoing member of the veto list sat on the Council/);
    expect(notes).toMatch(/0 country-specific draft\(s\) unmapped/);
    expect(identical.details).toContain('members 2010: AUT, BIH, BRA, CHN, FRA, GAB, GBR, JPN, LBN, MEX, NGA, RUS, TUR, UGA, USA');
  });

  it('refuses the voting file without its corrections, at located rows', async () => {
    const e = await load('agree', [{ format: 'unsc_votes', path: VOTES.path }]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    const err = e as InputError;
    expect(err.problems.length + err.omitted).toBeGreaterThan(50);
    expect(err.problems.every((p) => p.file === VOTES.path && p.line > 1 && /^record \d+: ID \d+/.test(p.message))).toBe(true);
  });
});
