#!/usr/bin/env node
// Benchmark of `entente sensitivity` (issues 7 and 20) on the real-data config
// (examples/real-data-levels.yaml: eight indicators, about a million pair-years; ../shared/data):
// 1,000 Monte Carlo draws over every pair-year. Runs, each in a fresh process with wall time
// and peak RSS:
//  1. `entente score` — loading and scoring, which writes the score cache the next runs read
//     (the default `sensitivity:` block varies weights and aggregation only);
//  2. `entente sensitivity --draws 1000 --threads 1` — the cached panel plus the analysis
//     (N·(k + 2) model runs per pair-year, ranks and intervals, Sobol' indices) on one thread;
//  3. the same on the default threads (one per core), whose output must be byte-identical.
// Targets (issue 20): the default threads ≤ 60 s and ≤ 1 GB peak RSS; two threads ≤ 0.6× one
// thread (meaningful only when two cores are free: the load average is printed).
// Needs the build (`npm run build`; `npm run bench` builds first). ENTENTE_DIST picks another
// build folder; ENTENTE_BENCH_DRAWS overrides the 1,000 draws (for a quick look);
// ENTENTE_BENCH_SENSITIVITY_CONFIG another config (bench/sensitivity.yaml: UN votes + trade);
// ENTENTE_BENCH_REPEATS alternates the one-thread and default-thread runs that many times (medians).
// Reports wall time, CPU time (user + sys, all threads) and peak RSS of each run, and the
// load average (the machine may be shared: the ratio is meaningful only with two cores free).
// usage: node bench/sensitivity.mjs
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.env.ENTENTE_DIST ?? 'dist');
const dataDir = path.resolve(process.env.ENTENTE_DATA_DIR ?? path.join(root, '..', 'shared', 'data'));
const config = path.resolve(root, process.env.ENTENTE_BENCH_SENSITIVITY_CONFIG ?? path.join('examples', 'real-data-levels.yaml'));
const draws = process.env.ENTENTE_BENCH_DRAWS ?? '1000';
// the data files the config names (paths relative to data_dir)
const needed = [...readFileSync(config, 'utf8').matchAll(/(?:votes|rollcalls|issues|path): ([\w./-]+\.csv(?:\.gz)?)/g)].map((m) => m[1]);

const missing = needed.filter((f) => !existsSync(path.join(dataDir, f)));
if (missing.length > 0) {
  console.log(`sensitivity: skipped — not found in ${dataDir}: ${missing.join(', ')}`);
  process.exit(0);
}
const bin = path.join(dist, 'bin', 'entente.js'); // the executable package.json publishes
if (!existsSync(bin)) {
  console.log(`sensitivity: no build in ${dist}; run \`npm run build\` first (npm run bench does)`);
  process.exit(1);
}

// a preload that reports the peak RSS of the node process on exit
const tmp = mkdtempSync(path.join(os.tmpdir(), 'entente-bench-sensitivity-'));
const preload = path.join(tmp, 'maxrss.mjs');
writeFileSync(preload, "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(`MAXRSS_KB ${u.maxRSS} CPU_US ${u.userCPUTime + u.systemCPUTime}\\n`); });\n");

function run(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ENTENTE_DATA_DIR: dataDir } });
  const wall = (performance.now() - t0) / 1000;
  const m = /MAXRSS_KB (\d+) CPU_US (\d+)/.exec(r.stderr ?? '');
  return { r, wall, rssMb: m ? Number(m[1]) / 1024 : NaN, cpu: m ? Number(m[2]) / 1e6 : NaN };
}

const loadStart = os.loadavg()[0];
const rows = [];
const out = path.join(tmp, 'report');
const score = run(['score', '--config', config, '--out', out]);
if (score.r.status === 0) {
  const n = readFileSync(path.join(out, 'alignment.csv'), 'utf8').split('\n').filter(Boolean).length - 1;
  rows.push(['entente score (load + score; writes the cache the next runs read)', score.wall, score.rssMb, `${n} pair-years`, score.cpu]);
} else {
  console.log(`entente score exited ${score.r.status}:\n${(score.r.stderr ?? '').split('\n').slice(-15).join('\n')}`);
}
const outputs = [];
// one thread and the default threads alternate, ENTENTE_BENCH_REPEATS times (default 1); medians
const repeats = Math.max(1, Number(process.env.ENTENTE_BENCH_REPEATS ?? 1));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const runs = { 1: [], default: [] };
for (let rep = 0; rep < repeats; rep++) {
  for (const threads of ['1', null]) {
    const args = ['sensitivity', '--config', config, '--out', out, '--draws', draws, ...(threads ? ['--threads', threads] : [])];
    const sens = run(args);
    if (sens.r.status === 0) {
      runs[threads ?? 'default'].push(sens);
      outputs.push(['sensitivity.csv', 'sobol.csv'].map((f) => createHash('sha256').update(readFileSync(path.join(out, f))).digest('hex')).join(' '));
      if (!threads && rep === 0) console.log((sens.r.stdout ?? '').trim());
    } else {
      console.log(`entente sensitivity exited ${sens.r.status}:\n${(sens.r.stderr ?? '').split('\n').slice(-15).join('\n')}`);
    }
  }
}
for (const threads of ['1', null]) {
  const done = runs[threads ?? 'default'];
  if (done.length === 0) continue;
  const summary = (done[0].r.stdout ?? '').split('\n').find((l) => /draws \(seed/.test(l)) ?? '';
  const label = `entente sensitivity --draws ${draws}${threads ? ` --threads ${threads}` : ` (${os.availableParallelism()} threads)`}${repeats > 1 ? `, median of ${done.length}` : ''}`;
  rows.push([label, median(done.map((x) => x.wall)), median(done.map((x) => x.rssMb)), summary.trim(), median(done.map((x) => x.cpu))]);
}
const same = outputs.length === 2 * repeats && outputs.every((o) => o === outputs[0]);

rmSync(tmp, { recursive: true, force: true });

const [load1] = os.loadavg();
console.log(`\nsensitivity of ${path.relative(root, config)} (${os.cpus().length} cores, Node ${process.version}, load average ${loadStart.toFixed(1)} at the start, ${load1.toFixed(1)} at the end)`);
console.log('| run | wall (s) | CPU user+sys (s) | peak RSS (MB) | output |');
console.log('|---|---|---|---|---|');
for (const [name, wall, rss, what, cpu] of rows) console.log(`| ${name} | ${wall.toFixed(2)} | ${cpu.toFixed(2)} | ${rss.toFixed(0)} | ${what} |`);
console.log(same ? 'one thread and several threads wrote the same sensitivity.csv and sobol.csv' : 'WARNING: the outputs of one and several threads differ');
if (rows.length === 3) {
  const [, one, many] = rows;
  console.log(`target (issue 20): ${draws} draws ≤ 60 s: ${many[1] <= 60 ? 'met' : 'NOT met'} (${many[1].toFixed(1)} s); peak RSS ≤ 1 GB: ${many[2] <= 1024 ? 'met' : 'NOT met'} (${many[2].toFixed(0)} MB)`);
  console.log(`target (issue 20): ${os.availableParallelism()} threads ≤ 0.6× one thread: ${many[1] <= 0.6 * one[1] ? 'met' : 'NOT met'} (${(many[1] / one[1]).toFixed(2)}×; needs the cores free — load average ${load1.toFixed(1)})`);
  const [floor] = rows;
  const per = (r) => (r[4] * 1e9) / (Number(draws) * Number(/(\d+) pair-years/.exec(floor[3])?.[1] ?? NaN));
  console.log(`sensitivity CPU (the whole run, from the score cache): ${per(one).toFixed(0)} ns per draw and pair-year on one thread, ${per(many).toFixed(0)} ns on ${os.availableParallelism()} (CPU time, so less sensitive to the load than wall time)`);
}
process.exitCode = rows.length === 3 && same ? 0 : 1;
