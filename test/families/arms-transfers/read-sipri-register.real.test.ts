import path from 'node:path';
import { expect, it } from 'vitest';
import { dealKey } from '../../../src/families/arms-transfers/deal.js';
import { readSipriRegister } from '../../../src/families/arms-transfers/read-sipri-register.js';
import { describeShared } from '../../helpers/shared-data.js';

describeShared('SIPRI trade register (real data)', (dir) => {
  const rawFile = path.join(dir, 'arms/raw/sipri_trade_register_2025-03-13_raw.csv.gz');
  const cleanFile = path.join(dir, 'arms/sipri_trade_register_2025-03-13.csv.gz');

  it('reads the raw export as SIPRI ships it: Latin-1, header on line 12, four broken records re-joined', async () => {
    const reg = await readSipriRegister(rawFile);
    expect(reg.encoding).toBe('latin1');
    expect(reg.headerLine).toBe(12);
    expect(reg.rejoined).toBe(4);
    expect(reg.deals).toHaveLength(29515);
    expect(reg.generated).toBe('13 Mar 2025 10:02:49 AM');
  });

  it('gives identical records from the raw and the cleaned file', async () => {
    const [raw, clean] = await Promise.all([readSipriRegister(rawFile), readSipriRegister(cleanFile)]);
    expect(clean.deals).toHaveLength(raw.deals.length);
    let differing = 0;
    for (let i = 0; i < raw.deals.length; i++) if (dealKey(raw.deals[i]!) !== dealKey(clean.deals[i]!)) differing++;
    expect(differing).toBe(0);
  });

  it('has the spot values of SOURCE.md for Russia → Iran', async () => {
    const reg = await readSipriRegister(cleanFile);
    const ri = reg.deals.filter((d) => d.supplier === 'Russia' && d.recipient === 'Iran');
    expect(ri).toHaveLength(30);
    const tor = ri.find((d) => d.weaponDesignation === 'Tor-M1')!;
    expect(tor).toMatchObject({ orderYear: 2005, numberOrdered: 29, deliveryYears: [2006, 2007], tivPerUnit: 12.5, tivDelivered: 362.5 });
    const s300 = ri.find((d) => d.weaponDesignation === 'S-300PMU2 Favorit')!;
    expect(s300).toMatchObject({ orderYear: 2015, numberOrdered: 4, deliveryYears: [2016], tivDelivered: 220 });
    const su35 = ri.find((d) => d.weaponDesignation === 'Su-35S')!;
    expect(su35).toMatchObject({ orderYear: 2023, numberOrdered: 24, numberDelivered: 0, deliveryYears: [], tivTotalOrder: 1440 });
    expect(reg.deals.filter((d) => d.supplier === 'Russia' && d.recipient === 'China')).toHaveLength(97);
  });
});
