import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultThreads, runSensitivityThreaded, splitYears } from '../../src/pipeline/sensitivity-threads.js';
import { planSensitivity, runSensitivity, runSensitivityYears, sensitivityResult, sensitivityRows, type SensitivityModel, type SensitivitySpec } from '../../src/analysis/sensitivity.js';
import { scorePanel, type ScoreOptions } from '../../src/core/score.js';
import { createRandom } from '../../src/core/random.js';
import { ROOT } from '../helpers/cli.js';
import { dataOf, indicator, type Row } from '../helpers/indicator-data.js';
import { STATE_SYSTEM } from '../helpers/state-system.js';

const opts: ScoreOptions = { scale: [0, 100], aggregation: 'arithmetic', formula: null, minCoverage: 0.5, geometricFloor: 0.01, years: null, states: null, pairs: null, stateSystem: STATE_SYSTEM };
const STATES = ['BRA', 'CHN', 'DEU', 'FRA', 'IRN', 'RUS', 'USA', 'IND'];

function panel() {
  const r = createRandom(17);
  const un: Row[] = [];
  const trade: Row[] = [];
  for (let i = 0; i < STATES.length; i++) for (let j = i + 1; j < STATES.length; j++) for (let y = 1995; y <= 2010; y++) {
    un.push([STATES[i]!, STATES[j]!, y, r()]);
    if (r() < 0.7) trade.push([STATES[i]!, STATES[j]!, y, r() * 100]);
  }
  const ind = [indicator('un', dataOf(un), { weight: 2 }), indicator('trade', dataOf(trade), { normalise: 'minmax' })];
  const table = scorePanel(ind, opts);
  const model: SensitivityModel = { indicators: ind.map((x) => ({ id: x.id, weight: x.weight, normalise: x.normalise, polarity: x.polarity })), aggregation: 'arithmetic', scale: [0, 100], minCoverage: 0.5, geometricFloor: 0.01 };
  const spec: SensitivitySpec = { draws: 120, seed: 4, weightRange: 0.25, aggregations: ['arithmetic', 'geometric'], normalisers: ['rank'] };
  return { table, model, spec };
}

describe('the sensitivity analysis over threads', () => {
  it('splits years into groups of about equal pair-years, each in year order', () => {
    expect(splitYears([[2000, 10], [2001, 10], [2002, 5]], 2)).toEqual([[2000, 2002], [2001]]);
    expect(splitYears([[2000, 3]], 4)).toEqual([[2000]]);
    expect(defaultThreads(1000, 100)).toBe(1);
  });

  it('gives the same bytes when the years are run in separate groups', () => {
    const { table, model, spec } = panel();
    const one = runSensitivity(table, model, spec);
    const plan = planSensitivity(table, model, spec);
    const out = sensitivityRows(table.keys.length, true);
    const groups = splitYears([...plan.byYear].map(([y, rows]) => [y, rows.length] as const), 3);
    const sums = groups.flatMap((g) => runSensitivityYears(planSensitivity(table, model, spec), g, out));
    const split = sensitivityResult(plan, out, sums);
    expect(split.sobol).toEqual(one.sobol);
    expect([...split.indexMedian]).toEqual([...one.indexMedian]);
    expect([...split.rankP95]).toEqual([...one.rankP95]);
  });

  it('runs on worker threads when built, with the same result as one thread', async () => {
    // compile the sources into a private folder (beside node_modules, so packages resolve)
    const dir = path.join(ROOT, 'node_modules', '.cache', `entente-threads-test-${process.pid}`);
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', dir, '--declaration', 'false', '--sourceMap', 'false'], { cwd: ROOT });
      const built = (await import(pathToFileURL(path.join(dir, 'pipeline', 'sensitivity-threads.js')).href)) as { runSensitivityThreaded: typeof runSensitivityThreaded };
      const { table, model, spec } = panel();
      const progress: number[] = [];
      const threaded = await built.runSensitivityThreaded(table, model, spec, 2, (_l, done) => progress.push(done));
      const single = await runSensitivityThreaded(table, model, spec, 2); // from the sources: falls back to one thread
      expect(threaded.sobol).toEqual(single.sobol);
      expect([...threaded.indexP05]).toEqual([...single.indexP05]);
      expect([...threaded.referenceRank]).toEqual([...single.referenceRank]);
      expect(progress.at(-1)).toBe(table.keys.length); // progress counts pair-years
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
