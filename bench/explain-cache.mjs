#!/usr/bin/env node
// Benchmark of the score cache (issue 20, item 3) on the real-data config
// (examples/real-data.yaml, 1.09 M pair-years): `entente explain RUS IRN --year 2016` after a
// `score`, read from the report folder's score-cache.bin, against the score itself and against
// the same explain scoring the panel again (--rescore). Alternating runs, each a fresh process
// (wall, user+system CPU and peak RSS from /usr/bin/time when present); the explain's output
// and file must be the same bytes with and without the cache.
// Target (issue 20): explain ≤ 0.2× the score's time. Prints medians; --runs N (default 3).
// Needs the build (`npm run build`; `npm run bench` builds first).
// usage: node bench/explain-cache.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.env.ENTENTE_DIST ?? 'dist');
const dataDir = path.resolve(process.env.ENTENTE_DATA_DIR ?? path.join(root, '..', 'shared', 'data'));
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 3) : 3;
const TARGET = 0.2;

if (!existsSync(path.join(dataDir, 'unga', 'unvotes_un_votes.csv.gz'))) {
  console.log(`explain-cache: skipped — the real data is not in ${dataDir}`);
  process.exit(0);
}
const bin = path.join(dist, 'bin', 'entente.js');
if (!existsSync(bin)) {
  console.log(`explain-cache: no build in ${dist}; run \`npm run build\` first (npm run bench does)`);
  process.exit(1);
}
const tmp = mkdtempSync(path.join(os.tmpdir(), 'entente-bench-cache-'));
const out = path.join(tmp, 'report');
const config = path.join(root, 'examples', 'real-data.yaml');
const env = { ...process.env, ENTENTE_DATA_DIR: dataDir };
const hasTime = existsSync('/usr/bin/time');

function run(args) {
  const timeFile = path.join(tmp, 'time.txt');
  const cmd = hasTime ? ['/usr/bin/time', '-f', '%U %S %M', '-o', timeFile, process.execPath] : [process.execPath];
  const t0 = performance.now();
  const r = spawnSync(cmd[0], [...cmd.slice(1), bin, ...args, '--config', config, '--out', out], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`entente ${args.join(' ')} exited ${r.status}:\n${(r.stderr ?? '').split('\n').slice(-10).join('\n')}`);
  const [user, sys, rss] = hasTime ? readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number) : [NaN, NaN, NaN];
  return { wall, cpu: user + sys, rssMb: rss / 1024, stdout: r.stdout, stderr: r.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const explain = ['explain', 'RUS', 'IRN', '--year', '2016'];
const rows = { score: [], 'explain (cache)': [], 'explain --rescore': [] };
let cacheBytes = 0;
let csvBytes = 0;
try {
  for (let i = 0; i < RUNS; i++) {
    rows.score.push(run(['score']));
    cacheBytes = statSync(path.join(out, 'score-cache.bin')).size;
    csvBytes = statSync(path.join(out, 'alignment.csv')).size;
    const cached = run(explain);
    if (/scoring the panel again/.test(cached.stderr)) throw new Error(`explain did not read the cache:\n${cached.stderr}`);
    const fileCached = readFileSync(path.join(out, 'explain_IRN_RUS.csv'));
    rows['explain (cache)'].push(cached);
    const again = run([...explain, '--rescore']);
    rows['explain --rescore'].push(again);
    if (again.stdout !== cached.stdout || !readFileSync(path.join(out, 'explain_IRN_RUS.csv')).equals(fileCached)) throw new Error('explain printed or wrote other bytes from the cache than scoring again');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const s = (xs, k) => median(xs.map((x) => x[k]));
console.log(`explain RUS IRN --year 2016 after score, examples/real-data.yaml; medians of ${RUNS} alternating runs (shared machine: compare the ratios)`);
console.log(`score-cache.bin ${(cacheBytes / 1e6).toFixed(1)} MB beside alignment.csv ${(csvBytes / 1e6).toFixed(1)} MB`);
console.log('run                  wall s   cpu s   peak MB   wall ×score   cpu ×score');
for (const [name, xs] of Object.entries(rows)) {
  console.log(
    `${name.padEnd(20)} ${s(xs, 'wall').toFixed(2).padStart(6)}  ${s(xs, 'cpu').toFixed(2).padStart(6)}  ${s(xs, 'rssMb').toFixed(0).padStart(8)}  ${(s(xs, 'wall') / s(rows.score, 'wall')).toFixed(3).padStart(12)}  ${(s(xs, 'cpu') / s(rows.score, 'cpu')).toFixed(3).padStart(11)}`,
  );
}
const ratio = s(rows['explain (cache)'], 'wall') / s(rows.score, 'wall');
console.log(`explain from the cache: ${ratio.toFixed(3)}× the score's wall time (target ≤ ${TARGET}) — ${ratio <= TARGET ? 'met' : 'NOT met'}`);
