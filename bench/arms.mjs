#!/usr/bin/env node
// Benchmark of the arms family (issue 4) on SIPRI's real trade register (../shared/data/arms):
//  1. family only — reading the raw register, resolving names, allocating, log_tiv for every
//     supplier → recipient pair 1950–2024 (one fresh process, wall time and peak RSS);
//  2. the whole `entente score --config bench/arms.yaml` (only `arms`, all pairs, 1950–2024),
//     wall time, peak RSS and output rows.
// Needs the build (`npm run build`; `npm run bench` builds first). ENTENTE_DIST picks another
// build folder. usage: node bench/arms.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.env.ENTENTE_DIST ?? 'dist');
const dataDir = path.resolve(process.env.ENTENTE_DATA_DIR ?? path.join(root, '..', 'shared', 'data'));
const register = path.join(dataDir, 'arms', 'raw', 'sipri_trade_register_2025-03-13_raw.csv.gz');

if (process.argv[2] === '--family-only') {
  // child mode: time the family alone in this fresh process
  const { armsTransfersFamily: fam } = await import(pathToFileURL(path.join(dist, 'families/arms-transfers/family.js')).href);
  const { createCrosswalk } = await import(pathToFileURL(path.join(dist, 'domain/crosswalk.js')).href);
  const { stateSystemOf } = await import(pathToFileURL(path.join(dist, 'domain/state-system.js')).href);
  const crosswalk = createCrosswalk();
  const t0 = performance.now();
  const data = await fam.load(
    {
      id: 'arms',
      family: 'arms_transfers',
      measure: 'log_tiv',
      options: fam.optionsSchema.parse({}),
      sources: [fam.sourceSchema.parse({ format: 'sipri_register', path: register })],
    },
    { crosswalk, stateSystem: stateSystemOf(crosswalk), resolvePath: (p) => p, seed: 1, warn: () => {}, progress: () => {} },
  );
  const ms = performance.now() - t0;
  const states = new Set();
  for (const e of data.values.entries()) states.add(e.a).add(e.b);
  process.stdout.write(JSON.stringify({ ms, values: data.values.size, states: [...states].sort(), maxRssKb: process.resourceUsage().maxRSS }) + '\n');
  process.exit(0);
}

if (!existsSync(register)) {
  console.log(`arms: skipped — SIPRI register not found at ${register}`);
  process.exit(0);
}
if (!existsSync(path.join(dist, 'families/arms-transfers/family.js'))) {
  console.log(`arms: no build in ${dist}; run \`npm run build\` first (npm run bench does)`);
  process.exit(1);
}

// a preload that reports the peak RSS of any node process on exit
const tmp = mkdtempSync(path.join(os.tmpdir(), 'entente-bench-arms-'));
const preload = path.join(tmp, 'maxrss.mjs');
writeFileSync(preload, "process.on('exit', () => process.stderr.write(`MAXRSS_KB ${process.resourceUsage().maxRSS}\\n`));\n");

function run(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = (performance.now() - t0) / 1000;
  const m = /MAXRSS_KB (\d+)/.exec(r.stderr ?? '');
  return { r, wall, rssMb: m ? Number(m[1]) / 1024 : NaN };
}

const rows = [];
let states = [];
const fam = run([fileURLToPath(import.meta.url), '--family-only']);
if (fam.r.status === 0) {
  const j = JSON.parse(fam.r.stdout.trim().split('\n').at(-1));
  states = j.states;
  rows.push(['family only (read raw register → log_tiv, 1950–2024)', fam.wall, fam.rssMb, `${j.values} directed pair-years (load ${(j.ms / 1000).toFixed(2)} s)`]);
} else {
  console.log(`family-only run failed:\n${fam.r.stderr}`);
}

const bin = path.join(dist, 'bin/entente.js'); // the executable package.json publishes
function score(label, config, out) {
  const cli = run([bin, 'score', '--config', config, '--out', out]);
  if (cli.r.status !== 0) {
    console.log(`${label}: entente score exited ${cli.r.status}:\n${(cli.r.stderr ?? '').split('\n').slice(-15).join('\n')}`);
    return;
  }
  const csv = path.join(out, 'alignment.csv');
  const n = existsSync(csv) ? readFileSync(csv, 'utf8').split('\n').filter(Boolean).length - 1 : NaN;
  rows.push([label, cli.wall, cli.rssMb, `${n} rows in alignment.csv`]);
}
// 1. as configured: every pair with a delivery in some year (the panel of observed pair-years)
score('entente score --config bench/arms.yaml (observed pairs, 1950–2024)', path.join(root, 'bench/arms.yaml'), path.join(tmp, 'report'));
// 2. the full panel: every pair of the register's states × every year 1950–2024 (zeros included)
if (states.length > 0) {
  const full = path.join(tmp, 'arms-all-states.yaml');
  const text = readFileSync(path.join(root, 'bench/arms.yaml'), 'utf8')
    .replace('name: bench-arms', `name: bench-arms-all\nstates: [${states.join(', ')}]`)
    .replace(/^data_dir: .*$/m, `data_dir: ${JSON.stringify(dataDir)}`);
  writeFileSync(full, text);
  score(`same with states: all ${states.length} states (every pair × year)`, full, path.join(tmp, 'report-all'));
}
rmSync(tmp, { recursive: true, force: true });

console.log(`arms on the real SIPRI register (${os.cpus().length} cores, Node ${process.version})`);
console.log('| run | wall (s) | peak RSS (MB) | output |');
console.log('|---|---|---|---|');
for (const [name, wall, rss, what] of rows) console.log(`| ${name} | ${wall.toFixed(2)} | ${rss.toFixed(0)} | ${what} |`);
process.exitCode = rows.length === 3 ? 0 : 1;
