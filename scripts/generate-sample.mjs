#!/usr/bin/env node
// Regenerates the bundled SYNTHETIC sample in indicators/sample/ from seeded generators.
// Every file it writes is our own made-up data in the formats of the real sources.
// usage: node scripts/generate-sample.mjs
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (f) => path.join(root, 'indicators', 'sample', f);

const generators = [
  ['alliances.mjs', null, null],
  ['un-votes.mjs', null, null],
  ['arms.mjs', null, null],
  ['drills.mjs', null, null],
  ['trade.mjs', null, null],
  ['unsc.mjs', null, null],
  ['ideal-points.mjs', null, null],
  ['igo.mjs', null, null],
  ['events.mjs', null, null],
];

for (const [file, fn, target] of generators) {
  const p = path.join(root, 'scripts', 'sample', file);
  if (!existsSync(p)) continue;
  const mod = await import(p);
  if (fn) mod[fn](out(target));
  else if (typeof mod.default === 'function') await mod.default(path.join(root, 'indicators', 'sample'));
  console.log(`sample: ${file}`);
}
