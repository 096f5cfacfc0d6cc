import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { createCrosswalk } from '../../../src/domain/crosswalk.js';
import { flowTable } from '../../../src/families/trade/flow-list.js';
import { readTradeFlows } from '../../../src/families/trade/read-trade-flows.js';

const fx = (name: string) => path.resolve(__dirname, 'fixtures', name);
const crosswalk = createCrosswalk();
const S = (x: string) => x as Iso3;

describe('readTradeFlows', () => {
  it('reads state_a → state_b flows as importer reports by default, empty values missing', async () => {
    const set = await readTradeFlows(fx('flows_small.csv'), crosswalk, { codes: 'iso3', reportedBy: 'importer' });
    const t = flowTable(set.importerReports);
    expect(t.get(S('RUS'), S('IRN'), 2016)).toBe(2000);
    expect(t.has(S('CHN'), S('IRN'), 2016)).toBe(false);
    expect(set.exporterReports.count).toBe(0);
    expect(set.coverage).toEqual([{ from: 2016, to: 2016 }]);
    expect(set.completeFor).toBe('all');
  });

  it('puts the flows on the exporter side when they are exporter reports', async () => {
    const set = await readTradeFlows(fx('flows_small.csv'), crosswalk, { codes: 'iso3', reportedBy: 'exporter' });
    expect(set.importerReports.count).toBe(0);
    expect(set.exporterReports.count).toBe(5);
  });

  it('rejects negative flows, naming them', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-flows-'));
    const f = path.join(dir, 'neg.csv');
    writeFileSync(f, 'state_a,state_b,year,value\nRUS,IRN,2016,-5\nRUS,CHN,2016,3\n');
    await expect(readTradeFlows(f, crosswalk, { codes: 'iso3', reportedBy: 'importer' })).rejects.toThrow(/1 negative trade flow\(s\) \(RUS→IRN 2016: -5\)/);
  });
});
