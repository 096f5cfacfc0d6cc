import { expect, it } from 'vitest';
import path from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';
import { describeShared } from '../helpers/shared-data.js';

describeShared('entente validate on the real data reads the validation: block (examples/real-data-latent.yaml)', () => {
  it('passes, reading the rivalries and disputes with the readers of entente validity (counts as SOURCE.md verifies them)', async () => {
    const r = await runCli(['validate', '--config', path.join(ROOT, 'examples/real-data-latent.yaml')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^ok validation\.rivalries \(criterion rivalries of `entente validity`\): \d+ pair-years, years 1816–2010$/m);
    expect(r.out).toMatch(/validation\/td_rivalries\.csv\.gz: 197 rows \(td_rivalries\), 1816–2010/);
    expect(r.out).toMatch(/^ok validation\.disputes .*years 1816–2014$/m);
    expect(r.out).toMatch(/validation\/cow_mid_ddydisps\.csv\.gz: 10234 rows \(cow_mid_ddydisps\), 1816–2014/);
    // defence pacts and ideal points default to the config's own indicators
    expect(r.out).toMatch(/^ok indicators\.\w+ \(criterion allies of `entente validity`\)/m);
    expect(r.out).toMatch(/^ok indicators\.\w+ \(criterion ideal_points of `entente validity`\)/m);
    expect(r.out).toMatch(/real-data-latent\.yaml: config and \d+ indicator\(s\), 4 criterion data set\(s\) valid/);
  }, 600_000);
});
