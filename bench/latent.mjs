#!/usr/bin/env node
// Benchmark of the latent measurement model (issue 19): EM with the Kalman filter and RTS
// smoother per pair in the E-step, from several fixed starts, on
//  1. a synthetic panel of the real panel's size, generated from the model
//     (src/core/latent/simulate.ts, seeded): 20,000 pairs × 1975–2024 (some entering in 1992,
//     3 % of pair-years absent) ≈ 900k pair-years, 6 indicators missing in blocks like the real
//     sources (votes to 2019, exercises to 2010, trade to 2014, events from 2018) and at
//     random; arms and exercises zero-inflated, entered `two_part` (8 model columns);
//  2. the real panel, when ../shared/data is there: `entente measures --config
//     examples/real-data-levels.yaml` (every raw measure, ~900k pair-years), with UN agreement
//     `linear`, arms and exercises `two_part`, trade `rank_normal` (6 model columns).
// Each on 1 thread and on 2 worker threads, each run in a fresh process: total fit time
// (transforms, EM with its probes, index), E-steps, time per E-step (fit time / E-steps, so
// including the M-step and the amortised preparation), peak RSS, and whether the index, its
// interval and the estimates are byte-identical between 1 and 2 threads.
// Targets (issue 19): the full real panel under 60 s and 1.5 GB on a 2-core machine.
// Needs the build (`npm run build`; `npm run bench` builds first). ENTENTE_DIST picks another
// build folder; ENTENTE_BENCH_LATENT_PAIRS overrides the 20,000 synthetic pairs.
// usage: node bench/latent.mjs
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..');
const dist = path.resolve(root, process.env.ENTENTE_DIST ?? 'dist');
const dataDir = path.resolve(process.env.ENTENTE_DATA_DIR ?? path.join(root, '..', 'shared', 'data'));

if (process.argv[2] === '--child') await child(process.argv[3], Number(process.argv[4]), process.argv[5]);
else parent();

function parent() {
  if (!existsSync(path.join(dist, 'pipeline', 'latent-pool.js'))) {
    console.log(`latent: no build in ${dist}; run \`npm run build\` first (npm run bench does)`);
    process.exitCode = 1;
    return;
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'entente-bench-latent-'));
  const panels = [['synthetic', '']];
  const real = path.join(tmp, 'measures');
  if (existsSync(dataDir)) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [path.join(dist, 'bin', 'entente.js'), 'measures', '--config', path.join(root, 'examples', 'real-data-levels.yaml'), '--out', real], { cwd: root, encoding: 'utf8', env: { ...process.env, ENTENTE_DATA_DIR: dataDir } });
    if (r.status === 0) {
      panels.push(['real', path.join(real, 'measures.csv')]);
      console.log(`real panel: entente measures in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } else console.log(`real panel skipped: entente measures exited ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' ')}`);
  } else console.log(`real panel skipped: no data folder at ${dataDir}`);
  const rows = [];
  let allSame = true;
  for (const [name, file] of panels) {
    const hashes = [];
    for (const threads of [1, 2]) {
      const r = spawnSync(process.execPath, [here, '--child', name, String(threads), file], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (r.status !== 0) {
        console.log(`${name}, ${threads} thread(s): exited ${r.status}\n${(r.stderr ?? '').split('\n').slice(-15).join('\n')}`);
        allSame = false;
        continue;
      }
      const res = JSON.parse(r.stdout.trim().split('\n').at(-1));
      hashes.push(res.sha256);
      rows.push({ name, threads, ...res });
    }
    const same = hashes.length === 2 && hashes[0] === hashes[1];
    allSame &&= same;
    console.log(`${name}: 1 and 2 threads ${same ? 'byte-identical' : 'DIFFER'} (${hashes[0]?.slice(0, 16)}…)`);
  }
  rmSync(tmp, { recursive: true, force: true });
  console.log(`\nlatent model (${os.cpus().length} cores, Node ${process.version}; machine shared with other work — compare the 1- and 2-thread rows side by side)`);
  console.log('| panel | threads | pair-years | model columns | E-steps (probes + EM) | iterations | fit (s) | per E-step (ms) | peak RSS (MB) |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.name} | ${r.threads} | ${r.rows} | ${r.columns} | ${r.eSteps} | ${r.iterations}${r.converged ? '' : ' (not converged)'} | ${r.fitSeconds.toFixed(1)} | ${r.perEStepMs.toFixed(1)} | ${r.maxRssMb.toFixed(0)} |`);
  for (const name of ['synthetic', 'real']) {
    const [a, b] = [1, 2].map((t) => rows.find((r) => r.name === name && r.threads === t));
    if (a && b) console.log(`${name}: 2 threads / 1 thread fit time ${(b.fitSeconds / a.fitSeconds).toFixed(2)}`);
  }
  const realRows = rows.filter((r) => r.name === 'real');
  for (const r of realRows) console.log(`real, ${r.threads} thread(s): ${r.fitSeconds < 60 ? 'within' : 'OVER'} 60 s, ${r.maxRssMb < 1536 ? 'within' : 'OVER'} 1.5 GB`);
  if (realRows.length > 0) console.log(`real panel estimates: ${realRows[0].estimates}`);
  process.exitCode = allSame ? 0 : 1;
}

async function child(name, threads, file) {
  const imp = (p) => import(pathToFileURL(path.join(dist, p)).href);
  const { fitLatentModelThreaded } = await imp('pipeline/latent-pool.js');
  let keys;
  let indicators;
  if (name === 'synthetic') {
    const { simulatePanel } = await imp('core/latent/simulate.js');
    const spec = {
      pairs: Number(process.env.ENTENTE_BENCH_LATENT_PAIRS ?? 20000),
      years: [1975, 2024],
      tau: 0.15,
      lateEntry: { share: 0.25, year: 1992 },
      absentYears: 0.03,
      indicators: [
        { id: 'un', a: 0.7, b: 0.12, sigma: 0.05, to: 2019, missing: 0.05 },
        { id: 'drills', a: -1.5, b: 0.6, sigma: 0.9, from: 1980, to: 2010, presence: { c: -2.0, d: 0.8 } },
        { id: 'trade', a: -1, b: 0.5, sigma: 0.6, to: 2014, missing: 0.3 },
        { id: 'arms', a: 1, b: 0.5, sigma: 0.8, missing: 0.02, presence: { c: -2.4, d: 0.7 } },
        { id: 'events', a: 0, b: 1, sigma: 1.2, from: 2018 },
        { id: 'alliance', a: 0.3, b: 0.4, sigma: 0.5, missing: 0.1 },
      ],
    };
    const sim = simulatePanel(spec, 2024);
    keys = sim.keys;
    indicators = spec.indicators.map((d, k) => ({ id: d.id, values: sim.values[k], treatment: d.presence ? 'two_part' : 'linear' }));
  } else {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const header = lines[0].split(',');
    const ids = ['un', 'arms', 'drills', 'trade'];
    const col = ids.map((id) => header.indexOf(`${id}_raw`));
    const n = lines.length - 1 - (lines.at(-1) === '' ? 1 : 0);
    keys = new Float64Array(n);
    const values = ids.map(() => new Float64Array(n));
    let pair = -1;
    let last = '';
    for (let i = 0; i < n; i++) {
      const f = lines[i + 1].split(',');
      const p = `${f[0]}-${f[1]}`;
      if (p !== last) {
        pair++;
        last = p;
      }
      keys[i] = pair * 4096 + Number(f[2]);
      col.forEach((c, k) => {
        values[k][i] = f[c] === '' ? NaN : Number(f[c]);
      });
    }
    const treatment = { un: 'linear', arms: 'two_part', drills: 'two_part', trade: 'rank_normal' };
    indicators = ids.map((id, k) => ({ id, values: values[k], treatment: treatment[id] }));
  }
  global.gc?.();
  const t0 = performance.now();
  const fit = await fitLatentModelThreaded(keys, indicators, { scale: [0, 100] }, threads);
  const fitSeconds = (performance.now() - t0) / 1000;
  const hash = createHash('sha256');
  for (const a of [fit.index, fit.indexLo, fit.indexHi, fit.mean, fit.variance]) hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  hash.update(JSON.stringify([fit.columns, fit.convergence]));
  const estimates = fit.columns.map((c) => `${c.id} b ${c.b.toFixed(3)} σ ${c.sigma.toFixed(3)} w ${c.weight.toFixed(3)}`).join('; ') + `; τ ${fit.tau.toFixed(3)}`;
  console.log(
    JSON.stringify({
      rows: keys.length,
      columns: fit.columns.length,
      eSteps: fit.convergence.eSteps,
      iterations: fit.convergence.iterations,
      converged: fit.convergence.converged,
      fitSeconds,
      perEStepMs: (1000 * fitSeconds) / fit.convergence.eSteps,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      sha256: hash.digest('hex'),
      estimates,
    }),
  );
}
