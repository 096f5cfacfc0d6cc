import { expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../../src/config/read-config.js';
import { runScore } from '../../src/pipeline/score.js';
import { readCachedRun } from '../../src/pipeline/toolkit-cache.js';
import { runExplain } from '../../src/pipeline/explain.js';
import { runAudit } from '../../src/pipeline/audit.js';
import { runSensitivityReport } from '../../src/pipeline/sensitivity.js';
import type { Iso3 } from '../../src/domain/country.js';
import type { ScoreTable } from '../../src/core/score-table.js';
import { ROOT } from '../helpers/cli.js';
import { describeShared } from '../helpers/shared-data.js';

function columns(t: ScoreTable): Float64Array[] {
  return [t.keys, t.index, ...(t.indexChained ? [t.indexChained] : []), t.coverage, ...t.raw, ...t.norm, ...t.contrib, ...t.weightUsed, ...t.extras.map((x) => x.values)];
}

const bytesOf = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

// The score cache of examples/real-data.yaml (1.09 M pair-years, eight indicators).
describeShared('the score cache on the real data (examples/real-data.yaml)', () => {
  const cfg = path.join(ROOT, 'examples', 'real-data.yaml');
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'entente-cache-real-')), 'report');

  it('holds the scored table bit for bit, smaller than alignment.csv, and serves explain, audit and sensitivity with the bytes of a fresh score', { timeout: 600_000 }, async () => {
    const scored = await runScore(cfg, { out });
    const cache = path.join(out, 'score-cache.bin');
    expect(statSync(cache).size).toBeLessThan(statSync(path.join(out, 'alignment.csv')).size);
    const got = await readCachedRun(await readConfig(cfg), out);
    expect(got.run === null ? got.why : 'read').toBe('read');
    const [a, b] = [columns(got.run!.table), columns(scored.run.table)];
    expect(a.length).toBe(b.length);
    a.forEach((col, i) => expect(bytesOf(col).equals(bytesOf(b[i]!)), `column ${i}`).toBe(true));
    for (const ind of scored.run.config.indicators) {
      const flags = (d: typeof scored.run.data) => (d.get(ind.id)?.flags ?? []).map((f) => [f.kind, f.table.size]);
      expect(flags(got.run!.data), ind.id).toEqual(flags(scored.run.data));
    }
    // the same files, from the cache and scored again
    const req = { config: cfg, out, a: 'RUS' as Iso3, b: 'IRN' as Iso3, year: 2016 };
    const read = (f: string) => readFileSync(path.join(out, f));
    const notes: string[] = [];
    const cached = await runExplain(req, { note: (n) => notes.push(n) });
    expect(notes).toEqual([]);
    const [explainCached, pageCached] = [read('explain_IRN_RUS.csv'), read('report.html')];
    const again = await runExplain(req, { rescore: true });
    expect(read('explain_IRN_RUS.csv').equals(explainCached)).toBe(true);
    expect(read('report.html').equals(pageCached)).toBe(true);
    expect(again.years).toEqual(cached.years);
    await runAudit({ config: cfg, out }, {});
    const auditCached = read('audit.csv');
    await runAudit({ config: cfg, out }, { rescore: true });
    expect(read('audit.csv').equals(auditCached)).toBe(true);
    // sensitivity (the default block: weights and aggregation) reads the cache too, to the same bytes
    const sensNotes: string[] = [];
    await runSensitivityReport({ config: cfg, out, draws: 3, threads: 1 }, { note: (n) => sensNotes.push(n) });
    expect(sensNotes.filter((n) => /scoring the panel again/.test(n))).toEqual([]);
    const [sensCached, sobolCached, pageSens] = [read('sensitivity.csv'), read('sobol.csv'), read('report.html')];
    await runSensitivityReport({ config: cfg, out, draws: 3, threads: 1 }, { rescore: true });
    expect(read('sensitivity.csv').equals(sensCached)).toBe(true);
    expect(read('sobol.csv').equals(sobolCached)).toBe(true);
    expect(read('report.html').equals(pageSens)).toBe(true);
    rmSync(path.dirname(out), { recursive: true, force: true });
  });
});
