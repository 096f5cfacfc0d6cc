import { expect, it } from 'vitest';
import path from 'node:path';
import { parseConfigText, readConfig } from '../../src/config/read-config.js';
import { computeScore } from '../../src/pipeline/score.js';
import { pairOfKey, yearOfKey } from '../../src/domain/dyad-year-key.js';
import { readFileSync } from 'node:fs';
import { ROOT } from '../helpers/cli.js';
import { describeShared } from '../helpers/shared-data.js';
import type { ScoreTable } from '../../src/core/score.js';

const CONFIG = path.join(ROOT, 'test/fixtures/defensible/real.yaml');
const median = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Rows r of year y whose pair has a row in y − 1 (with an index in both), as [r − 1, r]. */
function steps(t: ScoreTable, y: number): [number, number][] {
  const out: [number, number][] = [];
  for (let r = 1; r < t.keys.length; r++) {
    if (yearOfKey(t.keys[r]!) !== y || yearOfKey(t.keys[r - 1]!) !== y - 1 || pairOfKey(t.keys[r]!) !== pairOfKey(t.keys[r - 1]!)) continue;
    if (t.index[r] === t.index[r] && t.index[r - 1] === t.index[r - 1]) out.push([r - 1, r]);
  }
  return out;
}

describeShared('the defensible index on the real UN votes and COW trade (trade ends in 2014)', () => {
  it('chains 2014→2015 on the UN votes alone, where the level index jumps', async () => {
    const run = await computeScore(await readConfig(CONFIG));
    const t = run.table;
    const s = steps(t, 2015);
    expect(s.length).toBeGreaterThan(15_000);
    for (const [a, b] of s) {
      // trade leaves: the link is the UN agreement's own change, on the whole scale (a pair
      // without UN votes in one of the years has no common indicator: its chain breaks there)
      if (t.norm[0]![a] !== t.norm[0]![a] || t.norm[0]![b] !== t.norm[0]![b]) continue;
      expect(t.indexChained![b]! - t.indexChained![a]!).toBeCloseTo(100 * (t.norm[0]![b]! - t.norm[0]![a]!), 6);
    }
    const level = median(s.map(([a, b]) => Math.abs(t.index[b]! - t.index[a]!)));
    const chained = median(s.map(([a, b]) => Math.abs(t.indexChained![b]! - t.indexChained![a]!)));
    expect(chained).toBeLessThan(level / 2);
    // an ordinary year: the same indicators in both years, the same change
    for (const [a, b] of steps(t, 2013)) {
      if (t.norm.every((c) => (c[a] === c[a]) === (c[b] === c[b]))) expect(t.indexChained![b]! - t.indexChained![a]!).toBeCloseTo(t.index[b]! - t.index[a]!, 9);
    }
  });

  it('imputes trade past 2014 with latest, flagged with 2014, never as observed, within max_age', async () => {
    const text = readFileSync(CONFIG, 'utf8').replace('    normalise: minmax\n', '    normalise: minmax\n    impute: latest\n    max_age: 2\n');
    const run = await computeScore(parseConfigText(text, CONFIG, {}));
    const plain = await computeScore(await readConfig(CONFIG));
    const t = run.table;
    expect(Array.from(t.keys)).toEqual(Array.from(plain.table.keys));
    const from = t.extras.find((x) => x.column === 'trade_imputed_from')!.values;
    const byYear = new Map<number, number>();
    for (let r = 0; r < t.keys.length; r++) {
      expect(Object.is(t.raw[1]![r], plain.table.raw[1]![r])).toBe(true); // observed cells untouched, imputed ones left empty
      if (from[r] !== from[r]) {
        if (plain.table.norm[1]![r] === plain.table.norm[1]![r]) expect(t.norm[1]![r]).toBe(plain.table.norm[1]![r]);
        continue;
      }
      const y = yearOfKey(t.keys[r]!);
      byYear.set(y, (byYear.get(y) ?? 0) + 1);
      expect(from[r]).toBe(2014);
      expect(Number.isNaN(t.raw[1]![r]!)).toBe(true);
    }
    expect([...byYear.keys()].sort()).toEqual([2015, 2016]);
    expect(byYear.get(2015)!).toBeGreaterThan(10_000);
  });
});
