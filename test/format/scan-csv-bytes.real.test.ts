import path from 'node:path';
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { ProblemList } from '../../src/domain/problem-list.js';
import { readCsv } from '../../src/format/read-csv.js';
import { readBytes } from '../../src/format/open-text.js';
import { scanCsvBytes } from '../../src/format/scan-csv-bytes.js';
import { describeShared } from '../helpers/shared-data.js';

/** SHA-256 over every record (line + cells) of both readers, plus the record count. */
async function digests(file: string): Promise<{ fast: string; general: string; records: number; quoted: number }> {
  const f = createHash('sha256');
  let records = 0;
  let quoted = 0;
  scanCsvBytes(await readBytes(file), new ProblemList(file), (r) => {
    records++;
    if (r.quoted) quoted++;
    f.update(`${r.line}\u0001${r.cells().join('\u0002')}\u0003`);
  });
  const g = createHash('sha256');
  let n = 0;
  for await (const r of readCsv(file)) {
    n++;
    g.update(`${r.line}\u0001${r.cells.join('\u0002')}\u0003`);
  }
  expect(n).toBe(records);
  return { fast: f.digest('hex'), general: g.digest('hex'), records, quoted };
}

describeShared('scanCsvBytes on the real UN files', (dir) => {
  const unga = (f: string) => path.join(dir, 'unga', f);
  it('matches readCsv record for record on the unvotes vote file (no quotes: all fast path)', async () => {
    const d = await digests(unga('unvotes_un_votes.csv.gz'));
    expect(d.records).toBe(870_110);
    expect(d.quoted).toBe(0);
    expect(d.fast).toBe(d.general);
  });

  it('matches readCsv on both roll-call files (quoted descriptions with tabs, backslashes, doubled quotes)', async () => {
    for (const f of ['unvotes_un_roll_calls.csv.gz', 'rollcalls_voeten2017.csv.gz']) {
      const d = await digests(unga(f));
      expect(d.quoted).toBeGreaterThan(1000);
      expect(d.fast).toBe(d.general);
    }
  });

  it('matches readCsv on the 1M-row numeric vote file, its 197 quoted rows included', async () => {
    const d = await digests(unga('votes_voeten2017.csv.gz'));
    expect(d.records).toBe(1_066_614);
    expect(d.quoted).toBe(197);
    expect(d.fast).toBe(d.general);
  });
});
