#!/usr/bin/env node
// Hostile inputs through the built binary: wall time, peak memory and exit code of each case
// (a 64 MB line in the streaming and the whole-file readers, 40,000 misspelt config keys, an 8 MB gzip bomb as the votes file, a
// 3,000-term formula, a FIFO as a source). ENTENTE_BENCH_BASELINE=/path/to/other/entente.js
// runs the same cases on another build side by side (e.g. main's), each with a 60 s timeout.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).bin.entente);
const builds = [['this build', bin], ...(process.env.ENTENTE_BENCH_BASELINE ? [['baseline', process.env.ENTENTE_BENCH_BASELINE]] : [])];
const MB = 1 << 20;
// prints the peak resident memory of the process on exit
const peak = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nMAXRSS_KB "+process.resourceUsage().maxRSS+"\\n"))';

function project() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-hostile-bench-'));
  cpSync(path.join(root, 'entente.yaml'), path.join(dir, 'entente.yaml'));
  cpSync(path.join(root, 'indicators/sample'), path.join(dir, 'indicators/sample'), { recursive: true });
  return dir;
}
const sample = (dir, f) => path.join(dir, 'indicators/sample', f);

const cases = {
  '64 MB line without breaks (alliance ties, streaming reader)': (dir) => {
    writeFileSync(sample(dir, 'alliance_ties.csv'), Buffer.concat([readFileSync(sample(dir, 'alliance_ties.csv')), Buffer.alloc(64 * MB, 0x78)]));
    return ['score'];
  },
  '64 MB line without breaks (COW trade, whole-file scanner)': (dir) => {
    writeFileSync(sample(dir, 'cow_trade.csv'), Buffer.concat([readFileSync(sample(dir, 'cow_trade.csv')), Buffer.alloc(64 * MB, 0x78)]));
    return ['score'];
  },
  '40,000 misspelt config keys (validate)': (dir) => {
    writeFileSync(path.join(dir, 'entente.yaml'), readFileSync(path.join(dir, 'entente.yaml'), 'utf8') + Array.from({ length: 40_000 }, (_, i) => `misspelt_${i}: 1`).join('\n') + '\n');
    return ['validate'];
  },
  '8 MB gzip bomb as the votes file': (dir) => {
    // gzip members concatenated: the header, then 32 members of 256 MiB of line breaks (~8 MB packed, 8 GiB unpacked)
    const member = gzipSync(Buffer.alloc(256 * MB, 0x0a), { level: 9 });
    writeFileSync(sample(dir, 'un_votes.csv.gz'), Buffer.concat([gzipSync(readFileSync(sample(dir, 'un_votes.csv'))), ...Array.from({ length: 32 }, () => member)]));
    writeFileSync(path.join(dir, 'entente.yaml'), readFileSync(path.join(dir, 'entente.yaml'), 'utf8').replace('un_votes.csv', 'un_votes.csv.gz'));
    return ['score'];
  },
  '3,000-term formula': (dir) => {
    const f = Array.from({ length: 3000 }, () => 'un').join(' + ');
    writeFileSync(path.join(dir, 'entente.yaml'), readFileSync(path.join(dir, 'entente.yaml'), 'utf8').replace('aggregation: arithmetic', `aggregation: formula\nformula: ${f}`));
    return ['score'];
  },
  'a FIFO as the exercises file': (dir) => {
    rmSync(sample(dir, 'mme_exercises.csv'));
    if (spawnSync('mkfifo', [sample(dir, 'mme_exercises.csv')]).status !== 0) return null;
    return ['score'];
  },
};

console.log('| case | build | exit | wall s | peak MB | first line of stderr |');
console.log('|---|---|---:|---:|---:|---|');
for (const [name, make] of Object.entries(cases)) {
  for (const [label, b] of builds) {
    const dir = project();
    const args = make(dir);
    if (args === null) continue;
    const t = performance.now();
    const r = spawnSync(process.execPath, ['--import', peak, b, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 28 });
    const s = (performance.now() - t) / 1000;
    const kb = /MAXRSS_KB (\d+)/.exec(r.stderr ?? '')?.[1];
    const first = (r.stderr ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
    const exit = r.status ?? (r.signal === 'SIGTERM' ? 'timeout' : r.signal);
    console.log(`| ${name} | ${label} | ${exit} | ${s.toFixed(2)} | ${kb ? Math.round(kb / 1024) : '—'} | ${first.slice(0, 90).replace(/\|/g, '/')} |`);
    rmSync(dir, { recursive: true, force: true });
  }
}
