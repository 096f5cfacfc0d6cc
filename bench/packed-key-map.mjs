#!/usr/bin/env node
// Micro-benchmark of the dyad-year tables' storage: PackedKeyMap (src/domain/packed-key-map.ts)
// against a Map<number, number>, on the packed keys of 198 states × 80 years (1.56 M
// pair-years): filling it (keys in sorted and in shuffled order), then six look-ups of every
// key in sorted order (as the scorer reads six indicators). Medians of 3; memory is the
// growth of the heap and array buffers after a full GC. Needs the build (`npm run build`).
// usage: node --expose-gc bench/packed-key-map.mjs
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { PackedKeyMap } = await import(pathToFileURL(path.join(root, process.env.ENTENTE_DIST ?? 'dist', 'domain/packed-key-map.js')).href);

const sorted = [];
for (let a = 0; a < 198; a++) for (let b = a + 1; b < 198; b++) for (let y = 1941; y < 2021; y++) sorted.push((a * 89 * 17576 + b * 89) * 4096 + y);
let seed = 7;
const shuffled = sorted.slice();
for (let i = shuffled.length - 1; i > 0; i--) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  const j = seed % (i + 1);
  [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
}
const probe = Float64Array.from(sorted);
const memory = () => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const median = (xs) => xs.slice().sort((x, y) => x - y)[Math.floor(xs.length / 2)];

function run(make, keys) {
  const fill = [];
  const look = [];
  let bytes = 0;
  for (let rep = 0; rep < 3; rep++) {
    const before = memory();
    let t = performance.now();
    const m = make();
    for (const k of keys) m.set(k, k % 7);
    fill.push(performance.now() - t);
    if (rep === 0) bytes = memory() - before;
    t = performance.now();
    let s = 0;
    for (let r = 0; r < 6; r++) for (let i = 0; i < probe.length; i++) s += m.get(probe[i]);
    look.push(performance.now() - t);
    if (!(s > 0)) throw new Error('lost values');
  }
  return { fill: median(fill), lookup: (median(look) * 1e6) / (6 * probe.length), mb: bytes / 2 ** 20 };
}

console.log(`${sorted.length.toLocaleString('en-US')} pair-years${globalThis.gc ? '' : ' (run with --expose-gc for the memory column)'}`);
console.log('| storage | keys inserted | fill (ms) | look-up (ns) | memory (MB) |');
console.log('|---|---|---:|---:|---:|');
for (const [name, make] of [['PackedKeyMap', () => new PackedKeyMap()], ['Map<number, number>', () => new Map()]]) {
  for (const [order, keys] of [['sorted', sorted], ['shuffled', shuffled]]) {
    const r = run(make, keys);
    console.log(`| ${name} | ${order} | ${r.fill.toFixed(0)} | ${r.lookup.toFixed(0)} | ${globalThis.gc ? r.mb.toFixed(0) : '—'} |`);
  }
}
