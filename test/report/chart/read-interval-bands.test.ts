import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readIntervalBands } from '../../../src/report/chart/read-interval-bands.js';
import { canonicalKey } from '../../../src/report/chart/chart-spec.js';
import type { Iso3 } from '../../../src/domain/country.js';
import { InputError } from '../../../src/domain/errors.js';
import { runCli, tempCopy } from '../../helpers/cli.js';

async function folder(): Promise<{ out: string; sha: string }> {
  const dir = tempCopy('reports');
  const out = path.join(dir, 'out');
  expect((await runCli(['score', '--config', path.join(dir, 'small.yaml'), '--out', out])).code).toBe(0);
  return { out, sha: JSON.parse(readFileSync(path.join(out, 'datapackage.json'), 'utf8')).entente.config.sha256 };
}

describe('readIntervalBands', () => {
  it('reads the 5–95 % interval of sensitivity.csv by pair-year, skipping empty bounds', async () => {
    const { out, sha } = await folder();
    writeFileSync(path.join(out, 'sensitivity.csv'), 'state_a,state_b,year,index_median,index_p05,index_p95\nIRN,RUS,2015,58,61,50\nIRN,RUS,2012,,,\n');
    const b = (await readIntervalBands(out, sha))!;
    expect(b.label).toMatch(/5–95 %/);
    expect(b.bands.get(canonicalKey('RUS' as Iso3, 'IRN' as Iso3, 2015))).toEqual({ lo: 50, hi: 61 });
    expect(b.bands.size).toBe(1);
  });

  it('returns null without sensitivity.csv, and with a note when it came from another config or has no interval columns', async () => {
    const { out, sha } = await folder();
    expect(await readIntervalBands(out, sha)).toBeNull();
    writeFileSync(path.join(out, 'sensitivity.csv'), 'state_a,state_b,year,lo,hi\nIRN,RUS,2015,1,2\n');
    const notes: string[] = [];
    expect(await readIntervalBands(out, 'f'.repeat(64), (n) => notes.push(n))).toBeNull();
    writeFileSync(path.join(out, 'sensitivity.csv'), 'state_a,state_b,year,median\nIRN,RUS,2015,1\n');
    expect(await readIntervalBands(out, sha, (n) => notes.push(n))).toBeNull();
    expect(notes[0]).toMatch(/made from another config/);
    expect(notes[1]).toMatch(/none of the interval columns/);
  });

  it('lists every malformed row at once', async () => {
    const { out, sha } = await folder();
    writeFileSync(path.join(out, 'sensitivity.csv'), 'state_a,state_b,year,lo,hi\nIRN,RUS,2015,1,2\nIran,RUS,2015,1,2\nIRN,RUS,20x5,1,2\nIRN,RUS,2014,1,abc\nIRN,RUS,2013,1\n');
    const e = await readIntervalBands(out, sha).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    const msg = (e as Error).message;
    for (const line of [3, 4, 5, 6]) expect(msg).toMatch(new RegExp(`sensitivity\\.csv:${line}:`));
  });
});
