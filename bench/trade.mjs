#!/usr/bin/env node
// Benchmark of the trade family (issue 6) on the rounded COW Dyadic Trade v4.0 copy
// (../shared/data/trade, 673,654 rows):
//  1. family only — reading the gzip file (byte scanner), resolving COW codes by year,
//     bilateral trade, totals and salience for every pair 1870–2014 (one fresh process, wall
//     time and peak RSS);
//  2. the whole `entente score --config bench/trade.yaml` (only `trade`, all pairs,
//     1870–2014): wall time, peak RSS and output rows.
// Needs the build (`npm run build`; `npm run bench` builds first). ENTENTE_DIST picks another
// build folder. usage: node bench/trade.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.env.ENTENTE_DIST ?? 'dist');
const dataDir = path.resolve(process.env.ENTENTE_DATA_DIR ?? path.join(root, '..', 'shared', 'data'));
const cowV4 = path.join(dataDir, 'trade', 'cow_dyadic_trade_v4.0_rounded_peacesciencer.csv.gz');

if (process.argv[2] === '--family-only') {
  // child mode: time the family alone in this fresh process
  const { tradeFamily: fam } = await import(pathToFileURL(path.join(dist, 'families/trade/family.js')).href);
  const { createCrosswalk } = await import(pathToFileURL(path.join(dist, 'domain/crosswalk.js')).href);
  const { stateSystemOf } = await import(pathToFileURL(path.join(dist, 'domain/state-system.js')).href);
  const crosswalk = createCrosswalk();
  const t0 = performance.now();
  const data = await fam.load(
    {
      id: 'trade',
      family: 'trade',
      measure: 'salience',
      options: fam.optionsSchema.parse({}),
      sources: [fam.sourceSchema.parse({ format: 'cow_trade', path: cowV4 })],
    },
    { crosswalk, stateSystem: stateSystemOf(crosswalk), resolvePath: (p) => p, seed: 1, warn: () => {}, progress: () => {} },
  );
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, values: data.values.size, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
  process.exit(0);
}

if (!existsSync(cowV4)) {
  console.log(`trade: skipped — COW v4.0 copy not found at ${cowV4}`);
  process.exit(0);
}
if (!existsSync(path.join(dist, 'families/trade/family.js'))) {
  console.log(`trade: no build in ${dist}; run \`npm run build\` first (npm run bench does)`);
  process.exit(1);
}

// a preload that reports the peak RSS of any node process on exit
const tmp = mkdtempSync(path.join(os.tmpdir(), 'entente-bench-trade-'));
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
const fam = run([fileURLToPath(import.meta.url), '--family-only']);
if (fam.r.status === 0) {
  const j = JSON.parse(fam.r.stdout.trim().split('\n').at(-1));
  rows.push(['family only (read COW v4.0 → salience, 1870–2014)', fam.wall, fam.rssMb, `${j.values} pair-years (load ${(j.ms / 1000).toFixed(2)} s)`]);
} else {
  console.log(`family-only run failed:\n${fam.r.stderr}`);
}

const bin = path.join(dist, 'bin/entente.js'); // the executable package.json publishes
const out = path.join(tmp, 'report');
const cli = run([bin, 'score', '--config', path.join(root, 'bench/trade.yaml'), '--out', out]);
if (cli.r.status === 0) {
  const csv = path.join(out, 'alignment.csv');
  const n = existsSync(csv) ? readFileSync(csv, 'utf8').split('\n').filter(Boolean).length - 1 : NaN;
  rows.push(['entente score --config bench/trade.yaml (salience, all pairs, 1870–2014)', cli.wall, cli.rssMb, `${n} rows in alignment.csv`]);
} else {
  console.log(`entente score exited ${cli.r.status}:\n${(cli.r.stderr ?? '').split('\n').slice(-15).join('\n')}`);
}
rmSync(tmp, { recursive: true, force: true });

console.log(`trade on the rounded COW v4.0 copy (${os.cpus().length} cores, Node ${process.version})`);
console.log('| run | wall (s) | peak RSS (MB) | output |');
console.log('|---|---|---|---|');
for (const [name, wall, rss, what] of rows) console.log(`| ${name} | ${wall.toFixed(2)} | ${rss.toFixed(0)} | ${what} |`);
process.exitCode = rows.length === 2 ? 0 : 1;
