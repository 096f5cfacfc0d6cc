import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './cli.js';

/** The validity fixture config (sample inputs and synthetic criterion files). */
export const VALIDITY_CONFIG = path.join(ROOT, 'test', 'fixtures', 'validity', 'sample-validity.yaml');

/**
 * The validity fixture config written to a fresh temporary folder, with its relative paths made
 * absolute and `edit` applied to its text.
 * @example const file = validityConfigWith((t) => t.replace('format: td_rivalries', 'format: nope'));
 */
export function validityConfigWith(edit: (text: string) => string, config = VALIDITY_CONFIG): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-validity-fixture-'));
  const text = readFileSync(config, 'utf8')
    .replace('data_dir: ../../..', `data_dir: ${JSON.stringify(ROOT)}`)
    .replace('../../../indicators/sample/unsc_corrections.csv', path.join(ROOT, 'indicators/sample/unsc_corrections.csv'));
  const file = path.join(dir, 'config.yaml');
  writeFileSync(file, edit(text));
  return file;
}
