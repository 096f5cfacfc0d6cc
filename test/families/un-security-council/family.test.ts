import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { InputError } from '../../../src/domain/errors.js';
import { directionOf, type IndicatorData } from '../../../src/families/family.js';
import { unscFamily as fam } from '../../../src/families/un-security-council/family.js';
import { UNSC_MEASURES } from '../../../src/families/un-security-council/measures.js';
import { families } from '../../../src/families/families.js';
import { loadIndicator, testContext } from '../../helpers/load-context.js';
import { ROOT } from '../../helpers/cli.js';

const FX = 'test/families/un-security-council/fixtures';
const I = (c: string): Iso3 => c as Iso3;
const VOTES = { format: 'unsc_votes', path: `${FX}/unsc_votes.csv`, corrections: `${FX}/unsc_corrections.csv` };
const VETOES = { format: 'unsc_vetoes', path: `${FX}/unsc_vetoes.csv` };
const SAMPLE = { format: 'unsc_failed_drafts', path: `${FX}/unsc_failed_drafts.csv` };
const MEETINGS = { format: 'unsc_meetings', path: `${FX}/unsc_meetings.csv` };
const ALL = [VOTES, VETOES, SAMPLE, MEETINGS];

function load(measure: string, sources: Record<string, unknown>[] = ALL, options: Record<string, unknown> = {}): Promise<IndicatorData> {
  return loadIndicator(fam, 'unsc', sources, measure, options, testContext());
}
const extra = (d: IndicatorData, suffix: string) => d.extras.find((x) => x.suffix === suffix)!.table;

describe('the un_security_council family', () => {
  it('is registered, with agree first, a direction per measure and four formats', () => {
    expect(families['un_security_council']).toBe(fam);
    expect(fam.defaultId).toBe('unsc');
    expect(fam.measures).toEqual(['agree', 'identical', 'shield', 'veto_shield', 'co_veto']);
    expect(fam.measures.map((m) => directionOf(fam, m))).toEqual(['symmetric', 'symmetric', 'directed', 'directed', 'symmetric']);
    expect(fam.formats).toEqual(['unsc_votes', 'unsc_vetoes', 'unsc_failed_drafts', 'unsc_meetings']);
    expect(fam.describeMeasure('shield')).toBe(UNSC_MEASURES.shield.description);
    expect(() => fam.describeMeasure('tau')).toThrow(/unknown un_security_council measure/);
    expect(fam.citations.join('\n')).toMatch(/oliverunv\/Voting-Agent/);
    expect(fam.citations.join('\n')).toMatch(/world-politics-datalab\/vetoes-un-security-council/);
    expect(fam.citations.join('\n')).toMatch(/emilytong123\/unsc_for_us/);
    expect(fam.citations.join('\n')).toMatch(/S\/PV/);
  });

  it('documents in its README the measure table of the code (name, unit, range, direction)', () => {
    const readme = readFileSync(path.join(ROOT, 'src/families/un-security-council/README.md'), 'utf8');
    const table = readme.split('## Measures')[1]!.split('\n\n')[1]!.split('\n').slice(2);
    const rows = table.map((l) => l.split(' | ').map((c) => c.replace(/^\| /, '').replace(/`/g, '').trim()));
    const range = (r: readonly [number, number | null]) => (r[1] === null ? `≥ ${r[0]}` : `${r[0]}–${r[1]}`);
    expect(rows.map((r) => r.slice(0, 4))).toEqual(fam.measures.map((m) => { const x = UNSC_MEASURES[m as keyof typeof UNSC_MEASURES]; return [x.name, x.unit, range(x.range), x.direction]; }));
  });

  it('validates options and source blocks strictly', () => {
    expect(fam.optionsSchema.parse({})).toEqual({ keep_unanimous: false, min_joint_votes: 1 });
    expect(fam.optionsSchema.safeParse({ min_joint_vote: 2 }).success).toBe(false);
    expect(fam.optionsSchema.safeParse({ targets: { topics: { Rwanda: ['XXX'] } } }).success).toBe(false);
    expect(fam.optionsSchema.safeParse({ targets: { topics: { Rwanda: ['RWA'] } } }).success).toBe(true);
    expect(fam.sourceSchema.safeParse({ format: 'unsc_votes', path: 'v.csv', correction: 'c.csv' }).success).toBe(false);
    expect(fam.sourceSchema.parse(SAMPLE)).toEqual({ ...SAMPLE, role: 'check' });
    expect(fam.sourceSchema.safeParse({ ...SAMPLE, role: 'maybe' }).success).toBe(false);
  });

  it('computes agree and identical on the contested drafts both members voted on, empty for states off the Council', async () => {
    const agree = await load('agree');
    const identical = await load('identical');
    // 2006: contested drafts 1696 (Qatar No) and S/2006/508 (US veto, UK abstains)
    expect(identical.values.get(I('RUS'), I('USA'), 2006)).toBe(0.5);
    expect(agree.values.get(I('RUS'), I('USA'), 2006)).toBe(0.5);
    expect(identical.values.get(I('GBR'), I('USA'), 2006)).toBe(0.5);
    expect(agree.values.get(I('GBR'), I('USA'), 2006)).toBe(0.75); // No against Abstain: half
    expect(identical.values.get(I('CHN'), I('RUS'), 2006)).toBe(1);
    expect(extra(identical, 'joint_votes').get(I('CHN'), I('RUS'), 2006)).toBe(2);
    expect(identical.values.get(I('RUS'), I('ZAF'), 2006)).toBeNull(); // South Africa sat in 2007 only
    expect(identical.values.get(I('IRN'), I('RUS'), 2006)).toBeNull(); // never on the Council
    expect(identical.coverage).toEqual([{ from: 2006, to: 2020 }]);
    expect(identical.zeroInsideCoverage).toBe(false);
  });

  it('computes shield A → B over the drafts concerning B, and veto_shield for permanent members only', async () => {
    const shield = await load('shield');
    const veto = await load('veto_shield');
    expect(shield.values.directed).toBe(true);
    expect(shield.values.get(I('RUS'), I('IRN'), 2006)).toBe(0); // Yes on 1696 and 1737
    expect(shield.values.get(I('RUS'), I('IRN'), 2007)).toBe(0); // Yes on 1747, after the duplicate Abstain row is dropped
    expect(shield.values.get(I('RUS'), I('IRN'), 2020)).toBe(1); // No on S/2020/797
    expect(veto.values.get(I('RUS'), I('IRN'), 2020)).toBe(0); // the draft failed short of votes: no veto
    expect(shield.values.get(I('QAT'), I('IRN'), 2006)).toBe(0.5);
    expect(veto.values.get(I('QAT'), I('IRN'), 2006)).toBeNull(); // an elected member cannot veto
    expect(veto.values.get(I('USA'), I('ISR'), 2006)).toBe(1);
    expect(veto.values.get(I('CHN'), I('MMR'), 2007)).toBe(1);
    expect(shield.values.get(I('ZAF'), I('MMR'), 2007)).toBe(1);
    expect(shield.values.get(I('RUS'), I('IRN'), 2009)).toBeNull(); // no draft concerning Iran: empty, not 0
    expect(shield.values.get(I('IRN'), I('RUS'), 2006)).toBeNull();
    // IRN–RUS row: drafts on IRN that RUS voted on; none on RUS
    expect(extra(shield, 'drafts_on_a').get(I('IRN'), I('RUS'), 2006)).toBe(2);
    expect(extra(shield, 'drafts_on_b').get(I('IRN'), I('RUS'), 2006)).toBe(0);
  });

  it('counts joint vetoes of permanent members, from the votes and, before them, from the veto list', async () => {
    const d = await load('co_veto');
    expect(d.values.get(I('CHN'), I('RUS'), 2007)).toBe(1);
    expect(d.values.get(I('CHN'), I('RUS'), 2020)).toBe(1);
    expect(d.values.get(I('CHN'), I('RUS'), 2006)).toBe(0);
    expect(d.values.get(I('CHN'), I('RUS'), 2012)).toBe(0); // inside the votes file's years, no veto
    expect(d.values.get(I('FRA'), I('GBR'), 1956)).toBe(1); // Suez, from the veto list
    expect(d.values.get(I('RUS'), I('TWN'), 1955)).toBe(0); // the Republic of China held China's seat
    expect(d.values.get(I('CHN'), I('RUS'), 1955)).toBeNull();
    expect(d.values.get(I('QAT'), I('RUS'), 2006)).toBeNull(); // not two permanent members
    expect(d.coverage).toEqual([{ from: 1955, to: 2020 }]);
  });

  it('lists every correction applied, the checks and the membership for entente validate', async () => {
    const d = await load('identical');
    const details = d.details ?? [];
    expect(details.filter((l) => /unsc_corrections\.csv:\d+: ID/.test(l))).toHaveLength(5);
    expect(details).toContain(`${path.resolve(FX, 'unsc_corrections.csv')}:3: ID 6 (S/2007/170, 1747 (2007)): record 36 (Russian Federation, Abstain): dropped the row [duplicate_member_vote]. Russian Federation twice: Yes (record 35), Abstain (record 36). Evidence: DHL tally 15-0-0 (test fixture)`);
    expect(details).toContain('members 2007: CHN, ETH, FRA, GBR, QAT, RUS, USA, ZAF');
    expect(details.some((l) => /ID 1 \(resolution 1696 \(2006\)\): votes 5-1-0 \(Yes-No-Abstain\), meeting tables 14-1-0/.test(l))).toBe(true);
    expect(details.some((l) => /S\/1127 \(1948\): the tally "\(6, 5, 0\)" differs from the name lists/.test(l))).toBe(true);
    expect(d.notes.join('\n')).toMatch(/3 veto\(es\) of 2006–2020 checked against the votes: 3 agree/);
    expect(d.notes.join('\n')).toMatch(/4 adopted resolution\(s\) compared; dates differ for 0, tallies for 1/);
    expect(d.inputs.map((i) => i.role)).toEqual(['votes', 'corrections', 'vetoes', 'failed_drafts (check)', 'meetings']);
    expect(d.inputs.every((i) => /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
  });

  it('adds the failed-drafts sample in years without a votes file with role: votes', async () => {
    const d = await load('co_veto', [VOTES, { ...SAMPLE, role: 'votes' }]);
    expect(d.coverage).toEqual([{ from: 1948, to: 1948 }, { from: 1955, to: 1955 }, { from: 2006, to: 2020 }]);
    const shieldless = await load('identical', [VOTES, { ...SAMPLE, role: 'votes' }]);
    // S/1127 (1948): the Republic of China and the USSR both abstained
    expect(shieldless.values.get(I('RUS'), I('TWN'), 1948)).toBe(1);
  });

  it('overrides the mapping of drafts to states from the config', async () => {
    const d = await load('shield', ALL, { targets: { topics: { 'Non-proliferation': ['IRN', 'PRK'] }, drafts: { 'S/2020/797': [] } } });
    expect(d.values.get(I('RUS'), I('PRK'), 2006)).toBe(0);
    expect(d.values.get(I('RUS'), I('IRN'), 2020)).toBeNull();
  });

  it('refuses member-vote measures without member votes', async () => {
    await expect(load('agree', [VETOES])).rejects.toThrow(/needs member votes: add a source with format unsc_votes/);
    const d = await load('co_veto', [VETOES]);
    expect(d.values.get(I('FRA'), I('GBR'), 1956)).toBe(1);
  });

  it('refuses the voting file without its corrections: duplicated member, unknown name, a veto labelled adopted', async () => {
    const e = await load('agree', [{ format: 'unsc_votes', path: `${FX}/unsc_votes.csv` }]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    const file = path.resolve(FX, 'unsc_votes.csv');
    expect((e as InputError).problems.map((p) => [p.file, p.line, p.column])).toEqual([
      [file, 42, 'Member State'],
      [file, 52, 'Member State'],
      [file, 53, 'Vote'],
    ]);
    expect((e as InputError).problems[0]!.message).toBe(
      'record 36: ID 6 (S/2007/170): Russian Federation has two rows on this draft (records 35 Yes and 36 Abstain); a member votes once: drop the wrong row with a drop_row correction (this source has no corrections: file; the voting file 1994–2025 has known errors, corrected by indicators/unsc/corrections-1994-2025.csv)',
    );
    expect((e as InputError).problems[1]!.message).toBe('record 46: ID 7 (S/2007/390): unknown country name "Ethipia"; closest known: "Ethiopia"; fix the name with a set_member correction');
    expect((e as InputError).problems[2]!.message).toMatch(/^record 47: ID 8 \(S\/2007\/14\) is labelled "Adopted unanimously" but China, a permanent member, voted No \(a veto\)/);
  });

  it('refuses votes that conflict with the veto list, at the voting file row', async () => {
    const e = await load('agree', [VOTES, { format: 'unsc_vetoes', path: `${FX}/unsc_vetoes_conflict.csv` }]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).problems).toEqual([
      {
        file: path.resolve(FX, 'unsc_votes.csv'),
        line: 67,
        column: 'Vote',
        message: 'record 61: ID 10 (S/2020/667) is vetoed by CHN, RUS in the votes, but the veto list (line 2) has S/2020/667 of 2020-07-10 vetoed by RUS; correct the votes (set_vote, drop_row)',
      },
      {
        file: path.resolve(FX, 'unsc_vetoes_conflict.csv'),
        line: 3,
        message: 'the veto list (line 3) has S/2006/509 of 2006-07-13 vetoed by USA, but the votes have no draft S/2006/509 in 2006: the votes are missing a veto (or the list has a wrong symbol)',
      },
    ]);
  });
});
