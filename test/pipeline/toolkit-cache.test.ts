import { describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readConfig } from '../../src/config/read-config.js';
import { runScore } from '../../src/pipeline/score.js';
import { readCachedRun } from '../../src/pipeline/toolkit-cache.js';
import { loadToolkitRun, sensitivityCacheRefusal } from '../../src/pipeline/toolkit.js';
import { runExplain } from '../../src/pipeline/explain.js';
import type { Iso3 } from '../../src/domain/country.js';
import { sampleProject } from '../helpers/sample-project.js';

/** A scored copy of the sample project: its config and report folder. */
async function scored(): Promise<{ proj: string; cfg: string; out: string; cache: string }> {
  const proj = sampleProject();
  const cfg = path.join(proj, 'entente.yaml');
  const out = path.join(proj, 'report');
  await runScore(cfg, { out });
  return { proj, cfg, out, cache: path.join(out, 'score-cache.bin') };
}

/** Every column of a table, for bitwise comparison. */
function columns(t: Awaited<ReturnType<typeof loadToolkitRun>>['run']['table']): Float64Array[] {
  return [t.keys, t.index, ...(t.indexChained ? [t.indexChained] : []), t.coverage, ...t.raw, ...t.norm, ...t.contrib, ...t.weightUsed, ...t.extras.map((x) => x.values)];
}

function sameBits(a: Float64Array, b: Float64Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

describe('readCachedRun', () => {
  it('gives back the scored table bit for bit, with the inputs, warnings and sample flag of the run', async () => {
    const { cfg, out } = await scored();
    const config = await readConfig(cfg);
    const got = await readCachedRun(config, out);
    const fresh = await loadToolkitRun(cfg, out, undefined, { cache: false });
    expect(got.run).not.toBeNull();
    const run = got.run!;
    const [a, b] = [columns(run.table), columns(fresh.run.table)];
    expect(a.length).toBe(b.length);
    a.forEach((col, i) => expect(sameBits(col, b[i]!), `column ${i}`).toBe(true));
    expect(run.table.ids).toEqual(fresh.run.table.ids);
    expect(run.table.extras.map((x) => [x.column, x.type, x.description])).toEqual(fresh.run.table.extras.map((x) => [x.column, x.type, x.description]));
    expect(run.sample).toBe(fresh.run.sample);
    expect(run.warnings.list()).toEqual(fresh.run.warnings.list());
    for (const ind of config.indicators) {
      const [c, f] = [run.data.get(ind.id)!, fresh.run.data.get(ind.id)!];
      expect(c.inputs).toEqual(f.inputs);
      expect(c.notes).toEqual(f.notes);
      expect(c.coverage).toEqual(f.coverage);
      expect((c.flags ?? []).map((x) => [x.kind, x.table.size, [...x.table.keys()].sort()])).toEqual((f.flags ?? []).map((x) => [x.kind, x.table.size, [...x.table.keys()].sort()]));
      // the source values are not kept: reading them throws rather than answer wrongly
      expect(() => c.values).toThrow(/not kept in the score cache/);
    }
  });

  it('refuses a cache made under another version of the config, saying so', async () => {
    const { cfg, out } = await scored();
    appendFileSync(cfg, '\n# an edit\n');
    const got = await readCachedRun(await readConfig(cfg), out);
    expect(got.run).toBeNull();
    expect(got.run === null && got.why).toMatch(/^the config has changed since `entente score` wrote score-cache\.bin/);
  });

  it('refuses a cache of a score run with command-line overrides or another data folder, saying which', async () => {
    const { cfg, out } = await scored();
    await runScore(cfg, { out, pairs: 'RUS-IRN' });
    const got = await readCachedRun(await readConfig(cfg), out);
    expect(got.run === null && got.why).toMatch(/^the report was scored with other pairs, command-line overrides .* since `entente score` wrote score-cache\.bin/);
  });

  it('refuses a cache made with the data folder set otherwise (data_dir: against ENTENTE_DATA_DIR)', async () => {
    const proj = sampleProject();
    const cfg = path.join(proj, 'entente.yaml');
    const out = path.join(proj, 'report');
    appendFileSync(cfg, '\ndata_dir: .\n');
    await runScore(cfg, { out });
    expect((await readCachedRun(await readConfig(cfg), out)).run).not.toBeNull();
    // the same folder named by ENTENTE_DATA_DIR is the same data folder; another copy is not
    expect((await readCachedRun(await readConfig(cfg, { ...process.env, ENTENTE_DATA_DIR: proj }), out)).run).not.toBeNull();
    const moved = await readCachedRun(await readConfig(cfg, { ...process.env, ENTENTE_DATA_DIR: sampleProject() }), out);
    expect(moved.run === null && moved.why).toMatch(/^the report was scored with other data folder \(`data_dir:` or ENTENTE_DATA_DIR\)/);
  });

  it('refuses a cache made from an input that has changed since, naming it', async () => {
    const { proj, cfg, out } = await scored();
    appendFileSync(path.join(proj, 'indicators', 'sample', 'un_votes.csv'), '\n');
    const got = await readCachedRun(await readConfig(cfg), out);
    expect(got.run === null && got.why).toMatch(/^input indicators\/sample\/un_votes\.csv \(un: [a-z]+\) has changed since `entente score`/);
  });

  it('refuses a missing input without throwing', async () => {
    const { proj, cfg, out } = await scored();
    const { rmSync } = await import('node:fs');
    rmSync(path.join(proj, 'indicators', 'sample', 'cow_trade.csv'));
    const got = await readCachedRun(await readConfig(cfg), out);
    expect(got.run === null && got.why).toMatch(/cow_trade\.csv \(trade: [a-z]+\) cannot be read/);
  });

  it('refuses a damaged, truncated or foreign cache without throwing', async () => {
    const { cfg, out, cache } = await scored();
    const config = await readConfig(cfg);
    const good = readFileSync(cache);
    const cases: [string, Buffer, RegExp][] = [
      ['a flipped bit in a column', Buffer.from(good).fill(good[good.length - 100]! ^ 1, good.length - 100, good.length - 99), /checksum does not match/],
      ['cut short', good.subarray(0, Math.floor(good.length / 2)), /checksum does not match|truncated/],
      ['cut in its header', good.subarray(0, 40), /truncated/],
      ['empty', Buffer.alloc(0), /truncated/],
      ['another file', Buffer.from('state_a,state_b,year\n'.repeat(10)), /not a score cache/],
      ['another format version', Buffer.concat([good.subarray(0, 8), Buffer.from([99, 0, 0, 0]), good.subarray(12)]), /format 99/],
      ['a damaged header', Buffer.concat([good.subarray(0, 16), Buffer.from('{"fingerprint"!'), good.subarray(31)]), /header is not readable/],
    ];
    for (const [what, bytes, why] of cases) {
      writeFileSync(cache, bytes);
      const got = await readCachedRun(config, out);
      expect(got.run, what).toBeNull();
      expect(got.run === null && got.why, what).toMatch(why);
    }
    truncateSync(cache, 0);
  });

  it('scores again (and says why) when the cache is damaged, and answers as a fresh score does', async () => {
    const { cfg, out, cache } = await scored();
    const req = { config: cfg, out, a: 'RUS' as Iso3, b: 'IRN' as Iso3, year: 2016 };
    const fromCache = await runExplain(req, {});
    const good = readFileSync(cache);
    writeFileSync(cache, good.subarray(0, good.length - 1));
    const notes: string[] = [];
    const again = await runExplain(req, { note: (n) => notes.push(n) });
    expect(notes.join('\n')).toMatch(/scoring the panel again: .*score-cache\.bin is not usable/);
    expect(again.years).toEqual(fromCache.years);
  });

  it('is not used for a latent run, nor with --rescore', async () => {
    const { cfg, out } = await scored();
    const config = await readConfig(cfg);
    const got = await readCachedRun({ ...config, aggregation: 'latent' }, out);
    expect(got.run === null && got.why).toMatch(/latent/);
    const notes: string[] = [];
    await loadToolkitRun(cfg, out, undefined, { cache: true, rescore: true, note: (n) => notes.push(n) });
    expect(notes).toEqual(['scoring the panel again (--rescore)']);
  });

  it('serves sensitivity when its block varies only weights and aggregation, and says why not otherwise', async () => {
    const { cfg, out } = await scored();
    const config = await readConfig(cfg);
    expect(sensitivityCacheRefusal(config)).toBeNull();
    const varied = (block: Record<string, unknown>) => sensitivityCacheRefusal({ ...config, raw: { ...config.raw, sensitivity: block as never } });
    expect(varied({ normalise: ['rank'] })).toMatch(/varies the normalisation/);
    expect(varied({ impute: ['none'] })).toMatch(/varies the imputation/);
    const notes: string[] = [];
    await loadToolkitRun(cfg, out, undefined, { cache: () => 'a reason', note: (n) => notes.push(n) });
    expect(notes).toEqual(['scoring the panel again: a reason']);
  });
});
