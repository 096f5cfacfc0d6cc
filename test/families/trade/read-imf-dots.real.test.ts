import path from 'node:path';
import { expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { flowTable } from '../../../src/families/trade/flow-list.js';
import { readImfDots } from '../../../src/families/trade/read-imf-dots.js';
import { describeShared, readGzipCsv } from '../../helpers/shared-data.js';

const crosswalk = createCrosswalk();
const S = (x: string) => x as Iso3;
const RUS = S('RUS');

describeShared('IMF DOTS on the real Russia tables', (dir) => {
  const exportsFile = path.join(dir, 'trade/imf_dots_russia_exports_fob_2011-2023.csv.gz');
  const importsFile = path.join(dir, 'trade/imf_dots_russia_imports_cif_2010-2022.csv.gz');

  it("reads Russia's exports to Iran 2011–2023 as listed in SOURCE.md", async () => {
    const set = await readImfDots(exportsFile, crosswalk, { reporter: RUS, flow: 'exports' });
    const t = flowTable(set.exporterReports);
    const listed = [3271.8, 1900.4, 1168.6, 1326.9, 1018.9, 1880.9, 1315.8, 1207.5, 1196.9, 1433.7, 3070.5, 1733.5, 1234.3];
    listed.forEach((v, i) => expect(t.get(RUS, S('IRN'), 2011 + i)!, String(2011 + i)).toBeCloseTo(v, 1));
    expect(t.get(RUS, S('CHN'), 2023)!).toBeCloseTo(49429.7, 1);
    expect(set.coverage).toEqual([{ from: 2011, to: 2023 }]);
    const notes = set.notes.join('\n');
    for (const a of ['World', 'Euro Area', 'Advanced Economies', 'Memorandum Items', 'Countries & Areas not specified', 'European Union']) expect(notes).toContain(a);
  });

  it("reads Russia's imports from Iran 2010–2022 as listed in SOURCE.md", async () => {
    const set = await readImfDots(importsFile, crosswalk, { reporter: RUS, flow: 'imports' });
    const t = flowTable(set.importerReports);
    const listed = [271.6, 342.0, 428.4, 432.9, 355.1, 260.2, 302.8, 393.0, 525.8, 385.7, 795.7, 975.2, 744.8];
    listed.forEach((v, i) => expect(t.get(S('IRN'), RUS, 2010 + i)!, String(2010 + i)).toBeCloseTo(v, 1));
    expect(t.get(S('CHN'), RUS, 2022)!).toBeCloseTo(57399.0, 1);
  });

  it('never turns an empty cell into 0: the flows read equal the non-empty cells', async () => {
    const rows = readGzipCsv(importsFile);
    const nonEmpty = rows.reduce((n, r) => n + Object.entries(r).filter(([k, v]) => k !== 'Counterpart Country' && v !== '').length, 0);
    const set = await readImfDots(importsFile, crosswalk, { reporter: RUS, flow: 'imports' });
    expect(set.importerReports.count).toBe(nonEmpty);
    expect([...set.importerReports.value].every((v) => v > 0)).toBe(true); // the file has no reported zeros
  });
});
