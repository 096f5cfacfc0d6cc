#!/usr/bin/env node
// Scale benchmark (issue 9, part 4 "Scale"):
//  1. generates the SYNTHETIC panel of bench/scale-generate.mjs (198 states × 80 years, all four
//     families plus two custom dyad_year indicators) into a temporary folder — timed apart, not
//     part of the score figure;
//  2. runs `node dist/bin/entente.js score --config <tmp>/scale.yaml --out <tmp>/out` 3 times:
//     median wall time, peak RSS (/usr/bin/time, else VmHWM polled from /proc/<pid>/status),
//     rows of alignment.csv;
//  3. runs the full real-data config `examples/real-data-levels.yaml` the same way, with
//     ENTENTE_DATA_DIR=../shared/data, against the targets: under 10 s and under 1 GB
//     (skipped with a message when the config or the data is absent).
// Prints a small table. Needs the build (`npm run build`; `npm run bench -- scale` builds first).
//
// usage: node bench/scale.mjs [--runs N] [--keep] [--panel DIR] [--no-real] [--check]
//                             [--phases] [--profile]
//   --runs N     score runs per config (default 3)
//   --keep       keep the temporary folder (panel and reports) and print where it is
//   --panel DIR  reuse a panel generated before (node bench/scale-generate.mjs DIR)
//   --no-real    skip the real-data config
//   --check      exit 1 when the real-data config misses a target (for CI)
//   --phases     also run each score once in-process, reporting time and memory per
//                step (each indicator's load, scoring, building the report files, writing)
//   --profile    also run the synthetic score once under `node --cpu-prof` and print where the
//                time goes (self and inclusive, mapped to src/*.ts lines through the source maps)
// Environment: ENTENTE_DIST (build folder, default dist), ENTENTE_DATA_DIR (real data, default
// ../shared/data).
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const dist = path.resolve(root, process.env.ENTENTE_DIST ?? 'dist');
const bin = path.join(dist, 'bin/entente.js'); // the executable package.json publishes
const dataDir = path.resolve(process.env.ENTENTE_DATA_DIR ?? path.join(root, '..', 'shared', 'data'));
const realConfig = path.join(root, 'examples', 'real-data-levels.yaml');
/** Targets of issue 9 for the full real-data config on the 2-core machine. */
const TARGET = { seconds: 10, bytes: 1e9 };
const hasTime = existsSync('/usr/bin/time');

// ── child mode: one in-process score run with per-step time and memory ──────────────────
if (process.argv[2] === '--phases-child') {
  await phasesChild(process.argv[3], process.argv[4]);
  process.exit(0);
}

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const value = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const runs = Number(value('--runs') ?? 3);
const keep = flag('--keep');
const givenPanel = value('--panel');
const noReal = flag('--no-real');
const check = flag('--check');
const phases = flag('--phases');
const profile = flag('--profile');
if (args.length > 0 || !(runs >= 1)) {
  console.error(`scale: unknown argument(s) ${args.join(' ')}; see the usage at the top of bench/scale.mjs`);
  process.exit(2);
}
if (!existsSync(bin)) {
  console.log(`scale: no build in ${dist}; run \`npm run build\` first (npm run bench does)`);
  process.exit(1);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'entente-bench-scale-'));
// the temporary folder goes however the script ends (unless --keep)
process.on('exit', () => {
  if (keep) console.log(`\nkept: ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
});
const results = [];
let failed = 0;

// 1. the synthetic panel
const panelDir = givenPanel ? path.resolve(givenPanel) : path.join(tmp, 'panel');
let genSeconds = NaN;
let summary = null;
if (!givenPanel) {
  const { generateScalePanel } = await import(pathToFileURL(path.join(here, 'scale-generate.mjs')).href);
  const t0 = performance.now();
  summary = await generateScalePanel(panelDir);
  genSeconds = (performance.now() - t0) / 1000;
  console.log(
    `panel: ${summary.states} states × ${summary.years.to - summary.years.from + 1} years (${summary.years.from}–${summary.years.to}), generated in ${genSeconds.toFixed(1)} s into ${panelDir}\n` +
      `  un ${summary.un.votes.toLocaleString('en')} votes / ${summary.un.rollCalls} roll calls; arms ${summary.arms.deals.toLocaleString('en')} deals; ` +
      `drills ${summary.drills.exercises.toLocaleString('en')} exercises; trade ${summary.trade.rows.toLocaleString('en')} rows; ` +
      `custom ${summary.custom.denseRows.toLocaleString('en')} dense + ${summary.custom.sparseRows.toLocaleString('en')} sparse rows`,
  );
}
if (!existsSync(path.join(panelDir, 'scale.yaml'))) {
  console.log(`scale: no scale.yaml in ${panelDir}; write a panel with \`node bench/scale-generate.mjs DIR\` or leave out --panel`);
  process.exit(2);
}
const { config: syntheticConfig, missing } = await usableConfig(path.join(panelDir, 'scale.yaml'));
if (missing.length > 0) {
  console.log(`NOTE: indicator(s) ${missing.join(', ')}: family not registered in this build; scored without them (${path.basename(syntheticConfig)}) — NOT the full benchmark`);
}

// 2. the synthetic score, `runs` times
const synth = await repeat('synthetic panel (scale.yaml)', syntheticConfig, path.join(tmp, 'out-synthetic'), {});
if (synth) results.push({ ...synth, label: `synthetic ${summary ? `${summary.states} states × 80 years` : 'panel'}, 6 indicators${missing.length > 0 ? ` (without ${missing.join(', ')})` : ''}` });

// 3. the real-data config
let realOutcome = 'skipped';
if (noReal) console.log('real data: skipped (--no-real)');
else if (!existsSync(realConfig)) console.log(`real data: skipped — ${path.relative(root, realConfig)} does not exist yet`);
else if (!existsSync(dataDir)) console.log(`real data: skipped — data folder ${dataDir} not found (set ENTENTE_DATA_DIR)`);
else {
  const real = await repeat('real data (examples/real-data-levels.yaml)', realConfig, path.join(tmp, 'out-real'), { ENTENTE_DATA_DIR: dataDir });
  if (real) {
    const ok = real.median < TARGET.seconds && real.peakBytes < TARGET.bytes;
    realOutcome = ok ? 'met' : 'missed';
    results.push({ ...real, label: 'real data, examples/real-data-levels.yaml', target: `< ${TARGET.seconds} s, < 1 GB: ${ok ? 'met' : 'MISSED'}` });
  }
}

console.log(`\nscale benchmark (${os.cpus().length} cores, Node ${process.version}, ${runs} run(s) each; wall = median, peak RSS = max over runs)`);
console.log('| run | wall (s) | min–max (s) | peak RSS (MB) | rows in alignment.csv | target |');
console.log('|---|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.label} | ${r.median.toFixed(2)} | ${r.min.toFixed(2)}–${r.max.toFixed(2)} | ${(r.peakBytes / 2 ** 20).toFixed(0)} | ${r.rows.toLocaleString('en')} | ${r.target ?? '—'} |`);
}
if (!Number.isNaN(genSeconds)) console.log(`(generating the panel: ${genSeconds.toFixed(1)} s, not included)`);

if (phases) {
  await runPhases('synthetic panel', syntheticConfig, path.join(tmp, 'out-phases'), {});
  if (realOutcome !== 'skipped') await runPhases('real data', realConfig, path.join(tmp, 'out-phases-real'), { ENTENTE_DATA_DIR: dataDir });
}
if (profile) await runProfile(syntheticConfig, path.join(tmp, 'out-profile'), path.join(tmp, 'profile'));

process.exitCode = failed > 0 || (check && realOutcome === 'missed') ? 1 : 0;

// ── helpers ─────────────────────────────────────────────────────────────────────────────

/**
 * The config to score: the generated one, or — when a family it uses is not registered in
 * this build (families are being integrated) — a copy without those indicators.
 */
async function usableConfig(file) {
  const YAML = await import('yaml');
  const { families } = await import(pathToFileURL(path.join(dist, 'families/families.js')).href);
  const doc = YAML.parseDocument(readFileSync(file, 'utf8'));
  const inds = doc.get('indicators');
  const missing = [];
  for (const item of inds.items) {
    const fam = item.value.get('family');
    if (!families[fam]) missing.push(`${item.key.value} (${fam})`);
  }
  if (missing.length === 0) return { config: file, missing };
  for (const m of missing) inds.delete(m.split(' ')[0]);
  const partial = path.join(path.dirname(file), 'scale-partial.yaml');
  writeFileSync(partial, doc.toString());
  return { config: partial, missing };
}

/** Runs `entente score` `runs` times; median wall, min, max, peak RSS, rows. */
async function repeat(label, config, out, env) {
  const walls = [];
  let peak = 0;
  let rows = NaN;
  for (let i = 0; i < runs; i++) {
    const r = await timed([bin, 'score', '--config', config, '--out', out], env);
    if (r.status !== 0) {
      console.log(`${label}: entente score exited ${r.status}:\n${r.stderr.split('\n').slice(-15).join('\n')}`);
      failed++;
      return null;
    }
    walls.push(r.seconds);
    peak = Math.max(peak, r.peakBytes);
    rows = (await countLines(path.join(out, 'alignment.csv'))) - 1;
    console.log(`${label}: run ${i + 1}/${runs} ${r.seconds.toFixed(2)} s, peak RSS ${(r.peakBytes / 2 ** 20).toFixed(0)} MB`);
  }
  const sorted = [...walls].sort((a, b) => a - b);
  return { median: sorted[Math.floor((sorted.length - 1) / 2)] * 0.5 + sorted[Math.ceil((sorted.length - 1) / 2)] * 0.5, min: sorted[0], max: sorted[sorted.length - 1], peakBytes: peak, rows };
}


/**
 * Runs node with `nodeArgs` and measures wall time (around the spawn) and peak RSS: from
 * `/usr/bin/time -f %M` when present, else the last VmHWM polled every 20 ms.
 */
function timed(nodeArgs, env) {
  return new Promise((resolve) => {
    const marker = path.join(tmp, `rss-${process.hrtime.bigint()}.txt`);
    const cmd = hasTime ? '/usr/bin/time' : process.execPath;
    const argv = hasTime ? ['-f', '%M', '-o', marker, process.execPath, ...nodeArgs] : nodeArgs;
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (d) => (stderr += d));
    let hwmKb = 0;
    const poll = hasTime
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) hwmKb = Math.max(hwmKb, Number(m[1]));
          } catch {
            // the process has ended
          }
        }, 20);
    child.on('close', (status) => {
      const seconds = (performance.now() - t0) / 1000;
      if (poll) clearInterval(poll);
      let kb = hwmKb;
      if (hasTime && existsSync(marker)) kb = Number(readFileSync(marker, 'utf8').trim().split('\n').at(-1));
      resolve({ status, seconds, peakBytes: kb * 1024, stderr });
    });
  });
}

/** Number of lines of a file (streamed; alignment.csv of the panel is ~280 MB). */
async function countLines(file) {
  if (!existsSync(file)) return NaN;
  let n = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) n++;
  }
  return n;
}

// ── per-step time and memory ────────────────────────────────────────────────────────────

async function runPhases(label, config, out, env) {
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--phases-child', config, out], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) {
    console.log(`phases (${label}): failed (${r.status}):\n${(r.stderr ?? '').split('\n').slice(-15).join('\n')}`);
    failed++;
    return;
  }
  const steps = JSON.parse(r.stdout.trim().split('\n').at(-1));
  console.log(`\n${label}, per step, one in-process run (heap after = live JS heap + array buffers after a full GC, what the step leaves behind;`);
  console.log('peak RSS = process peak so far; the step that raises it is the one to look at)');
  console.log('| step | time (s) | heap after (MB) | peak RSS so far (MB) |');
  console.log('|---|---|---|---|');
  for (const s of steps) console.log(`| ${s.step} | ${s.seconds.toFixed(2)} | ${s.liveMb.toFixed(0)} | ${s.peakMb.toFixed(0)} |`);
}

/** Child: the same work as `entente score`, step by step (progress events mark the steps). */
async function phasesChild(config, out) {
  const { readConfig } = await import(pathToFileURL(path.join(dist, 'config/read-config.js')).href);
  const { computeScore, reportContents } = await import(pathToFileURL(path.join(dist, 'pipeline/score.js')).href);
  const { writeFolderAtomically } = await import(pathToFileURL(path.join(dist, 'report/write-folder.js')).href);
  const steps = [];
  let t = performance.now();
  const mark = (step) => {
    const now = performance.now();
    const seconds = (now - t) / 1000;
    globalThis.gc?.();
    const m = process.memoryUsage();
    steps.push({ step, seconds, liveMb: (m.heapUsed + m.arrayBuffers) / 2 ** 20, peakMb: process.resourceUsage().maxRSS / 1024 });
    t = performance.now(); // the GC above is not charged to the next step
  };
  const cfg = await readConfig(config);
  mark('read config');
  const run = await computeScore(cfg, (label, done, total) => {
    // 'reading <id>' 0/1 … 1/1 per indicator, then 'scoring' 0/1 … 1/1
    if (done === total && label.startsWith('reading ')) mark(`load ${label.slice(8)}`);
    else if (label === 'scoring' && done === 0) t = performance.now();
    else if (label === 'scoring' && done === total) mark('score (core: panel, normalise, aggregate)');
  });
  mark('(rest of computeScore)');
  const report = reportContents(run);
  mark('build the small report files (states.csv, summary, wide CSV)');
  await writeFolderAtomically(out, report.files);
  mark('write the folder (alignment.csv in chunks, hashed as written; data package)');
  process.stdout.write(JSON.stringify(steps) + '\n');
}

// ── CPU profile ─────────────────────────────────────────────────────────────────────────

async function runProfile(config, out, profDir) {
  const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profDir, bin, 'score', '--config', config, '--out', out], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(`profile: entente score exited ${r.status}`);
    failed++;
    return;
  }
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  const p = JSON.parse(readFileSync(path.join(profDir, file), 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const msById = new Map();
  let total = 0;
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    msById.set(id, (msById.get(id) ?? 0) + ms);
    total += ms;
  });
  const maps = sourceMaps();
  const where = (cf, line) => {
    const url = cf.url.startsWith('file://') ? fileURLToPath(cf.url) : cf.url;
    const src = url.startsWith(dist) ? maps.original(url, line) : null;
    if (src) return `${path.relative(root, src.file)}:${src.line}`;
    if (url.includes('/node_modules/')) return `${url.slice(url.lastIndexOf('/node_modules/') + 14)}:${line}`;
    return url ? `${url}:${line}` : '(native)';
  };
  const label = (n) => `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame, n.callFrame.lineNumber + 1)}`;
  const self = new Map();
  const incl = new Map();
  const lines = new Map();
  for (const [id, ms] of msById) {
    const n = byId.get(id);
    const l = label(n);
    self.set(l, (self.get(l) ?? 0) + ms);
    // the hottest lines inside the function (positionTicks), for file:line suggestions
    const ticks = n.positionTicks ?? [];
    const sum = ticks.reduce((s, t) => s + t.ticks, 0);
    for (const t of ticks) {
      const at = where(n.callFrame, t.line);
      lines.set(at, (lines.get(at) ?? 0) + (ms * t.ticks) / sum);
    }
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const ll = label(byId.get(cur));
      if (seen.has(ll)) continue;
      seen.add(ll);
      incl.set(ll, (incl.get(ll) ?? 0) + ms);
    }
  }
  const top = (m, k, filter = () => true) =>
    [...m]
      .filter(([l]) => filter(l))
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([l, ms]) => `| ${(ms / 1000).toFixed(2)} | ${((100 * ms) / total).toFixed(1)} | ${l} |`)
      .join('\n');
  console.log(`\nCPU profile of one synthetic score run (${(total / 1000).toFixed(1)} s sampled; kept in ${profDir} when --keep)`);
  console.log('self time, top 20:\n| s | % | function and place |\n|---|---|---|');
  console.log(top(self, 20));
  console.log('\ninclusive time of Entente functions (src/), top 25:\n| s | % | function and place |\n|---|---|---|');
  console.log(top(incl, 25, (l) => l.includes(' src/')));
  console.log('\nhottest source lines (self time), top 15:\n| s | % | line |\n|---|---|---|');
  console.log(top(lines, 15));
}

/** Reads the `.js.map` files next to dist/*.js and maps generated lines to src/*.ts lines. */
function sourceMaps() {
  const cache = new Map();
  return {
    original(jsFile, line) {
      let m = cache.get(jsFile);
      if (m === undefined) {
        m = null;
        try {
          const raw = JSON.parse(readFileSync(`${jsFile}.map`, 'utf8'));
          m = { sources: raw.sources.map((s) => path.resolve(path.dirname(jsFile), raw.sourceRoot ?? '', s)), lines: decodeMappings(raw.mappings) };
        } catch {
          // no map: keep the generated place
        }
        cache.set(jsFile, m);
      }
      if (m === null) return null;
      // the first segment of the generated line (or the nearest line above that has one)
      for (let l = line - 1; l >= 0; l--) {
        const seg = m.lines[l];
        if (seg) return { file: m.sources[seg[0]], line: seg[1] + 1 };
      }
      return null;
    },
  };
}

/** Decodes source-map v3 mappings to, per generated line, [sourceIndex, originalLine] of its first segment. */
function decodeMappings(mappings) {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const out = [];
  let src = 0;
  let origLine = 0;
  let origCol = 0;
  for (const lineText of mappings.split(';')) {
    let first = null;
    for (const segText of lineText.split(',')) {
      if (segText === '') continue;
      const vals = [];
      let shift = 0;
      let v = 0;
      for (const ch of segText) {
        const d = B64.indexOf(ch);
        v += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          vals.push(v & 1 ? -(v >>> 1) : v >>> 1);
          v = 0;
          shift = 0;
        }
      }
      if (vals.length >= 4) {
        src += vals[1];
        origLine += vals[2];
        origCol += vals[3];
        if (first === null) first = [src, origLine];
      }
    }
    out.push(first);
  }
  return out;
}
