import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/read-config.js';
import { simulatePanel, type SimSpec } from '../../src/core/latent/simulate.js';
import { pairOfKey, yearOfKey } from '../../src/domain/dyad-year-key.js';
import { UsageError } from '../../src/domain/errors.js';
import { runExplain } from '../../src/pipeline/explain.js';
import { applyOverrides, computeScore, reportFiles } from '../../src/pipeline/score.js';
import { sensitivityInputs } from '../../src/pipeline/toolkit.js';

// states that exist throughout 1995–2020, so every simulated pair-year is a pair-year of states
const STATES = ['ARG', 'BRA', 'CAN', 'CHN', 'DEU', 'EGY', 'FRA', 'IND', 'IRN', 'JPN', 'RUS', 'USA'];
const PAIRS = STATES.flatMap((a, i) => STATES.slice(i + 1).map((b) => [a, b] as const));
const SPEC: SimSpec = {
  pairs: PAIRS.length,
  years: [1995, 2020],
  tau: 0.2,
  indicators: [
    { id: 'votes', a: 0.6, b: 0.12, sigma: 0.05, to: 2016, missing: 0.05 },
    { id: 'trade', a: -1, b: 0.5, sigma: 0.6, to: 2012 },
    { id: 'events', a: 0, b: 1, sigma: 1, from: 2010, missing: 0.1 },
  ],
};

/** A project folder with one dyad_year file per simulated indicator and a latent config. */
function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-latent-'));
  const sim = simulatePanel(SPEC, 5);
  SPEC.indicators.forEach((d, k) => {
    const lines = ['state_a,state_b,year,value'];
    for (let r = 0; r < sim.keys.length; r++) {
      const v = sim.values[k]![r]!;
      if (v !== v) continue;
      const [a, b] = PAIRS[pairOfKey(sim.keys[r]!)]!;
      lines.push(`${a},${b},${yearOfKey(sim.keys[r]!)},${v}`);
    }
    writeFileSync(path.join(dir, `${d.id}.csv`), lines.join('\n') + '\n');
  });
  const block = (id: string) => `  ${id}:\n    family: dyad_year\n    source: { format: dyad_year, path: ${id}.csv }\n    normalise: zscore\n`;
  writeFileSync(
    path.join(dir, 'entente.yaml'),
    `name: latent\nscale: [0, 100]\naggregation: latent\nlatent: { sign: votes }\nindicators:\n${SPEC.indicators.map((d) => block(d.id)).join('')}`,
  );
  return path.join(dir, 'entente.yaml');
}

const column = (run: Awaited<ReturnType<typeof computeScore>>, name: string) => run.table.extras.find((x) => x.column === name)!.values;

describe('aggregation: latent through the scoring pipeline', () => {
  const file = project();

  it('writes the posterior median with its interval, and the parts add up to the index', async () => {
    const run = await computeScore(await readConfig(file));
    const { table } = run;
    expect(run.latent?.convergence.converged).toBe(true);
    const lo = column(run, 'index_lo');
    const hi = column(run, 'index_hi');
    const prior = column(run, 'index_prior');
    let rows = 0;
    for (let r = 0; r < table.keys.length; r++) {
      if (table.index[r] !== table.index[r]) continue;
      rows++;
      expect(lo[r]!).toBeLessThanOrEqual(table.index[r]!);
      expect(table.index[r]!).toBeLessThanOrEqual(hi[r]!);
      expect(prior[r]! + table.contrib.reduce((s, c) => s + c[r]!, 0)).toBeCloseTo(table.index[r]!, 8);
      expect(table.weightUsed.reduce((s, w) => s + w[r]!, 0)).toBeLessThanOrEqual(1 + 1e-9);
    }
    expect(rows).toBe(table.keys.length);
    const csv = String(reportFiles(run).get('alignment.csv'));
    expect(csv.split('\n')[0]).toMatch(/^state_a,state_b,year,index,.*,index_lo,index_hi,index_prior$/);
    const pkg = JSON.parse(String(reportFiles(run).get('datapackage.json')));
    expect(pkg.entente.latent.columns.map((c: { id: string }) => c.id)).toEqual(['votes', 'trade', 'events']);
    expect(pkg.entente.latent.convergence.log_likelihood.length).toBe(run.latent!.convergence.iterations);
    expect(String(reportFiles(run).get('summary.md'))).toMatch(/## The latent model[\s\S]*\| votes \| votes \| value \|/);
  });

  it('gives byte-identical files on a rerun', async () => {
    const a = reportFiles(await computeScore(await readConfig(file)));
    const b = reportFiles(await computeScore(await readConfig(file)));
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, text] of a) expect(b.get(name), name).toEqual(text);
  });

  it('gives a pair-year the same numbers whichever pairs and years are scored (the model is fitted on the pool)', async () => {
    const config = await readConfig(file);
    const all = await computeScore(config);
    const some = await computeScore(applyOverrides(config, { pairs: 'RUS-IRN,CHN-RUS', from: 2005, to: 2015 }));
    expect(some.table.keys.length).toBe(22);
    const at = new Map(Array.from(all.table.keys, (k, r) => [k, r]));
    const lo = column(all, 'index_lo');
    for (let r = 0; r < some.table.keys.length; r++) {
      const f = at.get(some.table.keys[r]!)!;
      expect(some.table.index[r]).toBe(all.table.index[f]);
      expect(column(some, 'index_lo')[r]).toBe(lo[f]);
      expect(some.table.contrib[1]![r]).toBe(all.table.contrib[1]![f]);
    }
  });

  it('explains a pair by the model: weights add up to 1 with the prior, the change splits into new and carried', async () => {
    const res = await runExplain({ config: file, a: 'IRN' as never, b: 'RUS' as never, year: null }, {});
    expect(res.latent.length).toBe(26);
    for (const e of res.latent) {
      expect(e.priorWeight + e.columns.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 10);
      if (e.change) expect(e.change.fromNew + e.change.carried).toBeCloseTo(e.change.total, 10);
    }
    expect(res.files).toEqual(['explain_IRN_RUS.csv']);
  });

  it('refuses the sensitivity analysis, which varies weights the model estimates', async () => {
    const run = await computeScore(await readConfig(file));
    expect(() => sensitivityInputs(run, {})).toThrow(UsageError);
  });
});
