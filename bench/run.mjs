#!/usr/bin/env node
// `npm run bench`: runs every benchmark script in this folder in sequence (each compares
// against its peer where one exists, in the same run) and prints their tables.
// Real data is read from ../shared (the repository's sibling folder); a benchmark whose data
// is absent says so and is skipped. Pass names to run a subset: npm run bench -- un-votes
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// scale.mjs also scores the real-data config (examples/real-data-levels.yaml) against its targets
const all = ['un-votes', 'un-bootstrap', 'explain-cache', 'arms', 'trade', 'alliances', 'events', 'sensitivity', 'scale', 'packed-key-map', 'latent', 'hostile'];
const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : all;
let failed = 0;
for (const name of wanted) {
  const script = path.join(here, `${name}.mjs`);
  if (!existsSync(script)) {
    console.log(`\n== ${name}: no benchmark script (bench/${name}.mjs)`);
    continue;
  }
  console.log(`\n== ${name}`);
  // --expose-gc lets a benchmark measure retained memory after a full collection
  const r = spawnSync(process.execPath, ['--expose-gc', script], { stdio: 'inherit', cwd: path.resolve(here, '..') });
  if (r.status !== 0) {
    failed++;
    console.log(`== ${name}: exited ${r.status}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
