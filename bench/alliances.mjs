#!/usr/bin/env node
// Benchmark of the alliances family's portfolio measures (issue 17) on the ATOP 5.1 directed
// dyad-year copy (../shared/data/alliances, 273,296 rows), every pair of state-system members
// 1816–2018:
//  1. family only, per measure — reading the file, collapsing the directed rows and the
//     portfolio similarity of every member pair of every year (one fresh process each: wall
//     time, peak RSS);
//  2. side by side in one process, on the same tie table and state system: the family's
//     sparse contingency-table computation of S against a naive dense one (a loop over all
//     members for every pair: O(n³) per year), with their largest difference;
//  3. the whole `entente score --config bench/alliances.yaml` (portfolio_s, all pairs).
// Needs the build (`npm run build`; `npm run bench` builds first). ENTENTE_DIST picks another
// build folder. usage: node bench/alliances.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.env.ENTENTE_DIST ?? 'dist');
const dataDir = path.resolve(process.env.ENTENTE_DATA_DIR ?? path.join(root, '..', 'shared', 'data'));
const atop = path.join(dataDir, 'alliances', 'atop5.1_ddyr_peacesciencer.csv.gz');
const MEASURES = ['portfolio_s', 'portfolio_kappa', 'portfolio_pi', 'portfolio_taub'];
const imp = (rel) => import(pathToFileURL(path.join(dist, rel)).href);

async function context() {
  const { createCrosswalk } = await imp('domain/crosswalk.js');
  const { stateSystemOf } = await imp('domain/state-system.js');
  const crosswalk = createCrosswalk();
  return { crosswalk, stateSystem: stateSystemOf(crosswalk), resolvePath: (p) => p, seed: 1, warn: () => {}, progress: () => {} };
}

if (process.argv[2] === '--family-only') {
  // child mode: one measure through the family, in this fresh process
  const { alliancesFamily: fam } = await imp('families/alliances/family.js');
  const ctx = await context();
  const t0 = performance.now();
  const data = await fam.load({ id: 'alliance', family: 'alliances', measure: process.argv[3], options: fam.optionsSchema.parse({}), sources: [fam.sourceSchema.parse({ format: 'atop', path: atop })] }, ctx);
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, values: data.values.size, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
  process.exit(0);
}

if (process.argv[2] === '--side-by-side') {
  // child mode: the family's computation and a naive dense one, on the same inputs, each
  // storing its values in a dyad-year table: S over every year (naive O(n) per pair, O(n³) per
  // year) and tau-b over 2018 (naive O(n²) per pair, O(n⁴) per year)
  const { readAllianceDyads } = await imp('families/alliances/read-alliance-dyads.js');
  const { collapseTies } = await imp('families/alliances/compute-ties.js');
  const { computePortfolio } = await imp('families/alliances/compute-portfolio.js');
  const { DyadYearTable } = await imp('domain/dyad-year-table.js');
  const { unpackKey } = await imp('domain/dyad-year-key.js');
  const ctx = await context();
  const ties = collapseTies([(await readAllianceDyads(atop, ctx.crosswalk, 'atop')).rows]);
  const members = (y) => ctx.stateSystem.members(y);
  const byYear = new Map();
  for (const k of ties.level.keys()) {
    const { a, b, year } = unpackKey(k);
    if (!byYear.has(year)) byYear.set(year, []);
    byYear.get(year).push([a, b, ties.level.getByKey(k)]);
  }
  /** The dense tie matrix of a year (each state tied to itself at 3). */
  function matrixOf(year) {
    const states = members(year);
    const n = states.length;
    const at = new Map(states.map((s, i) => [s, i]));
    const tie = new Uint8Array(n * n);
    for (let i = 0; i < n; i++) tie[i * n + i] = 3;
    for (const [a, b, v] of byYear.get(year) ?? []) {
      const p = at.get(a);
      const q = at.get(b);
      if (p === undefined || q === undefined) continue;
      tie[p * n + q] = v;
      tie[q * n + p] = v;
    }
    return { states, n, tie };
  }
  function naive(years, measure) {
    let expected = 0;
    for (const y of years) expected += (members(y).length * (members(y).length - 1)) / 2;
    const out = new DyadYearTable(false, expected);
    for (const year of years) {
      const { states, n, tie } = matrixOf(year);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let v;
          if (measure === 'portfolio_s') {
            let d = 0;
            for (let k = 0; k < n; k++) {
              const e = tie[i * n + k] - tie[j * n + k];
              d += e * e;
            }
            v = 1 - (2 * d) / (n * 9);
          } else {
            let c = 0, dis = 0, tx = 0, ty = 0;
            for (let k = 0; k < n; k++) {
              for (let l = k + 1; l < n; l++) {
                const dx = Math.sign(tie[i * n + k] - tie[i * n + l]);
                const dy = Math.sign(tie[j * n + k] - tie[j * n + l]);
                if (dx === 0) tx++;
                if (dy === 0) ty++;
                if (dx * dy > 0) c++;
                else if (dx * dy < 0) dis++;
              }
            }
            const all = (n * (n - 1)) / 2;
            v = (c - dis) / Math.sqrt((all - tx) * (all - ty));
          }
          out.setByKey(out.key(states[i], states[j], year), v);
        }
      }
    }
    return out;
  }
  const result = {};
  for (const [measure, years] of [['portfolio_s', Array.from({ length: 2018 - 1816 + 1 }, (_, i) => 1816 + i)], ['portfolio_taub', [2018]]]) {
    // the naive run first: any warm-up favours the family's run after it
    let t0 = performance.now();
    const slow = naive(years, measure);
    const naiveMs = performance.now() - t0;
    t0 = performance.now();
    const fast = computePortfolio(ties.level, years, members, { measure, ties: 'valued', distance: 'squared' });
    const fastMs = performance.now() - t0;
    let worst = 0;
    for (const k of slow.keys()) worst = Math.max(worst, Math.abs(slow.getByKey(k) - (fast.values.getByKey(k) ?? NaN)));
    result[measure] = { fastMs, naiveMs, pairs: slow.size, worst, years: years.length === 1 ? `${years[0]}` : `${years[0]}–${years.at(-1)}` };
  }
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
}

if (!existsSync(atop)) {
  console.log(`alliances: skipped — ATOP copy not found at ${atop}`);
  process.exit(0);
}
if (!existsSync(path.join(dist, 'families/alliances/family.js'))) {
  console.log(`alliances: no build in ${dist}; run \`npm run build\` first (npm run bench does)`);
  process.exit(1);
}

// a preload that reports the peak RSS of any node process on exit
const tmp = mkdtempSync(path.join(os.tmpdir(), 'entente-bench-alliances-'));
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
let failed = 0;
for (const measure of MEASURES) {
  const fam = run([fileURLToPath(import.meta.url), '--family-only', measure]);
  if (fam.r.status === 0) {
    const j = JSON.parse(fam.r.stdout.trim().split('\n').at(-1));
    rows.push([`family only: read ATOP → ${measure}, all member pairs 1816–2018`, fam.wall, fam.rssMb, `${j.values} pair-years (load ${(j.ms / 1000).toFixed(2)} s)`]);
  } else {
    failed++;
    console.log(`family-only run (${measure}) failed:\n${fam.r.stderr}`);
  }
}
const side = run([fileURLToPath(import.meta.url), '--side-by-side']);
const sideLines = [];
if (side.r.status === 0) {
  const j = JSON.parse(side.r.stdout.trim().split('\n').at(-1));
  for (const [measure, naive] of [['portfolio_s', 'O(n) per pair'], ['portfolio_taub', 'O(n²) per pair']]) {
    const x = j[measure];
    sideLines.push(
      `| ${measure}, ${x.years} | ${x.pairs} | ${(x.fastMs / 1000).toFixed(2)} | ${(x.naiveMs / 1000).toFixed(2)} (${naive}) | ${(x.fastMs / x.naiveMs).toFixed(3)}× | ${x.worst.toExponential(1)} |`,
    );
  }
} else {
  failed++;
  console.log(`side-by-side run failed:\n${side.r.stderr}`);
}

const bin = path.join(dist, 'bin/entente.js'); // the executable package.json publishes
const out = path.join(tmp, 'report');
const cli = run([bin, 'score', '--config', path.join(root, 'bench/alliances.yaml'), '--out', out]);
if (cli.r.status === 0) {
  const csv = path.join(out, 'alignment.csv');
  const n = existsSync(csv) ? readFileSync(csv, 'utf8').split('\n').filter(Boolean).length - 1 : NaN;
  rows.push(['entente score --config bench/alliances.yaml (portfolio_s, all pairs, 1816–2018)', cli.wall, cli.rssMb, `${n} rows in alignment.csv`]);
} else {
  failed++;
  console.log(`entente score exited ${cli.r.status}:\n${(cli.r.stderr ?? '').split('\n').slice(-15).join('\n')}`);
}
rmSync(tmp, { recursive: true, force: true });

console.log(`alliance portfolios on ATOP 5.1 (${os.cpus().length} cores, Node ${process.version})`);
console.log('| run | wall (s) | peak RSS (MB) | output |');
console.log('|---|---|---|---|');
for (const [name, wall, rss, what] of rows) console.log(`| ${name} | ${wall.toFixed(2)} | ${rss.toFixed(0)} | ${what} |`);
if (sideLines.length > 0) {
  console.log('\nside by side in one process, same ties and state system, both storing every value:');
  console.log('| measure, years | member pair-years | family (s) | naive dense (s) | family / naive | largest difference |');
  console.log('|---|---|---|---|---|---|');
  for (const l of sideLines) console.log(l);
}
process.exitCode = failed === 0 ? 0 : 1;
