import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ROOT } from './cli.js';

/** The bytes of a float array, for comparisons to the bit. */
export const floatBytes = (a: Float64Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

/**
 * Bundles entry points from the sources (a module and the worker it starts) into a private
 * folder under `node_modules/.cache`, imports `entry` from there, runs `fn` with it and removes
 * the folder: worker threads need built files, and tests run from the sources.
 * @example await withBundled({ 'latent-pool': 'src/pipeline/latent-pool.ts', 'latent-worker': 'src/pipeline/latent-worker.ts' }, 'latent-pool', async (m) => m.fitLatentModelThreaded);
 */
export async function withBundled<M, T>(entryPoints: Record<string, string>, entry: string, fn: (module: M) => Promise<T>): Promise<T> {
  const dir = path.join(ROOT, 'node_modules', '.cache', `entente-test-${entry}-${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    await build({ absWorkingDir: ROOT, entryPoints, outdir: dir, bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
    return await fn((await import(pathToFileURL(path.join(dir, `${entry}.js`)).href)) as M);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
