import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { Terminal } from '../../src/cli/terminal.js';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs the CLI in-process with a captured terminal. */
export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const term: Terminal = { out: (l) => out.push(l), err: (l) => err.push(l), isTTY: false };
  const code = await main(argv, term);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Copies a fixture folder (relative to test/fixtures) into a fresh temporary folder. */
export function tempCopy(fixture: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-'));
  cpSync(path.join(ROOT, 'test', 'fixtures', fixture), dir, { recursive: true });
  return dir;
}
