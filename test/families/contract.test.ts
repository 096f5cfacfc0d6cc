import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { families } from '../../src/families/families.js';
import { ROOT } from '../helpers/cli.js';
import { familyContractProblems, familyFiles, familyFolder } from '../helpers/family-contract.js';

const folders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'kit')
    .map((e) => e.name)
    .sort();

describe('the family contract (every family of the registry)', () => {
  it('has one folder under src/families/ and one under test/families/ per registered family, named after it', () => {
    const registered = Object.keys(families).map(familyFolder).sort();
    expect(folders(path.join(ROOT, 'src', 'families'))).toEqual(registered);
    expect(folders(path.join(ROOT, 'test', 'families'))).toEqual(registered);
  });

  for (const family of Object.values(families)) {
    it(`${family.name}: its README's measure table matches the code, each source format has a good and a broken fixture (with the exact error), and it has a fuzz case`, async () => {
      expect(await familyContractProblems(family, await familyFiles(family))).toEqual([]);
    });
  }
});
