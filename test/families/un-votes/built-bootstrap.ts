import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { bootstrapIntervalsThreaded } from '../../../src/families/un-votes/run-bootstrap-threads.js';
import { ROOT } from '../../helpers/cli.js';

/** The bytes of a float array, for comparisons to the bit. */
export const bytes = (a: Float64Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

/** Bundles the threaded bootstrap and its worker from the sources into a private folder. */
export async function withBuiltThreads<T>(fn: (threaded: typeof bootstrapIntervalsThreaded) => Promise<T>): Promise<T> {
  const dir = path.join(ROOT, 'node_modules', '.cache', `entente-bootstrap-test-${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    await build({
      absWorkingDir: ROOT,
      entryPoints: { 'run-bootstrap-threads': 'src/families/un-votes/run-bootstrap-threads.ts', 'run-bootstrap-worker': 'src/families/un-votes/run-bootstrap-worker.ts' },
      outdir: dir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'warning',
    });
    const built = (await import(pathToFileURL(path.join(dir, 'run-bootstrap-threads.js')).href)) as { bootstrapIntervalsThreaded: typeof bootstrapIntervalsThreaded };
    return await fn(built.bootstrapIntervalsThreaded);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

