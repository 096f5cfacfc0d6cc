import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import type { IndicatorData, LoadContext } from '../../../src/families/family.js';
import { loadIndicator, testContext } from '../../helpers/load-context.js';
import { unVotesFamily as fam } from '../../../src/families/un-votes/family.js';
import { hashFile } from '../../../src/format/hash-file.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fx = (f: string): string => path.join(ROOT, 'test/families/un-votes/fixtures', f);
const I = (c: string): Iso3 => c as Iso3;

const ctx = testContext;

const UNVOTES = { format: 'unvotes', votes: 'test/families/un-votes/fixtures/un_votes.csv', rollcalls: 'test/families/un-votes/fixtures/un_roll_calls.csv', issues: 'test/families/un-votes/fixtures/un_roll_call_issues.csv' };
const VOETEN = { format: 'voeten', votes: 'test/families/un-votes/fixtures/votes_voeten.csv', rollcalls: 'test/families/un-votes/fixtures/rollcalls_voeten.csv' };

function load(sources: Record<string, unknown>[], measure = 'agree', options: Record<string, unknown> = {}, c: LoadContext = ctx()): Promise<IndicatorData> {
  // the fixtures have a handful of roll calls: every joint vote counts unless a test says otherwise
  return loadIndicator(fam, 'un', sources, measure, { min_joint_votes: 1, ...options }, c);
}

describe('unVotesFamily', () => {
  it('is the symmetric un_votes family with agree first and both releases as formats', () => {
    expect(fam.name).toBe('un_votes');
    expect(fam.defaultId).toBe('un');
    expect(fam.direction).toBe('symmetric');
    expect(fam.measures).toEqual(['agree', 'identical', 's_abs', 's_sq', 'kappa', 'pi']);
    expect(fam.formats).toEqual(['unvotes', 'voeten']);
    expect(fam.citations.join('\n')).toMatch(/Bailey, M\. A\., Strezhnev, A\. & Voeten, E\. \(2017\)/);
    expect(fam.citations.join('\n')).toMatch(/Häge, F\. M\. \(2011\)/);
    expect(fam.citations.join('\n')).toMatch(/Signorino, C\. S\. & Ritter, J\. M\. \(1999\)/);
    expect(fam.describeMeasure('kappa')).toMatch(/Häge 2011/);
    expect(() => fam.describeMeasure('tau')).toThrow(/unknown un_votes measure/);
  });

  it('validates options and source blocks strictly, with the authors\' recipe as defaults', () => {
    expect(fam.optionsSchema.parse({})).toEqual({ year_by: 'session', keep_unanimous: false, absent: 'drop', min_joint_votes: 10 });
    expect(fam.optionsSchema.parse({ bootstrap: {} })).toMatchObject({ bootstrap: { draws: 200, level: 0.9 } });
    expect(fam.optionsSchema.safeParse({ min_joint_vote: 3 }).success).toBe(false);
    expect(fam.optionsSchema.safeParse({ min_joint_votes: 0 }).success).toBe(false);
    expect(fam.optionsSchema.safeParse({ absent: 'maybe' }).success).toBe(false);
    expect(fam.optionsSchema.safeParse({ issues: ['hr', 'climate'] }).success).toBe(false);
    expect(fam.optionsSchema.safeParse({ bootstrap: { draws: 100, levle: 0.9 } }).success).toBe(false);
    expect(fam.optionsSchema.safeParse({ bootstrap: { level: 1 } }).success).toBe(false);
    expect(fam.optionsSchema.parse({ bootstrap: { threads: 2 } })).toMatchObject({ bootstrap: { draws: 200, level: 0.9, threads: 2 } });
    expect(fam.optionsSchema.safeParse({ bootstrap: { threads: 0 } }).success).toBe(false);
    expect(fam.optionsSchema.safeParse({ bootstrap: { threads: 1.5 } }).success).toBe(false);
    expect(fam.sourceSchema.safeParse(UNVOTES).success).toBe(true);
    expect(fam.sourceSchema.safeParse(VOETEN).success).toBe(true);
    expect(fam.sourceSchema.safeParse({ ...VOETEN, issues: 'x.csv' }).success).toBe(false);
    expect(fam.sourceSchema.safeParse({ ...UNVOTES, roll_calls: 'x.csv' }).success).toBe(false);
    expect(fam.sourceSchema.safeParse({ format: 'unvotes', votes: 'x.csv' }).success).toBe(false);
  });

  it('loads the unvotes release: values, joint votes, coverage, no zeros, inputs with their SHA-256', async () => {
    const c = ctx();
    const d = await load([UNVOTES], 'agree', {}, c);
    // session 45: roll calls 11, 12, 13 (14 is unanimous); USA–RUS N/Y, N/Y, Y/N → 0
    expect(d.values.get(I('USA'), I('RUS'), 1990)).toBe(0);
    // NAM–USA: Y/N 0, A/N ½, Y/Y 1 → 0.5
    expect(d.values.get(I('NAM'), I('USA'), 1990)).toBeCloseTo(0.5, 15);
    expect(d.values.get(I('DEU'), I('USA'), 1990)).toBeCloseTo(0.75, 15); // West Germany, empty ISO code
    expect(d.values.get(I('DEU'), I('USA'), 1991)).toBeCloseTo(0.5, 15); // Germany, DE
    expect(d.values.get(I('USA'), I('RUS'), 1964)).toBeNull();
    expect(d.coverage).toEqual([{ from: 1990, to: 1991 }]); // session 19's vote is left out
    expect(d.zeroInsideCoverage).toBe(false);
    expect(d.extras.map((x) => [x.suffix, x.type])).toEqual([['joint_votes', 'integer']]);
    expect(d.extras[0]!.table.get(I('USA'), I('RUS'), 1990)).toBe(3);
    expect(d.inputs.map((f) => [path.basename(f.path), f.role])).toEqual([
      ['un_votes.csv', 'votes'],
      ['un_roll_calls.csv', 'rollcalls'],
      ['un_roll_call_issues.csv', 'issues'],
    ]);
    expect(d.inputs[0]!.sha256).toBe(await hashFile(fx('un_votes.csv')));
    expect(d.notes.join('\n')).toMatch(/Zanzibar/);
    expect(d.notes.join('\n')).toMatch(/roll calls kept in 2 years; dropped: 1 in session 19, 1 unanimous/);
    expect(c.progressed).toEqual(['reading roll calls', 'scoring pairs']);
  });

  it('filters roll calls by issue and leaves pairs with too few joint votes empty', async () => {
    const hr = await load([UNVOTES], 'identical', { issues: ['hr'] });
    expect(hr.values.get(I('NAM'), I('USA'), 1990)).toBe(1); // roll call 13 only
    expect(hr.coverage).toEqual([{ from: 1990, to: 1990 }]);
    const important = await load([UNVOTES], 'identical', { issues: ['important'] });
    expect(important.extras[0]!.table.get(I('USA'), I('RUS'), 1990)).toBe(1); // roll call 12
    const strict = await load([UNVOTES], 'agree', { min_joint_votes: 3 });
    expect(strict.values.get(I('USA'), I('RUS'), 1990)).toBe(0);
    expect(strict.values.get(I('DEU'), I('USA'), 1990)).toBeNull(); // 2 joint votes
    expect(strict.extras[0]!.table.get(I('DEU'), I('USA'), 1990)).toBe(2);
  });

  it('shares the parsed files and the counts between indicators on the same files', async () => {
    const c = ctx();
    const a = await load([UNVOTES], 'agree', {}, c);
    const b = await load([UNVOTES], 'identical', {}, c);
    expect(b.extras[0]!.table).toBe(a.extras[0]!.table);
    const other = await load([UNVOTES], 'identical', { keep_unanimous: true }, c);
    expect(other.extras[0]!.table).not.toBe(a.extras[0]!.table);
  });

  it('adds lo/hi bootstrap columns without changing the raw values', async () => {
    const plain = await load([UNVOTES], 'agree');
    const boot = await load([UNVOTES], 'agree', { bootstrap: { draws: 50, level: 0.8 } }, ctx({ seed: 99 }));
    expect(boot.values.sortedEntries()).toEqual(plain.values.sortedEntries());
    expect(boot.extras.map((x) => x.suffix)).toEqual(['joint_votes', 'lo', 'hi']);
    expect(boot.extras[1]!.description).toMatch(/10% quantile of agree over 50 bootstrap resamples/);
    const lo = boot.extras[1]!.table.get(I('NAM'), I('USA'), 1990)!;
    const hi = boot.extras[2]!.table.get(I('NAM'), I('USA'), 1990)!;
    expect(lo).toBeLessThanOrEqual(0.5);
    expect(hi).toBeGreaterThanOrEqual(0.5);
  });

  it('takes bootstrap.threads without changing the bounds (threads themselves: run-bootstrap-threads tests), and gives a usage error for a malformed ENTENTE_BOOTSTRAP_THREADS', async () => {
    const one = await load([UNVOTES], 'agree', { bootstrap: { draws: 30, threads: 1 } }, ctx({ seed: 5 }));
    const two = await load([UNVOTES], 'agree', { bootstrap: { draws: 30, threads: 2 } }, ctx({ seed: 5 }));
    expect(two.extras[1]!.table.sortedEntries()).toEqual(one.extras[1]!.table.sortedEntries());
    expect(two.extras[2]!.table.sortedEntries()).toEqual(one.extras[2]!.table.sortedEntries());
    const saved = process.env['ENTENTE_BOOTSTRAP_THREADS'];
    process.env['ENTENTE_BOOTSTRAP_THREADS'] = 'many';
    try {
      await expect(load([UNVOTES], 'agree', { bootstrap: { draws: 30 } })).rejects.toThrow(/ENTENTE_BOOTSTRAP_THREADS=many: expected a whole number of threads/);
    } finally {
      if (saved === undefined) delete process.env['ENTENTE_BOOTSTRAP_THREADS'];
      else process.env['ENTENTE_BOOTSTRAP_THREADS'] = saved;
    }
  });

  it('loads the numeric release with the absence policy', async () => {
    const drop = await load([VOETEN], 'agree');
    expect(drop.values.get(I('IRN'), I('USA'), 1973)).toBeCloseTo(0.5, 15); // roll call 21: A/Y; IRN absent on 22
    const abstain = await load([VOETEN], 'agree', { absent: 'abstain' });
    expect(abstain.values.get(I('IRN'), I('USA'), 1973)).toBeCloseTo(0.5, 15); // A/Y and (8→A)/Y
    expect(abstain.values.get(I('DEU'), I('USA'), 1973)).toBeCloseTo(0.25, 15); // (8→A)/Y ½, N/Y 0
    const no = await load([VOETEN], 'identical', { absent: 'no' });
    expect(no.values.get(I('DEU'), I('RUS'), 1973)).toBeCloseTo(0.5, 15); // (8→N)/N, N/Y
    expect(drop.coverage).toEqual([
      { from: 1963, to: 1963 },
      { from: 1973, to: 1973 },
      { from: 1990, to: 1990 },
    ]);
  });

  it('merges several sources into one set of roll calls', async () => {
    const d = await load([VOETEN, UNVOTES], 'identical');
    expect(d.values.get(I('IRN'), I('USA'), 1973)).toBe(0);
    expect(d.values.get(I('NAM'), I('USA'), 1990)).toBeCloseTo(1 / 3, 15);
    expect(d.inputs).toHaveLength(5);
  });

  it('reports a missing file as an input error, not a crash', async () => {
    await expect(load([{ ...UNVOTES, votes: 'test/families/un-votes/fixtures/missing.csv' }])).rejects.toThrow(/the file does not exist.*ENOENT/);
  });

  it('computes every year and pair of states of the roll calls (a run\'s years and states select rows later)', async () => {
    const d = await load([UNVOTES], 'agree', {}, ctx());
    expect(d.values.get(I('USA'), I('RUS'), 1991)).toBe(0);
    expect(d.values.size).toBeGreaterThan(1);
    expect(new Set(d.values.sortedEntries().map((e) => e.year)).size).toBeGreaterThan(1);
  });
});
