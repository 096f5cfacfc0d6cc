import { expect, it } from 'vitest';
import path from 'node:path';
import { COW_SPELLS, GW_SPELLS } from '../../src/domain/state-system-data.js';
import { describeShared, readGzipCsv } from '../helpers/shared-data.js';

describeShared('the generated membership table against the published files', (dir) => {
  const files = path.join(dir, 'states');
  it('holds every COW v2016 spell as published', () => {
    const rows = readGzipCsv(path.join(files, 'cow_states2016.csv.gz'));
    const pad = (n: string) => n.padStart(2, '0');
    const published = rows.map((r) => {
      const end = `${r['endyear']}-${pad(r['endmonth']!)}-${pad(r['endday']!)}`;
      return `${r['ccode']} ${r['styear']}-${pad(r['stmonth']!)}-${pad(r['stday']!)} ${end === '2016-12-31' ? 'open' : end}`;
    });
    expect(COW_SPELLS.map((s) => `${s.code} ${s.start} ${s.end ?? 'open'}`).sort()).toEqual(published.sort());
  });

  it('holds every G&W 2017 spell as published', () => {
    const rows = readGzipCsv(path.join(files, 'gw_states_2017.csv.gz'));
    const published = rows.map((r) => `${r['gwcode']} ${r['startdate']} ${r['enddate'] === '2017-12-31' ? 'open' : r['enddate']}`);
    expect(GW_SPELLS.map((s) => `${s.code} ${s.start} ${s.end ?? 'open'}`).sort()).toEqual(published.sort());
  });
});
