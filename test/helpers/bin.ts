/**
 * Running the real `entente` executable (the bundle `npm run build` makes, package.json's
 * `bin`) from tests: build it when missing or older than `src/`, run it to the end, or start
 * it and stop it at a named moment of a report write (`ENTENTE_TEST_PAUSE`, see
 * `src/report/pause-point.ts`).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess, type SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.js';

/** The executable package.json publishes. */
export const BIN = path.join(ROOT, (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { entente: string } }).bin.entente);

function newestSource(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the executable when it is missing or older than `src/`. */
export function ensureBuilt(): void {
  if (!existsSync(BIN) || statSync(BIN).mtimeMs < newestSource(path.join(ROOT, 'src'))) {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
}

/** Runs the executable to its end. */
export function runBin(args: readonly string[], options: SpawnSyncOptions = {}): { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', ...options, env: { ...process.env, ENTENTE_TEST_PAUSE: '', ...options.env } });
  return { status: r.status, signal: r.signal, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/** A started executable, with its stderr so far and its end. */
export interface Started {
  readonly child: ChildProcess;
  stderr(): string;
  /** Resolves when the process has ended. */
  readonly ended: Promise<{ status: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the executable (stdout ignored, stderr collected). */
export function startBin(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Started {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: { ...process.env, ENTENTE_TEST_PAUSE: '', ...options.env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => (err += d));
  const ended = new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (status, signal) => resolve({ status, signal })));
  return { child, stderr: () => err, ended };
}

/** Resolves when the started process's stderr matches `pattern` (rejects if it ends first). */
export function waitForStderr(p: Started, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (pattern.test(p.stderr())) {
        p.child.stderr!.off('data', check);
        resolve();
      }
    };
    p.child.stderr!.on('data', check);
    void p.ended.then(({ status, signal }) => {
      if (!pattern.test(p.stderr())) reject(new Error(`ended (status ${status}, signal ${signal}) before ${pattern}:\n${p.stderr()}`));
    });
    check();
  });
}

/**
 * Runs the executable with `ENTENTE_TEST_PAUSE=<point>`, waits until it says it paused
 * there, and kills it with `signal`. Returns how it ended and its stderr.
 */
export async function killAt(args: readonly string[], point: string, signal: NodeJS.Signals, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const p = startBin(args, { ...options, env: { ...options.env, ENTENTE_TEST_PAUSE: point } });
  await waitForStderr(p, new RegExp(`paused at ${point.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
  p.child.kill(signal);
  const end = await p.ended;
  return { ...end, stderr: p.stderr() };
}

/** Every file and link under `dir` (relative path → SHA-256, or `link→target`), dot-files included; folders as `dir/`. */
export function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const rel = path.relative(dir, p);
      const st = lstatSync(p);
      if (st.isDirectory()) {
        out.set(`${rel}/`, '');
        walk(p);
      } else if (st.isSymbolicLink()) out.set(rel, 'link');
      else out.set(rel, createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}
