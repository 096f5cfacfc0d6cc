#!/usr/bin/env node
// Bundles the `entente` executable after `tsc` has compiled `src/` to `dist/`:
//   dist/bin/entente.js             the command (package.json "bin")
//   dist/bin/sensitivity-worker.js  the worker thread of `entente sensitivity --threads`
//   dist/bin/latent-worker.js       the E-step worker thread of the latent model
//   dist/bin/run-bootstrap-worker.js the worker thread of the UN votes bootstrap
//   dist/bin/report-writer-worker.js the worker thread that writes alignment.csv and the score cache
//   dist/bin/chunk-*.js             code shared by both, and the commands loaded on demand
// Why: Node 20 has no module compile cache, and loading the ~280 small ES modules of the
// CLI and its start-up dependencies (yargs, zod, yaml, csv-parse) one by one costs ~0.1 s
// of every run; one bundle per entry point loads in a third of that. The large packages
// loaded only by some runs (vega and vega-lite for `plot`, mathjs for `aggregation:
// formula`, the native resvg binding and the font file, DuckDB for event data) stay in node_modules.
// All chunks sit in one folder, two levels below package.json, so relative look-ups
// (`../../package.json`, `./sensitivity-worker.js`) find the same files as from dist/io/.
// usage: node scripts/bundle.mjs  (run by `npm run build`)
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'bin');
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { entente: 'dist/cli/bin.js', 'report-writer-worker': 'dist/report/report-writer-worker.js', 'sensitivity-worker': 'dist/pipeline/sensitivity-worker.js', 'latent-worker': 'dist/pipeline/latent-worker.js', 'run-bootstrap-worker': 'dist/families/un-votes/run-bootstrap-worker.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  external: ['@duckdb/node-api', '@resvg/resvg-js', 'dejavu-fonts-ttf', 'mathjs', 'vega', 'vega-lite'],
  // CommonJS dependencies (cli-progress) call require() for Node's own modules
  banner: { js: "import { createRequire as __ententeRequire } from 'node:module';\nconst require = __ententeRequire(import.meta.url);" },
  sourcemap: 'linked',
  legalComments: 'eof',
  logLevel: 'warning',
});

// the commit the build comes from, for the data package's replication record (null outside git)
let commit = null;
try {
  commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  if (dirty !== '') commit = null; // uncommitted changes: the commit does not say what was built
} catch {
  commit = null;
}
writeFileSync(path.join(root, 'dist', 'build-info.json'), JSON.stringify({ commit }) + '\n');
