import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Parses a small CSV written by Entente (no quoted commas in these files) into records. */
export function readRecords(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const names = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [names[i]!, c])));
}

/** The resources and stochastic parameters listed in a folder's datapackage.json. */
export function packageOf(dir: string): { names: string[]; stochastic: Record<string, Record<string, unknown>>; pkg: Record<string, unknown> } {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'datapackage.json'), 'utf8')) as { resources: { name: string }[]; entente: { stochastic: Record<string, Record<string, unknown>> } };
  return { names: pkg.resources.map((r) => r.name), stochastic: pkg.entente.stochastic, pkg };
}
