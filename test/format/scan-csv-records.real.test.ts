import path from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readBytes } from '../../src/format/open-text.js';
import { MAX_RECORD_BYTES } from '../../src/format/record-size.js';
import { scanCsvRecords } from '../../src/format/scan-csv-records.js';
import { describeShared } from '../helpers/shared-data.js';

describeShared('scanCsvRecords on the real UN roll-call files', (dir) => {
  it('gives csv-parse’s records and start lines on both roll-call files and the issue file', async () => {
    for (const f of ['unvotes_un_roll_calls.csv.gz', 'rollcalls_voeten2017.csv.gz', 'unvotes_un_roll_call_issues.csv.gz']) {
      const bytes = await readBytes(path.join(dir, 'unga', f));
      const records = parse(bytes, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES }) as unknown as { record: string[]; info: { lines: number } }[];
      const want = records.map(({ record, info }) => ({ line: info.lines - record.reduce((s, c) => s + (c.match(/\n/g)?.length ?? 0), 0), cells: record }));
      const got = scanCsvRecords(bytes, MAX_RECORD_BYTES);
      if (f === 'unvotes_un_roll_calls.csv.gz') expect(got, `${f}: the plain case`).not.toBeNull();
      if (got !== null) expect(got, f).toEqual(want);
      expect(want.length).toBeGreaterThan(1000);
    }
  });
});
