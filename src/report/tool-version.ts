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

let commit: string | null | undefined;

/**
 * The git commit Entente was built from, when known: `npm run build` records it in
 * `dist/build-info.json`; null when run from the sources or built outside a git checkout.
 * @example toolCommit() // '922bc67…' or null
 */
export function toolCommit(): string | null {
  if (commit === undefined) {
    try {
      const info = JSON.parse(readFileSync(new URL('../build-info.json', import.meta.url), 'utf8')) as { commit?: unknown };
      commit = typeof info.commit === 'string' && /^[0-9a-f]{40}$/.test(info.commit) ? info.commit : null;
    } catch {
      commit = null;
    }
  }
  return commit;
}
