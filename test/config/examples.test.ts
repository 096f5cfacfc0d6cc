/**
 * Every config the documentation tells users to copy (examples/*.yaml and the bundled
 * entente.yaml) passes the config reader: keys, values, families, formulas. Reading their data
 * is the real-data tests' job.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfigText } from '../../src/config/read-config.js';
import { ROOT } from '../helpers/cli.js';

const files = [
  ...readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => path.join(ROOT, 'examples', f)),
  path.join(ROOT, 'entente.yaml'),
];

describe('the example configs', () => {
  it('include the real-data, levels and latent examples', () => {
    const names = files.map((f) => path.basename(f));
    for (const n of ['real-data.yaml', 'real-data-levels.yaml', 'real-data-latent.yaml']) expect(names).toContain(n);
  });

  for (const file of files) {
    it(`${path.relative(ROOT, file)} is a valid config`, () => {
      const config = parseConfigText(readFileSync(file, 'utf8'), file, {});
      expect(config.indicators.length).toBeGreaterThan(0);
    });
  }
});
