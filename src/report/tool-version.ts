import { readFileSync } from 'node:fs';

let cached: string | null = null;

/** The version of Entente from its package.json (works from `src/` and `dist/`). */
export function toolVersion(): string {
  if (cached === null) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    cached = pkg.version;
  }
  return cached;
}
