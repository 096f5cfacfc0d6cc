import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { addCsvFiles } from '../../src/report/update-datapackage.js';
import { UsageError } from '../../src/domain/errors.js';
import { runCli, tempCopy } from '../helpers/cli.js';

const fields = [{ name: 'x', type: 'number' as const, description: 'x' }];

async function report(): Promise<{ dir: string; out: string }> {
  const dir = tempCopy('reports');
  const out = path.join(dir, 'out');
  expect((await runCli(['score', '--config', path.join(dir, 'small.yaml'), '--out', out])).code).toBe(0);
  return { dir, out };
}

const pkgOf = (out: string) => JSON.parse(readFileSync(path.join(out, 'datapackage.json'), 'utf8'));

describe('addCsvFiles', () => {
  it('appends new resources after the score report\'s and records stochastic parameters', async () => {
    const { out } = await report();
    const before = pkgOf(out);
    await addCsvFiles(out, [{ text: 'x\n1.5\n', resource: { name: 'extra', path: 'extra.csv', description: 'an extra table', fields } }], { sensitivity: { draws: 10, seed: 7 } }, { configSha256: before.entente.config.sha256 });
    const pkg = pkgOf(out);
    expect(pkg.resources.map((r: { name: string }) => r.name)).toEqual([...before.resources.map((r: { name: string }) => r.name), 'extra']);
    expect(pkg.resources.at(-1)).toMatchObject({ path: 'extra.csv', format: 'csv', schema: { fields, missingValues: [''] } });
    expect(pkg.entente.stochastic).toEqual({ sensitivity: { draws: 10, seed: 7 } });
    expect(readFileSync(path.join(out, 'extra.csv'), 'utf8')).toBe('x\n1.5\n');
  });

  it('replaces a resource of the same name in place, so a re-run gives the same bytes', async () => {
    const { out } = await report();
    const add = () => addCsvFiles(out, [{ text: 'x\n2\n', resource: { name: 'extra', path: 'extra.csv', description: 'd', fields } }], { step: { seed: 1 } });
    await add();
    const once = readFileSync(path.join(out, 'datapackage.json'), 'utf8');
    await add();
    expect(readFileSync(path.join(out, 'datapackage.json'), 'utf8')).toBe(once);
    expect(pkgOf(out).resources.filter((r: { name: string }) => r.name === 'extra')).toHaveLength(1);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual(['.entente-report']);
    expect(readdirSync(path.dirname(out)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('refuses a folder without datapackage.json, or made from another config, writing nothing', async () => {
    const { dir, out } = await report();
    const nowhere = path.join(dir, 'nowhere');
    await expect(addCsvFiles(nowhere, [])).rejects.toThrow(/run `entente score` first/);
    await expect(addCsvFiles(nowhere, [])).rejects.toBeInstanceOf(UsageError);
    expect(readdirSync(dir)).not.toContain('nowhere');
    await expect(addCsvFiles(out, [{ text: 'x\n', resource: { name: 'e', path: 'e.csv', description: 'd', fields } }], undefined, { configSha256: 'f'.repeat(64) })).rejects.toThrow(/made from another config/);
    expect(readdirSync(out)).not.toContain('e.csv');
  });
});
