/**
 * The browser builds of vega and vega-lite (BSD-3-Clause) that `report.html` inlines, read
 * from the installed packages once per process: the page needs no network and no CDN.
 * @module
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The scripts a report page inlines. */
export interface PageAssets {
  readonly vega: string;
  readonly vegaLite: string;
}

let cached: PageAssets | null = null;

/**
 * The minified browser builds of the installed vega and vega-lite (the versions `plot` renders with).
 * @example pageAssets().vega.length // ~520,000
 */
export function pageAssets(): PageAssets {
  cached ??= { vega: build('vega', 'vega.min.js'), vegaLite: build('vega-lite', 'vega-lite.min.js') };
  return cached;
}

/** A file of a package's `build/` folder (found from its entry point: the packages export no other path). */
function build(pkg: string, file: string): string {
  const entry = fileURLToPath(import.meta.resolve(pkg));
  let dir = path.dirname(entry);
  while (path.basename(dir) !== 'build' && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return readFileSync(path.join(dir, file), 'utf8');
}
