#!/usr/bin/env node
// Benchmark of the events family (issue 16), each run in a fresh process (wall time and peak RSS):
//  1. the family over the shared GDELT-derived daily pair scores (../shared/data/events,
//     2,706,067 rows, gzip CSV), measure mean_daily, every pair and year;
//  2. a synthetic file of 50 million GDELT-like event rows (DATEADDED, Actor1CountryCode,
//     Actor2CountryCode, GoldsteinScale, QuadClass, EventCode; 150 states, 30 % empty actor codes,
//     2018–2022), generated here by DuckDB as Parquet into a temporary folder (removed after):
//     a. the events family (format gdelt_v2, mean_daily) through DuckDB with its defaults
//        (memory_limit 1 GB): one scan grouped by year and raw pair;
//     a'. the same with min_days: 1, which groups by day and raw pair first (tens of millions of
//        groups, more than the 1 GB limit holds: the aggregation spills to disk);
//     b. a plain streaming JavaScript aggregation of the same rows (read from a CSV copy line by
//        line: per year the pair totals and the distinct days, then total / days), whose values
//        are compared with the family's.
// Target: the 50 M-row aggregation within 2 GB of memory on the 2-core machine.
// Needs the build (`npm run build`; `npm run bench` builds first). ENTENTE_DIST picks another
// build folder; EVENTS_ROWS another row count (default 50000000).
// usage: node bench/events.mjs
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.env.ENTENTE_DIST ?? 'dist');
const dataDir = path.resolve(process.env.ENTENTE_DATA_DIR ?? path.join(root, '..', 'shared', 'data'));
const shared = path.join(dataDir, 'events', 'gdelt_graph_daily_edges_2018-2024.csv.gz');
const ROWS = Number(process.env.EVENTS_ROWS ?? 50_000_000);
const STATES = [
  'AFG', 'ALB', 'DZA', 'AGO', 'ARG', 'ARM', 'AUS', 'AUT', 'AZE', 'BHS', 'BHR', 'BGD', 'BRB', 'BLR', 'BEL', 'BLZ', 'BEN', 'BTN', 'BOL', 'BIH',
  'BWA', 'BRA', 'BRN', 'BGR', 'BFA', 'BDI', 'KHM', 'CMR', 'CAN', 'CPV', 'CAF', 'TCD', 'CHL', 'CHN', 'COL', 'COM', 'COG', 'COD', 'CRI', 'CIV',
  'HRV', 'CUB', 'CYP', 'CZE', 'DNK', 'DJI', 'DMA', 'DOM', 'ECU', 'EGY', 'SLV', 'GNQ', 'ERI', 'EST', 'ETH', 'FJI', 'FIN', 'FRA', 'GAB', 'GMB',
  'GEO', 'DEU', 'GHA', 'GRC', 'GRD', 'GTM', 'GIN', 'GNB', 'GUY', 'HTI', 'HND', 'HUN', 'ISL', 'IND', 'IDN', 'IRN', 'IRQ', 'IRL', 'ISR', 'ITA',
  'JAM', 'JPN', 'JOR', 'KAZ', 'KEN', 'KIR', 'PRK', 'KOR', 'KWT', 'KGZ', 'LAO', 'LVA', 'LBN', 'LSO', 'LBR', 'LBY', 'LIE', 'LTU', 'LUX', 'MKD',
  'MDG', 'MWI', 'MYS', 'MDV', 'MLI', 'MLT', 'MHL', 'MRT', 'MUS', 'MEX', 'FSM', 'MDA', 'MCO', 'MNG', 'MNE', 'MAR', 'MOZ', 'MMR', 'NAM', 'NRU',
  'NPL', 'NLD', 'NZL', 'NIC', 'NER', 'NGA', 'NOR', 'OMN', 'PAK', 'PLW', 'PAN', 'PNG', 'PRY', 'PER', 'PHL', 'POL', 'PRT', 'QAT', 'ROU', 'RUS',
  'RWA', 'SAU', 'SEN', 'SRB', 'SYR', 'TUR', 'UKR', 'GBR', 'USA', 'VNM',
];

async function familyChild(kind, file) {
  const { eventsFamily } = await import(pathToFileURL(path.join(dist, 'families/events/family.js')).href);
  const { createCrosswalk } = await import(pathToFileURL(path.join(dist, 'domain/crosswalk.js')).href);
  const source = kind === 'shared' ? { format: 'edges', path: file } : { format: 'gdelt_v2', path: file };
  // min_days: 1 keeps one group per day and raw pair before the years (tens of millions of groups: it spills)
  const options = kind === 'synthetic-daily' ? { min_observed: 0, min_days: 1 } : { min_observed: 0 };
  const t0 = performance.now();
  const data = await eventsFamily.load(
    { id: 'events', family: 'events', measure: 'mean_daily', options: eventsFamily.optionsSchema.parse(options), sources: [eventsFamily.sourceSchema.parse(source)] },
    { crosswalk: createCrosswalk(), resolvePath: (p) => p, years: null, states: null, seed: 1, warn: () => {}, progress: () => {} },
  );
  const ms = performance.now() - t0;
  const values = {};
  for (const e of data.values.entries()) if ((e.a === 'IRN' && e.b === 'RUS') || (e.a === 'RUS' && e.b === 'USA') || (e.a === 'CHN' && e.b === 'USA')) values[`${e.a}-${e.b} ${e.year}`] = e.value;
  process.stdout.write(JSON.stringify({ ms, values: data.values.size, sample: values, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
}

/** The plain streaming JavaScript aggregation: per year, pair totals over distinct observed days. */
async function plainChild(file) {
  const t0 = performance.now();
  const known = new Set(STATES);
  const totals = new Map(); // `${year} ${a}-${b}` -> sum
  const days = new Map(); // year -> Set of yyyymmdd
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    const c = line.split(',');
    const day = c[0].slice(0, 8);
    const year = day.slice(0, 4);
    let set = days.get(year);
    if (!set) days.set(year, (set = new Set()));
    set.add(day);
    const a = c[1];
    const b = c[2];
    if (a === b || !known.has(a) || !known.has(b)) continue;
    const key = `${year} ${a < b ? `${a}-${b}` : `${b}-${a}`}`;
    totals.set(key, (totals.get(key) ?? 0) + Number(c[3]));
  }
  const sample = {};
  for (const [key, total] of totals) {
    const [year, pair] = key.split(' ');
    if (pair === 'IRN-RUS' || pair === 'RUS-USA' || pair === 'CHN-USA') sample[`${pair} ${year}`] = total / days.get(year).size;
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, values: totals.size, sample, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
}

if (process.argv[2] === '--family') {
  await familyChild(process.argv[3], process.argv[4]);
  process.exit(0);
}
if (process.argv[2] === '--plain') {
  await plainChild(process.argv[3]);
  process.exit(0);
}

if (!existsSync(path.join(dist, 'families/events/family.js'))) {
  console.log(`events: no build in ${dist}; run \`npm run build\` first (npm run bench does)`);
  process.exit(1);
}

function run(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}:\n${(r.stderr ?? '').slice(-3000)}`);
  const j = JSON.parse(r.stdout.trim().split('\n').at(-1));
  return { wall, rssMb: j.maxRssKb / 1024, stderr: r.stderr, ...j };
}

const rows = [];
if (existsSync(shared)) {
  const s = run([fileURLToPath(import.meta.url), '--family', 'shared', shared]);
  rows.push(['events family, shared daily scores (2.7 M rows, gzip CSV, edges)', s.wall, s.rssMb, `${s.values} pair-years; IRN-RUS 2022 ${s.sample['IRN-RUS 2022']?.toFixed(3)}`]);
} else console.log(`events: shared file not found at ${shared}; that row is skipped`);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'entente-bench-events-'));
try {
  const parquet = path.join(tmp, 'events.parquet');
  const csv = path.join(tmp, 'events.csv');
  const gen = path.join(tmp, 'gen.mjs');
  const list = `[${STATES.map((s) => `'${s}'`).join(',')}]`;
  const code = (salt) => `CASE WHEN hash(i * ${salt}) % 10 < 3 THEN '' ELSE ${list}[1 + CAST(hash(i * ${salt} + 1) % ${STATES.length} AS INTEGER)] END`;
  const select = `SELECT CAST(strftime(DATE '2018-01-01' + CAST(i % 1826 AS INTEGER), '%Y%m%d') || lpad(CAST(i % 86400 AS VARCHAR), 6, '0') AS BIGINT) AS DATEADDED,
      ${code(2654435761)} AS Actor1CountryCode, ${code(40503)} AS Actor2CountryCode,
      CAST((CAST(hash(i * 97) % 201 AS INTEGER) - 100) / 10.0 AS DOUBLE) AS GoldsteinScale,
      CAST(1 + hash(i * 31) % 4 AS INTEGER) AS QuadClass, lpad(CAST(10 + hash(i * 7) % 190 AS VARCHAR), 3, '0') AS EventCode
    FROM range(${ROWS}) t(i)`;
  writeFileSync(
    gen,
    `import { DuckDBInstance } from ${JSON.stringify(pathToFileURL(path.join(root, 'node_modules/@duckdb/node-api/lib/index.js')).href)};
const db = await DuckDBInstance.create(':memory:', { memory_limit: '1GB', temp_directory: ${JSON.stringify(path.join(tmp, 'gen-spill'))} });
const c = await db.connect();
await c.run(\`COPY (${select.replace(/`/g, '\\`')}) TO '${parquet}' (FORMAT parquet)\`);
await c.run(\`COPY (SELECT CAST(DATEADDED AS VARCHAR) AS dateadded, Actor1CountryCode, Actor2CountryCode, GoldsteinScale FROM read_parquet('${parquet}')) TO '${csv}' (HEADER, DELIMITER ',')\`);
`,
  );
  const g0 = performance.now();
  const g = spawnSync(process.execPath, [gen], { cwd: root, encoding: 'utf8' });
  if (g.status !== 0) throw new Error(`generating the synthetic file failed:\n${g.stderr}`);
  console.log(`synthetic: ${ROWS.toLocaleString('en-US')} event rows, Parquet ${(statSync(parquet).size / 2 ** 20).toFixed(0)} MB, CSV copy ${(statSync(csv).size / 2 ** 20).toFixed(0)} MB, generated in ${((performance.now() - g0) / 1000).toFixed(1)} s (not part of the figures)`);
  const fam = run([fileURLToPath(import.meta.url), '--family', 'synthetic', parquet]);
  const daily = run([fileURLToPath(import.meta.url), '--family', 'synthetic-daily', parquet]);
  const plain = run([fileURLToPath(import.meta.url), '--plain', csv]);
  let maxDiff = 0;
  for (const [k, v] of Object.entries(fam.sample)) maxDiff = Math.max(maxDiff, Math.abs(v - (plain.sample[k] ?? NaN)));
  const n = Object.keys(fam.sample).length;
  rows.push([`events family, synthetic ${(ROWS / 1e6).toFixed(0)} M event rows (Parquet, gdelt_v2 columns, memory_limit 1 GB)`, fam.wall, fam.rssMb, `${fam.values} pair-years`]);
  rows.push([`events family, the same with min_days: 1 (one group per day and raw pair: spills under 1 GB)`, daily.wall, daily.rssMb, `${daily.values} pair-years`]);
  rows.push([`plain streaming JavaScript over the same rows (CSV copy)`, plain.wall, plain.rssMb, `${plain.values} pair-years with rows; ${n} sample values agree to ${maxDiff.toExponential(1)}`]);
  console.log(`ratio (family / plain JS): time ${(fam.wall / plain.wall).toFixed(2)}×, peak memory ${(fam.rssMb / plain.rssMb).toFixed(2)}×; target < 2048 MB: ${fam.rssMb < 2048 ? 'met' : 'MISSED'}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

console.log(`events family (${os.cpus().length} cores, Node ${process.version}; the machine may be shared)`);
console.log('| run | wall (s) | peak RSS (MB) | output |');
console.log('|---|---|---|---|');
for (const [name, wall, rss, what] of rows) console.log(`| ${name} | ${wall.toFixed(2)} | ${rss.toFixed(0)} | ${what} |`);
