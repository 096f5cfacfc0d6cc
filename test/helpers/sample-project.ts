import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './cli.js';

/**
 * A copy of the bundled sample project (entente.yaml and indicators/sample/) in a fresh
 * temporary folder, so a test may change its inputs.
 * @example const proj = sampleProject(); path.join(proj, 'entente.yaml')
 */
export function sampleProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-proj-'));
  cpSync(path.join(ROOT, 'entente.yaml'), path.join(dir, 'entente.yaml'));
  cpSync(path.join(ROOT, 'indicators', 'sample'), path.join(dir, 'indicators', 'sample'), { recursive: true });
  return dir;
}

/** Every file of a folder but the report marker, by name, as bytes. */
export function folderBytes(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir)
      .filter((n) => n !== '.entente-report')
      .sort()
      .map((n) => [n, readFileSync(path.join(dir, n))]),
  );
}
