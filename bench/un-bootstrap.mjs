#!/usr/bin/env node
// Benchmark of the UN bootstrap (issue 20) on the real `unvotes` release: agreement of every
// pair of states in every session with 200 seeded resamples of each year's roll calls
// (bench/un-bootstrap.yaml). Alternating runs, each a fresh process (wall time, user + system
// CPU time, peak RSS, from /usr/bin/time when there is one):
//   - floor:     entente score on the same config without `bootstrap:` (read, score, write);
//   - bootstrap: entente score --config bench/un-bootstrap.yaml, on the default number of
//                threads (ENTENTE_BOOTSTRAP_THREADS if set, else the cores, at most 8);
//   - 1 thread:  the same with ENTENTE_BOOTSTRAP_THREADS=1 (its report must be byte-identical);
//   - baseline:  the same with another build, when ENTENTE_BENCH_BASELINE=/path/to/entente.js
//                (its report must be byte-identical: the bootstrap is seeded).
// Target (issue 20): the wall time of the bootstrap run (200 draws, all pairs, the whole
// `entente score`) ≤ 10 s. Prints medians and the load average (the machine may be shared:
// compare CPU times and the ratios of runs measured side by side); --runs N (default 3).
// Needs the build (`npm run build`; `npm run bench` builds first).
// usage: node bench/un-bootstrap.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.env.ENTENTE_DIST ?? 'dist');
const dataDir = path.resolve(process.env.ENTENTE_DATA_DIR ?? path.join(root, '..', 'shared', 'data'));
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 3) : 3;
const TARGET_S = 10;

if (!existsSync(path.join(dataDir, 'unga', 'unvotes_un_votes.csv.gz'))) {
  console.log(`un-bootstrap: skipped — the unvotes release is not in ${path.join(dataDir, 'unga')}`);
  process.exit(0);
}
const bin = path.join(dist, 'bin', 'entente.js');
if (!existsSync(bin)) {
  console.log(`un-bootstrap: no build in ${dist}; run \`npm run build\` first (npm run bench does)`);
  process.exit(1);
}
const tmp = mkdtempSync(path.join(os.tmpdir(), 'entente-bench-boot-'));
const config = path.join(root, 'bench', 'un-bootstrap.yaml');
const floorConfig = path.join(tmp, 'un-no-bootstrap.yaml');
writeFileSync(floorConfig, readFileSync(config, 'utf8').replace(/^\s*bootstrap:.*\n/m, '').replace('name: bench-un-bootstrap', 'name: bench-un-no-bootstrap'));
const env = { ...process.env, ENTENTE_DATA_DIR: dataDir };
const hasTime = existsSync('/usr/bin/time');
const envThreads = process.env.ENTENTE_BOOTSTRAP_THREADS;
const threads = envThreads ? Number(envThreads) : Math.max(1, Math.min(8, os.availableParallelism()));

function run(entente, cfg, out, extraEnv) {
  rmSync(out, { recursive: true, force: true });
  const timeFile = path.join(tmp, 'time.txt');
  const cmd = hasTime ? ['/usr/bin/time', '-f', '%M %U %S', '-o', timeFile, process.execPath] : [process.execPath];
  const t0 = performance.now();
  const r = spawnSync(cmd[0], [...cmd.slice(1), entente, 'score', '--config', cfg, '--out', out], { cwd: root, env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = (performance.now() - t0) / 1000;
  const [rssKb, user, sys] = hasTime ? readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number) : [NaN, NaN, NaN];
  if (r.status !== 0) throw new Error(`${entente} score --config ${cfg} exited ${r.status}:\n${(r.stderr ?? '').split('\n').slice(-10).join('\n')}`);
  return { wall, cpu: user + sys, rssMb: rssKb / 1024 };
}

// the build's commit (in datapackage.json and report.html) is the one thing two builds may differ in;
// score-cache.bin is keyed to the build (its fingerprint and closing checksum cover the commit), so
// it is compared only between runs of one build
const COMMIT = /(\\?"commit\\?"\s*:\s*)(null|\\?"[0-9a-f]{40}\\?")/g;
const digest = (dir, sameBuild = true) =>
  readdirSync(dir)
    .filter((f) => sameBuild || f !== 'score-cache.bin')
    .sort()
    .map((f) => `${f} ${createHash('sha256').update(readFileSync(path.join(dir, f), 'latin1').replace(COMMIT, '$1"…"'), 'latin1').digest('hex')}`)
    .join('\n');

const contenders = [
  { id: 'floor', label: 'entente score, no bootstrap (the floor)', bin, cfg: floorConfig },
  { id: 'bootstrap', label: `entente score, bootstrap 200 draws, ${threads} thread(s)`, bin, cfg: config },
  ...(threads !== 1 ? [{ id: 'one', label: 'entente score, bootstrap 200 draws, 1 thread', bin, cfg: config, env: { ENTENTE_BOOTSTRAP_THREADS: '1' } }] : []),
  ...(process.env.ENTENTE_BENCH_BASELINE ? [{ id: 'baseline', label: `baseline build (${process.env.ENTENTE_BENCH_BASELINE}), bootstrap 200 draws`, bin: process.env.ENTENTE_BENCH_BASELINE, cfg: config }] : []),
];
const [loadBefore] = os.loadavg();
const results = new Map(contenders.map((c) => [c.id, { walls: [], cpus: [], rss: [] }]));
const outputs = new Map();
for (let r = 0; r < RUNS; r++) {
  const order = contenders.map((_, i) => contenders[(i + r) % contenders.length]);
  for (const c of order) {
    const out = path.join(tmp, c.id);
    const m = run(c.bin, c.cfg, out, c.env ?? {});
    results.get(c.id).walls.push(m.wall);
    results.get(c.id).cpus.push(m.cpu);
    results.get(c.id).rss.push(m.rssMb);
    if (r === 0 && c.id !== 'floor') outputs.set(c.id, { same: digest(out), cross: digest(out, false) });
    process.stderr.write(`run ${r + 1}/${RUNS} ${c.id}: ${m.wall.toFixed(2)} s wall, ${m.cpu.toFixed(2)} s CPU, ${m.rssMb.toFixed(0)} MB\n`);
  }
}
rmSync(tmp, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const [load1] = os.loadavg();
console.log(`\nUN bootstrap, agree, all pairs, 200 draws, ${threads} bootstrap thread(s) (${RUNS} runs each, alternating; medians; ${os.availableParallelism()} cores; load average ${loadBefore.toFixed(1)} before, ${load1.toFixed(1)} after)`);
console.log('| run | wall (s) | CPU user+sys (s) | peak RSS (MB) |');
console.log('|---|---:|---:|---:|');
for (const c of contenders) {
  const r = results.get(c.id);
  console.log(`| ${c.label} | ${median(r.walls).toFixed(2)} | ${median(r.cpus).toFixed(2)} | ${median(r.rss).toFixed(0)} |`);
}
const boot = median(results.get('bootstrap').walls);
console.log(`bootstrap alone (run minus floor): ${(boot - median(results.get('floor').walls)).toFixed(2)} s wall, ${(median(results.get('bootstrap').cpus) - median(results.get('floor').cpus)).toFixed(2)} s CPU`);
console.log(`target (issue 20): the bootstrap run (200 draws, all pairs, ${threads} thread(s)) ≤ ${TARGET_S} s wall: ${boot <= TARGET_S ? 'met' : 'NOT met'} (${boot.toFixed(2)} s)`);
let ok = true;
for (const [id, what] of [['one', '1 thread'], ['baseline', 'the baseline build']]) {
  if (!outputs.has(id)) continue;
  const kind = id === 'baseline' ? 'cross' : 'same';
  const same = outputs.get(id)[kind] === outputs.get('bootstrap')[kind];
  console.log(same ? `${what} wrote byte-identical report files${id === 'baseline' ? ' (score-cache.bin aside: it is keyed to the build)' : ''}` : `WARNING: ${what} wrote different report files`);
  ok &&= same;
}
process.exitCode = ok ? 0 : 1;
