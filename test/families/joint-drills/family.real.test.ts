/**
 * Acceptance tests of the joint-drills family on the real files in ../shared/data/drills
 * (issue 5): skipped without the folder, required in CI (ENTENTE_REQUIRE_SHARED=1).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import type { LoadContext } from '../../../src/families/family.js';
import { computeJointDrills, type JointDrillsOptions } from '../../../src/families/joint-drills/compute-joint-drills.js';
import type { Exercise, ExerciseList } from '../../../src/families/joint-drills/exercise.js';
import { jointDrillsFamily as fam } from '../../../src/families/joint-drills/family.js';
import { readJme } from '../../../src/families/joint-drills/read-jme.js';
import { readMme } from '../../../src/families/joint-drills/read-mme.js';
import { readMmeLong } from '../../../src/families/joint-drills/read-mme-long.js';
import { readWideEventList, WIDE_EVENT_LIST_DEFAULTS } from '../../../src/families/joint-drills/read-wide-event-list.js';
import { runCli } from '../../helpers/cli.js';
import { describeShared, readGzipCsv } from '../../helpers/shared-data.js';
import { loadIndicator, testContext } from '../../helpers/load-context.js';
import { STATE_SYSTEM } from '../../helpers/state-system.js';

const I = (c: string): Iso3 => c as Iso3;
const cw = createCrosswalk();
const OPTIONS: JointDrillsOptions = {
  measure: 'count',
  base: 'weighted',
  splitYears: false,
  weights: { domainWeights: {}, focusWeights: {}, durationWeighting: 'none' },
  stockHalfLife: 5,
  windowYears: 5,
  duplicateDays: 3,
};
const withBoth = (list: ExerciseList, a: string, b: string): Exercise[] => list.exercises.filter((e) => e.participants.includes(I(a)) && e.participants.includes(I(b)));
const byYear = (exercises: readonly Exercise[]): Record<number, number> => {
  const out: Record<number, number> = {};
  for (const e of exercises) out[e.start.year] = (out[e.start.year] ?? 0) + 1;
  return out;
};
const exerciseKey = (e: Exercise): string => `${e.id}|${e.name}|${JSON.stringify(e.start)}`;

describeShared('joint drills on the real MME, JME and Russian files', (dataDir) => {
  const dir = path.join(dataDir, 'drills');
  const MME = path.join(dir, 'mme_v7.csv.gz');
  const LONG = path.join(dir, 'mme_v7_long_troopdata.csv.gz');
  const JME = path.join(dir, 'dorazio_jme_v3_sheet.csv.gz');
  const RUS = path.join(dir, 'russia_joint_exercises_2009-2018.csv.gz');
  let wide: ExerciseList;
  let long: ExerciseList;
  let jme: ExerciseList;
  let rus: ExerciseList;

  beforeAll(async () => {
    [wide, long, jme, rus] = await Promise.all([
      readMme(MME, cw),
      readMmeLong(LONG, cw),
      readJme(JME, cw),
      readWideEventList(RUS, cw, WIDE_EVENT_LIST_DEFAULTS),
    ]);
  });

  it('reads all 3,707 MME exercises, 1980–2010', () => {
    expect(wide.rows).toBe(3707);
    expect(wide.exercises).toHaveLength(3707);
    expect(wide.years).toEqual({ from: 1980, to: 2010 });
  });

  it('finds the Russia–China exercises of MME in 1999, 2005, 2007 (3), 2009 (2), 2010 (3)', () => {
    const rc = withBoth(wide, 'RUS', 'CHN');
    expect(byYear(rc)).toEqual({ 1999: 1, 2005: 1, 2007: 3, 2009: 2, 2010: 3 });
    expect(rc.map((e) => e.name)).toEqual(expect.arrayContaining(['Peace Mission 2005', 'Peace Mission 2007', 'Cooperation 2007', 'Peace Mission 2009', 'Peace Mission 2010']));
    expect(rc.find((e) => e.id === 'mme1825')).toMatchObject({ start: { year: 1999, month: 10, day: 6 }, participants: ['CHN', 'RUS'] });
  });

  it('resolves every MME participant name or reports it with its line', () => {
    const raw = readGzipCsv(MME);
    const slots = Object.keys(raw[0]!).filter((c) => /^State[A-Z]{1,2}$/.test(c));
    const exByLine = new Map(wide.exercises.map((e) => [e.line, e]));
    const skippedAt = new Set(wide.skipped.map((s) => `${s.line}|${s.column}`));
    let checked = 0;
    raw.forEach((row, k) => {
      const line = k + 2;
      const ex = exByLine.get(line)!;
      for (const col of slots) {
        const name = row[col]!.trim();
        if (name === '') continue;
        checked++;
        if (skippedAt.has(`${line}|${col}`)) continue;
        expect(ex.participants, `${line} ${col} ${name}`).toContain(cw.resolve('name', name, ex.start.year));
      }
    });
    expect(checked).toBe(13_887);
    // what is skipped: -9 (208), NATO (2), Baltic States, Bermuda, Hong Kong (2), Netherlands Antilles, New Caledonia
    expect(wide.skipped).toHaveLength(216);
    expect(new Set(wide.skipped.map((s) => s.raw))).toEqual(new Set(['-9', 'NATO', 'Baltic States', 'Bermuda', 'Hong Kong SAR China', 'Netherlands Antilles', 'New Caledonia']));
    expect(wide.skipped.every((s) => s.line >= 2 && /^State/.test(s.column))).toBe(true);
  });

  it('gives the same exercises and pair-years in the wide and the long form, but for the 13 exercises the long form cut at 24 participants', () => {
    expect(long.exercises).toHaveLength(3707);
    const w = new Map(wide.exercises.map((e) => [exerciseKey(e), e]));
    const cut: string[] = [];
    for (const l of long.exercises) {
      const e = w.get(exerciseKey(l))!;
      expect(e, exerciseKey(l)).toBeDefined();
      for (const p of l.participants) expect(e.participants).toContain(p);
      if (l.participants.length !== e.participants.length) cut.push(exerciseKey(l));
    }
    expect(cut).toHaveLength(13);
    expect(long.unreadable.some((u) => u.message.includes('15 exercise(s) have 24 participant rows'))).toBe(true);
    const table = (list: ExerciseList, drop: Set<string>) =>
      computeJointDrills([{ label: 'x', exercises: list.exercises.filter((e) => !drop.has(exerciseKey(e))), coverage: { years: { from: 1980, to: 2010 }, state: null } }], OPTIONS, STATE_SYSTEM).values.sortedEntries();
    const none = new Set<string>();
    const all = { wide: table(wide, none), long: table(long, none) };
    const longKeys = new Set(all.long.map((v) => `${v.a}-${v.b}-${v.year}`));
    const onlyWide = all.wide.filter((v) => !longKeys.has(`${v.a}-${v.b}-${v.year}`));
    expect(onlyWide.length).toBeGreaterThan(0);
    expect(all.long.length + onlyWide.length).toBe(all.wide.length);
    // without the 13 cut exercises the two forms agree exactly
    expect(table(long, new Set(cut))).toEqual(table(wide, new Set(cut)));
  });

  it('reads the JME sheet leniently and finds its 11 Russia–China rows', () => {
    expect(jme.rows).toBe(1790);
    expect(jme.years).toEqual({ from: 1974, to: 2010 });
    expect(byYear(withBoth(jme, 'RUS', 'CHN'))).toEqual({ 1996: 1, 2003: 2, 2005: 1, 2007: 3, 2009: 3, 2010: 1 });
    expect(new Set(jme.skipped.map((s) => s.raw))).toEqual(new Set(['-9', 'NATO', '8 NATO MEMBERS', 'BMU']));
    expect(jme.unreadable.filter((u) => u.message.endsWith('row skipped')).map((u) => u.line)).toEqual([1531, 1602, 1668, 1695, 1699, 1732]);
  });

  it('reads the 99 rows of the Russian list, 2009–2018', () => {
    expect(rus.exercises).toHaveLength(99);
    expect(byYear(rus.exercises)).toEqual({ 2009: 24, 2010: 17, 2011: 8, 2012: 17, 2013: 9, 2014: 3, 2015: 9, 2016: 6, 2017: 3, 2018: 3 });
    expect(rus.years).toEqual({ from: 2009, to: 2018 });
  });

  it('has no Russia–Iran exercise in any source', async () => {
    for (const list of [wide, long, jme, rus]) expect(withBoth(list, 'RUS', 'IRN')).toEqual([]);
    expect(rus.exercises.filter((e) => e.participants.includes(I('IRN')))).toEqual([]);
    expect(wide.exercises.filter((e) => e.participants.includes(I('IRN')))).toHaveLength(5);
  });

  it('gives a bilateral exercise 1 and the 5-nation exercise of 24 Aug 2010 0.25 on each of its 10 pairs', () => {
    const five = wide.exercises.find((e) => e.id === 'mme3363')!;
    expect(five.participants).toEqual(['CHN', 'JPN', 'KOR', 'RUS', 'USA']);
    const pm = wide.exercises.find((e) => e.name === 'Peace Mission 2005')!;
    const r = computeJointDrills([{ label: 'mme', exercises: [five, pm], coverage: { years: { from: 1980, to: 2010 }, state: null } }], { ...OPTIONS, measure: 'weighted' }, STATE_SYSTEM);
    const v2010 = r.values.sortedEntries().filter((v) => v.year === 2010);
    expect(v2010).toHaveLength(10);
    for (const v of v2010) expect(v.value).toBe(0.25);
    expect(r.values.get(I('RUS'), I('CHN'), 2005)).toBe(1);
  });

  describe('MME plus the Russian list with the implicit participant', () => {
    const ctx = (): LoadContext => testContext({ crosswalk: cw });
    const sources = [
      { format: 'mme', path: MME },
      { format: 'wide_list', path: RUS, implicit_participant: 'RUS' },
    ];

    it('merges them, counts the 22 overlaps once and reports each with both lines', async () => {
      const d = await loadIndicator(fam, 'drills', sources, 'count', {}, ctx());
      const dups = d.notes.filter((n) => n.startsWith('  duplicate: russia_joint_exercises_2009-2018.csv.gz:'));
      expect(dups).toHaveLength(22);
      expect(dups.filter((n) => /\.gz:\d+ .* 2009 = /.test(n))).toHaveLength(12);
      expect(dups.some((n) => n.includes('"Мирная миссия-2010" 2010 = mme_v7.csv.gz:3665 "Peace Mission 2010" 2010-09-10 [CHN, KAZ, KGZ, RUS, TJK]'))).toBe(true);
      expect(d.coverage).toEqual([{ from: 1980, to: 2018 }]);
      expect(d.zeroInsideCoverage).toBe(false);
      // Russia–China: MME to 2010, the list after; Joint Sea 2015 is listed twice
      expect(d.values.get(I('CHN'), I('RUS'), 2009)).toBe(4);
      expect(d.values.get(I('CHN'), I('RUS'), 2015)).toBe(2);
      expect(d.values.get(I('IRN'), I('RUS'), 2015)).toBe(0);
      expect(d.values.get(I('IRN'), I('RUS'), 1995)).toBe(0);
      // the list covers Russia's pairs only: other pairs after 2010 are unknown, not 0
      expect(d.values.get(I('CHN'), I('USA'), 2015)).toBeNull();
      expect(d.values.get(I('CHN'), I('USA'), 2005)).not.toBeNull();
      expect(d.values.get(I('AUS'), I('USA'), 2012)).toBeNull();
    });

    it('runs `entente score` end to end and `entente validate` reports the overlaps', async () => {
      const tmp = mkdtempSync(path.join(os.tmpdir(), 'entente-drills-'));
      const config = path.join(tmp, 'drills.yaml');
      writeFileSync(
        config,
        [
          'name: drills-real',
          'indicators:',
          '  drills:',
          '    family: joint_drills',
          '    sources:',
          `      - { format: mme, path: ${JSON.stringify(MME)} }`,
          `      - { format: wide_list, path: ${JSON.stringify(RUS)}, implicit_participant: RUS }`,
          '    measure: weighted',
          '    normalise: minmax',
          '',
        ].join('\n'),
      );
      const out = path.join(tmp, 'report');
      const r = await runCli(['score', '--config', config, '--out', out, '--pairs', 'RUS-CHN,RUS-IRN,CHN-USA']);
      expect(r.code).toBe(0);
      expect(r.err).toContain('22 exercise(s) of "drills" appear in two sources and are counted once');
      const rows = readFileSync(path.join(out, 'alignment.csv'), 'utf8').trim().split('\n');
      const header = rows[0]!.split(',');
      const at = (a: string, b: string, y: number) => rows.find((l) => l.startsWith(`${a},${b},${y},`))!.split(',')[header.indexOf('drills_raw')];
      expect(Number(at('CHN', 'RUS', 2015))).toBe(2);
      expect(Number(at('IRN', 'RUS', 2015))).toBe(0);
      expect(at('CHN', 'USA', 2015)).toBe('');
      const pkg = readFileSync(path.join(out, 'datapackage.json'), 'utf8');
      expect(pkg).toContain('22 exercise(s) appear in two sources');
      const v = await runCli(['validate', '--config', config]);
      expect(v.code).toBe(0);
      expect(v.out).toContain('22 exercise(s) appear in two sources');
      expect(v.out.split('\n').filter((l) => l.includes('duplicate: russia_joint_exercises'))).toHaveLength(22);
    });
  });
});
